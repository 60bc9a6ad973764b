// Consent (toestemming) and legal grounds for sharing a household's data with named agencies, for a purpose and a period.
import { z } from 'zod';

export const ConsentPurpose = z.enum(['PREVENTION', 'SHELTER', 'REHOUSING', 'AFTERCARE', 'CHAIN_COORDINATION']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

export const Consent = z.object({
  id: z.string(),
  householdId: z.string(),
  purpose: ConsentPurpose,
  recipientAgencyIds: z.array(z.string()).min(1),
  from: z.string(),
  to: z.string(),
  withdrawnOn: z.string().nullable(),
});
export type Consent = z.infer<typeof Consent>;

/** A ground other than consent that allows sharing (a statutory task, a court order), recorded with its basis. */
export const LegalGround = z.object({
  id: z.string(),
  householdId: z.string(),
  basis: z.string().min(3).max(500),
  agencyIds: z.array(z.string()).min(1),
  from: z.string(),
  to: z.string(),
});
export type LegalGround = z.infer<typeof LegalGround>;
