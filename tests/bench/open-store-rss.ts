// Opens the on-disk store in argv[2] in a fresh process, as a server starting on it, and prints its RSS: not closed,
// because closing writes a checkpoint, which is no part of what a server holds (as tests/bench/reopen.ts).
import { createExecutor } from '@ketenkaart/api';

const start = process.hrtime.bigint();
createExecutor({ kind: 'grafeo', dataDir: process.argv[2]! });
const openSeconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ rssMiB: Math.round(process.memoryUsage().rss / 1024 ** 2), openSeconds }));
process.exit(0);
