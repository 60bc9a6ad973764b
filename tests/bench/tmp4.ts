import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createExecutor, cypher, statement } from '@ketenkaart/api';
const dir = process.env.BENCH_STORE_DIR!;
const executor = createExecutor({ kind: 'grafeo', dataDir: dir });
const hs = JSON.parse(readFileSync(`${dir}.throughput.json`, 'utf8')).households;
const C = z.object({ n: z.number() });
const S = {
  eq: statement('u1', cypher`MATCH (l:AccessLogEntry) WHERE l.householdId = $h RETURN count(l) AS n`, C),
  inList: statement('u2', cypher`MATCH (l:AccessLogEntry) WHERE l.householdId IN $hs RETURN count(l) AS n`, C),
  inListTrue: statement('u3', cypher`MATCH (l:AccessLogEntry) WHERE l.householdId IN $hs AND ($x IS NULL OR l.accountId = $x) RETURN count(l) AS n`, C),
  mapEq: statement('u4', cypher`MATCH (l:AccessLogEntry {householdId: $h}) RETURN count(l) AS n`, C),
  all: statement('u5', cypher`MATCH (l:AccessLogEntry) RETURN count(l) AS n`, C),
};
for (const h of [hs[0], hs[100]]) for (const [name, s] of Object.entries(S)) {
  const p = Object.fromEntries(s.params.map((k) => [k, ({ h, hs: [h], x: null } as any)[k]]));
  const times: number[] = []; let n = 0;
  for (let i = 0; i < 5; i++) { const t = process.hrtime.bigint(); n = (await executor.read((tx) => tx.run(s as any, p)) as any)[0].n; times.push(Number(process.hrtime.bigint() - t) / 1e6); }
  console.log(name.padEnd(10), n, times.sort((a, b) => a - b)[2]!.toFixed(2), 'ms');
}
await executor.close();
