// One way in for shelter rows, from a form or a CSV file: check everything, then write all rows or none.
import type { ShelterRecordKind } from '@ketenkaart/schema';
import type { AccessService } from '../access/access-service.js';
import type { Viewer } from '../access/viewer.js';
import type { Repositories } from '../repositories/index.js';
import type { ShelterWriteResult } from '../repositories/shelter-repository.js';
import type { GapResolutionCause } from '../repositories/gap-repository.js';
import { checkShelterRows, MAX_LISTED_PROBLEMS, ProblemList, type NumberedRow, type ReportedProblem } from './shelter-rows.js';

export interface ShelterImportReport {
  kind: ShelterRecordKind;
  dryRun: boolean;
  /** Data rows read. */
  rows: number;
  /** Problems found in line order, at most `problemCap` of them; totalProblems counts all. */
  problems: ReportedProblem[];
  totalProblems: number;
  /** How many problems a report lists at most, so that a reader knows a long list was cut. */
  problemCap: number;
  /** What was written; null on a dry run or when any problem was found (then nothing was written). */
  written: ShelterWriteResult | null;
}

/** Facilities whose records a viewer may report and read line by line: shelter staff, their own agency's. */
export async function facilitiesInScope(viewer: Viewer, repos: Repositories): Promise<Set<string>> {
  if (viewer.role !== 'SHELTER_STAFF' || !viewer.agencyId) return new Set();
  const page = await repos.reference.facilities({ agencyId: viewer.agencyId }, 1_000, null);
  return new Set(page.items.map((facility) => facility.id));
}

export async function importShelterRows(
  deps: {
    repos: Repositories;
    access: AccessService;
    viewer: Viewer;
    now: () => Date;
    refreshGaps: (householdIds: string[], cause: GapResolutionCause) => Promise<unknown>;
  },
  kind: ShelterRecordKind,
  read: { rows: NumberedRow[]; problems: ProblemList; rowCount: number },
  options: { dryRun: boolean; source: string },
): Promise<ShelterImportReport> {
  const { repos, access, viewer, now } = deps;
  const { problems } = read;
  // Rows that parsed are checked against the graph too, so that one round shows every problem in the file.
  const links = read.rows.length
    ? await checkShelterRows(
        kind,
        read.rows,
        { facilityIds: await facilitiesInScope(viewer, repos), linkingAgencyId: viewer.agencyId },
        repos.shelter,
        problems,
      )
    : { unknownHouseholds: 0, unrelatedHouseholds: 0 };
  let written: ShelterWriteResult | null = null;
  if (!options.dryRun && problems.total === 0) {
    written = await repos.shelter.write(
      kind,
      read.rows.map((r) => r.row),
      {
        recordedBy: viewer.accountId,
        reportingAgencyId: viewer.agencyId,
        provenanceKind: 'AGENCY_REPORT',
        recordedAt: now().toISOString(),
      },
      { source: options.source },
    );
  }
  // Refusals linked to a household feed its gap rules: re-evaluate those households now, as after any change.
  if (written && kind === 'REFUSAL') {
    const linked = [...new Set(read.rows.flatMap(({ row }) => ('householdId' in row && row.householdId ? [row.householdId] : [])))];
    for (let start = 0; start < linked.length; start += 500)
      await deps.refreshGaps(linked.slice(start, start + 500), { kind: 'SHELTER_REPORT' });
  }
  await access.log({
    action: 'IMPORT',
    outcome: problems.total === 0 ? 'ALLOWED' : 'REFUSED',
    operation: `shelter:${kind}:${options.source}${options.dryRun ? ':dry-run' : ''}`,
    // The caller is told the same for both; the log tells an id that does not exist from a refused link.
    basis: `${read.rowCount} rows, ${problems.total} problems${written ? `, ${written.created} new, ${written.superseded} superseded` : ''}${
      links.unknownHouseholds ? `, ${links.unknownHouseholds} unknown household ids` : ''
    }${links.unrelatedHouseholds ? `, ${links.unrelatedHouseholds} households without a relation` : ''}`,
  });
  const inLineOrder = [...problems.listed].sort((a, b) => a.line - b.line);
  return {
    kind,
    dryRun: options.dryRun,
    rows: read.rowCount,
    problems: inLineOrder,
    totalProblems: problems.total,
    problemCap: MAX_LISTED_PROBLEMS,
    written,
  };
}
