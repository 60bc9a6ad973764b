// One segment of a segmented load (segmented-load.ts), as a process of its own: opens the on-disk store, loads
// families from + 1 to `to`, closes the store (the checkpoint is part of the segment) and prints what it did.
import { createExecutor } from '@ketenkaart/api';
import { loadSyntheticFamilies } from './load.js';
import type { SegmentRequest, SegmentResult } from './segmented-load.js';

const request = JSON.parse(process.argv[2] ?? '') as SegmentRequest;
const start = process.hrtime.bigint();
const executor = createExecutor({ kind: 'grafeo', dataDir: request.dataDir });
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
await executor.close();
const result: SegmentResult = {
  from: request.from,
  to: request.to,
  ...loaded,
  seconds: Number(process.hrtime.bigint() - start) / 1e9,
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
};
console.log(JSON.stringify(result));
process.exit(0);
