// Consent (toestemming) and legal grounds for sharing a household's data with named agencies, for a purpose and a period.
import { z } from 'zod';

export const ConsentPurpose = z.enum(['PREVENTION', 'SHELTER', 'REHOUSING', 'AFTERCARE', 'CHAIN_COORDINATION']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/**
 * How the family gave its consent, as the worker who recorded it states: signed on paper or digitally, said in
 * person or on the phone, or given by a representative (a guardian, a legal representative).
 */
export const ConsentMethod = z.enum(['IN_PERSON_SIGNED', 'IN_PERSON_VERBAL', 'BY_PHONE', 'DIGITALLY_SIGNED', 'VIA_REPRESENTATIVE']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;

export const Consent = z.object({
  id: z.string(),
  householdId: z.string(),
  purpose: ConsentPurpose,
  recipientAgencyIds: z.array(z.string()).min(1),
  from: z.string(),
  to: z.string(),
  withdrawnOn: z.string().nullable(),
  /** Consent is always the family's; who recorded it (account and agency) and how it was obtained are kept. */
  givenBy: z.literal('FAMILY'),
  method: ConsentMethod,
  recordedBy: z.string(),
  recordedByAgencyId: z.string().nullable(),
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
