import { readFileSync } from 'node:fs';
import { createExecutor, createRepositories } from '@ketenkaart/api';
const dir = process.env.BENCH_STORE_DIR!;
const executor = createExecutor({ kind: 'grafeo', dataDir: dir });
const repos = createRepositories(executor);
const h = JSON.parse(readFileSync(`${dir}.throughput.json`, 'utf8')).households[100];
for (const [name, f] of [
  ['household', { householdId: h }],
  ['all', {}],
  ['breakGlass', { breakGlass: true }],
] as const) {
  const times: number[] = []; let n = 0;
  for (let i = 0; i < 5; i++) { const t = process.hrtime.bigint(); n = (await repos.access.log(f as any, 50, null)).length; times.push(Number(process.hrtime.bigint() - t) / 1e6); }
  console.log(name, n, times.sort((a, b) => a - b)[2]!.toFixed(1), 'ms');
}
await executor.close();
