// Does a fresh store load faster with CREATE than with MERGE by id (ids are new by construction)? Writes N nodes
// (default 200,000) under the id constraint and its lookup twin in UNWIND batches of 250, each with an edge to a
// parent node, once with MERGE (node and edge) and once with CREATE, in fresh in-memory stores by turns.
// Run: npx tsx tests/bench/create-vs-merge.ts [N]. Not part of npm test.
import grafeo from '@grafeo-db/js';

const N = Number(process.argv[2] ?? 200_000);
const BATCH = 250;
const statements = {
  MERGE: 'UNWIND $rows AS row MATCH (p:Parent {id: row.parent}) MERGE (t:Thing {id: row.id}) SET t.n = row.n MERGE (p)-[:HAS]->(t)',
  CREATE: 'UNWIND $rows AS row MATCH (p:Parent {id: row.parent}) CREATE (t:Thing {id: row.id}) SET t.n = row.n CREATE (p)-[:HAS]->(t)',
};

async function measure(kind: keyof typeof statements): Promise<number> {
  const db = grafeo.GrafeoDB.create();
  for (const label of ['Thing', 'Parent']) {
    await db.executeCypher(`CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`);
    await db.executeCypher(`CREATE INDEX ${label.toLowerCase()}_id_lookup IF NOT EXISTS FOR (n:${label}) ON (n.id)`);
  }
  await db.executeCypher('UNWIND range(0, $n) AS i CREATE (:Parent {id: toString(i)})', { n: Math.ceil(N / 6) });
  const start = performance.now();
  for (let from = 0; from < N; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, N - from) }, (_, i) => ({
      id: `t-${from + i}`,
      n: from + i,
      parent: String(Math.floor((from + i) / 6)),
    }));
    const tx = db.beginTransaction();
    await tx.executeCypher(statements[kind], { rows });
    tx.commit();
  }
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return seconds;
}

const times: Record<string, number[]> = { MERGE: [], CREATE: [] };
for (let round = 0; round < 2; round += 1) for (const kind of ['MERGE', 'CREATE'] as const) times[kind]!.push(await measure(kind));
console.log(JSON.stringify({ nodes: N, batch: BATCH, seconds: times }));
