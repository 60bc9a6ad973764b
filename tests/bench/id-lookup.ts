// Does a Grafeo uniqueness constraint serve lookups by id on its own, or does it need the `*_id_lookup` index beside
// it (schema/migrations/0005)? Builds N nodes (default 200,000) under the constraint, with and without the twin
// index, and times creates under the constraint, MATCH by id, and MERGE by id; prints the PROFILE operator of the
// lookup. Run: npx tsx tests/bench/id-lookup.ts [N]. Not part of npm test.
import grafeo from '@grafeo-db/js';

const N = Number(process.argv[2] ?? 200_000);
const LOOKUPS = 2_000;
const BATCH = 5_000;

async function measure(withTwin: boolean) {
  const db = grafeo.GrafeoDB.create();
  await db.executeCypher('CREATE CONSTRAINT thing_id IF NOT EXISTS FOR (n:Thing) REQUIRE n.id IS UNIQUE');
  if (withTwin) await db.executeCypher('CREATE INDEX thing_id_lookup IF NOT EXISTS FOR (n:Thing) ON (n.id)');
  let start = performance.now();
  for (let from = 0; from < N; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - from) }, (_, i) => ({ id: `t-${from + i}`, n: from + i }));
    await db.executeCypher('UNWIND $rows AS row CREATE (t:Thing {id: row.id, n: row.n})', { rows });
    // Without the twin every create scans the label to check uniqueness: give up after a minute and say how far.
    if (performance.now() - start > 60_000) return { withTwin, created: from + rows.length, createS: 'over 60 s' };
  }
  const createS = (performance.now() - start) / 1000;
  const ids = Array.from({ length: LOOKUPS }, (_, i) => `t-${Math.floor((i * 7919) % N)}`);
  start = performance.now();
  for (const id of ids) await db.executeCypher('MATCH (t:Thing {id: $id}) RETURN t.n AS n', { id });
  const matchMs = (performance.now() - start) / LOOKUPS;
  start = performance.now();
  for (const id of ids.slice(0, 200)) await db.executeCypher('MERGE (t:Thing {id: $id}) SET t.seen = true RETURN t.n AS n', { id });
  const mergeMs = (performance.now() - start) / 200;
  const profiled = await db.executeCypher('PROFILE MATCH (t:Thing {id: $id}) RETURN t.n AS n', { id: ids[0] });
  const ops: string[] = [];
  const walk = (op: { operator: string; detail: string; children: unknown[] } | undefined) => {
    if (!op) return;
    ops.push(`${op.operator}(${op.detail})`);
    for (const child of op.children) walk(child as never);
  };
  walk(profiled.profile?.root);
  const rss = Math.round(process.memoryUsage().rss / 1024 ** 2);
  db.close();
  return {
    withTwin,
    createS: createS.toFixed(2),
    matchMs: matchMs.toFixed(3),
    mergeMs: mergeMs.toFixed(3),
    plan: ops.join(' <- '),
    rssMiB: rss,
  };
}

for (const withTwin of [false, true]) console.log(JSON.stringify(await measure(withTwin)));
