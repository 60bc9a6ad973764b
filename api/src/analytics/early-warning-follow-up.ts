// What became of early-warning signals: per signalling agency, for the signals of a period, how many got a contact
// within the arrangement's term, led to a debt arrangement, a summons or an eviction, were repeats, and how long
// the first contact took. Early-warning systems see the signal; the recorded path shows what followed.
import { daysBetween, inOrderOfOccurrence, type EventRecord } from '@ketenkaart/schema';

export const FollowUpMeasure = ['CONTACT_WITHIN_TERM', 'DEBT_ARRANGEMENT', 'SUMMONS', 'EVICTION', 'REPEAT_SIGNAL'] as const;
export type FollowUpMeasure = (typeof FollowUpMeasure)[number];

/** The term and threshold the figures are judged by, each with where it comes from. */
export interface FollowUpTerms {
  termDays: number;
  termSource: string;
  /** Signals below this many months' arrears are not the arrangement's and are left out; null: every signal counts. */
  thresholdMonths: number | null;
  /** The same threshold in English words, for API clients. */
  thresholdSource: string | null;
  /** Where the threshold comes from, as facts: the web app writes its own sentence from these. */
  thresholdBasis: ThresholdBasis | null;
}

/** The early-warning arrangement a threshold comes from; null name: the report names none (Oss). */
export interface ThresholdBasis {
  months: number;
  arrangementName: string | null;
  /** The report the arrangement is read from ("002") and its lines; null lines: not recorded. */
  report: string;
  lines: string | null;
}

export interface FollowUpCounts {
  /** Signalling agency; null for signals recorded without one. */
  agencyId: string | null;
  signals: number;
  counts: Record<FollowUpMeasure, number>;
  /** Signals with a first contact at all (within the term or later). */
  contacted: number;
  medianDaysToFirstContact: number | null;
}

export interface EarlyWarningFollowUp {
  total: FollowUpCounts;
  byAgency: FollowUpCounts[];
}

/** The same steps that stop the interim-report deadline (gap rule FEEDBACK_INTERIM_MISSING), plus a follow-up contact. */
export const CONTACT_KINDS = new Set([
  'INTERIM_REPORT',
  'CONTACT',
  'HOME_VISIT',
  'REFERRAL_ACCEPTED',
  'FEEDBACK_REPORT',
  'DEBT_ARRANGEMENT',
  'FOLLOW_UP_CONTACT',
]);

export const followUpDefinitions: Record<
  FollowUpMeasure | 'MEDIAN_DAYS_TO_FIRST_CONTACT',
  (terms: FollowUpTerms) => { definition: string; source: string }
> = {
  CONTACT_WITHIN_TERM: (t) => ({
    definition: `Signals with a contact, home visit, interim or feedback report, accepted referral or debt arrangement within ${t.termDays} days of the signal (the day itself included), of all signals in the period.`,
    source: t.termSource,
  }),
  DEBT_ARRANGEMENT: () => ({
    definition: "Signals followed by a debt arrangement before the household's next signal, of all signals in the period.",
    source: "Ketenkaart measure over recorded paths; debt counselling as the arrangement's aim: 002 L741-745",
  }),
  SUMMONS: () => ({
    definition: "Signals followed by a summons before the household's next signal, of all signals in the period.",
    source: 'Ketenkaart measure over recorded paths (docs/domain.md §2: summons leads to JUDGMENT)',
  }),
  EVICTION: () => ({
    definition: "Signals followed by an executed eviction before the household's next signal, of all signals in the period.",
    source: 'Ketenkaart measure over recorded paths (docs/domain.md §2: eviction executed leads to EVICTED)',
  }),
  REPEAT_SIGNAL: () => ({
    definition:
      'Signals on a household that had an earlier signal (at any time), of all signals in the period. The address is not recorded, so repeats are counted per household.',
    source: 'Ketenkaart measure over recorded paths',
  }),
  MEDIAN_DAYS_TO_FIRST_CONTACT: () => ({
    definition:
      'Median of the days from a signal to its first contact (as for contact within the term), over the signals that got one before the next signal; for an even number, the mean of the two middle values.',
    source: 'Ketenkaart measure over recorded paths',
  }),
};

const OUTCOME_KINDS: Record<'DEBT_ARRANGEMENT' | 'SUMMONS' | 'EVICTION', string> = {
  DEBT_ARRANGEMENT: 'DEBT_ARRANGEMENT',
  SUMMONS: 'SUMMONS',
  EVICTION: 'EVICTION_EXECUTED',
};

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface SignalFate {
  agencyId: string | null;
  outcomes: Set<FollowUpMeasure>;
  daysToFirstContact: number | null;
}

function tally(agencyId: string | null, fates: SignalFate[]): FollowUpCounts {
  const counts = Object.fromEntries(FollowUpMeasure.map((m) => [m, fates.filter((f) => f.outcomes.has(m)).length])) as Record<
    FollowUpMeasure,
    number
  >;
  const days = fates.flatMap((f) => (f.daysToFirstContact === null ? [] : [f.daysToFirstContact]));
  return { agencyId, signals: fates.length, counts, contacted: days.length, medianDaysToFirstContact: median(days) };
}

/** Every effective signal of the period, judged on what its household's path recorded after it. */
export function earlyWarningFollowUp(
  households: { events: EventRecord[] }[],
  period: { from: string; to: string },
  terms: FollowUpTerms,
): EarlyWarningFollowUp {
  const fates: SignalFate[] = [];
  for (const { events: all } of households) {
    const events = all.filter((e) => e.supersededById === null).sort(inOrderOfOccurrence);
    const signals = events.filter((e) => e.kind === 'EARLY_WARNING_SIGNAL');
    signals.forEach((signal, index) => {
      if (signal.occurredOn < period.from || signal.occurredOn > period.to) return;
      if (terms.thresholdMonths !== null && signal.arrearsMonths !== null && signal.arrearsMonths < terms.thresholdMonths) return;
      // What follows a signal belongs to it until the next signal on the same household.
      const next = signals[index + 1];
      const after = events.filter((e) => e !== signal && e.occurredOn >= signal.occurredOn && (!next || inOrderOfOccurrence(e, next) < 0));
      const firstContact = after.find((e) => CONTACT_KINDS.has(e.kind));
      const days = firstContact ? daysBetween(signal.occurredOn, firstContact.occurredOn) : null;
      const outcomes = new Set<FollowUpMeasure>();
      if (days !== null && days <= terms.termDays) outcomes.add('CONTACT_WITHIN_TERM');
      for (const [measure, kind] of Object.entries(OUTCOME_KINDS) as [FollowUpMeasure, string][]) {
        if (after.some((e) => e.kind === kind)) outcomes.add(measure);
      }
      if (index > 0) outcomes.add('REPEAT_SIGNAL');
      fates.push({ agencyId: signal.agencyId, outcomes, daysToFirstContact: days });
    });
  }
  const agencies = [...new Set(fates.map((f) => f.agencyId))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  return {
    total: tally(null, fates),
    byAgency: agencies.map((agencyId) =>
      tally(
        agencyId,
        fates.filter((f) => f.agencyId === agencyId),
      ),
    ),
  };
}
