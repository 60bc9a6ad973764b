// Shelter facilities and their capacity figures: totals per source, moment and unit, never across them.
import { statedCapacity, type CapacityRange, type CapacitySourceTotal } from '../../analytics/stated-capacity.js';
import { loadExisting } from '../../loaders.js';
import type { CapacityRecord, FacilityRecord } from '../../repositories/reference-repository.js';
import { builder } from '../builder.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { AgencyRef } from './Agency.js';
import { CapacityUnitEnum } from '../enums.js';
import { CentrumgemeenteRef } from '../refs.js';
import { SourceRef } from './Source.js';

// Declared before its fields, which capacity totals refer back to.
export const FacilityRef = builder.objectRef<FacilityRecord>('Facility');

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
    planned: t.exposeBoolean('planned', {
      description: 'True for capacity announced for later (an expansion): never added to capacity that exists.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    facility: t.field({
      type: FacilityRef,
      description: 'The facility the figure is about.',
      resolve: async (c, _args, ctx) => (await ctx.loaders.facility.load(c.facilityId))!,
    }),
    source: t.field({ type: SourceRef, description: 'Where the figure comes from (bron).', resolve: (c) => c }),
  }),
});

const CapacityBoundEnum = builder.enumType('CapacityBound', {
  description:
    'How far a capacity total is known: EXACT (every part stated), AT_LEAST (a part is unknown, so the total is a lower bound) or UNKNOWN (no value stated).',
  values: ['EXACT', 'AT_LEAST', 'UNKNOWN'] as const,
});

export const CapacityTotalRef = builder.objectRef<CapacitySourceTotal>('CapacityTotal').implement({
  description:
    'Stated capacity added up within one source, one moment and one unit (capaciteit per bron). Sources, units and planned capacity are never added together; an unknown part makes the total a lower bound, never a zero.',
  fields: (t) => ({
    sourceOrg: t.exposeString('sourceOrg', {
      nullable: true,
      description:
        'Organisation that gave the figures (gemeente, ggz wegwijzer); null: the report gives them without naming another source.',
    }),
    year: t.exposeInt('year', { nullable: true, description: 'Year the figures apply to, when stated.' }),
    asOf: t.exposeString('asOf', {
      nullable: true,
      description: 'Period the figures describe when no year is stated; year and asOf both null: the period is not stated.',
    }),
    unit: t.field({ type: CapacityUnitEnum, description: 'The unit all added figures share.', resolve: (u) => u.unit }),
    total: t.exposeFloat('total', {
      nullable: true,
      description: 'Sum of the stated values; a lower bound when bound is AT_LEAST; null when no value is stated.',
    }),
    bound: t.field({
      type: CapacityBoundEnum,
      description: 'Whether the total is exact, a lower bound, or unknown.',
      resolve: (u) => u.bound,
    }),
    figures: t.exposeInt('figures', { description: 'How many figures with a value were added.' }),
    unknown: t.int({ description: 'Figures in this group whose value the source does not state.', resolve: (u) => u.unknownFigures }),
    facilitiesWithoutFigure: t.field({
      type: [FacilityRef],
      description: 'Facilities for which this source states nothing at this moment: unknown parts of the total.',
      resolve: (u, _args, ctx) => loadExisting(ctx.loaders.facility, u.facilitiesWithoutFigure),
    }),
    sourceLines: t.exposeStringList('sourceLines', { description: 'Report lines of the added figures.' }),
  }),
});

export const CapacityRangeRef = builder.objectRef<CapacityRange>('CapacityRange').implement({
  description: 'Where sources differ on the same moment and unit: the range, with each source beside it.',
  fields: (t) => ({
    year: t.exposeInt('year', { nullable: true, description: 'Year, when stated.' }),
    asOf: t.exposeString('asOf', { nullable: true, description: 'Period when no year is stated.' }),
    unit: t.field({ type: CapacityUnitEnum, description: 'Unit.', resolve: (r) => r.unit }),
    low: t.exposeFloat('low', { nullable: true, description: 'Lowest total a source gives; null when none states a value.' }),
    high: t.exposeFloat('high', { nullable: true, description: 'Highest total a source gives.' }),
    totals: t.field({ type: [CapacityTotalRef], description: 'Each source with its total.', resolve: (r) => r.totals }),
  }),
});

FacilityRef.implement({
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
      type: [CapacityTotalRef],
      description: 'Capacity per source, moment and unit; sources, units and planned capacity are never added together.',
      resolve: async (f, _args, ctx) =>
        statedCapacity([{ facilityId: f.id, figures: await ctx.loaders.capacityByFacility.load(f.id) }]).totals,
    }),
    capacityRanges: t.field({
      type: [CapacityRangeRef],
      description: 'Where sources give different capacity for the same moment and unit: the range with both sources.',
      resolve: async (f, _args, ctx) =>
        statedCapacity([{ facilityId: f.id, figures: await ctx.loaders.capacityByFacility.load(f.id) }]).ranges,
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
          cityId: args.centrumgemeenteId ? args.centrumgemeenteId : null,
          agencyId: args.operatorId ? args.operatorId : null,
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
