// The second step of npm run bench: opens the store the run left on disk, in a process of its own (as a server
// starting on it), records the memory that takes, deletes the store and writes the results again. A process of
// its own, because the loading process keeps what its writes used: the two together would not fit the machine.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createExecutor } from '@ketenkaart/api';
import { NATIONAL_HOUSEHOLDS, resultsJson, resultsMarkdown, resultsMd, round, type BenchRun } from './report.js';

const run = JSON.parse(readFileSync(resultsJson, 'utf8')) as BenchRun;
const { storeDir } = run;
if (storeDir) {
  const mib = (bytes: number) => Math.round(bytes / 1024 ** 2);
  const start = process.hrtime.bigint();
  // Opened and measured, not closed: closing writes a checkpoint, which is no part of what a server holds.
  createExecutor({ kind: 'grafeo', dataDir: storeDir });
  const openSeconds = round(Number(process.hrtime.bigint() - start) / 1e9);
  const held = mib(process.memoryUsage().rss);
  const peak = mib(process.resourceUsage().maxRSS * 1024);
  const { households } = run.scale;
  run.figures.push({
    name: 'RSS of a server process with the store opened from disk',
    value: held,
    unit: 'MiB',
    target: '< 6144 MiB for the national year',
    met: households >= NATIONAL_HOUSEHOLDS ? held < 6144 : null,
    note: `opened in ${openSeconds} s, peak ${peak} MiB while opening; ${round((held * 1024) / households)} KiB per household; findings and access log included`,
  });
  delete run.storeDir;
  rmSync(storeDir, { recursive: true, force: true });
  writeFileSync(resultsJson, `${JSON.stringify(run, null, 2)}\n`);
  writeFileSync(resultsMd, resultsMarkdown(run));
}
// The store was only read: nothing to checkpoint, and its files are gone.
process.exit(0);
