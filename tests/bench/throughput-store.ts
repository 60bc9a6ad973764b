// A store and session pool for tests/bench/profile-server.ts and throughput.ts without the whole of run.ts: loads
// BENCH_FAMILIES synthetic households in segments into a fresh store on disk, signs in SESSION_POOL_SIZE (report.ts) Amsterdam coordinators and
// leaves the handoff (tokens and sampled households) beside the store, as run.ts does. Prints the store's directory.
//
//   BENCH_FAMILIES=20000 tsx tests/bench/throughput-store.ts
//   BENCH_STORE_DIR=<printed directory> tsx tests/bench/profile-server.ts trajectory
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, createExecutor, createLogger, createRepositories } from '@ketenkaart/api';
import { createDemoAccounts, DEMO_PASSWORD, loadSyntheticFamiliesInSegments, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { openTestStore, testConfig } from '../support/store.js';
import { handoffPath, SESSION_POOL_SIZE, type ThroughputHandoff } from './report.js';

const FAMILIES = Number(process.env.BENCH_FAMILIES ?? 20_000);
const SEGMENT_FAMILIES = 50_000;

const config = testConfig();
const storeDir = mkdtempSync(join(tmpdir(), 'ketenkaart-throughput-'));
const store = { kind: 'grafeo' as const, dataDir: storeDir };
let executor = await openTestStore({ ...config, store });
await seedReferenceData(executor);
await createDemoAccounts(executor);
await executor.close();
await loadSyntheticFamiliesInSegments({
  dataDir: storeDir,
  segments: Math.ceil(FAMILIES / SEGMENT_FAMILIES),
  families: FAMILIES,
  regions: 43,
  seed: 2024,
  asOf: '2026-06-30',
  profile: syntheticProfile('national'),
  batchSize: 250,
});
executor = createExecutor(store);
const repos = createRepositories(executor);
const app = createApp({ config, executor, logger: createLogger('silent') });
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { ... on Session { token } } }';
const tokens: string[] = [];
for (let i = 0; i < SESSION_POOL_SIZE; i += 1) {
  const username = `bench.coordinator.${i}`;
  await repos.accounts.create({ username, role: 'COORDINATOR', agencyId: null, centrumgemeenteId: 'amsterdam', password: DEMO_PASSWORD });
  const response = await app.fetch(
    new Request('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: username, p: DEMO_PASSWORD } }),
    }),
  );
  tokens.push(((await response.json()) as { data: { login: { token: string } } }).data.login.token);
}
const households: string[] = [];
for (let after: string | null = null; households.length < 1_000;) {
  const ids = await repos.gaps.householdIdsOfCity('amsterdam', after, 1_000);
  if (ids.length === 0) break;
  households.push(...ids);
  after = ids.at(-1)!;
}
await executor.close();
const handoff: ThroughputHandoff = { tokens, households: households.slice(0, 1_000) };
writeFileSync(handoffPath(storeDir), JSON.stringify(handoff), { mode: 0o600 });
console.log(storeDir);
