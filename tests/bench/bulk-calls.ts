// Would Grafeo's own bulk calls write a CSV import's records faster than its Cypher? Writes 5,000 records of 16
// properties (as an occupancy row has, without the facility edge) three times each way, on a copy of a store
// (BENCH_STORE_DIR, e.g. one of tests/bench/throughput-store.ts; the records stay in it): upsertNodes,
// batchCreateNodesWithProps and UNWIND ... CREATE, one transaction each. Not the import's path (that runs through
// the executor, in Cypher): a measurement of the engine's floor. Rows a second are printed, never asserted.
//
//   BENCH_STORE_DIR=<copy of a store> tsx tests/bench/bulk-calls.ts
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { STORE_FILE } from '../../api/src/db/grafeo-executor.js';

const storeDir = process.env.BENCH_STORE_DIR;
if (!storeDir) throw new Error('BENCH_STORE_DIR names no store: give it a copy, the records written stay in it');
const ROWS = 5_000;
const db = grafeo.GrafeoDB.open(join(storeDir, STORE_FILE));
const record = (i: number, tag: string) => ({
  id: `bulk-${tag}-${i}-${Date.now()}`,
  facilityId: `facility-${i % 50}`,
  kind: 'OCCUPANCY',
  day: '2026-03-01',
  places: i % 40,
  occupied: i % 30,
  waiting: i % 7,
  refusals: i % 3,
  importId: 'bulk-calls',
  status: 'PENDING',
  reportedBy: 'bench',
  provenanceKind: 'AGENCY_REPORT',
  recordedAt: '2026-11-30T00:00:00Z',
  recordedBy: 'bench',
  line: i,
  note: 'bulk-calls',
});
const rowsPerSecond = async (write: (rows: ReturnType<typeof record>[]) => Promise<unknown>, tag: string) => {
  const rows = Array.from({ length: ROWS }, (_, i) => record(i, tag));
  const started = process.hrtime.bigint();
  await write(rows);
  return Math.round(ROWS / (Number(process.hrtime.bigint() - started) / 1e9));
};
for (let round = 1; round <= 3; round += 1) {
  const upsert = await rowsPerSecond((rows) => db.upsertNodes(['BulkCallsRecord'], rows), `u${round}`);
  const batch = await rowsPerSecond((rows) => db.batchCreateNodesWithProps(['BulkCallsRecord'], rows), `b${round}`);
  const cypher = await rowsPerSecond(async (rows) => {
    const tx = db.beginTransaction();
    await tx.executeCypher('UNWIND $rows AS row CREATE (r:BulkCallsRecord) SET r = row', { rows });
    tx.commit();
  }, `c${round}`);
  console.log(`round ${round}: upsertNodes ${upsert}, batchCreateNodesWithProps ${batch}, UNWIND ... CREATE ${cypher} rows a second`);
}
db.close();
