// A household as the repositories read it, and its members over time. Pseudonymous: no BSN, no names (docs/domain.md §5.10).
import { z } from 'zod';
import { instant, opt } from './properties.js';

export const LandlordType = z.enum(['CORPORATION', 'PRIVATE', 'SUBLET', 'OWNER_OCCUPIED', 'SQUAT', 'UNKNOWN']);
export type LandlordType = z.infer<typeof LandlordType>;

export const MemberRole = z.enum(['PARENT', 'PARTNER', 'CHILD', 'OTHER_ADULT']);
export type MemberRole = z.infer<typeof MemberRole>;

/** How composition became known (docs/domain.md §5.2): declared and known composition are kept apart. */
export const CompositionSource = z.enum(['CORPORATION', 'GBA', 'HOME_VISIT', 'SELF_DECLARED']);
export type CompositionSource = z.infer<typeof CompositionSource>;

export const HouseholdRow = z.object({
  id: z.string(),
  reference: z.string(),
  centrumgemeenteId: z.string(),
  municipality: opt(z.string()),
  landlordType: LandlordType,
  synthetic: z.boolean(),
  registeredAt: instant,
  recordedBy: z.string(),
  provenanceKind: z.string(),
});
export type HouseholdRecord = z.infer<typeof HouseholdRow>;

export const MembershipRow = z.object({
  householdId: z.string(),
  personId: z.string(),
  label: z.string(),
  birthYear: opt(z.number().int()),
  role: MemberRole,
  from: z.string(),
  to: opt(z.string()),
  compositionSource: CompositionSource,
});
export type MembershipRecord = z.infer<typeof MembershipRow>;
