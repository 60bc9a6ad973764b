// Shelter rows entered in a form: read like a small file, with the same checks and the same all-or-nothing write.
import { shelterCsvColumns, type ShelterRecordKind } from '@ketenkaart/schema';
import type { ShelterWriteResult } from '../repositories/shelter-repository.js';
import { invalid, type Result } from '../repositories/result.js';
import { importShelterRows } from './shelter-import.js';
import { parseShelterRow, ProblemList } from './shelter-rows.js';

const MAX_FORM_ROWS = 100;

export async function writeShelterFormRows(
  deps: Parameters<typeof importShelterRows>[0],
  kind: ShelterRecordKind,
  inputs: Record<string, unknown>[],
): Promise<Result<ShelterWriteResult>> {
  if (inputs.length === 0 || inputs.length > MAX_FORM_ROWS) return invalid(['rows'], 'TOO_MANY_ROWS', { maximum: MAX_FORM_ROWS });
  const problems = new ProblemList();
  const rows = inputs.flatMap((input, index) => {
    // GraphQL leaves out optional fields the client did not send; the row schema wants them as null.
    const values = Object.fromEntries(shelterCsvColumns[kind].map((c) => [c.field, input[c.field] ?? null]));
    const row = parseShelterRow(kind, index, values, problems);
    return row ? [{ line: index, row }] : [];
  });
  const report = await importShelterRows(deps, kind, { rows, problems, rowCount: inputs.length }, { dryRun: false, source: 'form' });
  if (!report.written) {
    return {
      ok: false,
      failure: {
        kind: 'VALIDATION',
        fields: report.problems.map((p) => ({
          path: ['rows', String(p.line), ...(p.column ? [p.column] : [])],
          code: p.code,
          params: p.params,
        })),
      },
    };
  }
  return { ok: true, value: report.written };
}
