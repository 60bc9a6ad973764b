// Outcomes of a region's chain in a period, from recorded paths, each with its definition, unit and status, and
// the report's own published figures next to them. Suppression and rounding for policy makers happen here too,
// and every hidden cell is listed with its reason so that a table can say why a number is missing.
import { daysBetween, RefusalReason, type EventKind } from '@ketenkaart/schema';
import { cell, DEFAULT_MIN_CELL, suppressGroup, type Cell } from './disclosure.js';
import { percentile } from './chain-flow.js';

export const OUTCOME_MEASURES = [
  'SIGNALS',
  'REFERRALS',
  'EVICTIONS',
  'SHELTER_APPLICATIONS',
  'REFUSALS',
  'PLACEMENTS',
  'REHOUSING',
  'LOST_CONTACT',
] as const;
export type OutcomeMeasure = (typeof OUTCOME_MEASURES)[number];

export const measureDefinitions: Readonly<
  Record<OutcomeMeasure, { kind: EventKind | null; definition: string; publishedMetrics: string[] }>
> = {
  SIGNALS: {
    kind: 'EARLY_WARNING_SIGNAL',
    definition: 'Households with at least one early-warning signal (vroegsignalering) in the period.',
    publishedMetrics: ['eropafReports', 'tenantsWithEarlyArrearsPerMonth'],
  },
  REFERRALS: {
    kind: null,
    definition: 'Households with at least one referral sent in the period, any agency to any agency.',
    publishedMetrics: [],
  },
  EVICTIONS: {
    kind: 'EVICTION_EXECUTED',
    definition: 'Households evicted (ontruiming uitgevoerd) in the period.',
    publishedMetrics: ['evictions', 'familyEvictions'],
  },
  SHELTER_APPLICATIONS: {
    kind: 'SHELTER_APPLICATION',
    definition: 'Households that applied for shelter (aanmelding opvang) in the period.',
    publishedMetrics: ['familyRegistrations', 'registrations', 'shelterRequests', 'homelessFamiliesRegisteredPerYear'],
  },
  REFUSALS: {
    kind: 'REFUSAL',
    definition: 'Households refused by a shelter or service (weigering) in the period.',
    publishedMetrics: ['refusedFamilies', 'refusedShare'],
  },
  PLACEMENTS: {
    kind: 'PLACEMENT',
    definition: 'Households placed in shelter (plaatsing) in the period.',
    publishedMetrics: ['allocatedToFamilyShelter'],
  },
  REHOUSING: {
    kind: 'REHOUSING',
    definition: 'Households rehoused (nieuwe woning, urgentie, omklap) in the period.',
    publishedMetrics: [],
  },
  LOST_CONTACT: {
    kind: 'LOST_CONTACT',
    definition: 'Households with whom the chain lost contact ("buiten beeld") in the period.',
    publishedMetrics: [],
  },
};

export const recordedKinds = OUTCOME_MEASURES.flatMap((m) => measureDefinitions[m].kind ?? []);

export interface RecordedOutcomes {
  events: { kind: EventKind; events: number; households: number }[];
  refusalReasons: { reason: RefusalReason; households: number }[];
  referrals: { referrals: number; households: number };
  waiting: { householdId: string; kind: 'WAITING_LIST_ENTRY' | 'WAITING_LIST_EXIT'; on: string }[];
}

export interface SuppressedCell {
  cityId: string;
  measure: string;
  reason: 'BELOW_THRESHOLD' | 'SECONDARY';
}

export interface CityOutcomes {
  cityId: string;
  measures: { measure: OutcomeMeasure; households: Cell }[];
  refusalsByReason: { reason: RefusalReason; households: Cell }[];
  /** Median and 90th percentile of days from a waiting-list entry to its exit, exits in the period. */
  waitingDays: { exits: Cell; median: number | null; p90: number | null };
  suppressedCells: SuppressedCell[];
}

/**
 * Builds one city's outcomes. Refusal reasons are a group of their own (a household refused for two reasons
 * counts under both), suppressed with secondary suppression so no hidden reason follows from the others.
 */
export function cityOutcomes(
  cityId: string,
  recorded: RecordedOutcomes,
  period: { from: string; to: string },
  suppress: boolean,
): CityOutcomes {
  const suppressedCells: SuppressedCell[] = [];
  const note = (measure: string, shown: Cell, primary: boolean) => {
    if (shown.suppressed) suppressedCells.push({ cityId, measure, reason: primary ? 'BELOW_THRESHOLD' : 'SECONDARY' });
    return shown;
  };
  const measures = OUTCOME_MEASURES.map((measure) => {
    const kind = measureDefinitions[measure].kind;
    const count = kind ? (recorded.events.find((e) => e.kind === kind)?.households ?? 0) : recorded.referrals.households;
    return { measure, households: note(measure, cell(count, suppress), true) };
  });
  const reasons = RefusalReason.options.map((reason) => ({
    reason,
    households: recorded.refusalReasons.find((r) => r.reason === reason)?.households ?? 0,
  }));
  const reasonCells = suppressGroup(reasons, (r) => r.households, suppress).map(({ item, cell: shown }) => ({
    reason: item.reason,
    households: note(`REFUSALS:${item.reason}`, shown, item.households < DEFAULT_MIN_CELL),
  }));

  const days = waitingDaysOf(recorded.waiting, period);
  const exits = cell(days.length, suppress);
  note('WAITING_DAYS', exits, true);
  const hideDays = suppress && days.length < 5;
  return {
    cityId,
    measures,
    refusalsByReason: reasonCells,
    waitingDays: { exits, median: hideDays ? null : percentile(days, 50), p90: hideDays ? null : percentile(days, 90) },
    suppressedCells,
  };
}

/** Days from each entry to the next exit of the same household, for exits inside the period. */
function waitingDaysOf(steps: RecordedOutcomes['waiting'], period: { from: string; to: string }): number[] {
  const days: number[] = [];
  const openEntry = new Map<string, string>();
  for (const step of steps) {
    if (step.kind === 'WAITING_LIST_ENTRY') openEntry.set(step.householdId, step.on);
    else {
      const entered = openEntry.get(step.householdId);
      openEntry.delete(step.householdId);
      if (entered && step.on >= period.from && step.on <= period.to) days.push(daysBetween(entered, step.on));
    }
  }
  return days;
}
