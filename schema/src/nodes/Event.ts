// Dated events on a household's path, each recorded by an agency: (Household)-[:HAD]->(Event)<-[:ACTED_IN]-(Agency).
import { z } from 'zod';

/** Event kinds, after the transitions of docs/domain.md §2. */
export const EventKind = z.enum([
  'EARLY_WARNING_SIGNAL',
  'INTERIM_REPORT',
  'FEEDBACK_REPORT',
  'CONTACT',
  'HOME_VISIT',
  'DEBT_ARRANGEMENT',
  'SUMMONS',
  'VERDICT',
  'EVICTION_PLANNED',
  'EVICTION_EXECUTED',
  'EVICTION_CANCELLED',
  'SHELTER_APPLICATION',
  'WAITING_LIST_ENTRY',
  'WAITING_LIST_EXIT',
  'REFUSAL',
  'PLACEMENT',
  'SHELTER_EXIT',
  'REHOUSING',
  'FOLLOW_UP_CONTACT',
  'LOST_CONTACT',
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
export type EventKind = z.infer<typeof EventKind>;

/** Refusal reasons (docs/domain.md §5.7 and the shelter-reporting reason codes). */
export const RefusalReason = z.enum([
  'NO_CAPACITY',
  'NOT_ELIGIBLE',
  'OUTSIDE_REGION',
  'BEHAVIOUR_SAFETY',
  'NO_RESIDENCE_PERMIT',
  'HOUSEHOLD_COMPOSITION',
  'CONTRA_INDICATION',
  'TOO_LIGHT',
  'OTHER',
]);
export type RefusalReason = z.infer<typeof RefusalReason>;

export const VerdictKind = z.enum(['EVICTION', 'LAST_CHANCE', 'DISMISSED', 'DEFAULT_JUDGMENT']);
export type VerdictKind = z.infer<typeof VerdictKind>;

export const WaitingListOutcome = z.enum(['PLACED', 'REFERRED_ELSEWHERE', 'WITHDRAWN', 'LOST_CONTACT', 'UNKNOWN']);
export type WaitingListOutcome = z.infer<typeof WaitingListOutcome>;

export const RehousingKind = z.enum(['URGENCY', 'CONTINGENT', 'OMKLAP', 'WOONOPVANG', 'REGULAR', 'OWN_NETWORK', 'OTHER']);
export type RehousingKind = z.infer<typeof RehousingKind>;

/** Where a household went after an eviction or shelter exit, as far as anyone knows. */
export const Destination = z.enum(['SHELTER', 'OWN_NETWORK', 'HOTEL_OR_HOLIDAY_HOME', 'CAMPSITE_OR_CAR', 'NEW_TENANCY', 'UNKNOWN']);
export type Destination = z.infer<typeof Destination>;

export const Event = z.object({
  id: z.string(),
  kind: EventKind,
  householdId: z.string(),
  occurredOn: z.string(),
  agencyId: z.string().nullable(),
  facilityId: z.string().nullable(),
  referralId: z.string().nullable(),
  arrearsMonths: z.number().nullable(),
  refusalReason: RefusalReason.nullable(),
  verdictKind: VerdictKind.nullable(),
  waitingListOutcome: WaitingListOutcome.nullable(),
  rehousingKind: RehousingKind.nullable(),
  destination: Destination.nullable(),
  priority: z.number().int().nullable(),
  note: z.string().nullable(),
  /** Id of the event this one corrects; the corrected event stays, marked superseded. */
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type Event = z.infer<typeof Event>;
