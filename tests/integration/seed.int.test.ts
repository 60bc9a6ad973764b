// The seed round-trips every city fact of cities.json with its source, and rerunning it changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type App, type CypherExecutor } from '@ketenkaart/api';
import { extraFigureCount, readCitiesJson, seedReferenceData } from '@ketenkaart/seed';
import { gql, openTestStore, testApp } from '../support/store.js';

const data = readCitiesJson();
const cities: any[] = data.cities;

const CITY = `
query City($id: ID!) {
  centrumgemeente(id: $id) {
    id name g4 province municipalityCount
    municipalities { name }
    agencies(first: 100) { edges { node { id name aliases type roles memberCount memberCountText parent { id } source { document lines } } } pageInfo { hasNextPage } }
    facilities(first: 100) { edges { node { id name kind aliases operator { id }
      capacity { value unit unitNl targetGroup year qualifier sourceOrg source { document lines } } } } }
    chainModel { name published stages { order name nameNl regieNote regieNoteNl regieHolder { id } actors { id } source { lines } } }
    regieStatements { stage holder { id } text textNl source { lines } }
    covenants { id name commitments parties { id } source { lines } }
    earlyWarning { name reportAfterMonthsArrears feedbackDays incassoSuspensionMaxMonths reportedBy { id } source { lines } }
    publishedFigures { metric year status value valueText unit subjectName agency { id } facility { id } source { document lines } }
    registrationSystems { name holder { id } source { lines } }
    publishedTables { id title columns columnGloss rows { cells } source { lines } }
  }
}`;

describe('seed of the four centrumgemeenten', () => {
  let executor: CypherExecutor;
  let app: App;
  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor, new Date('2026-01-01T00:00:00Z'));
    app = testApp(executor);
  });
  afterAll(() => executor.close());

  it.each(cities.map((c) => [c.id, c] as const))(
    '%s: every agency, facility, capacity, stage, covenant and figure with its source',
    async (id, city) => {
      const { data: result, errors } = await gql(app, CITY, { id });
      expect(errors).toBeUndefined();
      const c = result.centrumgemeente;
      expect(c.name).toBe(city.name);
      expect(c.g4).toBe(city.g4);
      expect(c.municipalities.map((m: any) => m.name).sort()).toEqual([...(city.region.regiogemeenten ?? [])].sort());

      const agencies = c.agencies.edges.map((e: any) => e.node);
      expect(c.agencies.pageInfo.hasNextPage).toBe(false);
      expect(agencies).toHaveLength(city.agencies.length);
      for (const raw of city.agencies) {
        const agency = agencies.find((a: any) => a.id === raw.id);
        expect(agency, raw.id).toMatchObject({
          name: raw.name,
          type: raw.type,
          aliases: raw.aliases,
          roles: raw.roles,
          memberCount: typeof raw.count === 'number' ? raw.count : null,
          memberCountText: typeof raw.count === 'string' ? raw.count : null,
          source: { document: '002_274c437a37338521.txt', lines: raw.source },
        });
        expect(agency.parent?.id ?? null).toBe(raw.parent ?? null);
      }

      const facilities = c.facilities.edges.map((e: any) => e.node);
      expect(facilities).toHaveLength(city.facilities.length);
      for (const raw of city.facilities) {
        const facility = facilities.find((f: any) => f.id === raw.id);
        expect(facility.operator?.id ?? null).toBe(raw.agency);
        expect(facility.capacity).toHaveLength(raw.capacity.length);
        raw.capacity.forEach((cap: any, index: number) => {
          expect(facility.capacity[index]).toMatchObject({
            value: cap.value,
            unit: cap.unit,
            targetGroup: cap.targetGroup,
            year: cap.year,
            source: { document: '002_274c437a37338521.txt', lines: cap.source },
          });
        });
      }

      const stages = c.chainModel.stages;
      expect(stages).toHaveLength(city.chainModel.steps.length);
      city.chainModel.steps.forEach((step: any, index: number) => {
        expect(stages[index]).toMatchObject({ order: step.order, name: step.name, nameNl: step.nameNl, source: { lines: step.source } });
        expect(stages[index].regieHolder?.id ?? null).toBe(step.regie);
        // A regie note comes in both languages; the Dutch one quotes the report or says it is the team's summary.
        expect(stages[index]).toMatchObject({ regieNote: step.regieNote ?? null, regieNoteNl: step.regieNoteNl ?? null });
        if (step.regieNote) expect(step.regieNoteNl).toMatch(/‘[^’]+’.*\(regels \d+-\d+\)|^Samenvatting van Ketenkaart: /);
        expect(stages[index].actors.map((a: any) => a.id).sort()).toEqual(
          step.actors.filter((a: string) => city.agencies.some((x: any) => x.id === a)).sort(),
        );
      });

      expect(c.regieStatements).toHaveLength(city.regieNotes.length);
      city.regieNotes.forEach((note: any, index: number) => {
        expect(c.regieStatements[index]).toMatchObject({ stage: note.stage, source: { lines: note.source } });
        expect(c.regieStatements[index].holder?.id ?? null).toBe(note.holder);
        expect(c.regieStatements[index]).toMatchObject({ text: note.text ?? null, textNl: note.textNl ?? null });
        if (note.text)
          expect(note.textNl).toMatch(/‘[^’]+’.*\(regels? \d+(-\d+)?\)|^Samenvatting van Ketenkaart: |^De regie|^Het Verdihuis/);
      });

      expect(c.covenants.map((cov: any) => cov.id).sort()).toEqual(city.arrangements.map((a: any) => a.id).sort());
      for (const raw of city.arrangements) {
        const covenant = c.covenants.find((cov: any) => cov.id === raw.id);
        expect(covenant).toMatchObject({ name: raw.name, commitments: raw.commitments ?? [], source: { lines: raw.source } });
      }

      const ew = city.earlyWarning;
      expect(c.earlyWarning).toMatchObject({
        name: ew.name,
        reportAfterMonthsArrears: ew.reportAfterMonthsArrears ?? null,
        feedbackDays: ew.feedbackDays ?? [],
        source: { lines: ew.source },
      });

      // The report readings add statements cities.json left out (report-readings.ts), each with its own lines.
      expect(c.publishedFigures).toHaveLength(city.figures.length + extraFigureCount(id));
      for (const raw of city.figures) {
        const match = c.publishedFigures.find(
          (f: any) =>
            f.metric === raw.metric &&
            f.year === raw.year &&
            f.source.lines === raw.source &&
            f.unit === raw.unit &&
            [f.agency?.id, f.facility?.id, ...(f.subjectName?.split('; ') ?? [])].filter(Boolean).sort().join() ===
              [raw.agency, raw.facility].filter(Boolean).sort().join() &&
            f.source.document === (raw.document ?? '002_274c437a37338521.txt'),
        );
        expect(match, `${raw.metric} ${raw.year}`).toBeDefined();
        if (typeof raw.value === 'number') expect(match).toMatchObject({ status: 'REPORTED', value: raw.value });
        else if (raw.value === null) expect(match).toMatchObject({ status: 'UNKNOWN', value: null, valueText: null });
        else expect(match).toMatchObject({ status: 'REPORTED_AS_TEXT', valueText: raw.value, value: null });
      }

      expect(c.publishedTables).toHaveLength(city.tables?.length ?? 0);
      for (const raw of city.tables ?? []) {
        const table = c.publishedTables.find((t: any) => t.id === raw.id);
        expect(table).toMatchObject({ title: raw.title, columns: raw.columns, source: { lines: raw.source } });
        expect(table.rows.map((row: any) => row.cells)).toEqual(
          raw.rows.map((row: (string | number | null)[]) => row.map((cell) => (cell === null ? null : String(cell)))),
        );
        expect(table.columnGloss).toEqual(raw.columns.map((column: string) => raw.columnGloss?.[column] ?? null));
      }

      expect(c.registrationSystems.map((r: any) => r.name)).toEqual(city.registrationSystems.map((r: any) => r.name));
    },
  );

  it('keeps the national figures with their own source documents', async () => {
    const { data: result } = await gql(app, `{ nationalFigures { metric year period status value valueText source { document lines } } }`);
    expect(result.nationalFigures).toHaveLength(data.national.length);
    for (const raw of data.national) {
      const match = result.nationalFigures.find(
        (f: any) =>
          f.metric === raw.metric &&
          (typeof raw.year === 'string' ? f.period === raw.year : f.year === raw.year) &&
          f.source.lines === raw.source &&
          f.source.document === raw.document,
      );
      expect(match, raw.metric).toBeDefined();
      expect(match.value ?? match.valueText ?? null).toEqual(raw.value);
    }
  });

  it('keeps every early-warning term the source states', async () => {
    const { data: result } = await gql(app, `{ centrumgemeente(id: "utrecht") { earlyWarning { otherTerms } } }`);
    const terms: string[] = result.centrumgemeente.earlyWarning.otherTerms;
    expect(terms).toContain('capacityReportsPerYear: 200');
    expect(terms.some((term) => term.startsWith('quota: ') && term.includes('utr-mitros'))).toBe(true);
  });

  it('is idempotent: seeding again adds nothing', async () => {
    const repos = createRepositories(executor);
    const before = await repos.reference.countReferenceNodes();
    await seedReferenceData(executor, new Date('2026-02-01T00:00:00Z'));
    expect(await repos.reference.countReferenceNodes()).toBe(before);
  });

  it('keeps "unknown" apart from zero', async () => {
    const { data: result } = await gql(app, `{ centrumgemeente(id: "amsterdam") { publishedFigures { metric year status value } } }`);
    const evictions2008 = result.centrumgemeente.publishedFigures.find((f: any) => f.metric === 'evictions' && f.year === 2008);
    expect(evictions2008).toEqual({ metric: 'evictions', year: 2008, status: 'UNKNOWN', value: null });
  });
});
