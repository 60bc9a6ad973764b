// What the API computes from the report's facts stays within what the report says (issue #16): capacity per
// source, regie holders stated or inferred, the model's handovers and agency parts, and two statements it adds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { HAND_OVER_REGIE, REGISTER, TAKE_REGIE, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

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
      const { data, errors } = await gql(app, `{ facility(id: "utr-tussenoord") {
        capacity { value sourceOrg year planned source { lines } }
        capacityTotals { ${TOTAL} }
        capacityRanges { year unit low high totals { sourceOrg total } } } }`);
      expect(errors).toBeUndefined();
      const tussenoord = data.facility;
      expect(tussenoord.capacityTotals).toEqual([
        { sourceOrg: 'gemeente', year: 2008, asOf: null, unit: 'places', total: 44, bound: 'EXACT', figures: 1, unknown: 0, facilitiesWithoutFigure: [], sourceLines: ['L2099-2105'] },
        { sourceOrg: 'ggz wegwijzer', year: 2008, asOf: null, unit: 'places', total: 37, bound: 'EXACT', figures: 1, unknown: 0, facilitiesWithoutFigure: [], sourceLines: ['L2099-2105'] },
      ]);
      expect(tussenoord.capacityRanges).toEqual([
        { year: 2008, unit: 'places', low: 37, high: 44, totals: [{ sourceOrg: 'gemeente', total: 44 }, { sourceOrg: 'ggz wegwijzer', total: 37 }] },
      ]);
      expect(tussenoord.capacity.filter((c: any) => c.planned)).toEqual([{ value: 52, sourceOrg: null, year: null, planned: true, source: { lines: 'L2132' } }]);
    });

    it("keeps Utrecht's sources apart: the gemeente's table adds up to at least 114 places (Tussenvoorziening 102, L2117), the ggz wegwijzer's to at least 115, and the report's own 'ruim 100' beside them, never 281 (L2078-2132)", async () => {
      const { data, errors } = await gql(app, `{ centrumgemeente(id: "utrecht") { statedCapacity {
        totals { ${TOTAL} } ranges { year unit low high totals { sourceOrg total bound } }
        planned { id value } facilitiesWithoutFigure { id }
        reportedTotals { metric status value valueText sourceOrg source { lines } } } } }`);
      expect(errors).toBeUndefined();
      const capacity = data.centrumgemeente.statedCapacity;
      const bySource = Object.fromEntries(capacity.totals.map((t: any) => [t.sourceOrg, t]));
      expect(Object.keys(bySource).sort()).toEqual(['gemeente', 'ggz wegwijzer']);
      // 44 + 2 + 3 + 10 + 16 + 27 (Tussenvoorziening, the table's own 102) + 12 (Amerpoort); SWBU's '--' is unknown.
      expect(bySource.gemeente).toMatchObject({ year: 2008, unit: 'places', total: 114, bound: 'AT_LEAST', figures: 7, unknown: 1 });
      // 37 + 2 + 3 + 10 + 18 + 45 (the table's own 115); Amerpoort and SWBU not listed.
      expect(bySource['ggz wegwijzer']).toMatchObject({ year: 2008, unit: 'places', total: 115, bound: 'AT_LEAST', figures: 6, unknown: 2 });
      expect(capacity.ranges).toEqual([{ year: 2008, unit: 'places', low: 114, high: 115, totals: expect.arrayContaining([
        { sourceOrg: 'gemeente', total: 114, bound: 'AT_LEAST' }, { sourceOrg: 'ggz wegwijzer', total: 115, bound: 'AT_LEAST' }]) }]);
      expect(capacity.planned).toEqual([{ id: 'utr-tussenoord-cap-3', value: 52 }]);
      expect(capacity.reportedTotals).toEqual([
        { metric: 'familyShelterCapacity', status: 'REPORTED_AS_TEXT', value: null, valueText: 'ruim 100', sourceOrg: 'gemeente', source: { lines: 'L1992-1996, L2078-2080' } },
      ]);
      expect(capacity.totals.every((t: any) => t.total !== 281)).toBe(true);
    });

    it('makes a total "at least" where a facility has no stated capacity, never a silent zero (Leeuwarden, L2928-2942)', async () => {
      const { data } = await gql(app, `{ centrumgemeente(id: "leeuwarden") { statedCapacity { totals { ${TOTAL} } facilitiesWithoutFigure { id } } } }`);
      const capacity = data.centrumgemeente.statedCapacity;
      expect(capacity.facilitiesWithoutFigure.map((f: any) => f.id).sort()).toEqual(['lwd-ldh-10-voor-toekomst', 'lwd-ldh-enwierum', 'lwd-limor-crisis']);
      const families = capacity.totals.find((t: any) => t.unit === 'families');
      // Blijenhof 15, Den Eikelaar 17, Limor Tweede Fase 6; no period is stated for any of them.
      expect(families).toMatchObject({ sourceOrg: null, year: null, asOf: null, total: 38, bound: 'AT_LEAST' });
      expect(families.facilitiesWithoutFigure.map((f: any) => f.id)).toEqual(expect.arrayContaining(['lwd-limor-crisis', 'lwd-ldh-enwierum']));
      expect(capacity.totals.find((t: any) => t.unit === 'adults')).toMatchObject({ total: 20, bound: 'AT_LEAST' });
    });
  });
});
