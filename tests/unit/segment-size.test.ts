// Segments of a bulk load sized by memory (seed/src/synthetic/segmented-load.ts): each segment's predicted peak
// stays within the budget, the slices cover every family once, and what a segment showed only ever raises the model.
import { describe, expect, it } from 'vitest';
import {
  measuredSegmentMemory,
  predictedSegmentPeakMiB,
  refinedSegmentMemory,
  segmentSizeWithin,
  type SegmentBudget,
  type SegmentResult,
} from '@ketenkaart/seed';

function plan(families: number, budget: SegmentBudget, model = measuredSegmentMemory): number[] {
  const sizes: number[] = [];
  for (let done = 0; done < families;) {
    const size = segmentSizeWithin(budget, done, families, model);
    sizes.push(size);
    done += size;
  }
  return sizes;
}

function segment(from: number, to: number, openPeakRssMiB: number, loadPeakRssMiB: number, peakRssMiB: number): SegmentResult {
  const phases = { openSeconds: 1, loadSeconds: 1, closeSeconds: 1, openCpuSeconds: 1, loadCpuSeconds: 1, closeCpuSeconds: 1 };
  return {
    from,
    to,
    households: to - from,
    events: 0,
    signals: 0,
    seconds: 3,
    phases: { ...phases, openPeakRssMiB, loadPeakRssMiB },
    peakRssMiB,
  };
}

describe('segments sized by a memory budget', () => {
  it('cover every family once, each predicted within the budget, smaller as the store grows', () => {
    const sizes = plan(700_000, { budgetMiB: 5_632 });
    expect(sizes.reduce((sum, n) => sum + n, 0)).toBe(700_000);
    let done = 0;
    for (const size of sizes) {
      expect(predictedSegmentPeakMiB(measuredSegmentMemory, done, size)).toBeLessThanOrEqual(5_632);
      done += size;
    }
    // Every segment but the last (the remainder) is smaller than the one before it.
    for (let i = 1; i < sizes.length - 1; i += 1) expect(sizes[i]!).toBeLessThan(sizes[i - 1]!);
    // Fewer than even slices of 50,000 (14), whose last is predicted over this budget.
    expect(sizes.length).toBeLessThan(14);
    expect(predictedSegmentPeakMiB(measuredSegmentMemory, 650_000, 50_000)).toBeGreaterThan(5_632);
  });

  it('load a small run in one segment, and never stall on a budget too small', () => {
    expect(plan(20_000, { budgetMiB: 5_632 })).toEqual([20_000]);
    expect(plan(2_500, { budgetMiB: 100 })).toEqual([1_000, 1_000, 500]);
    expect(plan(250_000, { budgetMiB: 5_632, maxFamilies: 100_000 })).toEqual([100_000, 100_000, 50_000]);
  });

  it('predict the next segments higher by what a segment peaked above its prediction, never lower', () => {
    const predicted = predictedSegmentPeakMiB(measuredSegmentMemory, 50_517, 9_483);
    const over = refinedSegmentMemory(measuredSegmentMemory, segment(50_517, 60_000, 509, 1_089, Math.round(predicted) + 248));
    expect(over.baseMiB).toBeCloseTo(measuredSegmentMemory.baseMiB + 248, 0);
    expect(segmentSizeWithin({ budgetMiB: 5_632 }, 300_000, 700_000, over)).toBeLessThan(
      segmentSizeWithin({ budgetMiB: 5_632 }, 300_000, 700_000, measuredSegmentMemory),
    );
    const under = refinedSegmentMemory(measuredSegmentMemory, segment(0, 50_517, 190, 1_495, 1_595));
    expect(under).toEqual(measuredSegmentMemory);
  });
});
