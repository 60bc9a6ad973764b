// City comparison: the report's structure side by side, outcomes from recorded paths, disclosure control that
// survives differencing two overlapping periods, suppression metadata, and the CSV and printable exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cypher, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { loadSyntheticFamilies, seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

// Counted independently of the code under test: households with an effective event of a kind in a region and period.
const trueCount = statement(
  'testTrueOutcomeCount',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event {kind: $kind})
WHERE e.occurredOn >= date($from) AND e.occurredOn <= date($to) AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN count(DISTINCT h) AS n`,
  z.object({ n: z.number().int() }),
);

const COMPARE = `query($ids: [ID!]!, $from: Date!, $to: Date!) { cityComparison(centrumgemeenteIds: $ids, from: $from, to: $to) {
  suppressed minCell roundingBase
  definitions { measure definition unit source }
  differences { aspect values { centrumgemeente { id } value } }
  cities { centrumgemeente { id } measures { measure households { value suppressed } per1000Households status published { metric year value source { lines } } }
    refusalsByReason { reason households { value suppressed } } waitingExits { value suppressed } medianWaitingDays }
  suppressedCells { centrumgemeente { id } measure reason } } }`;

const CITIES = ['amsterdam', 'utrecht', 'leeuwarden', 'oss'];
const YEAR = { from: '2025-07-01', to: '2026-06-30' };

describe('city comparison', () => {
  let executor: CypherExecutor;
  let app: App;
  let policy: SignedIn;
  let coordinator: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    await loadSyntheticFamilies(executor, { families: 400, regions: 4, seed: 77, asOf: '2026-06-30' });
    app = testApp(executor);
    policy = await signIn(app, executor, 'POLICY_MAKER');
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
  });
  afterAll(() => executor.close());

  const count = async (cityId: string, kind: string, period: { from: string; to: string }) =>
    (await executor.read((tx) => tx.run(trueCount, { cityId, kind, ...period })))[0]!.n;

  it("puts the report's structure side by side and says where the cities differ", async () => {
    const comparison = (await gql(app, COMPARE, { ids: CITIES, ...YEAR }, policy.headers)).data.cityComparison;
    const published = comparison.differences.find((d: any) => d.aspect === 'chain model published');
    expect(published.values.find((v: any) => v.centrumgemeente.id === 'leeuwarden').value).toBe('reconstructed from the report text');
    expect(published.values.find((v: any) => v.centrumgemeente.id === 'amsterdam').value).toBe('yes');
    // Every measure has a definition and a unit; the report's own figures come with their source lines.
    expect(comparison.definitions.map((d: any) => d.measure)).toHaveLength(8);
    const amsterdam = comparison.cities.find((c: any) => c.centrumgemeente.id === 'amsterdam');
    const evictions = amsterdam.measures.find((m: any) => m.measure === 'EVICTIONS');
    expect(evictions.published.find((f: any) => f.metric === 'evictions' && f.year === 2000)).toMatchObject({
      value: 1238,
      source: { lines: 'L869-898' },
    });
    // No household count per region in the sources: per 1,000 is unknown, not zero.
    expect(amsterdam.measures.every((m: any) => m.per1000Households === null)).toBe(true);
  });

  it('shows the coordinator exact counts and the policy maker suppressed, rounded ones, and lists what was hidden', async () => {
    const exact = (await gql(app, COMPARE, { ids: ['oss'], ...YEAR }, coordinator.headers)).data.cityComparison;
    expect(exact).toMatchObject({ suppressed: false, roundingBase: null, suppressedCells: [] });
    const shown = (await gql(app, COMPARE, { ids: ['oss'], ...YEAR }, policy.headers)).data.cityComparison;
    expect(shown).toMatchObject({ suppressed: true, minCell: 5, roundingBase: 5 });
    for (const measure of ['SIGNALS', 'EVICTIONS', 'SHELTER_APPLICATIONS', 'REFUSALS', 'PLACEMENTS', 'LOST_CONTACT']) {
      const truth = await count(
        'oss',
        {
          SIGNALS: 'EARLY_WARNING_SIGNAL',
          EVICTIONS: 'EVICTION_EXECUTED',
          SHELTER_APPLICATIONS: 'SHELTER_APPLICATION',
          REFUSALS: 'REFUSAL',
          PLACEMENTS: 'PLACEMENT',
          LOST_CONTACT: 'LOST_CONTACT',
        }[measure]!,
        YEAR,
      );
      expect(exact.cities[0].measures.find((m: any) => m.measure === measure).households).toEqual({ value: truth, suppressed: false });
      const cell = shown.cities[0].measures.find((m: any) => m.measure === measure).households;
      if (truth > 0 && truth < 5) expect(cell).toEqual({ value: null, suppressed: true });
      else expect(cell).toEqual({ value: Math.floor(truth / 5 + 0.5) * 5, suppressed: false });
    }
    const hidden =
      shown.cities[0].refusalsByReason.filter((r: any) => r.households.suppressed).length +
      shown.cities[0].measures.filter((m: any) => m.households.suppressed).length +
      (shown.cities[0].waitingExits.suppressed ? 1 : 0);
    expect(shown.suppressedCells).toHaveLength(hidden);
    expect(shown.suppressedCells.every((c: any) => ['BELOW_THRESHOLD', 'SECONDARY'].includes(c.reason))).toBe(true);
    // Refusal reasons are a group: one hidden reason alone must not follow from the shown total and the other
    // reasons. That is only so when every other reason is 0 and the total is hidden as well.
    const reasons = shown.cities[0].refusalsByReason;
    if (reasons.filter((r: any) => r.households.suppressed).length === 1) {
      expect(reasons.filter((r: any) => !r.households.suppressed).every((r: any) => r.households.value === 0)).toBe(true);
      expect(shown.cities[0].measures.find((m: any) => m.measure === 'REFUSALS').households.suppressed).toBe(true);
    }
  });

  it('counts a household once per refusal reason it had, under each of its reasons, and once among the refused', async () => {
    const day = { from: '2026-09-20', to: '2026-09-20' };
    const exactIn = async (period: { from: string; to: string }) => {
      const city = (await gql(app, COMPARE, { ids: ['oss'], ...period }, coordinator.headers)).data.cityComparison.cities[0];
      return {
        refused: city.measures.find((m: any) => m.measure === 'REFUSALS').households.value,
        byReason: Object.fromEntries(city.refusalsByReason.map((r: any) => [r.reason, r.households.value])),
      };
    };
    expect(await exactIn(day)).toMatchObject({ refused: 0, byReason: { NO_CAPACITY: 0, TOO_LIGHT: 0 } });
    // One household refused twice for lack of room and once as too light; a second only for lack of room.
    const refusals = [
      ['OSS-REF-1', ['NO_CAPACITY', 'NO_CAPACITY', 'TOO_LIGHT']],
      ['OSS-REF-2', ['NO_CAPACITY']],
    ] as const;
    for (const [reference, reasons] of refusals) {
      const input = householdInput({ reference, centrumgemeenteId: 'oss', municipality: 'Oss', consent: undefined });
      const id = (await gql(app, REGISTER, { input }, coordinator.headers)).data.registerHousehold.id;
      for (const refusalReason of reasons) {
        const event = {
          householdId: id,
          kind: 'REFUSAL',
          occurredOn: day.from,
          agencyId: 'oss-verdihuis',
          facilityId: 'oss-verdihuis-crisis',
          refusalReason,
        };
        expect((await gql(app, RECORD_EVENT, { input: event }, coordinator.headers)).data.recordEvent.__typename).toBe('HouseholdEvent');
      }
    }
    expect(await exactIn(day)).toMatchObject({ refused: 2, byReason: { NO_CAPACITY: 2, TOO_LIGHT: 1, OTHER: 0 } });
    expect(await count('oss', 'REFUSAL', day)).toBe(2);
  });

  it('cannot be made to reveal a small count by subtracting two overlapping periods', async () => {
    const worker = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    const before = { from: '2025-07-01', to: '2026-09-14' };
    const after = { from: '2025-07-01', to: '2026-09-15' };
    // Two evictions on one day after the synthetic data end: the only difference between the periods.
    for (const reference of ['UTR-DIFF-1', 'UTR-DIFF-2']) {
      const input = householdInput({ reference, centrumgemeenteId: 'utrecht', municipality: 'Utrecht', consent: undefined });
      const id = (await gql(app, REGISTER, { input }, worker.headers)).data.registerHousehold.id;
      const recorded = await gql(
        app,
        RECORD_EVENT,
        { input: { householdId: id, kind: 'EVICTION_EXECUTED', occurredOn: '2026-09-15', agencyId: 'utr-mitros', destination: 'UNKNOWN' } },
        worker.headers,
      );
      expect(recorded.data.recordEvent.__typename).toBe('HouseholdEvent');
    }
    const difference = (await count('utrecht', 'EVICTION_EXECUTED', after)) - (await count('utrecht', 'EVICTION_EXECUTED', before));
    expect(difference).toBe(2);
    const shownIn = async (period: { from: string; to: string }) =>
      (await gql(app, COMPARE, { ids: ['utrecht'], ...period }, policy.headers)).data.cityComparison.cities[0].measures.find(
        (m: any) => m.measure === 'EVICTIONS',
      ).households;
    const [a, b] = [await shownIn(before), await shownIn(after)];
    // Either a period is suppressed, or both are shown as multiples of 5: their difference is never 2.
    if (a.value !== null && b.value !== null) {
      expect((b.value - a.value) % 5).toBe(0);
      expect(b.value - a.value).not.toBe(difference);
    }
    // The day on its own is below the threshold.
    expect(await shownIn({ from: '2026-09-15', to: '2026-09-15' })).toEqual({ value: null, suppressed: true });
  });

  it('exports the comparison as CSV with definitions and sources, and as a printable report, under the same rules', async () => {
    const query = new URLSearchParams({ cities: CITIES.join(','), ...YEAR });
    const csvResponse = await app.fetch(new Request(`http://ketenkaart.test/exports/comparison.csv?${query}`, { headers: policy.headers }));
    expect(csvResponse.headers.get('content-disposition')).toMatch(/ketenkaart-vergelijking-2025-07-01-2026-06-30\.csv/);
    const csv = new TextDecoder().decode(await csvResponse.arrayBuffer());
    const lines = csv.split('\n');
    // Dutch unless asked otherwise, in words throughout: no measure code, metric name or file name.
    expect(lines[0]).toBe('stad,maat,waarde,status,eenheid,periode,bron,definitie');
    expect(
      lines.some((l) =>
        l.startsWith(
          'Amsterdam,Ontruimingen,1238,gepubliceerd,huishoudens,2000,"Onderzoek dakloosheid van gezinnen na huisuitzetting, deel 2: vier centrumgemeenten (2009), regels 869-898"',
        ),
      ),
    ).toBe(true);
    expect(lines.filter((l) => l.includes(',afgeschermd (minder dan 5),')).every((l) => l.split(',')[2] === '')).toBe(true);
    expect(csv).toMatch(/# Aantallen onder 5 zijn afgeschermd .* afgerond op een veelvoud van 5\./);
    const rawCodes = /SIGNALS|EVICTIONS|REFUSALS:|WAITING_DAYS|eropafReports|familyEvictions|\.txt|\bL\d/;
    expect(csv).not.toMatch(rawCodes);
    expect(csv).not.toMatch(/households|recorded in|measured/);

    const english = new TextDecoder().decode(
      await (
        await app.fetch(new Request(`http://ketenkaart.test/exports/comparison.csv?${query}&lang=en`, { headers: policy.headers }))
      ).arrayBuffer(),
    );
    expect(english.split('\n')[0]).toBe('city,measure,value,status,unit,period,source,definition');
    expect(english).toContain(
      'Amsterdam,Evictions,1238,reported,households,2000,"Study of family homelessness after eviction, part 2: four centrumgemeenten (2009), lines 869-898"',
    );
    expect(english).toMatch(/# Counts below 5 are suppressed .* rounded to a multiple of 5\./);
    expect(english).not.toMatch(rawCodes);
    expect(english).not.toMatch(/huishoudens|gemeten|afgeschermd/);

    const html = await (
      await app.fetch(new Request(`http://ketenkaart.test/exports/comparison.html?${query}`, { headers: policy.headers }))
    ).text();
    expect(html).toMatch(/<html lang="nl">/);
    expect(html).toMatch(/<h2>Definities<\/h2>/);
    expect(html).toMatch(/het aantal huishoudens per regio staat niet in de bronnen/);
    expect(html).not.toMatch(rawCodes);
    expect(html).not.toMatch(
      /\b(the report|reconstructed|regie holders|facilities in the sources|yes|none|Counts below|chain model published)\b/,
    );
    const htmlEnglish = await (
      await app.fetch(new Request(`http://ketenkaart.test/exports/comparison.html?${query}&lang=en`, { headers: policy.headers }))
    ).text();
    expect(htmlEnglish).toMatch(/<html lang="en">/);
    expect(htmlEnglish).toMatch(/<h2>Definitions<\/h2>/);
    expect(htmlEnglish).not.toMatch(rawCodes);
    expect(htmlEnglish).not.toMatch(/\b(Ontruimingen|Definities|gemeten|onbekend)\b/);
    // Suppressed cells say so, in the table of the printable report.
    if (lines.some((l) => l.includes(',afgeschermd (minder dan 5),')))
      expect(html).toContain('<span data-suppressed="true">afgeschermd (&lt; 5)</span>');

    const asCoordinator = await app.fetch(
      new Request(`http://ketenkaart.test/exports/comparison.csv?${query}`, { headers: coordinator.headers }),
    );
    expect(asCoordinator.status).toBe(403);
    expect((await app.fetch(new Request(`http://ketenkaart.test/exports/comparison.csv?${query}`))).status).toBe(401);
  });
});
