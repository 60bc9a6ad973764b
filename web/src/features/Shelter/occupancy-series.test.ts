import { describe, expect, it } from 'vitest';
import { occupancySeries, seriesKeys } from './occupancy-series';

const snap = (date: string, occupied: number, unitKind = 'FAMILY_UNITS') => ({
  date,
  unitKind,
  targetGroup: 'FAMILIES',
  occupied,
  available: 10 - occupied,
  blocked: 0,
});

describe('occupancy series', () => {
  it('fills every day, leaves missing days and uncovered capacity as gaps, and keeps units apart', () => {
    const snapshots = [snap('2026-10-03', 6), snap('2026-10-01', 4), snap('2026-10-02', 99, 'PLACES')];
    const reports = [
      { unitKind: 'FAMILY_UNITS', targetGroup: 'FAMILIES', periodStart: '2026-10-02', periodEnd: '2026-10-31', capacity: 10 },
    ];
    expect(seriesKeys(snapshots)).toEqual(['FAMILY_UNITS|FAMILIES', 'PLACES|FAMILIES']);
    expect(occupancySeries(snapshots, reports, 'FAMILY_UNITS|FAMILIES')).toEqual({
      days: ['2026-10-01', '2026-10-02', '2026-10-03'],
      occupied: [4, null, 6],
      available: [6, null, 4],
      blocked: [0, null, 0],
      capacity: [null, 10, 10],
    });
    expect(occupancySeries(snapshots, reports, 'CRISIS_BEDS|FAMILIES').days).toEqual([]);
  });
});
