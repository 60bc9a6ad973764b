// Shared by access-check-growth.ts and property-match-growth.ts: does a lookup's cost grow with the access log that
// every read writes? Each script names its lookups; this grows the log in steps and times them at each step.
import { readFileSync } from 'node:fs';
import { createExecutor, createRepositories } from '@ketenkaart/api';
import { handoffPath, type ThroughputHandoff } from './report.js';

/**
 * The store BENCH_STORE_DIR names (one of tests/bench/throughput-store.ts, with its session pool beside it), its
 * repositories, 20 of its sampled households and a made-up account whose log entries the scripts add.
 */
export function openStoreToGrow() {
  const storeDir = process.env.BENCH_STORE_DIR;
  if (!storeDir) throw new Error('BENCH_STORE_DIR names no store: see tests/bench/throughput-store.ts');
  const handoff = JSON.parse(readFileSync(handoffPath(storeDir), 'utf8')) as ThroughputHandoff;
  const executor = createExecutor({ kind: 'grafeo', dataDir: storeDir });
  return {
    handoff,
    executor,
    repos: createRepositories(executor),
    households: handoff.households.slice(0, 20),
    accountId: `growth-probe-${Date.now()}`,
  };
}

type Lookup = (householdId: string) => Promise<unknown>;

/** One read by a made-up coordinator account, as the API logs it. */
export const logEntry = (accountId: string, householdId: string) => ({
  accountId,
  role: 'COORDINATOR' as const,
  agencyId: null,
  householdId,
  searchTerms: null,
  basis: 'log-growth',
  breakGlass: false,
  requestId: 'log-growth',
  action: 'READ' as const,
  operation: 'bench',
  outcome: 'ALLOWED' as const,
});

/** Median of five rounds over the households, per lookup, one call at a time. */
async function medians(households: readonly string[], lookups: Record<string, Lookup>): Promise<string> {
  const figures: string[] = [];
  for (const [name, run] of Object.entries(lookups)) {
    const times: number[] = [];
    for (let round = 0; round < 5; round += 1)
      for (const id of households) {
        const start = process.hrtime.bigint();
        await run(id);
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    times.sort((a, b) => a - b);
    figures.push(`${name} ${times[times.length >> 1]!.toFixed(2)}`);
  }
  return figures.join(', ');
}

/**
 * Times the lookups with the log as it is, then after 10,000 and 40,000 entries of a made-up account spread over the
 * households (so run it on a copy of a store).
 */
export async function timeAsTheLogGrows(
  repos: ReturnType<typeof createRepositories>,
  households: readonly string[],
  accountId: string,
  lookups: Record<string, Lookup>,
): Promise<void> {
  let written = 0;
  for (const target of [0, 10_000, 40_000]) {
    for (; written < target; written += 1_000)
      await repos.access.append(households.flatMap((id) => Array.from({ length: 50 }, () => logEntry(accountId, id))));
    console.log(`log ${target} entries over ${households.length} households (ms, median): ${await medians(households, lookups)}`);
  }
}
