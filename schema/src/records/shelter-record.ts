// What shelters report (docs/domain.md §5.3, §5.7): capacity, occupancy, waiting list and refusals, one row a record.
// The report behind this product found capacity in mixed units and refusals registered nowhere; these
// records keep each figure in its own unit and each refusal with its reason, its meaning and the alternative.
import { z } from 'zod';
import { refinement } from '../problems.js';
import { RefusalReason, WaitingListOutcome } from './event.js';

export const ShelterRecordKind = z.enum(['CAPACITY', 'OCCUPANCY', 'WAITING_LIST', 'REFUSAL']);
export type ShelterRecordKind = z.infer<typeof ShelterRecordKind>;

/** Units of shelter capacity; a total is only ever taken within one unit. */
export const UnitKind = z.enum(['PLACES', 'FAMILY_UNITS', 'CRISIS_BEDS', 'AMBULANT_TRAJECTORIES']);
export type UnitKind = z.infer<typeof UnitKind>;

export const TargetGroup = z.enum([
  'FAMILIES',
  'WOMEN_WITH_CHILDREN',
  'TWO_PARENT_FAMILIES',
  'SINGLE_PARENT_FAMILIES',
  'YOUTH',
  'SINGLE_ADULTS',
  'OTHER',
]);
export type TargetGroup = z.infer<typeof TargetGroup>;

/**
 * What a refusal means for the family: turned away for want of a place now, or a family this shelter
 * structurally does not serve (docs/domain.md §5.7: "te licht", contra-indicaties, regiobinding).
 */
export const RefusalMeaning = z.enum(['NO_PLACE_NOW', 'STRUCTURALLY_NOT_SERVED', 'BELONGS_ELSEWHERE', 'INDIVIDUAL_ASSESSMENT']);
export type RefusalMeaning = z.infer<typeof RefusalMeaning>;

export const refusalMeaning: Readonly<Record<RefusalReason, RefusalMeaning>> = {
  NO_CAPACITY: 'NO_PLACE_NOW',
  NOT_ELIGIBLE: 'STRUCTURALLY_NOT_SERVED',
  HOUSEHOLD_COMPOSITION: 'STRUCTURALLY_NOT_SERVED',
  NO_RESIDENCE_PERMIT: 'STRUCTURALLY_NOT_SERVED',
  TOO_LIGHT: 'STRUCTURALLY_NOT_SERVED',
  OUTSIDE_REGION: 'BELONGS_ELSEWHERE',
  BEHAVIOUR_SAFETY: 'INDIVIDUAL_ASSESSMENT',
  CONTRA_INDICATION: 'INDIVIDUAL_ASSESSMENT',
  OTHER: 'INDIVIDUAL_ASSESSMENT',
};

/** What the family was given when refused: an onward referral, another alternative, or nothing. */
export const RefusalAlternative = z.enum(['ONWARD_REFERRAL', 'OTHER_ALTERNATIVE', 'NONE']);
export type RefusalAlternative = z.infer<typeof RefusalAlternative>;

/** Why demand went unmet in a region; see api/src/shelter/shelter-figures.ts for the rule. */
export const UnmetDemandCause = z.enum([
  'NO_ELIGIBLE_CAPACITY_IN_REGION',
  'CAPACITY_EXISTED_BUT_REFUSED',
  'CAPACITY_ELSEWHERE',
  'CAPACITY_NOT_REPORTED',
]);
export type UnmetDemandCause = z.infer<typeof UnmetDemandCause>;

const day = z.iso.date();
const count = z.number().int().min(0).max(100_000);
/** A shelter's own case number: pseudonymous, never a name (it is checked for letters-and-spaces only). */
export const CaseRef = z
  .string()
  .refine((ref) => /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/.test(ref), refinement('CASE_REF_FORMAT'))
  .refine((ref) => /\d/.test(ref), refinement('CASE_REF_NEEDS_DIGIT'));
const note = z.string().max(1000).nullable();
const optionalId = z.string().min(1).max(120).nullable();

export const CapacityRow = z
  .object({
    facilityId: z.string().min(1).max(120),
    unitKind: UnitKind,
    targetGroup: TargetGroup,
    periodStart: day,
    periodEnd: day,
    capacity: count,
    note,
  })
  .refine((r) => r.periodEnd >= r.periodStart, refinement('BEFORE_OTHER_DATE', { path: ['periodEnd'], values: { other: 'period_start' } }));
export type CapacityRow = z.infer<typeof CapacityRow>;

export const OccupancyRow = z.object({
  facilityId: z.string().min(1).max(120),
  unitKind: UnitKind,
  targetGroup: TargetGroup,
  date: day,
  occupied: count,
  available: count,
  blocked: count,
});
export type OccupancyRow = z.infer<typeof OccupancyRow>;

export const WaitingListRow = z
  .object({
    facilityId: z.string().min(1).max(120),
    caseRef: CaseRef,
    householdId: optionalId,
    targetGroup: TargetGroup,
    dateOn: day,
    priority: z.number().int().min(1).max(5).nullable(),
    dateOff: day.nullable(),
    outcome: WaitingListOutcome.nullable(),
  })
  .refine(
    (r) => r.dateOff === null || r.dateOff >= r.dateOn,
    refinement('BEFORE_OTHER_DATE', { path: ['dateOff'], values: { other: 'date_on' } }),
  )
  .refine(
    (r) => (r.dateOff === null) === (r.outcome === null),
    refinement('GIVE_TOGETHER', { path: ['outcome'], values: { other: 'date_off' } }),
  );
export type WaitingListRow = z.infer<typeof WaitingListRow>;

export const RefusalRow = z
  .object({
    facilityId: z.string().min(1).max(120),
    caseRef: CaseRef,
    householdId: optionalId,
    targetGroup: TargetGroup,
    refusedOn: day,
    reason: RefusalReason,
    alternative: RefusalAlternative,
    alternativeAgencyId: optionalId,
    note,
  })
  .refine(
    (r) => r.alternative !== 'ONWARD_REFERRAL' || r.alternativeAgencyId !== null,
    refinement('AGENCY_NEEDED', { path: ['alternativeAgencyId'] }),
  )
  .refine(
    (r) => r.alternative === 'ONWARD_REFERRAL' || r.alternativeAgencyId === null,
    refinement('ONLY_ONWARD_REFERRAL_NAMES_AGENCY', { path: ['alternativeAgencyId'] }),
  );
export type RefusalRow = z.infer<typeof RefusalRow>;

export const shelterRowSchemas = {
  CAPACITY: CapacityRow,
  OCCUPANCY: OccupancyRow,
  WAITING_LIST: WaitingListRow,
  REFUSAL: RefusalRow,
} as const;

export interface ShelterRowOf {
  CAPACITY: CapacityRow;
  OCCUPANCY: OccupancyRow;
  WAITING_LIST: WaitingListRow;
  REFUSAL: RefusalRow;
}
export type ShelterRow = ShelterRowOf[ShelterRecordKind];

/**
 * The natural key of a row: a later row with the same key is a new version of the same fact (a corrected
 * capacity, a waiting-list entry that got its date off); the older version stays, marked superseded.
 */
export function naturalKey(kind: ShelterRecordKind, row: ShelterRow): string {
  switch (kind) {
    case 'CAPACITY': {
      const r = row as CapacityRow;
      return [kind, r.facilityId, r.unitKind, r.targetGroup, r.periodStart].join('|');
    }
    case 'OCCUPANCY': {
      const r = row as OccupancyRow;
      return [kind, r.facilityId, r.unitKind, r.targetGroup, r.date].join('|');
    }
    case 'WAITING_LIST': {
      const r = row as WaitingListRow;
      return [kind, r.facilityId, r.caseRef, r.dateOn].join('|');
    }
    case 'REFUSAL': {
      const r = row as RefusalRow;
      return [kind, r.facilityId, r.caseRef, r.refusedOn].join('|');
    }
  }
}

/** The day a record is about, used to select a period. */
export function recordDay(kind: ShelterRecordKind, row: ShelterRow): string {
  switch (kind) {
    case 'CAPACITY':
      return (row as CapacityRow).periodStart;
    case 'OCCUPANCY':
      return (row as OccupancyRow).date;
    case 'WAITING_LIST':
      return (row as WaitingListRow).dateOn;
    case 'REFUSAL':
      return (row as RefusalRow).refusedOn;
  }
}
