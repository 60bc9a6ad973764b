// Which details each recordable event kind needs and allows: a refusal needs a reason, a summons takes none.
import { z } from 'zod';
import { EventKind } from '../records/event-kind.js';
import { Destination, RefusalReason, RehousingKind, VerdictKind, WaitingListOutcome } from '../records/event.js';

/** Kinds recorded with recordEvent; membership, referral and regie steps have mutations of their own. */
export const RecordableEventKind = EventKind.exclude([
  'MEMBER_JOINED',
  'MEMBER_LEFT',
  'REFERRAL_SENT',
  'REFERRAL_ACCEPTED',
  'REFERRAL_REFUSED',
  'REFERRAL_INFO_REQUESTED',
  'REFERRAL_INFO_PROVIDED',
  'REFERRAL_COMPLETED',
  'REFERRAL_WITHDRAWN',
  'REFERRAL_EXPIRED',
  'REGIE_TAKEN',
  'REGIE_HANDED_OVER',
]);
export type RecordableEventKind = z.infer<typeof RecordableEventKind>;

export const EventDetails = z.object({
  facilityId: z.string().min(1).max(120).nullish(),
  arrearsMonths: z.number().min(0).max(120).nullish(),
  refusalReason: RefusalReason.nullish(),
  verdictKind: VerdictKind.nullish(),
  waitingListOutcome: WaitingListOutcome.nullish(),
  rehousingKind: RehousingKind.nullish(),
  destination: Destination.nullish(),
  priority: z.number().int().min(1).max(5).nullish(),
  note: z.string().trim().max(2000).nullish(),
});
export type EventDetails = z.infer<typeof EventDetails>;
type DetailName = Exclude<keyof EventDetails, 'note'>;

interface Rule {
  requires: DetailName[];
  allows: DetailName[];
}

const rule = (requires: DetailName[], allows: DetailName[] = []): Rule => ({ requires, allows: [...requires, ...allows] });

/** Per kind, after docs/domain.md §2 and the shelter-reporting codes: what must be said, and what may. */
export const eventRules: Record<RecordableEventKind, Rule> = {
  EARLY_WARNING_SIGNAL: rule(['arrearsMonths']),
  INTERIM_REPORT: rule([]),
  FEEDBACK_REPORT: rule([]),
  CONTACT: rule([]),
  HOME_VISIT: rule([]),
  DEBT_ARRANGEMENT: rule([], ['arrearsMonths']),
  SUMMONS: rule([], ['arrearsMonths']),
  VERDICT: rule(['verdictKind']),
  EVICTION_PLANNED: rule([]),
  EVICTION_EXECUTED: rule([], ['destination']),
  EVICTION_CANCELLED: rule([]),
  SHELTER_APPLICATION: rule(['facilityId']),
  WAITING_LIST_ENTRY: rule(['facilityId'], ['priority']),
  WAITING_LIST_EXIT: rule(['facilityId', 'waitingListOutcome']),
  REFUSAL: rule(['facilityId', 'refusalReason'], ['destination']),
  PLACEMENT: rule(['facilityId']),
  SHELTER_EXIT: rule(['facilityId', 'destination']),
  REHOUSING: rule(['rehousingKind']),
  FOLLOW_UP_CONTACT: rule([]),
  LOST_CONTACT: rule([]),
};

export interface DetailProblem {
  field: DetailName;
  code: 'REQUIRED_FOR_KIND' | 'NOT_USED_FOR_KIND';
  message: string;
}

/** Checks details against the kind's rule; an empty list means the details fit. */
export function checkEventDetails(kind: RecordableEventKind, details: EventDetails): DetailProblem[] {
  const { requires, allows } = eventRules[kind];
  const problems: DetailProblem[] = [];
  for (const field of requires) {
    if (details[field] == null) problems.push({ field, code: 'REQUIRED_FOR_KIND', message: `required for ${kind}` });
  }
  for (const field of Object.keys(details) as (keyof EventDetails)[]) {
    if (field === 'note' || details[field] == null) continue;
    if (!allows.includes(field)) problems.push({ field, code: 'NOT_USED_FOR_KIND', message: `not used for ${kind}` });
  }
  return problems;
}
