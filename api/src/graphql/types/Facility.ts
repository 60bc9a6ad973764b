// Shelter facilities and their capacity figures, each in its own unit: totals per unit, never across units.
import type { CapacityRecord, FacilityRecord } from '../../repositories/reference-repository.js';
import { builder } from '../builder.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { AgencyRef } from './Agency.js';
import { CapacityUnitEnum } from './enums.js';
import { CentrumgemeenteRef } from './refs.js';
import { SourceRef } from './Source.js';

export const CapacityFigureRef = builder.objectRef<CapacityRecord>('CapacityFigure').implement({
  description: 'One stated capacity (capaciteit) of a facility: value, unit, target group, period and source.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    value: t.exposeFloat('value', { nullable: true, description: 'The number; null when the source gives none (unknown, not zero).' }),
    unit: t.field({ type: CapacityUnitEnum, description: 'Unit of the value.', resolve: (c) => c.unit }),
    unitNl: t.exposeString('unitNl', { nullable: true, description: 'The unit as the Dutch source words it (woonunits, woningen).' }),
    targetGroup: t.exposeString('targetGroup', { description: 'Who the capacity is for (doelgroep).' }),
    year: t.exposeInt('year', { nullable: true, description: 'Year the figure applies to, when stated.' }),
    asOf: t.exposeString('asOf', { nullable: true, description: 'Period the figure describes when no year is stated.' }),
    qualifier: t.exposeString('qualifier', { nullable: true, description: 'about / maximum / estimate..., as the source words it.' }),
    sourceOrg: t.exposeString('sourceOrg', { nullable: true, description: 'Organisation that gave the figure (gemeente, ggz wegwijzer).' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    source: t.field({ type: SourceRef, description: 'Where the figure comes from (bron).', resolve: (c) => c }),
  }),
});

const UnitTotalRef = builder.objectRef<{ unit: CapacityRecord['unit']; total: number; figures: number; unknown: number }>('CapacityTotal').implement({
  description: 'Stated capacity added up within one unit. Figures without a value are counted apart, never as zero.',
  fields: (t) => ({
    unit: t.field({ type: CapacityUnitEnum, description: 'The unit all added figures share.', resolve: (u) => u.unit }),
    total: t.exposeFloat('total', { description: 'Sum of the stated values in this unit.' }),
    figures: t.exposeInt('figures', { description: 'How many figures with a value were added.' }),
    unknown: t.exposeInt('unknown', { description: 'Figures in this unit whose value the source does not state.' }),
  }),
});

/** Totals per unit: adding places to dwellings would state a number nobody reported (docs/domain.md §5.3). */
export function totalsPerUnit(figures: CapacityRecord[]) {
  const totals = new Map<CapacityRecord['unit'], { unit: CapacityRecord['unit']; total: number; figures: number; unknown: number }>();
  for (const figure of figures) {
    const entry = totals.get(figure.unit) ?? { unit: figure.unit, total: 0, figures: 0, unknown: 0 };
    if (figure.value === null) entry.unknown += 1;
    else {
      entry.total += figure.value;
      entry.figures += 1;
    }
    totals.set(figure.unit, entry);
  }
  return [...totals.values()];
}

export const FacilityRef = builder.objectRef<FacilityRecord>('Facility').implement({
  description: 'A shelter facility (voorziening) of maatschappelijke opvang or a related service.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id, e.g. ams-roggeveen-24uur.' }),
    name: t.exposeString('name', { description: 'Name as the source gives it.' }),
    kind: t.exposeString('kind', { description: 'Kind of facility as the source describes it (crisis shelter, woonopvang...).' }),
    aliases: t.exposeStringList('aliases', { description: 'Spelling variants in the sources.' }),
    location: t.exposeString('location', { nullable: true, description: 'Where the facility is, when stated.' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    operator: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency that runs the facility; null when the source does not say.',
      resolve: (f, _args, ctx) => (f.agencyId ? ctx.loaders.agency.load(f.agencyId) : null),
    }),
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'The region the facility serves.',
      resolve: async (f, _args, ctx) => (await ctx.loaders.centrumgemeente.load(f.centrumgemeenteId))!,
    }),
    capacity: t.field({
      type: [CapacityFigureRef],
      description: 'Every stated capacity figure, each with its unit and source.',
      resolve: (f, _args, ctx) => ctx.loaders.capacityByFacility.load(f.id),
    }),
    capacityTotals: t.field({
      type: [UnitTotalRef],
      description: 'Capacity added up per unit; different units are never summed together.',
      resolve: async (f, _args, ctx) => totalsPerUnit(await ctx.loaders.capacityByFacility.load(f.id)),
    }),
    source: t.field({ type: SourceRef, description: 'Where the facility is described (bron).', resolve: (f) => f }),
  }),
});

builder.queryFields((t) => ({
  facility: t.field({
    type: FacilityRef,
    nullable: true,
    description: 'One facility by id.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.facility.load(String(id)),
  }),
  facilities: t.connection({
    type: FacilityRef,
    description: 'Facilities, filtered by region, operator or a search on name and aliases (case- and accent-insensitive).',
    args: {
      centrumgemeenteId: t.arg.id({ description: 'Only facilities in this region.' }),
      operatorId: t.arg.id({ description: 'Only facilities run by this agency.' }),
      search: t.arg.string({ description: 'Part of a name or alias.' }),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const page = await ctx.repos.reference.facilities(
        {
          cityId: args.centrumgemeenteId ? String(args.centrumgemeenteId) : null,
          agencyId: args.operatorId ? String(args.operatorId) : null,
          search: args.search ?? null,
        },
        first,
        decodeCursor(args.after),
      );
      page.items.forEach((facility) => ctx.loaders.facility.prime(facility.id, facility));
      return toConnection(page, (facility) => facility.id);
    },
  }),
}));
