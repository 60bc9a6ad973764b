// Figures from shelter records: capacity per unit, waiting times, refusals by reason and unmet demand by cause.
// Pure functions over current records, so every figure can be checked against a hand-computed case.
import {
  refusalMeaning,
  RefusalReason,
  type RefusalMeaning,
  type TargetGroup,
  type UnitKind,
  type UnmetDemandCause,
  type WaitingListOutcome,
  daysBetween,
} from '@ketenkaart/schema';
import { percentile } from '../analytics/chain-flow.js';
import type { ShelterRecord } from '../repositories/shelter-repository.js';

export interface CapacityTotal {
  unitKind: UnitKind;
  targetGroup: TargetGroup;
  capacity: number;
  /** Facilities whose report covers the day. */
  facilities: number;
}

/**
 * Capacity on a day, per unit and target group. Places, family units, crisis beds and ambulant trajectories
 * are never added together: a total in mixed units states a number nobody reported (docs/domain.md §5.3).
 */
export function capacityOn(reports: ShelterRecord[], day: string): CapacityTotal[] {
  const totals = new Map<string, CapacityTotal & { facilityIds: Set<string> }>();
  for (const report of reports) {
    if (report.kind !== 'CAPACITY' || !report.current || !covers(report, day)) continue;
    const key = `${report.unitKind}|${report.targetGroup}`;
    const total = totals.get(key) ?? {
      unitKind: report.unitKind!,
      targetGroup: report.targetGroup!,
      capacity: 0,
      facilities: 0,
      facilityIds: new Set(),
    };
    total.capacity += report.capacity ?? 0;
    total.facilityIds.add(report.facilityId);
    total.facilities = total.facilityIds.size;
    totals.set(key, total);
  }
  return [...totals.values()]
    .map(({ facilityIds: _ids, ...total }) => total)
    .sort((a, b) => a.unitKind.localeCompare(b.unitKind) || a.targetGroup.localeCompare(b.targetGroup));
}

const covers = (report: ShelterRecord, day: string) => report.periodStart! <= day && day <= report.periodEnd!;

export interface WaitingTimes {
  /** Entries put on the list on or before the day. */
  entries: number;
  /** Still waiting on the day. */
  waiting: number;
  /** Off the list on or before the day. */
  left: number;
  /** Days from date on to date off, over those who left; null when nobody left. */
  medianDaysToLeave: number | null;
  meanDaysToLeave: number | null;
  p90DaysToLeave: number | null;
  /** Days waited so far by those still waiting. */
  medianDaysWaiting: number | null;
  longestDaysWaiting: number | null;
  outcomes: { outcome: WaitingListOutcome; count: number }[];
}

/**
 * Waiting times on a day. The median of an even count is the mean of the two middle values; the 90th
 * percentile is the nearest-rank value (the ceil(0.9 n)-th smallest).
 */
export function waitingTimes(entries: ShelterRecord[], day: string): WaitingTimes {
  const onList = entries.filter((e) => e.kind === 'WAITING_LIST' && e.current && e.dateOn! <= day);
  const left = onList.filter((e) => e.dateOff !== null && e.dateOff <= day);
  const waiting = onList.filter((e) => e.dateOff === null || e.dateOff > day);
  const toLeave = left.map((e) => daysBetween(e.dateOn!, e.dateOff!)).sort((a, b) => a - b);
  const sofar = waiting.map((e) => daysBetween(e.dateOn!, day)).sort((a, b) => a - b);
  const outcomes = new Map<WaitingListOutcome, number>();
  for (const entry of left) outcomes.set(entry.outcome!, (outcomes.get(entry.outcome!) ?? 0) + 1);
  return {
    entries: onList.length,
    waiting: waiting.length,
    left: left.length,
    medianDaysToLeave: median(toLeave),
    meanDaysToLeave: toLeave.length ? Math.round((toLeave.reduce((sum, d) => sum + d, 0) / toLeave.length) * 10) / 10 : null,
    p90DaysToLeave: percentile(toLeave, 90),
    medianDaysWaiting: median(sofar),
    longestDaysWaiting: sofar.at(-1) ?? null,
    outcomes: [...outcomes].map(([outcome, count]) => ({ outcome, count })).sort((a, b) => a.outcome.localeCompare(b.outcome)),
  };
}

function median(sorted: number[]): number | null {
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface RefusalCount {
  reason: RefusalReason;
  meaning: RefusalMeaning;
  count: number;
  /** Refusals after which the family got neither an onward referral nor another alternative. */
  withoutAlternative: number;
}

export function refusalsByReason(refusals: ShelterRecord[]): RefusalCount[] {
  const counts = new Map<RefusalReason, RefusalCount>();
  for (const refusal of currentRefusals(refusals)) {
    const reason = refusal.reason!;
    const count = counts.get(reason) ?? { reason, meaning: refusalMeaning[reason], count: 0, withoutAlternative: 0 };
    count.count += 1;
    if (refusal.alternative === 'NONE') count.withoutAlternative += 1;
    counts.set(reason, count);
  }
  return RefusalReason.options.flatMap((reason) => counts.get(reason) ?? []);
}

/**
 * Why a refusal left demand unmet, in this order:
 * 1. the family belongs to another region (OUTSIDE_REGION): capacity elsewhere;
 * 2. a facility in the region reported capacity > 0 for the family's target group on that day: capacity
 *    existed but the family was refused (full, or judged unsuitable);
 * 3. the region reported capacity that day, none for this target group: no eligible capacity in the region;
 * 4. no capacity report in the region covers the day: not known, shown as such and never as zero.
 */
export function unmetDemandCause(refusal: ShelterRecord, regionCapacity: ShelterRecord[]): UnmetDemandCause {
  if (refusal.reason === 'OUTSIDE_REGION') return 'CAPACITY_ELSEWHERE';
  const coveringDay = regionCapacity.filter((c) => c.kind === 'CAPACITY' && c.current && covers(c, refusal.refusedOn!));
  if (coveringDay.some((c) => c.targetGroup === refusal.targetGroup && (c.capacity ?? 0) > 0)) return 'CAPACITY_EXISTED_BUT_REFUSED';
  if (coveringDay.length > 0) return 'NO_ELIGIBLE_CAPACITY_IN_REGION';
  return 'CAPACITY_NOT_REPORTED';
}

export interface UnmetDemand {
  cause: UnmetDemandCause;
  count: number;
  withoutAlternative: number;
}

export function unmetDemandByCause(refusals: ShelterRecord[], regionCapacity: ShelterRecord[]): UnmetDemand[] {
  const counts = new Map<UnmetDemandCause, UnmetDemand>();
  for (const refusal of currentRefusals(refusals)) {
    const cause = unmetDemandCause(refusal, regionCapacity);
    const count = counts.get(cause) ?? { cause, count: 0, withoutAlternative: 0 };
    count.count += 1;
    if (refusal.alternative === 'NONE') count.withoutAlternative += 1;
    counts.set(cause, count);
  }
  const order: UnmetDemandCause[] = [
    'NO_ELIGIBLE_CAPACITY_IN_REGION',
    'CAPACITY_EXISTED_BUT_REFUSED',
    'CAPACITY_ELSEWHERE',
    'CAPACITY_NOT_REPORTED',
  ];
  return order.map((cause) => counts.get(cause) ?? { cause, count: 0, withoutAlternative: 0 });
}

const currentRefusals = (records: ShelterRecord[]) => records.filter((r) => r.kind === 'REFUSAL' && r.current);
