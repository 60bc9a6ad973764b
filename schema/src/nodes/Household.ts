// A household on a path through the chain, and the people in it over time. Pseudonymous: no BSN, no names (docs/domain.md §5.10).
import { z } from 'zod';

export const LandlordType = z.enum(['CORPORATION', 'PRIVATE', 'SUBLET', 'OWNER_OCCUPIED', 'SQUAT', 'UNKNOWN']);
export type LandlordType = z.infer<typeof LandlordType>;

export const Household = z.object({
  id: z.string(),
  /** A pseudonymous reference chosen by the registering agency (e.g. "GZN-2024-0173"); never a name or BSN. */
  reference: z.string(),
  centrumgemeenteId: z.string(),
  municipality: z.string().nullable(),
  landlordType: LandlordType,
  synthetic: z.boolean(),
  registeredAt: z.string(),
});
export type Household = z.infer<typeof Household>;

export const MemberRole = z.enum(['PARENT', 'PARTNER', 'CHILD', 'OTHER_ADULT']);
export type MemberRole = z.infer<typeof MemberRole>;

/** How composition became known (docs/domain.md §5.2): declared and known composition are kept apart. */
export const CompositionSource = z.enum(['CORPORATION', 'GBA', 'HOME_VISIT', 'SELF_DECLARED']);
export type CompositionSource = z.infer<typeof CompositionSource>;

export const Person = z.object({
  id: z.string(),
  /** Pseudonymous label within the household ("ouder 1", "kind 2"). */
  label: z.string(),
  birthYear: z.number().int().nullable(),
});
export type Person = z.infer<typeof Person>;

/** (Person)-[:MEMBER_OF {role, from, to, compositionSource}]->(Household): composition changes over time. */
export const Membership = z.object({
  personId: z.string(),
  householdId: z.string(),
  role: MemberRole,
  from: z.string(),
  to: z.string().nullable(),
  compositionSource: CompositionSource,
});
export type Membership = z.infer<typeof Membership>;
