// How the worklist's cost grows with the region (npx tsx tests/bench/worklist-profile.ts): loads WORKLIST_FAMILIES
// synthetic households (default 20,000, national profile) over WORKLIST_REGIONS regions (default 4, which makes
// Amsterdam about a quarter of them), evaluates Amsterdam's gaps as on the last day of the year, then times the
// first page of 25 via GraphQL per role, as the benchmark asks it, and a page deep in the list. WORKLIST_STORE=<dir>
// keeps the store on disk and reuses it on the next run, so that two versions of the code can be timed back to
// back on the same data. Timings are printed, never asserted.
import { existsSync, mkdirSync } from 'node:fs';
import { createApp, createGapService, createLogger, createRepositories, type CypherExecutor } from '@ketenkaart/api';
import { createDemoAccounts, DEMO_PASSWORD, loadSyntheticFamilies, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { openTestStore, testConfig } from '../support/store.js';

const FAMILIES = Number(process.env.WORKLIST_FAMILIES ?? 20_000);
const REGIONS = Number(process.env.WORKLIST_REGIONS ?? 4);
const REQUESTS = Number(process.env.WORKLIST_REQUESTS ?? 60);
const STORE = process.env.WORKLIST_STORE ?? null;
const AS_OF = '2026-06-30';

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
  const app = createApp({ config, executor, logger: createLogger('silent') });
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
      for (let i = 0; i < REQUESTS; i += 1) {
        const start = process.hrtime.bigint();
        await post(body, headers);
        times.push(millis(start));
      }
      times.sort((a, b) => a - b);
      console.log(
        `${username} ${label}: ${first.totalCount} items, p50 ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`,
      );
    }
  }
  await executor.close();
}

await main();
