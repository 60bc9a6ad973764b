// What can happen on a household's path: the kinds of dated events, apart so that the chain states can name them.
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
