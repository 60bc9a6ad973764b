// One segment of a segmented load (segmented-load.ts), as a process of its own: opens the on-disk store, loads
// families from + 1 to `to`, closes the store (the checkpoint is part of the segment) and prints what it did, with
// the time of each phase: opening grows with the store written so far, so the segment size is chosen from these.
import { createExecutor } from '@ketenkaart/api';
import { loadSyntheticFamilies } from './load.js';
import type { SegmentRequest, SegmentResult } from './segmented-load.js';

const request = JSON.parse(process.argv[2] ?? '') as SegmentRequest;
const start = process.hrtime.bigint();
const since = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
// CPU seconds of the process (every thread of the engine included): on a shared machine wall time says little.
const cpuSince = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};
let cpu = process.cpuUsage();
const executor = createExecutor({ kind: 'grafeo', dataDir: request.dataDir });
const openSeconds = since(start);
const openCpuSeconds = cpuSince(cpu);
cpu = process.cpuUsage();
const peakMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const openPeakRssMiB = peakMiB();
const loadStart = process.hrtime.bigint();
const loaded = await loadSyntheticFamilies(executor, {
  families: request.to,
  from: request.from,
  fromState: request.fromState,
  regions: request.regions,
  seed: request.seed,
  asOf: request.asOf,
  ...(request.profile ? { profile: request.profile } : {}),
  ...(request.batchSize ? { batchSize: request.batchSize } : {}),
});
const loadSeconds = since(loadStart);
const loadCpuSeconds = cpuSince(cpu);
cpu = process.cpuUsage();
const loadPeakRssMiB = peakMiB();
const closeStart = process.hrtime.bigint();
await executor.close();
const result: SegmentResult = {
  from: request.from,
  to: request.to,
  ...loaded,
  seconds: since(start),
  phases: {
    openSeconds,
    loadSeconds,
    closeSeconds: since(closeStart),
    openCpuSeconds,
    loadCpuSeconds,
    closeCpuSeconds: cpuSince(cpu),
    openPeakRssMiB,
    loadPeakRssMiB,
  },
  peakRssMiB: peakMiB(),
};
console.log(JSON.stringify(result));
process.exit(0);
