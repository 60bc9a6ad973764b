// A region's shelter figures: reported capacity, waiting times, refusals and unmet demand by cause, as cells that
// are suppressed for policy makers (small counts hidden as one group, so that none can be found by subtraction).
import { DEFAULT_MIN_CELL, suppressGroup, type Cell } from '../analytics/disclosure.js';
import type { Repositories } from '../repositories/index.js';
import {
  capacityOn,
  refusalsByReason,
  unmetDemandByCause,
  waitingTimes,
  type CapacityTotal,
  type WaitingTimes,
} from './shelter-figures.js';

export interface WaitingTimesView extends Omit<WaitingTimes, 'entries' | 'waiting' | 'left' | 'outcomes'> {
  entries: Cell;
  waiting: Cell;
  left: Cell;
  outcomes: { outcome: string; count: Cell }[];
}

export interface ShelterFiguresView {
  cityId: string;
  from: string;
  to: string;
  on: string;
  capacity: CapacityTotal[];
  waitingTimes: WaitingTimesView;
  refusalsByReason: { reason: string; meaning: string; count: Cell; withoutAlternative: Cell }[];
  unmetDemand: { cause: string; count: Cell; withoutAlternative: Cell }[];
  facilitiesReporting: number;
  suppressed: boolean;
}

/** Counts as cells, suppressed as one group so that a hidden cell cannot be found by subtraction. */
function cells<T>(items: T[], count: (item: T) => number, suppress: boolean): Cell[] {
  return suppressGroup(items, count, suppress).map((c) => c.cell);
}

export function waitingTimesView(figures: WaitingTimes, suppress: boolean): WaitingTimesView {
  const [entries, waiting, left] = [figures.entries, figures.waiting, figures.left].map((n) => cells([n], (x) => x, suppress)[0]!) as [
    Cell,
    Cell,
    Cell,
  ];
  const hideLeave = suppress && figures.left < DEFAULT_MIN_CELL;
  const hideWaiting = suppress && figures.waiting < DEFAULT_MIN_CELL;
  const outcomeCells = cells(figures.outcomes, (o) => o.count, suppress);
  return {
    entries,
    waiting,
    left,
    medianDaysToLeave: hideLeave ? null : figures.medianDaysToLeave,
    meanDaysToLeave: hideLeave ? null : figures.meanDaysToLeave,
    p90DaysToLeave: hideLeave ? null : figures.p90DaysToLeave,
    medianDaysWaiting: hideWaiting ? null : figures.medianDaysWaiting,
    longestDaysWaiting: hideWaiting ? null : figures.longestDaysWaiting,
    outcomes: figures.outcomes.map((o, i) => ({ outcome: o.outcome, count: outcomeCells[i]! })),
  };
}

/** The figures of the region's facilities: refusals in the period, capacity and waiting times on the day `on`. */
export async function regionShelterFigures(
  repos: Repositories,
  cityId: string,
  period: { from: string; to: string },
  on: string,
  suppress: boolean,
): Promise<ShelterFiguresView> {
  const facilityIds = (await repos.reference.facilities({ cityId }, 1_000, null)).items.map((f) => f.id);
  const [capacity, waiting, refusals] = await Promise.all([
    repos.shelter.records('CAPACITY', facilityIds),
    repos.shelter.records('WAITING_LIST', facilityIds),
    repos.shelter.records('REFUSAL', facilityIds, { from: period.from, to: period.to }),
  ]);
  const byReason = refusalsByReason(refusals);
  const unmet = unmetDemandByCause(refusals, capacity);
  const reasonCounts = cells(byReason, (r) => r.count, suppress);
  const reasonWithout = cells(byReason, (r) => r.withoutAlternative, suppress);
  const unmetCounts = cells(unmet, (u) => u.count, suppress);
  const unmetWithout = cells(unmet, (u) => u.withoutAlternative, suppress);
  const reportedCapacity = capacityOn(capacity, on);
  return {
    cityId,
    from: period.from,
    to: period.to,
    on,
    capacity: reportedCapacity,
    facilitiesReporting: new Set(capacity.filter((c) => c.periodStart! <= on && on <= c.periodEnd!).map((c) => c.facilityId)).size,
    waitingTimes: waitingTimesView(waitingTimes(waiting, on), suppress),
    refusalsByReason: byReason.map((r, i) => ({
      reason: r.reason,
      meaning: r.meaning,
      count: reasonCounts[i]!,
      withoutAlternative: reasonWithout[i]!,
    })),
    unmetDemand: unmet.map((u, i) => ({ cause: u.cause, count: unmetCounts[i]!, withoutAlternative: unmetWithout[i]! })),
    suppressed: suppress,
  };
}
