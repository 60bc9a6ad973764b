// Does the bulk load gain from writing two batches at once? Loads WRITE_FAMILIES synthetic households (default
// 4,000, national profile) into a fresh in-memory store, 250 to a transaction, with the executor's writes queued (one
// transaction at a time, as the load runs) or interleaved (Grafeo's concurrent write transactions, as Neo4j's) and
// WRITE_IN_FLIGHT batches asked for at once. Prints events a second and the process's CPU seconds against the wall
// clock: CPU seconds no higher than wall seconds mean the second core did no work. Timings are printed, never
// asserted.
//
//   [WRITE_FAMILIES=4000] [WRITE_IN_FLIGHT=2] tsx tests/bench/write-concurrency.ts queued|interleaved
import { createExecutor, createRepositories, migrate, type HouseholdPath } from '@ketenkaart/api';
import { generateFamilies, seedReferenceData, syntheticProfile } from '@ketenkaart/seed';
import { regionsFor } from '../../seed/src/synthetic/regions.js';

const FAMILIES = Number(process.env.WRITE_FAMILIES ?? 4_000);
const IN_FLIGHT = Number(process.env.WRITE_IN_FLIGHT ?? 2);
const writes = process.argv[2] === 'interleaved' ? 'interleaved' : 'queued';
const AS_OF = '2026-07-01';

const executor = createExecutor({ kind: 'grafeo', dataDir: null, writes });
await migrate(executor);
await seedReferenceData(executor);
const now = new Date(`${AS_OF}T12:00:00Z`);
const regions = await regionsFor(executor, 43, now);
const bulk = createRepositories(executor).bulk;
const provenance = { recordedBy: 'seed:synthetic', provenanceKind: 'SYNTHETIC' as const, recordedAt: now.toISOString() };

let events = 0;
const inFlight = new Set<Promise<void>>();
const write = (batch: HouseholdPath[]) => {
  const written: Promise<void> = bulk.loadPaths(batch, provenance).then((result) => {
    events += result.events;
    inFlight.delete(written);
  });
  inFlight.add(written);
};
const started = process.hrtime.bigint();
const cpuBefore = process.cpuUsage();
let batch: HouseholdPath[] = [];
for (const path of generateFamilies({ seed: 7, families: FAMILIES, regions, asOf: AS_OF, profile: syntheticProfile('national') })) {
  batch.push(path);
  if (batch.length < 250) continue;
  write(batch);
  batch = [];
  if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
}
if (batch.length > 0) write(batch);
await Promise.all(inFlight);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const cpu = process.cpuUsage(cpuBefore);
console.log(
  `${writes}, ${IN_FLIGHT} in flight: ${events} events in ${seconds.toFixed(1)} s, ${Math.round(events / seconds)} events/s; ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`,
);
await executor.close();
