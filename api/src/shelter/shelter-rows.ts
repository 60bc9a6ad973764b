// Checks shelter rows before anything is written, for forms and CSV files alike: shape, references, scope and
// duplicates. Every problem names its line (or form field) so a shelter can fix its file in one go.
import {
  describeProblem,
  naturalKey,
  problemCodes,
  problemFromZodIssue,
  shelterRowSchemas,
  shelterCsvColumns,
  type Problem,
  type ProblemCode,
  type ProblemParams,
  type ShelterRecordKind,
  type ShelterRow,
} from '@ketenkaart/schema';
import type { ShelterRepository } from '../repositories/shelter-repository.js';

export interface RowProblem extends Problem {
  /** Line in the file (the header is line 1); 0 for a problem with the file as a whole. */
  line: number;
  /** Column as named in the file, when the problem is in one. */
  column: string | null;
}

/** A problem as reported: its code and parameters for the web, and the English sentence for API clients. */
export interface ReportedProblem {
  line: number;
  column: string | null;
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

export interface NumberedRow {
  line: number;
  row: ShelterRow;
}

/** At most this many problems are listed; the report states this cap and how many there were in all. */
export const MAX_LISTED_PROBLEMS = 500;

export class ProblemList {
  readonly listed: ReportedProblem[] = [];
  total = 0;
  add(problem: RowProblem): void {
    this.total += 1;
    const params = problem.params ?? {};
    if (this.listed.length < MAX_LISTED_PROBLEMS)
      this.listed.push({
        line: problem.line,
        column: problem.column,
        code: problem.code,
        params,
        message: describeProblem({ code: problem.code, params }),
      });
  }
}

const columnOfField = (kind: ShelterRecordKind, field: string) => shelterCsvColumns[kind].find((c) => c.field === field)?.column ?? field;

/** Validates one row's shape; returns the typed row or adds its problems. */
export function parseShelterRow(
  kind: ShelterRecordKind,
  line: number,
  values: Record<string, unknown>,
  problems: ProblemList,
): ShelterRow | null {
  const parsed = shelterRowSchemas[kind].safeParse(values);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === undefined ? null : String(issue.path[0]);
    // NaN marks a count the reader has already reported as not a whole number.
    if (field && Number.isNaN(values[field])) continue;
    problems.add({ line, column: field ? columnOfField(kind, field) : null, ...problemFromZodIssue(issue, values) });
  }
  return null;
}

/** How many household links were refused, for the access log: unknown ids and households without a relation. */
export interface LinkRefusals {
  unknownHouseholds: number;
  unrelatedHouseholds: number;
}

/**
 * One answer for a household id that does not exist and one the shelter may not link: a file must not tell which
 * ids exist. The access log keeps the difference (LinkRefusals).
 */
export const UNLINKABLE_HOUSEHOLD = problemCodes.HOUSEHOLD_NOT_LINKABLE;

/**
 * Checks rows against the graph and each other: facilities must exist and be the viewer's, named agencies must
 * exist, a named household must be one the shelter may link (a relation with the agency, or a link its coordinator
 * confirmed for the facility), and no natural key may occur twice in one upload.
 */
export async function checkShelterRows(
  kind: ShelterRecordKind,
  rows: NumberedRow[],
  scope: { facilityIds: ReadonlySet<string> | 'ALL'; linkingAgencyId: string | null },
  shelter: ShelterRepository,
  problems: ProblemList,
): Promise<LinkRefusals> {
  const ids = {
    facilityIds: new Set<string>(),
    agencyIds: new Set<string>(),
    householdIds: new Set<string>(),
  };
  for (const { row } of rows) {
    ids.facilityIds.add(row.facilityId);
    if ('householdId' in row && row.householdId) ids.householdIds.add(row.householdId);
    if ('alternativeAgencyId' in row && row.alternativeAgencyId) ids.agencyIds.add(row.alternativeAgencyId);
  }
  const [known, linkable] = await Promise.all([
    shelter.known({ facilityIds: [...ids.facilityIds], agencyIds: [...ids.agencyIds], householdIds: [...ids.householdIds] }),
    scope.linkingAgencyId ? shelter.linkable([...ids.householdIds], scope.linkingAgencyId) : Promise.resolve([]),
  ]);
  const linkOf = new Map(linkable.map((l) => [l.householdId, l]));
  const mayLink = (householdId: string, facilityId: string) => {
    const link = linkOf.get(householdId);
    return Boolean(link && (link.related || link.confirmedFacilityIds.includes(facilityId)));
  };
  const refusals: LinkRefusals = { unknownHouseholds: 0, unrelatedHouseholds: 0 };
  const firstLineOfKey = new Map<string, number>();
  for (const { line, row } of rows) {
    if (!known.facilities.has(row.facilityId))
      problems.add({ line, column: 'facility_id', code: 'NO_SUCH', params: { entity: 'facility', value: row.facilityId } });
    else if (scope.facilityIds !== 'ALL' && !scope.facilityIds.has(row.facilityId)) {
      problems.add({ line, column: 'facility_id', code: 'NOT_YOUR_FACILITY', params: { value: row.facilityId } });
    }
    if ('householdId' in row && row.householdId && !mayLink(row.householdId, row.facilityId)) {
      if (known.households.has(row.householdId)) refusals.unrelatedHouseholds += 1;
      else refusals.unknownHouseholds += 1;
      problems.add({ line, column: 'household_id', code: 'HOUSEHOLD_NOT_LINKABLE' });
    }
    if ('alternativeAgencyId' in row && row.alternativeAgencyId && !known.agencies.has(row.alternativeAgencyId)) {
      problems.add({
        line,
        column: 'alternative_agency_id',
        code: 'NO_SUCH',
        params: { entity: 'agency', value: row.alternativeAgencyId },
      });
    }
    const key = naturalKey(kind, row);
    const earlier = firstLineOfKey.get(key);
    if (earlier !== undefined)
      problems.add({ line, column: null, code: 'SAME_KEY_AS_LINE', params: { key: describeKey(kind), other: earlier } });
    else firstLineOfKey.set(key, line);
  }
  return refusals;
}

/** The columns of a kind's natural key, as named in the file. */
function describeKey(kind: ShelterRecordKind): string {
  switch (kind) {
    case 'CAPACITY':
      return 'facility_id, unit_kind, target_group, period_start';
    case 'OCCUPANCY':
      return 'facility_id, unit_kind, target_group, date';
    case 'WAITING_LIST':
      return 'facility_id, case_ref, date_on';
    case 'REFUSAL':
      return 'facility_id, case_ref, refused_on';
  }
}
