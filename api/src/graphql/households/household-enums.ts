// Enums of the household side, from the zod enums in schema/.
import {
  AccessAction,
  AccessOutcome,
  ChainState,
  CompositionSource,
  ConsentMethod,
  ConsentPurpose,
  Destination,
  EventKind,
  LandlordType,
  MemberRole,
  RecordableEventKind,
  RefusalAlternative,
  RefusalMeaning,
  ReferralStatus,
  RefusalReason,
  RehousingKind,
  Role,
  ShelterRecordKind,
  TargetGroup,
  UnitKind,
  UnmetDemandCause,
  VerdictKind,
  WaitingListOutcome,
} from '@ketenkaart/schema';
import { builder } from '../builder.js';

const enumOf = <T extends string>(name: string, description: string, values: readonly T[]) =>
  builder.enumType(name, { description, values: values as [T, ...T[]] });

export const EventKindEnum = enumOf('EventKind', 'Kind of dated event on a household path (gebeurtenis).', EventKind.options);
export const RecordableEventKindEnum = enumOf(
  'RecordableEventKind',
  'Event kinds recorded with recordEvent; referral, regie and membership steps have their own mutations.',
  RecordableEventKind.options,
);
export const ChainStateEnum = enumOf(
  'ChainState',
  'State of a household in the chain (docs/domain.md §2), e.g. REPORTED, EVICTED, PLACED.',
  ChainState.options,
);
export const RefusalReasonEnum = enumOf('RefusalReason', 'Reason code of a refusal (weigering).', RefusalReason.options);
export const VerdictKindEnum = enumOf(
  'VerdictKind',
  'Outcome of a court case (vonnis): eviction, last chance (laatste kans), dismissed, default judgment (verstekvonnis).',
  VerdictKind.options,
);
export const WaitingListOutcomeEnum = enumOf(
  'WaitingListOutcome',
  'How a waiting-list entry (wachtlijst) ended.',
  WaitingListOutcome.options,
);
export const RehousingKindEnum = enumOf(
  'RehousingKind',
  'Kind of rehousing: urgency dwelling (urgentie), contingent, omklap, woonopvang...',
  RehousingKind.options,
);
export const DestinationEnum = enumOf(
  'Destination',
  'Where a household went, as far as known; UNKNOWN is a normal answer.',
  Destination.options,
);
export const ReferralStatusEnum = enumOf('ReferralStatus', 'Status of a referral (verwijzing).', ReferralStatus.options);
export const MemberRoleEnum = enumOf('MemberRole', 'Role of a person in a household.', MemberRole.options);
export const CompositionSourceEnum = enumOf(
  'CompositionSource',
  'How a member became known: corporation records, GBA, a home visit or self-declared.',
  CompositionSource.options,
);
export const LandlordTypeEnum = enumOf('LandlordType', 'Kind of landlord (verhuurder) of the home at risk.', LandlordType.options);
export const RoleEnum = enumOf('Role', 'Role of an account (rol).', Role.options);
export const ConsentMethodEnum = enumOf('ConsentMethod', 'How the family gave its consent.', ConsentMethod.options);
export const ConsentPurposeEnum = enumOf('ConsentPurpose', 'Purpose a consent (toestemming) is given for.', ConsentPurpose.options);
export const AccessActionEnum = enumOf('AccessAction', 'What an access-log entry records.', AccessAction.options);
export const AccessOutcomeEnum = enumOf('AccessOutcome', 'Whether access was allowed or refused.', AccessOutcome.options);
export const ShelterRecordKindEnum = enumOf(
  'ShelterRecordKind',
  'Kind of shelter record: capacity (capaciteit), occupancy (bezetting), waiting list (wachtlijst) or refusal (weigering).',
  ShelterRecordKind.options,
);
export const UnitKindEnum = enumOf(
  'UnitKind',
  'Unit of shelter capacity: places (plaatsen), family units (gezinsunits), crisis beds (crisisbedden), ambulant trajectories. Never added together.',
  UnitKind.options,
);
export const TargetGroupEnum = enumOf('TargetGroup', 'Who a capacity or a request is for (doelgroep).', TargetGroup.options);
export const RefusalMeaningEnum = enumOf(
  'RefusalMeaning',
  'What a refusal means for the family: no place now, structurally not served, belongs elsewhere, or an individual assessment.',
  RefusalMeaning.options,
);
export const RefusalAlternativeEnum = enumOf(
  'RefusalAlternative',
  'What a refused family was given: an onward referral, another alternative, or nothing.',
  RefusalAlternative.options,
);
export const UnmetDemandCauseEnum = enumOf(
  'UnmetDemandCause',
  'Why demand went unmet in a region; CAPACITY_NOT_REPORTED means the region reported no capacity for that day (unknown, not zero).',
  UnmetDemandCause.options,
);
