// API fuzzing over every mutation of the schema (issue 15): no 5xx, no stack trace or Cypher in an answer, and
// no graph change from a refused call. FUZZ_RUNS sets the number of inputs (the benchmark runs 10,000 and more).
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { prepareFuzzWorld, runApiFuzz, type FuzzPools } from '../support/api-fuzz.js';
import { openTestStore, testApp } from '../support/store.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

let executor: CypherExecutor;
let app: App;
let pools: FuzzPools;

beforeAll(async () => {
  executor = await openTestStore();
  await seedReferenceData(executor);
  app = testApp(executor);
  pools = await prepareFuzzWorld(app, executor);
});
afterAll(async () => executor.close());

it(
  `answers ${RUNS} generated mutation calls without a 5xx, a leak or a change from a refused call`,
  async () => {
    const stats = await runApiFuzz(app, executor, pools, RUNS);
    if (process.env.FUZZ_VERBOSE) console.log(JSON.stringify(stats));
    expect(stats.calls).toBe(RUNS);
    // The generator must reach past the front door: most calls are refused, but not all of them at parse time.
    expect(stats.refused).toBeGreaterThan(0);
    expect(stats.byStatus[200] ?? 0).toBeGreaterThan(0);
  },
  60_000 + RUNS * 100,
);
