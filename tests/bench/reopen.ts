// Opens a store the bench left on disk and prints the process's memory, as a server that starts on it would hold it.
import { createExecutor } from '@ketenkaart/api';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: reopen.ts <store directory>');
const before = process.hrtime.bigint();
const executor = createExecutor({ kind: 'grafeo', dataDir });
const openSeconds = Number(process.hrtime.bigint() - before) / 1e9;
await executor.close();
console.log(JSON.stringify({ rssMiB: Math.round(process.resourceUsage().maxRSS / 1024), openSeconds }));
