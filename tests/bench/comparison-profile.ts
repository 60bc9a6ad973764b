// Where the city comparison's time goes (npx tsx tests/bench/comparison-profile.ts): loads COMPARISON_FAMILIES
// synthetic households (default 100,000, national profile, 43 regions) into an embedded store, then asks the bench's
// comparison of the four cities for one year (tests/bench/run.ts, step 5) COMPARISON_ROUNDS times as a policy maker,
// through the app, and prints each round's time with the time of each statement in it (summed over its calls: the
// cities are compared side by side, so the sums overlap and can exceed the round). The bench records the first
// round as its first-request figure and the next four as its later ones. COMPARISON_STORE=<dir> keeps the store on
// disk and reuses it on the next run.
import { existsSync, mkdirSync } from 'node:fs';
import { createApp, createLogger } from '@ketenkaart/api';
import { createDemoAccounts, DEMO_PASSWORD, loadSyntheticFamilies, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { LOGIN } from '../support/accounts.js';
import { gql, openTestStore, testConfig } from '../support/store.js';
import { cityComparisonQuery } from './comparison-query.js';
import { timingExecutor } from './timing-executor.js';

const FAMILIES = Number(process.env.COMPARISON_FAMILIES ?? 100_000);
const ROUNDS = Number(process.env.COMPARISON_ROUNDS ?? 5);
const STORE = process.env.COMPARISON_STORE ?? null;
const AS_OF = '2026-06-30';

const config = testConfig();
const reuse = STORE !== null && existsSync(STORE);
if (STORE) mkdirSync(STORE, { recursive: true });
const inner = await openTestStore(STORE ? { ...config, store: { kind: 'grafeo', dataDir: STORE } } : config);
if (!reuse) {
  await seedReferenceData(inner);
  await createDemoAccounts(inner);
  const options = { families: FAMILIES, regions: 43, seed: 2024, asOf: AS_OF, profile: syntheticProfile('national'), batchSize: 250 };
  const loaded = await loadSyntheticFamilies(inner, options);
  console.log(`loaded ${loaded.households} households, ${loaded.events} events`);
}
const { executor, totals } = timingExecutor(inner);
const app = createApp({ config, executor, logger: createLogger('silent') });

const signIn = await gql(app, LOGIN, { username: 'policy', password: DEMO_PASSWORD });
const token = (signIn.data?.login as { token?: string } | undefined)?.token;
if (!token) throw new Error(`sign-in failed: ${JSON.stringify(signIn)}`);

for (let round = 1; round <= ROUNDS; round += 1) {
  totals.clear();
  const start = process.hrtime.bigint();
  const answer = await gql(app, cityComparisonQuery(AS_OF), {}, { authorization: `Bearer ${token}` });
  const took = Number(process.hrtime.bigint() - start) / 1e6;
  if (answer.errors) throw new Error(`comparison failed: ${JSON.stringify(answer.errors)}`);
  const statements = [...totals]
    .sort((a, b) => b[1].seconds - a[1].seconds)
    .map(([name, { calls, seconds }]) => `${name} ${calls}x ${Math.round(seconds * 1000)} ms`);
  console.log(`round ${round}: ${Math.round(took)} ms; ${statements.join(', ')}`);
}
await inner.close();
