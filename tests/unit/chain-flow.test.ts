// Flow figures against hand-counted small graphs, and small-cell suppression that cannot be undone by subtraction.
import { describe, expect, it } from 'vitest';
import { cell, chainFlow, percentile, suppressGroup } from '@ketenkaart/api';

let seq = 0;
const e = (kind: string, occurredOn: string, extra: Record<string, unknown> = {}) =>
  ({
    id: `e${++seq}`,
    kind,
    householdId: 'h',
    occurredOn,
    agencyId: null,
    facilityId: null,
    referralId: null,
    arrearsMonths: null,
    refusalReason: null,
    verdictKind: null,
    waitingListOutcome: null,
    rehousingKind: null,
    destination: null,
    priority: null,
    note: null,
    personId: null,
    regieStage: null,
    followsFromIds: [],
    supersedesId: null,
    supersededById: null,
    recordedAt: `${occurredOn}T00:00:00Z`,
    recordedBy: 't',
    synthetic: false,
    ...extra,
  }) as any;
const r = (
  fromAgencyId: string,
  toAgencyId: string,
  status: string,
  sentOn: string,
  respondedOn: string | null,
  refusalReason: string | null = null,
) =>
  ({
    id: `r${++seq}`,
    householdId: 'h',
    fromAgencyId,
    toAgencyId,
    status,
    purpose: 'x',
    sentOn,
    respondBy: sentOn,
    respondedOn,
    closedOn: null,
    refusalReason,
    refusalText: null,
    recordedAt: '',
    recordedBy: 't',
    synthetic: false,
  }) as any;

describe('chain flow', () => {
  // A: signal -> summons (10 days) -> eviction (30) -> lost contact (5)
  // B: signal -> summons (20 days) -> verdict dismissed (back to TENANCY) -> signal again (loop)
  // C: signal in the period, nothing after
  const households = [
    {
      events: [
        e('EARLY_WARNING_SIGNAL', '2024-01-01'),
        e('SUMMONS', '2024-01-11'),
        e('EVICTION_EXECUTED', '2024-02-10'),
        e('LOST_CONTACT', '2024-02-15'),
      ],
      referrals: [r('a', 'b', 'ACCEPTED', '2024-01-02', '2024-01-06'), r('a', 'b', 'REFUSED', '2024-01-03', '2024-01-13', 'NO_CAPACITY')],
    },
    {
      events: [
        e('EARLY_WARNING_SIGNAL', '2024-01-05'),
        e('SUMMONS', '2024-01-25'),
        e('VERDICT', '2024-02-01', { verdictKind: 'DISMISSED' }),
        e('EARLY_WARNING_SIGNAL', '2024-03-01'),
      ],
      referrals: [r('a', 'b', 'SENT', '2024-01-06', null)],
    },
    { events: [e('EARLY_WARNING_SIGNAL', '2024-02-01')], referrals: [r('a', 'c', 'EXPIRED', '2023-12-01', null)] },
  ];
  const flow = chainFlow(households, { from: '2024-01-01', to: '2024-12-31' });
  const stage = (state: string) => flow.stages.find((s) => s.state === state);

  it('counts entries, moves, drop-outs and loops per state', () => {
    expect(stage('REPORTED')).toMatchObject({ entered: 3, movedOn: 2, droppedOut: 0, loopedBack: 1 });
    expect(stage('JUDGMENT')).toMatchObject({ entered: 2, movedOn: 2 });
    expect(stage('EVICTED')).toMatchObject({ entered: 1, movedOn: 1, droppedOut: 1 });
    expect(stage('TENANCY')).toMatchObject({ entered: 1, movedOn: 1, loopedBack: 1 });
  });

  it('measures days in a state: median and p90 by nearest rank', () => {
    expect(stage('REPORTED')).toMatchObject({ medianDays: 10, p90Days: 20 });
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 50)).toBeNull();
  });

  it('gives transitions for a Sankey and referral links for a network, within the period', () => {
    expect(flow.transitions).toContainEqual({ from: 'REPORTED', to: 'JUDGMENT', households: 2 });
    expect(flow.transitions).toContainEqual({ from: 'EVICTED', to: 'LOST_FROM_VIEW', households: 1 });
    expect(flow.referralLinks).toEqual([
      {
        fromAgencyId: 'a',
        toAgencyId: 'b',
        sent: 3,
        accepted: 1,
        refused: 1,
        refusedByReason: [{ reason: 'NO_CAPACITY', count: 1 }],
        expired: 0,
        withdrawn: 0,
        open: 1,
        medianResponseDays: 4,
      },
    ]);
  });
});

describe('small-cell suppression', () => {
  it('hides counts below 5 and, when one cell of a total is hidden, a second one', () => {
    const cells = suppressGroup(
      [
        { k: 'a', n: 12 },
        { k: 'b', n: 3 },
        { k: 'c', n: 7 },
        { k: 'd', n: 0 },
      ],
      (x) => x.n,
      true,
    );
    expect(cells.map((c) => c.cell)).toEqual([
      { value: 10, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 0, suppressed: false },
    ]);
    // With the total (22) and the visible cells, the two hidden cells can only be recovered as their sum.
    expect(suppressGroup([{ n: 3 }, { n: 7 }], (x) => x.n, false).map((c) => c.cell.value)).toEqual([3, 7]);
  });

  it('rounds shown counts to multiples of 5, so no difference of two shown counts states 1 to 4', () => {
    expect([5, 7, 8, 12, 13, 0].map((n) => cell(n, true).value)).toEqual([5, 5, 10, 10, 15, 0]);
    expect(cell(7, false).value).toBe(7);
    // Every pair of true counts, as two overlapping periods would give: the shown difference is a multiple of 5.
    for (let a = 0; a < 60; a += 1) {
      for (let b = a; b < 60; b += 1) {
        const [shownA, shownB] = [cell(a, true), cell(b, true)];
        if (shownA.value === null || shownB.value === null) continue;
        expect(Math.abs(shownB.value - shownA.value) % 5).toBe(0);
      }
    }
  });
});
