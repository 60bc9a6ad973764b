// Dated events on a household's path, each recorded by an agency: (Household)-[:HAD]->(Event)<-[:ACTED_IN]-(Agency). As the repositories read them.
import { z } from 'zod';
import { ChainState } from '../lifecycles/chain-state.js';
import { EventKind } from './event-kind.js';
import { instant, opt } from './properties.js';

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

export const EventRow = z.object({
  id: z.string(),
  kind: EventKind,
  householdId: z.string(),
  occurredOn: z.string(),
  agencyId: opt(z.string()),
  facilityId: opt(z.string()),
  referralId: opt(z.string()),
  arrearsMonths: opt(z.number()),
  refusalReason: opt(RefusalReason),
  verdictKind: opt(VerdictKind),
  waitingListOutcome: opt(WaitingListOutcome),
  rehousingKind: opt(RehousingKind),
  destination: opt(Destination),
  priority: opt(z.number().int()),
  note: opt(z.string()),
  personId: opt(z.string()),
  regieStage: opt(ChainState),
  followsFromIds: z.array(z.string()),
  supersedesId: opt(z.string()),
  supersededById: opt(z.string()),
  recordedAt: instant,
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type EventRecord = z.infer<typeof EventRow>;
