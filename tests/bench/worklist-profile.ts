// How the worklist's cost grows with the region (npx tsx tests/bench/worklist-profile.ts): loads WORKLIST_FAMILIES
// synthetic households (default 20,000, national profile) over WORKLIST_REGIONS regions (default 4, which makes
// Amsterdam about a quarter of them), evaluates Amsterdam's gaps as on the last day of the year, then times the
// first page of 25 via GraphQL per role, as the benchmark asks it, and a page deep in the list. WORKLIST_STORE=<dir>
// keeps the store on disk and reuses it on the next run, so that two versions of the code can be timed back to
// back on the same data. Then, in one process and by turns, the coordinator's page as it was read before the store
// counted and paged it (every candidate of the region read, then sorted, counted and cut in TypeScript) and as it is
// read now, checking that both give the same page, counts and total. For the coordinator's first page it also prints
// how much of a request each statement takes (the rest is GraphQL, the access decisions and the log entry's queue).
// Timings are printed, never asserted.
import { existsSync, mkdirSync } from 'node:fs';
import {
  createApp,
  createGapService,
  createLogger,
  createRepositories,
  cypher,
  itemsFromCandidates,
  pageFromStore,
  pageOfWorklist,
  statement,
  WorklistCandidateRow,
  type CypherExecutor,
} from '@ketenkaart/api';
import { createDemoAccounts, DEMO_PASSWORD, loadSyntheticFamilies, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { openTestStore, testConfig } from '../support/store.js';
import { timingExecutor } from './timing-executor.js';

const FAMILIES = Number(process.env.WORKLIST_FAMILIES ?? 20_000);
const REGIONS = Number(process.env.WORKLIST_REGIONS ?? 4);
const REQUESTS = Number(process.env.WORKLIST_REQUESTS ?? 60);
const STORE = process.env.WORKLIST_STORE ?? null;
const AS_OF = '2026-06-30';

// The coordinator's candidates as the worklist read them before (issue #21): every open item of the region.
const candidatesBefore = statement(
  'profileWorklistCoordinatorCandidatesBefore',
  cypher`
CALL () {
  MATCH (g:GapFinding) WHERE g.centrumgemeenteId = $cityId AND g.ruleId <> 'REFERRAL_UNANSWERED' AND g.detectedOn <= date($horizon)
  RETURN 'GAP' AS kind, g.id AS id, g.householdId AS householdId, coalesce(g.dueOn, toString(g.detectedOn)) AS dueOn, g.severity AS severity,
    g.ruleId AS ruleId, g.agencyIds AS agencyIds, null AS facilityId,
    CASE WHEN g.dueOn IS NULL THEN toString(g.detectedOn) ELSE null END AS detail
  UNION ALL
  MATCH (r:Referral)-[:REFERRAL_FOR]->(h:Household)
  WHERE r.status = 'SENT' AND r.respondBy <= date($horizon) AND h.centrumgemeenteId = $cityId
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, r.id AS id, r.householdId AS householdId, toString(r.respondBy) AS dueOn, null AS severity,
    null AS ruleId, [r.toAgencyId, r.fromAgencyId] AS agencyIds, null AS facilityId, r.purpose AS detail
  UNION ALL
  MATCH (q:AccessRequest) WHERE q.centrumgemeenteId = $cityId AND q.status = 'PENDING'
  RETURN 'ACCESS_REQUEST' AS kind, q.id AS id, q.householdId AS householdId, toString(q.requestedOn) AS dueOn, null AS severity,
    null AS ruleId, CASE WHEN q.agencyId IS NULL THEN [] ELSE [q.agencyId] END AS agencyIds, null AS facilityId, q.reason AS detail
  UNION ALL
  MATCH (b:BreakGlassGrant)-[:BREAK_GLASS_FOR]->(h:Household)
  WHERE h.centrumgemeenteId = $cityId AND b.reviewed = false
  RETURN 'BREAK_GLASS_USE' AS kind, b.id AS id, b.householdId AS householdId, toString(b.at) AS dueOn, null AS severity,
    null AS ruleId, CASE WHEN b.agencyId IS NULL THEN [] ELSE [b.agencyId] END AS agencyIds, null AS facilityId, b.reason AS detail
}
RETURN kind, id, householdId, dueOn, severity, ruleId, agencyIds, facilityId, detail`,
  WorklistCandidateRow,
);

const millis = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function main() {
  const config = testConfig();
  const reuse = STORE !== null && existsSync(STORE);
  if (STORE) mkdirSync(STORE, { recursive: true });
  const executor: CypherExecutor = await openTestStore(STORE ? { ...config, store: { kind: 'grafeo', dataDir: STORE } } : config);
  const repos = createRepositories(executor);
  if (!reuse) {
    await seedReferenceData(executor);
    await createDemoAccounts(executor);
    let start = process.hrtime.bigint();
    const loaded = await loadSyntheticFamilies(executor, {
      families: FAMILIES,
      regions: REGIONS,
      seed: 2024,
      asOf: AS_OF,
      profile: syntheticProfile('national'),
    });
    console.log(`loaded ${loaded.households} households, ${loaded.events} events in ${Math.round(millis(start) / 1000)} s`);
    start = process.hrtime.bigint();
    await createGapService(repos, () => new Date(`${AS_OF}T12:00:00Z`)).evaluateCity('amsterdam');
    console.log(`amsterdam's gaps evaluated in ${Math.round(millis(start) / 1000)} s`);
  }
  // The app's clock is the real one, as in the benchmark.
  const timing = timingExecutor(executor);
  const app = createApp({ config, executor: timing.executor, logger: createLogger('silent') });
  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await app.fetch(
      new Request('http://profile/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
    );
    const json = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data!;
  };
  const signIn = async (username: string) => {
    const data = await post({
      query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on Session { token } } }`,
      variables: { u: username, p: DEMO_PASSWORD },
    });
    return { authorization: `Bearer ${(data.login as { token: string }).token}` };
  };
  const households = (await repos.households.householdsPage({ cityIds: ['amsterdam'], ids: null, reference: null }, 200_000, null)).items
    .length;
  console.log(`amsterdam: ${households} households`);
  const FIRST = `query { worklist(first: 25) { totalCount counts { kind count } items { id kind dueOn overdue severity household { reference } owedBy { name } otherAgency { name } } pageInfo { endCursor } } }`;
  const DEEP = `query($after: String) { worklist(first: 25, after: $after, sort: SEVERITY) { totalCount items { id } } }`;
  for (const username of ['coordinator.amsterdam', 'worker.som', 'shelter.hvo']) {
    const headers = await signIn(username);
    const first = (await post({ query: FIRST }, headers)).worklist as { totalCount: number };
    const deepAfter = Buffer.from(`k:${Math.floor(first.totalCount / 2)}`).toString('base64url');
    for (const [label, body] of [
      ['first page', { query: FIRST }],
      ['middle page by severity', { query: DEEP, variables: { after: deepAfter } }],
    ] as const) {
      const times: number[] = [];
      timing.totals.clear();
      for (let i = 0; i < REQUESTS; i += 1) {
        const start = process.hrtime.bigint();
        await post(body, headers);
        times.push(millis(start));
      }
      times.sort((a, b) => a - b);
      console.log(
        `${username} ${label}: ${first.totalCount} items, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`,
      );
      if (username !== 'coordinator.amsterdam') continue;
      const whole = times.reduce((sum, t) => sum + t, 0);
      const split = [...timing.totals]
        .filter(([name]) => !name.startsWith('(write transaction'))
        .map(([name, { seconds }]) => [name, seconds * 1000] as const)
        .sort((a, b) => b[1] - a[1]);
      const statements = split.reduce((sum, [, ms]) => sum + ms, 0);
      console.log(
        `  per request: ${split.map(([name, ms]) => `${name} ${(ms / REQUESTS).toFixed(1)} ms`).join(', ')}; ` +
          `the rest ${((whole - statements) / REQUESTS).toFixed(1)} ms of ${(whole / REQUESTS).toFixed(1)} ms`,
      );
    }
  }

  // The coordinator's page before and now, by turns in one process, at the repository level (the GraphQL part, the
  // access decisions for the page's households and the log entry are the same for both).
  const today = new Date().toISOString().slice(0, 10);
  const horizon = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const cases = [
    { label: 'first page', sort: 'DUE' as const, middle: false, overdueOnly: false },
    { label: 'middle page by severity', sort: 'SEVERITY' as const, middle: true, overdueOnly: false },
    { label: 'overdue only, middle page', sort: 'DUE' as const, middle: true, overdueOnly: true },
  ];
  for (const { label, sort, middle, overdueOnly } of cases) {
    const total = (await executor.read((tx) => tx.run(candidatesBefore, { cityId: 'amsterdam', horizon }))).length;
    const options = {
      kinds: null,
      overdueOnly,
      sort,
      size: 25,
      after: middle ? Math.floor(total / 2) : null,
      before: null,
      backward: false,
      today,
    };
    const before = async () =>
      pageOfWorklist(
        itemsFromCandidates('COORDINATOR', await executor.read((tx) => tx.run(candidatesBefore, { cityId: 'amsterdam', horizon })), today),
        options,
      );
    const now = () =>
      pageFromStore('COORDINATOR', (query, place) => repos.worklist.coordinator('amsterdam', horizon, query, place), options);
    const [a, b] = [await before(), await now()];
    const same = JSON.stringify(a) === JSON.stringify(b);
    const times = { before: [] as number[], now: [] as number[] };
    for (let round = 0; round < REQUESTS / 5; round += 1) {
      for (const [side, read] of [
        ['before', before],
        ['now', now],
      ] as const) {
        for (let i = 0; i < 5; i += 1) {
          const start = process.hrtime.bigint();
          await read();
          times[side].push(millis(start));
        }
      }
    }
    const [pb, pn] = [times.before.sort((x, y) => x - y), times.now.sort((x, y) => x - y)];
    console.log(
      `coordinator.amsterdam read, ${label}: ${b.totalCount} items, same page, counts and total: ${same}; ` +
        `before p50 ${quantile(pb, 0.5).toFixed(1)} p95 ${quantile(pb, 0.95).toFixed(1)} ms, now p50 ${quantile(pn, 0.5).toFixed(1)} ` +
        `p95 ${quantile(pn, 0.95).toFixed(1)} ms, ratio of p95 ${(quantile(pb, 0.95) / quantile(pn, 0.95)).toFixed(1)}x`,
    );
  }
  await executor.close();
}

await main();
