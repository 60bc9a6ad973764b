// Consent (toestemming) for sharing a household's data with named agencies: for what purpose, and how it was given.
import { z } from 'zod';

export const ConsentPurpose = z.enum(['PREVENTION', 'SHELTER', 'REHOUSING', 'AFTERCARE', 'CHAIN_COORDINATION']);
export type ConsentPurpose = z.infer<typeof ConsentPurpose>;

/**
 * How the family gave its consent, as the worker who recorded it states: signed on paper or digitally, said in
 * person or on the phone, or given by a representative (a guardian, a legal representative).
 */
export const ConsentMethod = z.enum(['IN_PERSON_SIGNED', 'IN_PERSON_VERBAL', 'BY_PHONE', 'DIGITALLY_SIGNED', 'VIA_REPRESENTATIVE']);
export type ConsentMethod = z.infer<typeof ConsentMethod>;
