// The CSV format shelters upload and download: one file per record kind, a header row, comma or semicolon.
import type { ShelterRecordKind } from '../records/shelter-record.js';

export type CsvValueType = 'text' | 'code' | 'count' | 'day';

export interface CsvColumn {
  /** Header in the file: snake_case, case-insensitive on import. */
  column: string;
  /** Field of the row schema it fills. */
  field: string;
  type: CsvValueType;
  required: boolean;
  description: string;
  /** The value in the template's example row; empty for optional columns the example leaves out. */
  example: string;
}

const facility: CsvColumn = {
  column: 'facility_id',
  field: 'facilityId',
  type: 'code',
  required: true,
  description: 'Ketenkaart id of the facility, e.g. ams-roggeveen-24uur',
  example: 'ams-roggeveen-24uur',
};
const unitKind: CsvColumn = {
  column: 'unit_kind',
  field: 'unitKind',
  type: 'code',
  required: true,
  description: 'PLACES, FAMILY_UNITS, CRISIS_BEDS or AMBULANT_TRAJECTORIES',
  example: 'FAMILY_UNITS',
};
const targetGroup: CsvColumn = {
  column: 'target_group',
  field: 'targetGroup',
  type: 'code',
  required: true,
  description: 'FAMILIES, WOMEN_WITH_CHILDREN, TWO_PARENT_FAMILIES, SINGLE_PARENT_FAMILIES, YOUTH, SINGLE_ADULTS or OTHER',
  example: 'FAMILIES',
};
const caseRef: CsvColumn = {
  column: 'case_ref',
  field: 'caseRef',
  type: 'text',
  required: true,
  description: "The shelter's own case number (never a name)",
  example: 'HVO-2026-001',
};
const householdId: CsvColumn = {
  column: 'household_id',
  field: 'householdId',
  type: 'text',
  required: false,
  description: 'Ketenkaart household id, when the family is known in Ketenkaart',
  example: '',
};
const note: CsvColumn = {
  column: 'note',
  field: 'note',
  type: 'text',
  required: false,
  description: 'Free text, at most 1,000 characters; no names',
  example: '',
};

export const shelterCsvColumns: Readonly<Record<ShelterRecordKind, readonly CsvColumn[]>> = {
  CAPACITY: [
    facility,
    unitKind,
    targetGroup,
    {
      column: 'period_start',
      field: 'periodStart',
      type: 'day',
      required: true,
      description: 'First day the capacity applies (YYYY-MM-DD)',
      example: '2026-01-01',
    },
    {
      column: 'period_end',
      field: 'periodEnd',
      type: 'day',
      required: true,
      description: 'Last day the capacity applies (YYYY-MM-DD)',
      example: '2026-01-31',
    },
    {
      column: 'capacity',
      field: 'capacity',
      type: 'count',
      required: true,
      description: 'Number of units of unit_kind for target_group',
      example: '12',
    },
    note,
  ],
  OCCUPANCY: [
    facility,
    unitKind,
    targetGroup,
    { column: 'date', field: 'date', type: 'day', required: true, description: 'Day of the snapshot (YYYY-MM-DD)', example: '2026-01-15' },
    { column: 'occupied', field: 'occupied', type: 'count', required: true, description: 'Units in use', example: '10' },
    { column: 'available', field: 'available', type: 'count', required: true, description: 'Units free to offer', example: '2' },
    { column: 'blocked', field: 'blocked', type: 'count', required: true, description: 'Units out of use (repair, safety)', example: '0' },
  ],
  WAITING_LIST: [
    facility,
    caseRef,
    householdId,
    targetGroup,
    {
      column: 'date_on',
      field: 'dateOn',
      type: 'day',
      required: true,
      description: 'Day the family was put on the list',
      example: '2026-01-10',
    },
    {
      column: 'priority',
      field: 'priority',
      type: 'count',
      required: false,
      description: '1 (highest) to 5, when the shelter uses priorities',
      example: '2',
    },
    {
      column: 'date_off',
      field: 'dateOff',
      type: 'day',
      required: false,
      description: 'Day the family left the list; empty while waiting',
      example: '',
    },
    {
      column: 'outcome',
      field: 'outcome',
      type: 'code',
      required: false,
      description: 'PLACED, REFERRED_ELSEWHERE, WITHDRAWN, LOST_CONTACT or UNKNOWN; with date_off',
      example: '',
    },
  ],
  REFUSAL: [
    facility,
    caseRef,
    householdId,
    targetGroup,
    { column: 'refused_on', field: 'refusedOn', type: 'day', required: true, description: 'Day of the refusal', example: '2026-01-12' },
    {
      column: 'reason',
      field: 'reason',
      type: 'code',
      required: true,
      description:
        'NO_CAPACITY, NOT_ELIGIBLE, OUTSIDE_REGION, BEHAVIOUR_SAFETY, NO_RESIDENCE_PERMIT, HOUSEHOLD_COMPOSITION, CONTRA_INDICATION, TOO_LIGHT or OTHER',
      example: 'NO_CAPACITY',
    },
    {
      column: 'alternative',
      field: 'alternative',
      type: 'code',
      required: true,
      description: 'ONWARD_REFERRAL, OTHER_ALTERNATIVE or NONE',
      example: 'OTHER_ALTERNATIVE',
    },
    {
      column: 'alternative_agency_id',
      field: 'alternativeAgencyId',
      type: 'text',
      required: false,
      description: 'Agency referred to; required with ONWARD_REFERRAL',
      example: '',
    },
    note,
  ],
};
