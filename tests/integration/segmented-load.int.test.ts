// Loading in segments, each in a process of its own (seed/src/synthetic/segmented-load.ts): the same families as a
// load in one process, whatever the slices.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExecutor, migrate } from '@ketenkaart/api';
import {
  familyCursor,
  generateFamilies,
  loadSyntheticFamilies,
  loadSyntheticFamiliesInSegments,
  seedReferenceData,
  segmentBounds,
  syntheticProfile,
  cityRoles,
} from '@ketenkaart/seed';
import { factDigest } from '../support/digest.js';
import { openTestStore } from '../support/store.js';

const asOf = '2026-06-30';
const profile = syntheticProfile('national');

describe('a segment of a synthetic run', () => {
  it('yields the same households as that slice of the whole run', () => {
    const regions = cityRoles;
    const whole = [...generateFamilies({ seed: 3, families: 300, regions, asOf, profile })];
    const segment = [...generateFamilies({ seed: 3, families: 210, from: 120, regions, asOf, profile })];
    expect(segment).toHaveLength(90);
    expect(JSON.stringify(segment)).toBe(JSON.stringify(whole.slice(120, 210)));
    // Resumed from the generator's state after family 120, as a segment's process does.
    const fromState = familyCursor({ seed: 3, regions, asOf, profile }).stateAfter(120);
    const resumed = [...generateFamilies({ seed: 3, families: 210, from: 120, fromState, regions, asOf, profile })];
    expect(JSON.stringify(resumed)).toBe(JSON.stringify(whole.slice(120, 210)));
  });

  it('is one of slices that cover every family once', () => {
    expect(segmentBounds(10, 3)).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 6 },
      { from: 6, to: 10 },
    ]);
    expect(segmentBounds(2, 5)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 2 },
    ]);
  });
});

/**
 * Loads the same run in one process (in memory) and in segments (on disk, each in its own process), and checks
 * that both wrote the same counts and the same graph. Returns the segments' slices.
 */
async function loadBothWays(
  dataDir: string,
  options: { families: number; regions: number; seed: number },
  segments: Parameters<typeof loadSyntheticFamiliesInSegments>[0]['segments'],
  batchSize: number,
): Promise<number[][]> {
  const run = { ...options, asOf, profile };
  const single = await openTestStore();
  await seedReferenceData(single);
  const once = await loadSyntheticFamilies(single, run);
  const expected = await factDigest(single);
  await single.close();

  const onDisk = createExecutor({ kind: 'grafeo', dataDir });
  await migrate(onDisk);
  await seedReferenceData(onDisk);
  await onDisk.close();
  const segmented = await loadSyntheticFamiliesInSegments({ dataDir, segments, batchSize, ...run });
  expect({ households: segmented.households, events: segmented.events, signals: segmented.signals }).toEqual(once);

  const reopened = createExecutor({ kind: 'grafeo', dataDir });
  expect(await factDigest(reopened)).toBe(expected);
  await reopened.close();
  return segmented.segments.map((s) => [s.from, s.to]);
}

describe('a load in two segments, each in its own process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-segments-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the same households, events, referrals and regie as a load in one process', async () => {
    const slices = await loadBothWays(dataDir, { families: 160, regions: 6, seed: 9 }, 2, 50);
    expect(slices).toEqual([
      [0, 80],
      [80, 160],
    ]);
  });
});

describe('a load in segments sized by a memory budget', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ketenkaart-budget-segments-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the same graph as a load in one process, in slices that need not be even', async () => {
    // No budget at all: every segment is the smallest allowed, and the last takes what is left.
    const slices = await loadBothWays(dataDir, { families: 130, regions: 6, seed: 11 }, { budgetMiB: 0, minFamilies: 50 }, 40);
    expect(slices).toEqual([
      [0, 50],
      [50, 100],
      [100, 130],
    ]);
  });
});
