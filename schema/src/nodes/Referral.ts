// A referral (verwijzing) from one agency to another for a household, with its status lifecycle.
import { z } from 'zod';
import { RefusalReason } from './Event.js';
import { ReferralStatus } from '../lifecycles/referral-lifecycle.js';

export const Referral = z.object({
  id: z.string(),
  householdId: z.string(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  status: ReferralStatus,
  sentOn: z.string(),
  /** Date by which the receiving agency should accept or refuse. */
  respondBy: z.string(),
  respondedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  refusalReason: RefusalReason.nullable(),
  refusalText: z.string().nullable(),
  purpose: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type Referral = z.infer<typeof Referral>;
