// Where the bulk load's time goes (issue #21), at a size that runs in minutes. Three modes:
// - `segments N S [B]`: N households in segments of S, each in a child process, with each child's time and CPU
//   to open the store, write its share and checkpoint on close, and its peak RSS after each.
// - `budget N M [B]`: the same, in segments sized to a predicted peak within M MiB (as `npm run bench` loads).
// - `statements N [B]`: N households in this process, on disk, with the time spent in each registered statement
//   (households, members, referrals, events, each kind of edge, stage paths, regie, consents) and in commits.
// B is the batch size (households per write transaction, default 250).
// Run: npx tsx tests/bench/load-profile.ts segments 100000 50000, or budget 60000 1800. Not part of npm test; nothing is asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExecutor } from '@ketenkaart/api';
import { loadSyntheticFamilies, loadSyntheticFamiliesInSegments, seedReferenceData } from '@ketenkaart/seed';
import { openTestStore, testConfig } from '../support/store.js';
import { timingExecutor } from './timing-executor.js';

const [mode = 'segments', familiesArg = '50000', ...rest] = process.argv.slice(2);
const families = Number(familiesArg);
const segmented = mode === 'segments' || mode === 'budget';
const segmentFamilies = mode === 'segments' ? Number(rest[0] ?? 50_000) : families;
const budgetMiB = mode === 'budget' ? Number(rest[0] ?? 5_376) : null;
const batchSize = Number((segmented ? rest[1] : rest[0]) ?? 250);
const options = { families, regions: 43, seed: 2024, asOf: '2026-06-30', profile: 'national' as const, batchSize };
const since = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const round = (n: number) => Math.round(n * 100) / 100;

const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-load-profile-'));
const store = await openTestStore({ ...testConfig(), store: { kind: 'grafeo', dataDir } });
await seedReferenceData(store);
await store.close();
const start = process.hrtime.bigint();
if (segmented) {
  const loaded = await loadSyntheticFamiliesInSegments({
    dataDir,
    segments: budgetMiB ? { budgetMiB } : Math.ceil(families / segmentFamilies),
    ...options,
    onSegment: (s) =>
      console.log(
        JSON.stringify({
          segment: `${s.from + 1}-${s.to}`,
          events: s.events,
          seconds: round(s.seconds),
          wallSeconds: { open: round(s.phases.openSeconds), load: round(s.phases.loadSeconds), close: round(s.phases.closeSeconds) },
          cpuSeconds: {
            open: round(s.phases.openCpuSeconds),
            load: round(s.phases.loadCpuSeconds),
            close: round(s.phases.closeCpuSeconds),
          },
          eventsPerCpuSecond: Math.round(s.events / s.phases.loadCpuSeconds),
          peakRssMiB: { open: s.phases.openPeakRssMiB, load: s.phases.loadPeakRssMiB, close: s.peakRssMiB },
        }),
      ),
  });
  console.log(
    JSON.stringify({ mode, families, segmentFamilies, budgetMiB, batchSize, events: loaded.events, seconds: round(since(start)) }),
  );
} else {
  const { executor, totals } = timingExecutor(createExecutor({ kind: 'grafeo', dataDir }));
  const cpuStart = process.cpuUsage();
  // The rate per tenth of the run, in events per CPU second: does a batch cost more as the process's store grows?
  let mark = process.cpuUsage();
  let marked = { households: 0, events: 0 };
  const loaded = await loadSyntheticFamilies(executor, {
    ...options,
    onProgress: (done) => {
      if (done.households - marked.households < families / 10 && done.households < families) return;
      const used = process.cpuUsage(mark);
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(`households ${done.households}: ${Math.round((done.events - marked.events) / cpuSeconds)} events per CPU second`);
      mark = process.cpuUsage();
      marked = { ...done };
    },
  });
  const loadSeconds = since(start);
  const cpu = process.cpuUsage(cpuStart);
  const loadCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const closeStart = process.hrtime.bigint();
  await executor.close();
  const byTime = [...totals].sort((a, b) => b[1].seconds - a[1].seconds);
  for (const [name, t] of byTime)
    console.log(`${name.padEnd(44)} ${String(t.calls).padStart(6)} calls ${round(t.seconds).toFixed(2).padStart(8)} s`);
  console.log(
    JSON.stringify({
      mode,
      families,
      batchSize,
      events: loaded.events,
      loadSeconds: round(loadSeconds),
      closeSeconds: round(since(closeStart)),
      loadCpuSeconds: round(loadCpuSeconds),
      eventsPerCpuSecond: Math.round(loaded.events / loadCpuSeconds),
      peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
rmSync(dataDir, { recursive: true, force: true });
