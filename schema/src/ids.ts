// Branded ids: a HouseholdId is never accepted where an AgencyId is expected.
import { z } from 'zod';

const brandedId = <B extends string>(brand: B) =>
  z
    .string()
    .min(1)
    .max(120)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lower-case letters, digits, "-" and "_"')
    .brand(brand);

export const CentrumgemeenteId = brandedId('CentrumgemeenteId');
export const MunicipalityId = brandedId('MunicipalityId');
export const AgencyId = brandedId('AgencyId');
export const FacilityId = brandedId('FacilityId');
export const HouseholdId = brandedId('HouseholdId');
export const PersonId = brandedId('PersonId');
export const EventId = brandedId('EventId');
export const ReferralId = brandedId('ReferralId');
export const RegieAssignmentId = brandedId('RegieAssignmentId');
export const ChainStageId = brandedId('ChainStageId');

export type CentrumgemeenteId = z.infer<typeof CentrumgemeenteId>;
export type MunicipalityId = z.infer<typeof MunicipalityId>;
export type AgencyId = z.infer<typeof AgencyId>;
export type FacilityId = z.infer<typeof FacilityId>;
export type HouseholdId = z.infer<typeof HouseholdId>;
export type PersonId = z.infer<typeof PersonId>;
export type EventId = z.infer<typeof EventId>;
export type ReferralId = z.infer<typeof ReferralId>;
export type RegieAssignmentId = z.infer<typeof RegieAssignmentId>;
export type ChainStageId = z.infer<typeof ChainStageId>;

/** Prefixes of generated ids, so that an id says what it names in logs and URLs. */
export const idPrefix = {
  household: 'hh',
  person: 'p',
  event: 'ev',
  referral: 'ref',
  regie: 'rg',
} as const;
