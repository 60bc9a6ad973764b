// How long ending a transaction holds the event loop while other statements run in the store. Grafeo 0.6 ends a
// transaction (commit, or the rollback that ends every read) on the calling thread, and waits there until the
// statements running in the store have finished: the server's one thread stands still for that time, and the longer
// statements take (a larger store), the longer. A statement run on its own (auto-commit) ends on the engine's thread.
// Reads only: it writes nothing, so it can run on any store of tests/bench/throughput-store.ts.
//
//   BENCH_STORE_DIR=<store> tsx tests/bench/transaction-end-stall.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { STORE_FILE } from '../../api/src/db/grafeo-executor.js';
import { handoffPath, type ThroughputHandoff } from './report.js';

const storeDir = process.env.BENCH_STORE_DIR;
if (!storeDir) throw new Error('BENCH_STORE_DIR names no store: see tests/bench/throughput-store.ts');
const { households } = JSON.parse(readFileSync(handoffPath(storeDir), 'utf8')) as ThroughputHandoff;
const db = grafeo.GrafeoDB.open(join(storeDir, STORE_FILE));
// A household's events with what the trajectory reads beside them: the statement a request runs most.
const EVENTS = `MATCH (h:Household)-[:HAD]->(e:Event) WHERE h.id IN $ids
WITH e, [(e)<-[:SUPERSEDES]-(newer:Event) | newer.id] AS supersededBy, [(e)-[:FOLLOWS_FROM]->(cause:Event) | cause.id] AS followsFromIds
RETURN e.id AS id, e.kind AS kind, toString(e.occurredOn) AS occurredOn, supersededBy, followsFromIds ORDER BY occurredOn, id`;
const VERSION = 'MATCH (v:ReferenceVersion) RETURN v.stamp AS stamp';
const millis = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
let turn = 0;

/**
 * The event loop's time in one-statement reads, one after another for three seconds, while `load` other reads run
 * one after another each (in auto-commit, so that only the measured reads hold the event loop): mean and p99.
 */
async function held(load: number, mode: 'transaction' | 'auto-commit'): Promise<string> {
  let running = true;
  const others = Array.from({ length: load }, async () => {
    while (running) await db.executeCypher(EVENTS, { ids: [households[turn++ % households.length]!] });
  });
  const times: number[] = [];
  const until = Date.now() + 3_000;
  while (Date.now() < until) {
    let start = process.hrtime.bigint();
    if (mode === 'auto-commit') {
      const answer = db.executeCypher(VERSION, {});
      times.push(millis(start));
      await answer;
      continue;
    }
    const tx = db.beginTransaction();
    const answer = tx.executeCypher(VERSION, {});
    let time = millis(start);
    await answer;
    start = process.hrtime.bigint();
    tx.rollback();
    time += millis(start);
    times.push(time);
  }
  running = false;
  await Promise.all(others);
  times.sort((x, y) => x - y);
  const mean = times.reduce((sum, time) => sum + time, 0) / times.length;
  return `mean ${mean.toFixed(3)} ms, p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(2)} ms`;
}

for (const load of [0, 4, 16])
  for (const mode of ['transaction', 'auto-commit'] as const)
    console.log(`${load} other reads running, ${mode}: event loop held ${await held(load, mode)} a read`);
db.close();
