// Shelter figures against hand-computed cases: units kept apart, waiting times, and the unmet-demand rule.
import { describe, expect, it } from 'vitest';
import { capacityOn, refusalsByReason, unmetDemandByCause, unmetDemandCause, waitingTimes, type ShelterRecord } from '@ketenkaart/api';

let seq = 0;
const record = (kind: ShelterRecord['kind'], fields: Partial<ShelterRecord>): ShelterRecord => ({
  id: `sr-${++seq}`,
  key: `k${seq}`,
  kind,
  facilityId: 'f1',
  day: '2026-10-01',
  current: true,
  supersededById: null,
  unitKind: null,
  targetGroup: null,
  periodStart: null,
  periodEnd: null,
  capacity: null,
  note: null,
  date: null,
  occupied: null,
  available: null,
  blocked: null,
  caseRef: null,
  householdId: null,
  dateOn: null,
  priority: null,
  dateOff: null,
  outcome: null,
  refusedOn: null,
  reason: null,
  alternative: null,
  alternativeAgencyId: null,
  importId: 'i',
  provenanceKind: 'AGENCY_REPORT',
  reportingAgencyId: null,
  recordedAt: '2026-10-01T00:00:00Z',
  recordedBy: 'a',
  ...fields,
});
const capacity = (facilityId: string, unitKind: any, targetGroup: any, value: number, current = true) =>
  record('CAPACITY', { facilityId, unitKind, targetGroup, capacity: value, periodStart: '2026-10-01', periodEnd: '2026-10-31', current });
const entry = (dateOn: string, dateOff: string | null = null, outcome: any = null) =>
  record('WAITING_LIST', { dateOn, dateOff, outcome, targetGroup: 'FAMILIES' });
const refusal = (reason: any, targetGroup: any, alternative: any = 'NONE', refusedOn = '2026-10-10') =>
  record('REFUSAL', { reason, targetGroup, alternative, refusedOn });

describe('capacity', () => {
  it('adds within one unit and target group, never across units', () => {
    const totals = capacityOn(
      [
        capacity('f1', 'PLACES', 'FAMILIES', 10),
        capacity('f2', 'PLACES', 'FAMILIES', 6),
        capacity('f1', 'FAMILY_UNITS', 'FAMILIES', 4),
        capacity('f3', 'CRISIS_BEDS', 'FAMILIES', 2),
        capacity('f1', 'PLACES', 'FAMILIES', 99, false),
      ],
      '2026-10-15',
    );
    expect(totals).toEqual([
      { unitKind: 'CRISIS_BEDS', targetGroup: 'FAMILIES', capacity: 2, facilities: 1 },
      { unitKind: 'FAMILY_UNITS', targetGroup: 'FAMILIES', capacity: 4, facilities: 1 },
      { unitKind: 'PLACES', targetGroup: 'FAMILIES', capacity: 16, facilities: 2 },
    ]);
    expect(capacityOn([capacity('f1', 'PLACES', 'FAMILIES', 10)], '2026-11-01')).toEqual([]);
  });
});

describe('waiting times', () => {
  it('matches a hand-computed list', () => {
    // Left after 10, 20, 30 and 40 days; two still waiting on 2026-10-31 (30 and 5 days); one not on the list yet.
    const list = [
      entry('2026-09-01', '2026-09-11', 'PLACED'),
      entry('2026-09-01', '2026-09-21', 'PLACED'),
      entry('2026-09-01', '2026-10-01', 'WITHDRAWN'),
      entry('2026-09-01', '2026-10-11', 'REFERRED_ELSEWHERE'),
      entry('2026-10-01'),
      entry('2026-10-26'),
      entry('2026-11-05'),
      entry('2026-10-01', '2026-11-20', 'PLACED'),
    ];
    expect(waitingTimes(list, '2026-10-31')).toEqual({
      entries: 7,
      waiting: 3,
      left: 4,
      medianDaysToLeave: 25,
      meanDaysToLeave: 25,
      p90DaysToLeave: 40,
      medianDaysWaiting: 30,
      longestDaysWaiting: 30,
      outcomes: [
        { outcome: 'PLACED', count: 2 },
        { outcome: 'REFERRED_ELSEWHERE', count: 1 },
        { outcome: 'WITHDRAWN', count: 1 },
      ],
    });
  });

  it('says null, not zero, when nobody left the list', () => {
    expect(waitingTimes([entry('2026-10-01')], '2026-10-03')).toMatchObject({
      left: 0,
      medianDaysToLeave: null,
      p90DaysToLeave: null,
      medianDaysWaiting: 2,
    });
  });
});

describe('unmet demand', () => {
  const region = [capacity('f1', 'FAMILY_UNITS', 'FAMILIES', 8), capacity('f2', 'PLACES', 'WOMEN_WITH_CHILDREN', 0)];

  it('classifies by the documented order', () => {
    expect(unmetDemandCause(refusal('OUTSIDE_REGION', 'FAMILIES'), region)).toBe('CAPACITY_ELSEWHERE');
    expect(unmetDemandCause(refusal('NO_CAPACITY', 'FAMILIES'), region)).toBe('CAPACITY_EXISTED_BUT_REFUSED');
    // Capacity 0 for the group is no eligible capacity, whatever the reason given.
    expect(unmetDemandCause(refusal('NO_CAPACITY', 'WOMEN_WITH_CHILDREN'), region)).toBe('NO_ELIGIBLE_CAPACITY_IN_REGION');
    expect(unmetDemandCause(refusal('HOUSEHOLD_COMPOSITION', 'TWO_PARENT_FAMILIES'), region)).toBe('NO_ELIGIBLE_CAPACITY_IN_REGION');
    expect(unmetDemandCause(refusal('NO_CAPACITY', 'FAMILIES', 'NONE', '2026-12-01'), region)).toBe('CAPACITY_NOT_REPORTED');
  });

  it('counts every cause, zero included, and refusals without an alternative', () => {
    const refusals = [
      refusal('NO_CAPACITY', 'FAMILIES'),
      refusal('NO_CAPACITY', 'FAMILIES', 'ONWARD_REFERRAL'),
      refusal('TOO_LIGHT', 'YOUTH'),
    ];
    expect(unmetDemandByCause(refusals, region)).toEqual([
      { cause: 'NO_ELIGIBLE_CAPACITY_IN_REGION', count: 1, withoutAlternative: 1 },
      { cause: 'CAPACITY_EXISTED_BUT_REFUSED', count: 2, withoutAlternative: 1 },
      { cause: 'CAPACITY_ELSEWHERE', count: 0, withoutAlternative: 0 },
      { cause: 'CAPACITY_NOT_REPORTED', count: 0, withoutAlternative: 0 },
    ]);
    expect(refusalsByReason(refusals)).toEqual([
      { reason: 'NO_CAPACITY', meaning: 'NO_PLACE_NOW', count: 2, withoutAlternative: 1 },
      { reason: 'TOO_LIGHT', meaning: 'STRUCTURALLY_NOT_SERVED', count: 1, withoutAlternative: 1 },
    ]);
  });
});
