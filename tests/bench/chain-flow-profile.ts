// Where the chain flow's time goes, before and after stored stage paths (npx tsx tests/bench/chain-flow-profile.ts):
// loads FLOW_FAMILIES synthetic households (default 50,000, national profile, FLOW_REGIONS regions, default 43) into an
// embedded store, then per city and round times the flow for one year both ways back to back, checks that both
// give the same flow, and times the GraphQL field as a policy maker asks it. Fewer regions make a larger city
// (4 regions: Amsterdam with about a quarter of the households). FLOW_STORE=<dir> keeps the store on disk and
// reuses it on the next run (the load is most of the run).
import { existsSync, mkdirSync } from 'node:fs';
import { z } from 'zod';
import {
  addStageTotals,
  chainFlowOf,
  createApp,
  createLogger,
  createRepositories,
  cypher,
  stagePath,
  StagePathEventRow,
  stagePathTotals,
  statement,
  type CypherExecutor,
  type FlowEvent,
} from '@ketenkaart/api';
import { opt, ReferralStatus, RefusalReason } from '@ketenkaart/schema';

import { createDemoAccounts, DEMO_PASSWORD, loadSyntheticFamilies, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { openTestStore, testConfig } from '../support/store.js';

const FAMILIES = Number(process.env.FLOW_FAMILIES ?? 50_000);
const REGIONS = Number(process.env.FLOW_REGIONS ?? 43);
const ROUNDS = Number(process.env.FLOW_ROUNDS ?? 3);
const STORE = process.env.FLOW_STORE ?? null;
const AS_OF = '2026-06-30';
const PERIOD = { from: '2025-07-01', to: AS_OF };

const millis = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (n: number) => Math.round(n);

// The flow as it was read before stage paths were stored (every effective event of the region, ordered and folded
// in TypeScript): the "before" of each round, and the reference the stored paths' flow must equal.
const allFlowEvents = statement(
  'profileChainFlowEventsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN h.id AS householdId, e.id AS id, e.kind AS kind, e.verdictKind AS verdictKind,
  toString(e.occurredOn) AS occurredOn, toString(e.recordedAt) AS recordedAt`,
  StagePathEventRow,
);
const allFlowReferrals = statement(
  'profileChainFlowReferralsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REFERRAL_FOR]-(r:Referral)
WHERE r.sentOn >= date($from) AND r.sentOn <= date($to)
RETURN h.id AS householdId, r.fromAgencyId AS fromAgencyId, r.toAgencyId AS toAgencyId, r.status AS status,
  toString(r.sentOn) AS sentOn, toString(r.respondedOn) AS respondedOn, r.refusalReason AS refusalReason`,
  z.object({
    householdId: z.string(),
    fromAgencyId: z.string(),
    toAgencyId: z.string(),
    status: ReferralStatus,
    sentOn: z.string(),
    respondedOn: opt(z.string()),
    refusalReason: opt(RefusalReason),
  }),
);
const countFlowEvents = statement(
  'profileCountFlowEvents',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN count(e) AS events, count(DISTINCT h) AS households`,
  z.object({ events: z.number(), households: z.number() }),
);

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, millis(start)];
}

async function main() {
  const config = testConfig();
  const reuse = STORE !== null && existsSync(STORE);
  if (STORE) mkdirSync(STORE, { recursive: true });
  const executor: CypherExecutor = await openTestStore(STORE ? { ...config, store: { kind: 'grafeo', dataDir: STORE } } : config);
  if (!reuse) {
    await seedReferenceData(executor);
    await createDemoAccounts(executor);
    const [loaded, ms] = await timed(() =>
      loadSyntheticFamilies(executor, {
        families: FAMILIES,
        regions: REGIONS,
        seed: 2024,
        asOf: AS_OF,
        profile: syntheticProfile('national'),
      }),
    );
    console.log(`loaded ${loaded.households} households, ${loaded.events} events in ${round(ms / 1000)} s`);
  }
  const repos = createRepositories(executor);
  const app = createApp({ config, executor, logger: createLogger('silent') });
  const login = await app.fetch(
    new Request('http://profile/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on Session { token } } }`,
        variables: { u: 'policy', p: DEMO_PASSWORD },
      }),
    }),
  );
  const token = ((await login.json()) as { data: { login: { token: string } } }).data.login.token;
  const field = (cityId: string) =>
    app
      .fetch(
        new Request('http://profile/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `query { chainFlow(centrumgemeenteId: "${cityId}", from: "${PERIOD.from}", to: "${PERIOD.to}") { stages { state entered { value } } transitions { from to households { value } } } }`,
          }),
        }),
      )
      .then((r) => r.json());

  const cities = (process.env.FLOW_CITIES ?? 'amsterdam,utrecht,leeuwarden,oss').split(',');
  const before: number[] = [];
  const after: number[] = [];
  for (let roundNo = 1; roundNo <= ROUNDS; roundNo++) {
    for (const cityId of cities) {
      const [[count], countMs] = await timed(() => executor.read((tx) => tx.run(countFlowEvents, { cityId })));
      // Before: every effective event of the region, ordered and folded in TypeScript.
      const [[events, oldReferrals], eventsMs] = await timed(() =>
        executor.read(
          async (tx) => [await tx.run(allFlowEvents, { cityId }), await tx.run(allFlowReferrals, { cityId, ...PERIOD })] as const,
        ),
      );
      const [reference, foldMs] = await timed(async () => {
        const byId = new Map<string, FlowEvent[]>();
        for (const e of events) (byId.get(e.householdId) ?? byId.set(e.householdId, []).get(e.householdId)!).push(e);
        return chainFlowOf(stagePathTotals([...byId.values()].map(stagePath), PERIOD), oldReferrals, PERIOD);
      });
      // After: the stored stage paths aggregated in the store (and households without one folded here).
      const [inputs, inputsMs] = await timed(() => repos.analytics.flowInputs(cityId, PERIOD.from, PERIOD.to));
      const [flow, addMs] = await timed(async () => {
        const byId = new Map<string, FlowEvent[]>();
        for (const e of inputs.eventsWithoutStagePath) (byId.get(e.householdId) ?? byId.set(e.householdId, []).get(e.householdId)!).push(e);
        return chainFlowOf(addStageTotals(inputs, stagePathTotals([...byId.values()].map(stagePath), PERIOD)), inputs.referrals, PERIOD);
      });
      const same = JSON.stringify(flow) === JSON.stringify(reference);
      const [, fieldMs] = await timed(() => field(cityId));
      if (cityId === cities[0] && roundNo > 1) {
        before.push(eventsMs + foldMs);
        after.push(inputsMs + addMs);
      }
      console.log(
        `round ${roundNo} ${cityId}: ${count!.households} households, ${count!.events} events (engine count ${round(countMs)} ms) | ` +
          `before: event rows + referrals ${round(eventsMs)} ms, fold ${round(foldMs)} ms | after: stored paths ${round(inputsMs)} ms ` +
          `(${inputs.eventsWithoutStagePath.length} events without a path), add ${round(addMs)} ms | equal ${same} | GraphQL field ${round(fieldMs)} ms`,
      );
      if (!same) process.exitCode = 1;
    }
  }
  const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;
  console.log(`${cities[0]} median of rounds 2..${ROUNDS}: before ${round(median(before))} ms, after ${round(median(after))} ms`);
  if (process.env.FLOW_DUMP) console.log(JSON.stringify(await field('amsterdam')));
  await executor.close();
}

await main();
