// A referral (verwijzing) as the repositories read it.
import { z } from 'zod';
import { RefusalReason } from './event.js';
import { ReferralStatus } from '../lifecycles/referral-lifecycle.js';
import { instant, opt } from './properties.js';

export const ReferralRow = z.object({
  id: z.string(),
  householdId: z.string(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  status: ReferralStatus,
  purpose: z.string(),
  sentOn: z.string(),
  respondBy: z.string(),
  respondedOn: opt(z.string()),
  closedOn: opt(z.string()),
  refusalReason: opt(RefusalReason),
  refusalText: opt(z.string()),
  // Optional in the type: referrals built in bulk (seed) never carry a question.
  infoQuestion: opt(z.string()).optional(),
  recordedAt: instant,
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type ReferralRecord = z.infer<typeof ReferralRow>;
