// What the session lookup of every signed-in request costs the engine, in the form the repository registers
// (sessionWithReferenceStamp: the liveness test as a column) and in the form before 2026-11-30 (the same test in a
// WHERE, which Grafeo 0.6 plans label-first over every Session node). Opens a store of throughput-store.ts with
// Grafeo itself and runs each form 10,000 times, 16 at a time, over the store's sessions; prints wall and CPU time a
// statement (the process's, Grafeo's threads included) in two rounds, and each form's plan.
//
//   npx tsx tests/bench/session-lookup-cost.ts <store dir>
//
// Not part of npm run bench; nothing asserted.
import grafeo from '@grafeo-db/js';
import { registeredStatements } from '@ketenkaart/api';
import { STORE_FILE } from '../../api/src/db/grafeo-executor.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: session-lookup-cost.ts <store dir>');
const db = grafeo.GrafeoDB.open(`${dir}/${STORE_FILE}`);
const registered = registeredStatements().find((s) => s.name === 'sessionWithReferenceStamp')!.text;
const forms: Record<string, string> = {
  'live column (registered)': registered,
  'WHERE (before)': `MATCH (v:ReferenceVersion)
OPTIONAL MATCH (s:Session {tokenHash: $tokenHash})-[:SESSION_OF]->(a:Account)
WHERE s.expiresAt > datetime($now) AND a.active = true
RETURN v.stamp AS stamp, a.id AS id, a.username AS username, a.role AS role, a.agencyId AS agencyId,
  a.centrumgemeenteId AS centrumgemeenteId, s.csrfToken AS csrfToken`,
};
const hashes = (await db.executeCypher('MATCH (s:Session) RETURN s.tokenHash AS tokenHash')).toArray().map((row) => row.tokenHash);
if (hashes.length === 0) throw new Error(`${dir} holds no sessions: use a store of throughput-store.ts`);
const now = new Date().toISOString();
const CALLS = 10_000;
const IN_FLIGHT = 16;
console.log(`${hashes.length} sessions in the store`);
for (const round of [1, 2]) {
  for (const [name, text] of Object.entries(forms)) {
    let next = 0;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < CALLS) (await db.executeCypher(text, { tokenHash: hashes[next++ % hashes.length], now })).toArray();
      }),
    );
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    console.log(
      `round ${round}, ${name}: ${(wall / CALLS).toFixed(3)} ms wall, ${((cpu.user + cpu.system) / 1000 / CALLS).toFixed(3)} ms CPU a statement`,
    );
  }
}
for (const [name, text] of Object.entries(forms)) {
  const [row] = (await db.executeCypher(`EXPLAIN ${text}`, { tokenHash: hashes[0], now })).toArray() as { plan: string }[];
  console.log(`\n${name}:\n${row?.plan}`);
}
db.close();
