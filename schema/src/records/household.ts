// A household as the repositories read it, and its members over time.
import { z } from 'zod';
import { CompositionSource, LandlordType, MemberRole } from '../nodes/Household.js';
import { instant, opt } from './properties.js';

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
