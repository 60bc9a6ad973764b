// The schema's enums that forms and filters offer in full, each written once and in the order people choose from.
// `allValuesOf` fails the typecheck when the schema adds or drops a value; the labels live in i18n.
import { allValuesOf } from '../graphql';

export const refusalReasons = allValuesOf<'RefusalReason'>()([
  'NO_CAPACITY',
  'NOT_ELIGIBLE',
  'OUTSIDE_REGION',
  'BEHAVIOUR_SAFETY',
  'NO_RESIDENCE_PERMIT',
  'HOUSEHOLD_COMPOSITION',
  'CONTRA_INDICATION',
  'TOO_LIGHT',
  'OTHER',
]);
export const refusalAlternatives = allValuesOf<'RefusalAlternative'>()(['ONWARD_REFERRAL', 'OTHER_ALTERNATIVE', 'NONE']);
export const waitingListOutcomes = allValuesOf<'WaitingListOutcome'>()([
  'PLACED',
  'REFERRED_ELSEWHERE',
  'WITHDRAWN',
  'LOST_CONTACT',
  'UNKNOWN',
]);
export const unitKinds = allValuesOf<'UnitKind'>()(['PLACES', 'FAMILY_UNITS', 'CRISIS_BEDS', 'AMBULANT_TRAJECTORIES']);
export const targetGroups = allValuesOf<'TargetGroup'>()([
  'FAMILIES',
  'WOMEN_WITH_CHILDREN',
  'TWO_PARENT_FAMILIES',
  'SINGLE_PARENT_FAMILIES',
  'YOUTH',
  'SINGLE_ADULTS',
  'OTHER',
]);
export const recordableEventKinds = allValuesOf<'RecordableEventKind'>()([
  'EARLY_WARNING_SIGNAL',
  'DEBT_ARRANGEMENT',
  'SUMMONS',
  'VERDICT',
  'EVICTION_PLANNED',
  'EVICTION_CANCELLED',
  'EVICTION_EXECUTED',
  'CONTACT',
  'HOME_VISIT',
  'INTERIM_REPORT',
  'FEEDBACK_REPORT',
  'FOLLOW_UP_CONTACT',
  'LOST_CONTACT',
  'SHELTER_APPLICATION',
  'WAITING_LIST_ENTRY',
  'WAITING_LIST_EXIT',
  'PLACEMENT',
  'REFUSAL',
  'SHELTER_EXIT',
  'REHOUSING',
]);
export const gapRules = allValuesOf<'GapRuleId'>()([
  'FEEDBACK_INTERIM_MISSING',
  'FEEDBACK_FINAL_MISSING',
  'SIGNAL_NOT_FOLLOWED_UP',
  'REFERRAL_UNANSWERED',
  'REFERRAL_NO_INTAKE',
  'OUT_OF_SIGHT_AFTER_EVICTION',
  'REFUSAL_WITHOUT_ALTERNATIVE',
  'WAITING_LIST_NO_OUTCOME',
  'WAITING_LIST_TOO_LONG',
  'CHILDREN_NOT_SEEN',
  'EVICTION_WITHOUT_ALTERNATIVE_HOUSING',
  'REGIE_MISSING',
  'REGIE_CONFLICT',
  'SHELTER_EXIT_WITHOUT_HOUSING',
  'RE_ENTRY_LOOP',
]);
export const gapSeverities = allValuesOf<'GapSeverity'>()(['HIGH', 'MEDIUM', 'LOW']);
export const roles = allValuesOf<'Role'>()(['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF', 'POLICY_MAKER', 'ADMIN']);
export const accessOutcomes = allValuesOf<'AccessOutcome'>()(['ALLOWED', 'REFUSED']);
export const worklistItemKinds = allValuesOf<'WorklistItemKind'>()([
  'REFERRAL_AWAITING_ANSWER',
  'REFERRAL_INFO_REQUESTED',
  'REFERRAL_ANSWERED',
  'GAP',
  'ACCESS_REQUEST',
  'INVOLVEMENT_NOTICE',
  'BREAK_GLASS_USE',
  'SHELTER_APPLICATION',
  'WAITING_LIST_ENTRY',
]);
export const worklistSorts = allValuesOf<'WorklistSort'>()(['DUE', 'SEVERITY']);

/** The value of `raw` if it is one of `values`, else null: for enum values read from a URL or a form field. */
export function oneOf<Value extends string>(values: readonly Value[], raw: string | null | undefined): Value | null {
  return values.find((value) => value === raw) ?? null;
}
export const landlordTypes = allValuesOf<'LandlordType'>()(['CORPORATION', 'PRIVATE', 'SUBLET', 'OWNER_OCCUPIED', 'SQUAT', 'UNKNOWN']);
export const memberRoles = allValuesOf<'MemberRole'>()(['PARENT', 'PARTNER', 'CHILD', 'OTHER_ADULT']);
export const compositionSources = allValuesOf<'CompositionSource'>()(['SELF_DECLARED', 'HOME_VISIT', 'CORPORATION', 'GBA']);
export const consentPurposes = allValuesOf<'ConsentPurpose'>()(['CHAIN_COORDINATION', 'PREVENTION', 'SHELTER', 'REHOUSING', 'AFTERCARE']);
export const consentMethods = allValuesOf<'ConsentMethod'>()([
  'IN_PERSON_SIGNED',
  'DIGITALLY_SIGNED',
  'IN_PERSON_VERBAL',
  'BY_PHONE',
  'VIA_REPRESENTATIVE',
]);
