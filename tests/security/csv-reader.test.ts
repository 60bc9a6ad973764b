// The shelter CSV reader reports every line's problems, not only the first broken one, up to a cap it states.
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS, readShelterCsv } from '@ketenkaart/api';

const HEADER = 'facility_id,unit_kind,target_group,date,occupied,available,blocked';

async function* bodyOf(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}

const read = (lines: string[]) => readShelterCsv('OCCUPANCY', bodyOf([HEADER, ...lines].join('\n')), { encoding: 'utf-8' });
const linesWithProblems = (problems: { line: number }[]) => [...new Set(problems.map((p) => p.line))].sort((a, b) => a - b);

describe('shelter CSV reader', () => {
  it('reports a broken quote on a line after a line that already has an error, and the lines after both', async () => {
    const { problems } = await read([
      'f1,PLACES,FAMILIES,2026-01-01,1,2,3',
      'f1,PLACES,FAMILIES,2026-01-02,1,2', // line 3: a field short
      'f1,PLACES,FAMILIES,30-02-2026,x,2,3', // line 4: no such day, not a number
      'f1,PL"ACES,FAMILIES,2026-01-04,1,2,3', // line 5: a quote inside a field, not doubled
      'f1,PLACES,FAMILIES,2026-01-05,1,2,3,9', // line 6: a field too many
      'f1,PLACES,NOBODY,2026-01-06,1,2,3', // line 7: unknown target group
    ]);
    expect(linesWithProblems(problems.listed)).toEqual([3, 4, 5, 6, 7]);
    expect(problems.listed.find((p) => p.line === 5)).toMatchObject({ code: 'QUOTE_NOT_DOUBLED' });
    expect(problems.listed.find((p) => p.line === 3)).toMatchObject({ code: 'FIELD_COUNT', params: { found: 6, expected: 7 } });
    expect(
      problems.listed
        .filter((p) => p.line === 4)
        .map((p) => [p.column, p.code])
        .sort(),
    ).toEqual([
      ['date', 'NOT_A_DATE'],
      ['occupied', 'NOT_WHOLE_NUMBER'],
    ]);
    expect(problems.listed.find((p) => p.line === 4 && p.column === 'date')?.params).toEqual({ value: '30-02-2026' });
    expect(problems.listed.find((p) => p.line === 7)).toMatchObject({
      column: 'target_group',
      code: 'NOT_ONE_OF',
      params: { value: 'NOBODY' },
    });
  });

  it("speaks in codes and parameters, never in the parser's or zod's English", async () => {
    const { problems } = await read(['f1,PLACES,FAMILIES,2026-13-01,1,2,3', 'f1,ROOMS,FAMILIES,2026-01-01,1,2,3']);
    for (const problem of problems.listed) {
      expect(problem.code).toMatch(/^[A-Z_]+$/);
      expect(problem.message).not.toMatch(/Invalid (ISO|option|input)|expected one of|Too small/);
    }
  });

  it('lists problems up to the cap and counts them all', async () => {
    const extra = 7;
    const rows = Array.from({ length: MAX_LISTED_PROBLEMS + extra }, (_, i) => `f1,PLACES,FAMILIES,2026-01-01,${i % 2 ? 'x' : 'y'},2,3`);
    const { problems, rowCount } = await read(rows);
    expect(rowCount).toBe(MAX_LISTED_PROBLEMS + extra);
    expect(problems.total).toBe(MAX_LISTED_PROBLEMS + extra);
    expect(problems.listed).toHaveLength(MAX_LISTED_PROBLEMS);
  });
});
