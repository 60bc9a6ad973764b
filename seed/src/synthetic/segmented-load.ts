// Loads a synthetic year into an on-disk embedded store in segments, each in a child process of its own: a child
// opens the store, loads its slice of the families, closes it (a checkpoint) and exits, so whatever one segment's
// writes held is given back before the next begins. The families are the same as a single-process load's: each
// segment draws the families before its slice and yields only its own (generateFamilies' `from`).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createExecutor } from '@ketenkaart/api';
import { familyCursor, type SyntheticProfile } from './generate.js';
import { regionsFor } from './regions.js';

export interface SegmentedLoadOptions {
  /** The store's directory; no process may hold it open while the segments run. */
  dataDir: string;
  families: number;
  regions: number;
  seed: number;
  asOf: string;
  profile?: SyntheticProfile;
  /** Number of segments (child processes), one after another. */
  segments: number;
  batchSize?: number;
  /** Called after each segment with what it did. */
  onSegment?: (segment: SegmentResult) => void;
}

/** What one child process reports on its last line of output. */
export interface SegmentResult {
  from: number;
  to: number;
  households: number;
  events: number;
  signals: number;
  seconds: number;
  /** The child's peak resident set, store closed and checkpoint written included. */
  peakRssMiB: number;
}

export interface SegmentRequest {
  dataDir: string;
  from: number;
  to: number;
  regions: number;
  seed: number;
  asOf: string;
  profile?: SyntheticProfile;
  batchSize?: number;
  /** The generator's state after family `from`. */
  fromState: readonly number[];
}

const childScript = fileURLToPath(new URL('./load-segment.ts', import.meta.url));
// The children run TypeScript as the parent does: through tsx's loader, found from this package.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The slices of 1..families, as even as they come: segment i loads families from + 1 to `to`. */
export function segmentBounds(families: number, segments: number): { from: number; to: number }[] {
  const count = Math.max(1, Math.min(segments, families));
  return Array.from({ length: count }, (_, i) => ({
    from: Math.floor((families * i) / count),
    to: Math.floor((families * (i + 1)) / count),
  }));
}

export async function loadSyntheticFamiliesInSegments(
  options: SegmentedLoadOptions,
): Promise<{ households: number; events: number; signals: number; segments: SegmentResult[] }> {
  const segments: SegmentResult[] = [];
  // The regions as the segments will find them (they write them again, idempotently): for the generator's cursor.
  const store = createExecutor({ kind: 'grafeo', dataDir: options.dataDir });
  const regions = await regionsFor(store, options.regions, new Date(`${options.asOf}T12:00:00Z`));
  await store.close();
  const cursor = familyCursor({
    seed: options.seed,
    regions,
    asOf: options.asOf,
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const bounds = segmentBounds(options.families, options.segments);
  let fromState = cursor.stateAfter(0);
  for (const [index, { from, to }] of bounds.entries()) {
    const request: SegmentRequest = {
      dataDir: options.dataDir,
      fromState,
      from,
      to,
      regions: options.regions,
      seed: options.seed,
      asOf: options.asOf,
      ...(options.profile ? { profile: options.profile } : {}),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    };
    const running = runSegment(request);
    // The next segment's start is drawn here while this one loads (on the other core).
    const next = bounds[index + 1];
    if (next) fromState = cursor.stateAfter(next.from);
    const result = await running;
    segments.push(result);
    options.onSegment?.(result);
  }
  return {
    households: segments.reduce((sum, s) => sum + s.households, 0),
    events: segments.reduce((sum, s) => sum + s.events, 0),
    signals: segments.reduce((sum, s) => sum + s.signals, 0),
    segments,
  };
}

function runSegment(request: SegmentRequest): Promise<SegmentResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, childScript, JSON.stringify(request)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`load segment ${request.from + 1}-${request.to} exited with ${code}`));
      try {
        resolve(JSON.parse(last) as SegmentResult);
      } catch {
        reject(new Error(`load segment ${request.from + 1}-${request.to} gave no result`));
      }
    });
  });
}
