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
  /**
   * How the families are sliced into segments (child processes, one after another): a number of even slices, or
   * a memory budget that each segment's predicted peak stays within (segmentSizeWithin).
   */
  segments: number | SegmentBudget;
  batchSize?: number;
  /** Called after each segment with what it did. */
  onSegment?: (segment: SegmentResult) => void;
}

/** Segments sized by memory: each one's predicted peak within budgetMiB, and its households within bounds. */
export interface SegmentBudget {
  budgetMiB: number;
  /** At least this many households (default 1,000), so that a budget too small still ends. */
  minFamilies?: number;
  /**
   * At most this many (default: no limit). Larger segments open and checkpoint the store fewer times; the one
   * measurement of a process writing 100,000 households (3,900 events per CPU second against 4,600 for 50,000) was
   * taken on a busier machine, and the national year written in one process took 13 min against 19.1 in 14
   * segments, so a process that has written more does not write markedly slower.
   */
  maxFamilies?: number;
}

/** What one child process reports on its last line of output. */
export interface SegmentResult {
  from: number;
  to: number;
  households: number;
  events: number;
  signals: number;
  seconds: number;
  /**
   * Opening the store written so far, writing the segment, and the checkpoint and close; with the peak RSS once
   * the store was open and once the segment was written (the peak after the close is peakRssMiB), and the CPU
   * seconds of each phase (the engine's threads included), which a shared machine disturbs less than wall time.
   */
  phases: {
    openSeconds: number;
    loadSeconds: number;
    closeSeconds: number;
    openCpuSeconds: number;
    loadCpuSeconds: number;
    closeCpuSeconds: number;
    openPeakRssMiB: number;
    loadPeakRssMiB: number;
  };
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

/**
 * What a segment's process holds at its peak, by a straight line per household (measured: README "Loading in
 * segments"): the process with the empty store and the checkpoint at close, each household of the store it
 * opened from disk, and each household it writes (the engine holds a written element at about four times what
 * the same element costs opened from disk).
 */
export interface SegmentMemoryModel {
  baseMiB: number;
  openedKiB: number;
  writtenKiB: number;
}

/**
 * Measured at 50,000 and 100,000 households of the national profile (tests/bench/load-profile.ts): 192 MiB with
 * the empty store open plus up to 126 MiB for the checkpoint, 6.7 KiB a household opened, 30 KiB written.
 */
export const measuredSegmentMemory: SegmentMemoryModel = { baseMiB: 320, openedKiB: 6.7, writtenKiB: 30 };

/**
 * The households of the next segment, once `done` are in the store: as many as keep its predicted peak within
 * the budget. Segments shrink as the store grows, so the store is opened and checkpointed fewer times than with
 * even slices under the same peak.
 */
export function segmentSizeWithin(budget: SegmentBudget, done: number, families: number, model: SegmentMemoryModel): number {
  const { budgetMiB, minFamilies = 1_000, maxFamilies = Number.POSITIVE_INFINITY } = budget;
  const room = budgetMiB - model.baseMiB - (model.openedKiB * done) / 1024;
  const fits = Math.floor((room * 1024) / model.writtenKiB);
  return Math.min(families - done, maxFamilies, Math.max(minFamilies, fits));
}

/** A segment's peak as the model predicts it, with `done` households stored before it and `size` written by it. */
export function predictedSegmentPeakMiB(model: SegmentMemoryModel, done: number, size: number): number {
  return model.baseMiB + (model.openedKiB * done + model.writtenKiB * size) / 1024;
}

/**
 * The model after a segment has run: where the segment peaked above its prediction, the next ones are predicted
 * that much higher (never lower: one lucky segment must not size the next too large). A small segment on a large
 * store showed why: 9,483 households written on 50,517 stored peaked at 1,176 MiB against 928 predicted (the
 * engine's first writes into a store opened from disk cost more than the per-household figures say).
 */
export function refinedSegmentMemory(model: SegmentMemoryModel, segment: SegmentResult): SegmentMemoryModel {
  const over = segment.peakRssMiB - predictedSegmentPeakMiB(model, segment.from, segment.to - segment.from);
  return over > 0 ? { ...model, baseMiB: model.baseMiB + over } : model;
}

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
  const even = typeof options.segments === 'number' ? segmentBounds(options.families, options.segments) : null;
  const budget = typeof options.segments === 'number' ? null : options.segments;
  let model = measuredSegmentMemory;
  const nextBounds = (done: number) => {
    if (even) return even.find((b) => b.from === done);
    if (done >= options.families) return undefined;
    return { from: done, to: done + segmentSizeWithin(budget!, done, options.families, model) };
  };
  let fromState = cursor.stateAfter(0);
  for (let bounds = nextBounds(0); bounds;) {
    const { from, to } = bounds;
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
    // The next segment's start is drawn here while this one loads (on the other core): it starts where this one
    // ends, whatever its size.
    if (to < options.families) fromState = cursor.stateAfter(to);
    const result = await running;
    segments.push(result);
    options.onSegment?.(result);
    model = refinedSegmentMemory(model, result);
    bounds = nextBounds(to);
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
