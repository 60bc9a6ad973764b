// Lists of households from the caller's scope, on Grafeo 0.6: the region's first page and a search, as the
// repository runs them (a statement per scope, starting at an index), beside the earlier shape that took both scopes
// behind `$x IS NULL OR` and read every household of the store. Medians of 7 runs, for the largest region and for
// 200 of its households given by id (an agency's involvement). On a store of tests/bench/throughput-store.ts.
// On 50,000 households (largest region 1,220): first page of the region 10.6 -> 2.0 ms, of 200 given households
// 73.9 -> 1.3 ms; the earlier shape grows with the store, the scoped statements with the scope.
//
//   BENCH_STORE_DIR=<store> tsx tests/bench/household-scope.ts
import { z } from 'zod';
import { createExecutor, createRepositories, cypher, statement } from '@ketenkaart/api';

const storeDir = process.env.BENCH_STORE_DIR;
if (!storeDir) throw new Error('BENCH_STORE_DIR names no store: see tests/bench/throughput-store.ts');
const executor = createExecutor({ kind: 'grafeo', dataDir: storeDir });
const repos = createRepositories(executor);

const largestRegion = statement(
  'benchLargestRegion',
  cypher`
MATCH (h:Household)
RETURN h.centrumgemeenteId AS cityId, count(*) AS households
ORDER BY households DESC
LIMIT 1`,
  z.object({ cityId: z.string(), households: z.number() }),
);
const eitherScope = statement(
  'benchHouseholdsPageEitherScope',
  cypher`
MATCH (h:Household)
WHERE ($cityIds IS NULL OR h.centrumgemeenteId IN $cityIds)
  AND ($ids IS NULL OR h.id IN $ids)
RETURN h.id AS id
ORDER BY h.id
LIMIT 26`,
  z.object({ id: z.string() }),
);

const [region] = await executor.read((tx) => tx.run(largestRegion));
const page = await repos.households.householdsPage({ cityIds: [region!.cityId], ids: null, reference: null }, 200, null);
const ids = page.items.map((h) => h.id);

async function median(run: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let round = 0; round < 7; round += 1) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return `${times.sort((a, b) => a - b)[3]!.toFixed(2)} ms`;
}

const regionScope = { cityIds: [region!.cityId], ids: null };
const idsScope = { cityIds: null, ids };
console.log(`region ${region!.cityId}, ${region!.households} households; 200 of them by id`);
for (const [name, run] of [
  [
    'first page, region, either-scope statement',
    () => executor.read((tx) => tx.run(eitherScope, { cityIds: [region!.cityId], ids: null })),
  ],
  ['first page, region', () => repos.households.householdsPage({ ...regionScope, reference: null }, 25, null)],
  ['first page, by id, either-scope statement', () => executor.read((tx) => tx.run(eitherScope, { cityIds: null, ids }))],
  ['first page, by id', () => repos.households.householdsPage({ ...idsScope, reference: null }, 25, null)],
  ['search "202", region', () => repos.households.searchHouseholdIds({ ...regionScope, caseRefAgencyId: null }, '202', 25, null)],
  ['search "202", by id', () => repos.households.searchHouseholdIds({ ...idsScope, caseRefAgencyId: null }, '202', 25, null)],
] as const)
  console.log(`${name.padEnd(44)} ${await median(run)}`);
await executor.close();
