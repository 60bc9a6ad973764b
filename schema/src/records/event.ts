// A dated event in a household's path as the repositories read it.
import { z } from 'zod';
import { ChainState } from '../lifecycles/chain-state.js';
import { Destination, EventKind, RefusalReason, RehousingKind, VerdictKind, WaitingListOutcome } from '../nodes/Event.js';
import { instant, opt } from './properties.js';

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
