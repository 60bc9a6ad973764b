// Capacity per source and the regie model comparison against hand-made cases: what no seeded city happens to show.
import { describe, expect, it } from 'vitest';
import { compareRegieWithModel, statedCapacity } from '@ketenkaart/api';

type Figure = Parameters<typeof statedCapacity>[0][number]['figures'][number];
let seq = 0;
const figure = (fields: Partial<Figure>): Figure => ({
  id: `c-${++seq}`,
  facilityId: 'f1',
  value: 10,
  unit: 'places',
  unitNl: null,
  targetGroup: 'families',
  year: 2008,
  asOf: null,
  qualifier: null,
  sourceOrg: 'gemeente',
  planned: false,
  note: null,
  sourceLines: `L${seq}`,
  sourceDocument: null,
  recordedAt: '2026-01-01T00:00:00.000Z',
  ...fields,
});

describe('capacity per source', () => {
  it('never adds across units, years or plans, and a group without any value is unknown, not zero', () => {
    const result = statedCapacity([
      {
        facilityId: 'f1',
        figures: [
          figure({ value: 10 }),
          figure({ value: 4, unit: 'dwellings' }),
          figure({ value: 7, year: 2009 }),
          figure({ value: 52, year: null, planned: true }),
        ],
      },
      { facilityId: 'f2', figures: [figure({ facilityId: 'f2', value: null, sourceOrg: 'ggz wegwijzer' })] },
    ]);
    const key = (t: (typeof result.totals)[number]) => `${t.sourceOrg}|${t.year}|${t.unit}`;
    expect(Object.fromEntries(result.totals.map((t) => [key(t), [t.total, t.bound]]))).toEqual({
      'gemeente|2008|places': [10, 'AT_LEAST'], // f2 has no gemeente figure for 2008
      'gemeente|2008|dwellings': [4, 'AT_LEAST'],
      'gemeente|2009|places': [7, 'AT_LEAST'],
      'ggz wegwijzer|2008|places': [null, 'UNKNOWN'],
    });
    expect(result.planned.map((p) => p.value)).toEqual([52]);
    expect(result.ranges).toEqual([expect.objectContaining({ year: 2008, unit: 'places', low: 10, high: 10 })]);
  });
});

describe('regie against the published model', () => {
  const stage = {
    id: 's1',
    chainModelId: 'm',
    order: 1,
    name: 'n',
    nameNl: 'n',
    description: 'd',
    regieAgencyId: 'team',
    regieNote: null,
    regieNoteNl: null,
    regieBasis: 'STATED' as const,
    regieBasisLines: 'L1',
    regieBasisText: 'q',
    regieBasisTextNl: 'q',
    actorAgencyIds: [],
    sourceLines: 'L1',
    sourceDocument: null,
  };
  const note = {
    id: 'n1',
    centrumgemeenteId: 'c',
    stage: 'after eviction',
    stageNl: 'na de uitzetting',
    holderAgencyId: 'vangnet',
    text: null,
    textNl: null,
    handoverTo: 'MO institution',
    handoverTrigger: 'placement',
    handoverToAgencyType: 'MO_SHELTER' as const,
    handoverAtState: 'PLACED' as const,
    regieBasis: 'STATED' as const,
    regieBasisLines: 'L2',
    regieBasisText: 'q',
    regieBasisTextNl: 'q',
    sourceLines: 'L2',
    sourceDocument: null,
  };
  const agencies = new Map([
    ['team', { id: 'team', type: 'SOCIAL_TEAM' as const, parentId: null }],
    ['local-team', { id: 'local-team', type: 'SOCIAL_TEAM' as const, parentId: 'team' }],
    ['shelter', { id: 'shelter', type: 'MO_SHELTER' as const, parentId: null }],
  ]);
  const model = compareRegieWithModel([stage], [note], agencies);

  it('follows the hierarchy and the handover, but only from the stage the handover names', () => {
    expect(model.conformity('REPORTED', 'local-team')).toEqual({ match: 'PART_OF_NAMED_HOLDER', basis: 'STATED', sourceLines: 'L1' });
    expect(model.conformity('PLACED', 'shelter')).toEqual({ match: 'HANDOVER_STATEMENT', basis: 'STATED', sourceLines: 'L2' });
    expect(model.conformity('AFTERCARE', 'shelter')?.match).toBe('HANDOVER_STATEMENT');
    expect(model.conformity('EVICTED', 'shelter')).toBeNull();
  });

  it('counts a named holder as recorded when a part of it holds regie', () => {
    expect(model.unrecordedHolders(['local-team']).map((h) => h.agencyId)).toEqual(['vangnet']);
  });
});
