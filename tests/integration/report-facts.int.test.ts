// What the API computes from the report's facts stays within what the report says (issue #16): capacity per
// source, regie holders stated or inferred, the model's handovers and agency parts, and two statements it adds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { HAND_OVER_REGIE, REGISTER, TAKE_REGIE, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const COMPARISON = `{ cityComparison(centrumgemeenteIds: ["amsterdam", "utrecht", "leeuwarden", "oss"], from: "2024-01-01", to: "2024-12-31") {
  differences { aspect values { centrumgemeente { id } value } } } }`;
const TOTAL = 'sourceOrg year asOf unit total bound figures unknown facilitiesWithoutFigure { id } sourceLines';

describe('facts from the report, as the report states them', () => {
  let executor: CypherExecutor;
  let app: App;
  let policy: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor, new Date('2026-01-01T00:00:00Z'));
    app = testApp(executor);
    policy = await signIn(app, executor, 'POLICY_MAKER');
  });
  afterAll(() => executor.close());

  describe('capacity per source, moment and unit', () => {
    it('gives Tussenoord 44 places by the gemeente and 37 by the ggz wegwijzer (2008), the expansion to 52 apart, never 133 (002 L2099-2105, L2132)', async () => {
      const { data, errors } = await gql(
        app,
        `{ facility(id: "utr-tussenoord") {
        capacity { value sourceOrg year planned source { lines } }
        capacityTotals { ${TOTAL} }
        capacityRanges { year unit low high totals { sourceOrg total } } } }`,
      );
      expect(errors).toBeUndefined();
      const tussenoord = data.facility;
      expect(tussenoord.capacityTotals).toEqual([
        {
          sourceOrg: 'gemeente',
          year: 2008,
          asOf: null,
          unit: 'places',
          total: 44,
          bound: 'EXACT',
          figures: 1,
          unknown: 0,
          facilitiesWithoutFigure: [],
          sourceLines: ['L2099-2105'],
        },
        {
          sourceOrg: 'ggz wegwijzer',
          year: 2008,
          asOf: null,
          unit: 'places',
          total: 37,
          bound: 'EXACT',
          figures: 1,
          unknown: 0,
          facilitiesWithoutFigure: [],
          sourceLines: ['L2099-2105'],
        },
      ]);
      expect(tussenoord.capacityRanges).toEqual([
        {
          year: 2008,
          unit: 'places',
          low: 37,
          high: 44,
          totals: [
            { sourceOrg: 'gemeente', total: 44 },
            { sourceOrg: 'ggz wegwijzer', total: 37 },
          ],
        },
      ]);
      expect(tussenoord.capacity.filter((c: any) => c.planned)).toEqual([
        { value: 52, sourceOrg: null, year: null, planned: true, source: { lines: 'L2132' } },
      ]);
    });

    it("keeps Utrecht's sources apart: the gemeente's table adds up to at least 114 places (Tussenvoorziening 102, L2117), the ggz wegwijzer's to at least 115, and the report's own 'ruim 100' beside them, never 281 (L2078-2132)", async () => {
      const { data, errors } = await gql(
        app,
        `{ centrumgemeente(id: "utrecht") { statedCapacity {
        totals { ${TOTAL} } ranges { year unit low high totals { sourceOrg total bound } }
        planned { id value } facilitiesWithoutFigure { id }
        reportedTotals { metric status value valueText sourceOrg source { lines } } } } }`,
      );
      expect(errors).toBeUndefined();
      const capacity = data.centrumgemeente.statedCapacity;
      const bySource = Object.fromEntries(capacity.totals.map((t: any) => [t.sourceOrg, t]));
      expect(Object.keys(bySource).sort()).toEqual(['gemeente', 'ggz wegwijzer']);
      // 44 + 2 + 3 + 10 + 16 + 27 (Tussenvoorziening, the table's own 102) + 12 (Amerpoort); SWBU's '--' is unknown.
      expect(bySource.gemeente).toMatchObject({ year: 2008, unit: 'places', total: 114, bound: 'AT_LEAST', figures: 7, unknown: 1 });
      // 37 + 2 + 3 + 10 + 18 + 45 (the table's own 115); Amerpoort and SWBU not listed.
      expect(bySource['ggz wegwijzer']).toMatchObject({
        year: 2008,
        unit: 'places',
        total: 115,
        bound: 'AT_LEAST',
        figures: 6,
        unknown: 2,
      });
      expect(capacity.ranges).toEqual([
        {
          year: 2008,
          unit: 'places',
          low: 114,
          high: 115,
          totals: expect.arrayContaining([
            { sourceOrg: 'gemeente', total: 114, bound: 'AT_LEAST' },
            { sourceOrg: 'ggz wegwijzer', total: 115, bound: 'AT_LEAST' },
          ]),
        },
      ]);
      expect(capacity.planned).toEqual([{ id: 'utr-tussenoord-cap-3', value: 52 }]);
      expect(capacity.reportedTotals).toEqual([
        {
          metric: 'familyShelterCapacity',
          status: 'REPORTED_AS_TEXT',
          value: null,
          valueText: 'ruim 100',
          sourceOrg: 'gemeente',
          source: { lines: 'L1992-1996, L2078-2080' },
        },
      ]);
      expect(capacity.totals.every((t: any) => t.total !== 281)).toBe(true);
    });

    it('makes a total "at least" where a facility has no stated capacity, never a silent zero (Leeuwarden, L2928-2942)', async () => {
      const { data } = await gql(
        app,
        `{ centrumgemeente(id: "leeuwarden") { statedCapacity { totals { ${TOTAL} } facilitiesWithoutFigure { id } } } }`,
      );
      const capacity = data.centrumgemeente.statedCapacity;
      expect(capacity.facilitiesWithoutFigure.map((f: any) => f.id).sort()).toEqual([
        'lwd-ldh-10-voor-toekomst',
        'lwd-ldh-enwierum',
        'lwd-limor-crisis',
      ]);
      const families = capacity.totals.find((t: any) => t.unit === 'families');
      // Blijenhof 15, Den Eikelaar 17, Limor Tweede Fase 6; no period is stated for any of them.
      expect(families).toMatchObject({ sourceOrg: null, year: null, asOf: null, total: 38, bound: 'AT_LEAST' });
      expect(families.facilitiesWithoutFigure.map((f: any) => f.id)).toEqual(
        expect.arrayContaining(['lwd-limor-crisis', 'lwd-ldh-enwierum']),
      );
      expect(capacity.totals.find((t: any) => t.unit === 'adults')).toMatchObject({ total: 20, bound: 'AT_LEAST' });
    });
  });

  describe('regie: the published model with its handovers and agency parts', () => {
    const MAP = `query($id: ID!) { regieMap(centrumgemeenteId: $id) {
      publishedStages { order regieHolder { id } regieBasis regieBasisLines regieBasisText }
      recorded { stage holder { id } conformsBy modelBasis modelSourceLines }
      departures { kind agency { id } modelBasis sourceLines detail } } }`;

    async function household(coordinator: SignedIn, cityId: string, municipality: string, recipients: string[]) {
      const input = householdInput({
        centrumgemeenteId: cityId,
        municipality,
        consent: { ...householdInput().consent, recipientAgencyIds: recipients },
      });
      const { data, errors } = await gql(app, REGISTER, { input }, coordinator.headers);
      expect(errors).toBeUndefined();
      return data.registerHousehold.id as string;
    }

    it('Amsterdam: HVO Querido holding regie after placement follows the handover to the MO institution (002 L1404-1408), not a departure', async () => {
      const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
      const vangnet = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-ggd-vangnet-advies' });
      const householdId = await household(coordinator, 'amsterdam', 'Amsterdam', ['ams-ggd-vangnet-advies', 'ams-hvo-querido']);
      const taken = await gql(
        app,
        TAKE_REGIE,
        { householdId, stage: 'EVICTED', agencyId: 'ams-ggd-vangnet-advies', from: '2024-07-01' },
        coordinator.headers,
      );
      expect(taken.data.takeRegie.__typename).toBe('RegieAssignment');
      const handed = await gql(
        app,
        HAND_OVER_REGIE,
        { householdId, stage: 'EVICTED', toAgencyId: 'ams-hvo-querido', toStage: 'PLACED', on: '2024-07-20' },
        vangnet.headers,
      );
      expect(handed.data.handOverRegie.__typename).toBe('RegieAssignment');

      const { data, errors } = await gql(app, MAP, { id: 'amsterdam' }, coordinator.headers);
      expect(errors).toBeUndefined();
      const map = data.regieMap;
      expect(map.recorded).toContainEqual({
        stage: 'PLACED',
        holder: { id: 'ams-hvo-querido' },
        conformsBy: 'HANDOVER_STATEMENT',
        modelBasis: 'STATED',
        modelSourceLines: 'L1400-1408',
      });
      expect(map.recorded).toContainEqual({
        stage: 'EVICTED',
        holder: { id: 'ams-ggd-vangnet-advies' },
        conformsBy: 'NAMED_HOLDER',
        modelBasis: 'STATED',
        modelSourceLines: 'L1400-1404',
      });
      expect(map.departures.map((d: any) => d.agency.id)).not.toContain('ams-hvo-querido');
      expect(map.departures.map((d: any) => d.agency.id)).not.toContain('ams-ggd-vangnet-advies');
    });

    it('Leeuwarden: Sociaal Team Leeuwarden is part of Sociale teams Friesland, the named holder, so neither is a departure (L3110-3112, L3227-3229)', async () => {
      const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'leeuwarden' });
      const householdId = await household(coordinator, 'leeuwarden', 'Leeuwarden', ['lwd-sociaal-team-leeuwarden']);
      const taken = await gql(
        app,
        TAKE_REGIE,
        { householdId, stage: 'REPORTED', agencyId: 'lwd-sociaal-team-leeuwarden', from: '2024-03-01' },
        coordinator.headers,
      );
      expect(taken.data.takeRegie.__typename).toBe('RegieAssignment');

      const { data, errors } = await gql(app, MAP, { id: 'leeuwarden' }, coordinator.headers);
      expect(errors).toBeUndefined();
      const map = data.regieMap;
      expect(map.recorded).toContainEqual({
        stage: 'REPORTED',
        holder: { id: 'lwd-sociaal-team-leeuwarden' },
        conformsBy: 'PART_OF_NAMED_HOLDER',
        modelBasis: 'STATED',
        modelSourceLines: 'L3110-3112',
      });
      const departed = map.departures.map((d: any) => d.agency.id);
      expect(departed).not.toContain('lwd-sociaal-team-leeuwarden');
      expect(departed).not.toContain('lwd-sociale-teams');
      // The corporations at signalling are an inference; the regie map says so where it lists them as never recorded.
      expect(map.departures).toContainEqual(
        expect.objectContaining({ kind: 'PUBLISHED_NOT_RECORDED', agency: { id: 'lwd-woningcorporaties' }, modelBasis: 'INFERRED' }),
      );
    });
  });

  describe('regie holders, stated or inferred', () => {
    const STAGES = `query($id: ID!) { centrumgemeente(id: $id) {
      chainModel { stages { order regieHolder { id } regieBasis regieBasisLines regieBasisText } }
      regieStatements { stage holder { id } regieBasis regieBasisLines regieBasisText handoverToAgencyType handoverAtState source { lines } } } }`;

    it('marks Amsterdam step 7 (Gemeente Amsterdam) as inferred (L1446-1452) and step 2 (Vangnet en Advies) as stated (L1400-1404)', async () => {
      const { data } = await gql(app, STAGES, { id: 'amsterdam' });
      const stages = data.centrumgemeente.chainModel.stages;
      expect(stages.find((s: any) => s.order === 7)).toMatchObject({
        regieHolder: { id: 'ams-gemeente' },
        regieBasis: 'INFERRED',
        regieBasisLines: null,
      });
      expect(stages.find((s: any) => s.order === 7).regieBasisText).toMatch(/L1446-1452.*does not say the gemeente holds regie/);
      expect(stages.find((s: any) => s.order === 2)).toMatchObject({
        regieHolder: { id: 'ams-ggd-vangnet-advies' },
        regieBasis: 'STATED',
        regieBasisLines: 'L1400-1404',
      });
      expect(stages.find((s: any) => s.order === 2).regieBasisText).toMatch(/heeft zij tevens de regie/);
      const handover = data.centrumgemeente.regieStatements.find((n: any) => n.source.lines === 'L1400-1408');
      expect(handover).toMatchObject({ handoverToAgencyType: 'MO_SHELTER', handoverAtState: 'PLACED', regieBasis: 'STATED' });
    });

    it('marks the Frisian corporations at signalling as inferred (a duty to signal in the covenant, L2734-2744), and every holder one way or the other', async () => {
      for (const id of ['amsterdam', 'utrecht', 'leeuwarden', 'oss']) {
        const { data } = await gql(app, STAGES, { id });
        const holders = [...data.centrumgemeente.chainModel.stages, ...data.centrumgemeente.regieStatements].filter(
          (h: any) => (h.regieHolder ?? h.holder ?? null) !== null,
        );
        for (const holder of holders) {
          expect(['STATED', 'INFERRED']).toContain(holder.regieBasis);
          if (holder.regieBasis === 'STATED') expect(holder.regieBasisLines).toMatch(/^L\d+/);
          expect(holder.regieBasisText.length).toBeGreaterThan(10);
        }
      }
      const { data } = await gql(app, STAGES, { id: 'leeuwarden' });
      expect(data.centrumgemeente.chainModel.stages.find((s: any) => s.order === 1)).toMatchObject({
        regieHolder: { id: 'lwd-woningcorporaties' },
        regieBasis: 'INFERRED',
      });
    });

    it('lets the comparison say which holders are stated and which inferred', async () => {
      const { data, errors } = await gql(app, COMPARISON, {}, policy.headers);
      expect(errors).toBeUndefined();
      const aspect = (name: string) => data.cityComparison.differences.find((d: any) => d.aspect === name);
      const inferred = aspect('regie holders in the chain model, inferred (not stated as regie in the report)');
      expect(inferred.values.find((v: any) => v.centrumgemeente.id === 'amsterdam').value).toBe('Gemeente Amsterdam (step 7)');
      expect(inferred.values.find((v: any) => v.centrumgemeente.id === 'leeuwarden').value).toMatch(
        /^Woningcorporaties Friesland \(step 1\)/,
      );
      const stated = aspect('regie holders in the chain model, stated in the report');
      expect(stated.values.find((v: any) => v.centrumgemeente.id === 'amsterdam').value).toBe(
        'Vangnet en Advies (GGD Amsterdam) (step 2, lines 1400-1404)',
      );
    });
  });

  describe('statements the report makes that the data left out', () => {
    it("adds that nobody knows where ZIENN's roughly 70 refused families went (002 L2962-2966), beside the 70 (L2952-2958)", async () => {
      const { data } = await gql(
        app,
        `{ centrumgemeente(id: "leeuwarden") { publishedFigures { metric year status value unit note agency { id } source { document lines } } } }`,
      );
      const refused = data.centrumgemeente.publishedFigures.filter(
        (f: any) => f.agency?.id === 'lwd-zienn' && f.metric.startsWith('refusedFamilies'),
      );
      expect(refused).toContainEqual(expect.objectContaining({ metric: 'refusedFamilies', year: 2008, value: 70 }));
      const whereabouts = refused.find((f: any) => f.metric === 'refusedFamiliesWhereabouts');
      expect(whereabouts).toMatchObject({
        year: 2008,
        status: 'UNKNOWN',
        value: null,
        unit: 'families',
        source: { document: '002_274c437a37338521.txt', lines: 'L2962-2966, L3381-3385' },
      });
      expect(whereabouts.note).toMatch(/Het is niet bekend waar deze afgewezen gezinnen vervolgens terechtkomen/);
    });

    it('compares formal cooperation in Amsterdam and Utrecht with informal cooperation in Leeuwarden and Oss (002 L4646-4652)', async () => {
      const { data } = await gql(app, COMPARISON, {}, policy.headers);
      const cooperation = data.cityComparison.differences.find((d: any) => d.aspect === 'chain cooperation (2009 study, lines 4646-4652)');
      expect(Object.fromEntries(cooperation.values.map((v: any) => [v.centrumgemeente.id, v.value]))).toEqual({
        amsterdam: 'formal: covenants and protocols',
        utrecht: 'formal: covenants and protocols',
        leeuwarden: 'informal: partnerships',
        oss: 'informal: partnerships',
      });
      const cities = (await gql(app, `{ centrumgemeenten { id chainCooperation chainCooperationLines } }`)).data.centrumgemeenten;
      expect(cities.find((c: any) => c.id === 'oss')).toEqual({
        id: 'oss',
        chainCooperation: 'INFORMAL',
        chainCooperationLines: 'L4646-4652',
      });
    });

    it("shows capacity per source in the comparison, with the report's own total beside it and no sum across sources", async () => {
      const { data } = await gql(app, COMPARISON, {}, policy.headers);
      const perSource = data.cityComparison.differences.find((d: any) => d.aspect.startsWith('shelter capacity per source'));
      expect(perSource.values.find((v: any) => v.centrumgemeente.id === 'utrecht').value).toBe(
        'at least 114 places (gemeente, 2008); at least 115 places (ggz wegwijzer, 2008)',
      );
      const reported = data.cityComparison.differences.find((d: any) => d.aspect === 'shelter capacity as the report totals it');
      expect(reported.values.find((v: any) => v.centrumgemeente.id === 'utrecht').value).toBe(
        'ruim 100 places (gemeente, 2008, Study of family homelessness after eviction, part 2: four centrumgemeenten (2009), lines 1992-1996, 2078-2080)',
      );
    });
  });
});
