// Centrumgemeenten with their region, agencies, facilities, chain model, regie, covenants and published figures.
import type {
  CovenantRecord,
  EarlyWarningRecord,
  FigureRecord,
  RegistrationSystemRecord,
  TableRecord,
} from '../../repositories/reference-repository.js';
import { loadExisting } from '../../loaders.js';
import { builder } from '../builder.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { AgencyRef } from './Agency.js';
import { ChainModelRef, RegieNoteRef } from './ChainModel.js';
import { FigureStatusEnum } from '../enums.js';
import { CapacityFigureRef, CapacityRangeRef, CapacityTotalRef, FacilityRef } from './Facility.js';
import { REPORTED_CAPACITY_METRICS, statedCapacity, type StatedCapacity } from '../../analytics/stated-capacity.js';
import { ChainCooperation } from '@ketenkaart/schema';
import { CentrumgemeenteRef } from '../refs.js';
import { SourceRef } from './Source.js';

const CovenantRef = builder.objectRef<CovenantRecord>('Covenant').implement({
  description: 'A covenant (convenant), policy or agreement of a city, with parties and commitments.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    name: t.exposeString('name', { description: 'Name as the source gives it.' }),
    kind: t.exposeString('kind', { nullable: true, description: 'covenant, policy...; null when the source does not say.' }),
    signed: t.exposeString('signed', { nullable: true, description: 'When signed, as the source words it ("end 2007", "2008-11").' }),
    inForce: t.exposeString('inForce', { nullable: true, description: 'When in force.' }),
    adopted: t.exposeString('adopted', { nullable: true, description: 'When adopted (policies).' }),
    period: t.exposeString('period', { nullable: true, description: 'Period covered.' }),
    termYears: t.exposeFloat('termYears', { nullable: true, description: 'Term in years.' }),
    evaluationDue: t.exposeString('evaluationDue', { nullable: true, description: 'When an evaluation is due.' }),
    commitments: t.exposeStringList('commitments', { description: 'What the parties committed to (afspraken).' }),
    parties: t.field({
      type: [AgencyRef],
      description: 'Parties that are agencies in Ketenkaart.',
      resolve: (c, _args, ctx) => loadExisting(ctx.loaders.agency, c.partyAgencyIds),
    }),
    partiesNote: t.exposeString('partiesNote', { nullable: true, description: 'What the source says about the parties.' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    source: t.field({ type: SourceRef, description: 'Where the covenant is described (bron).', resolve: (c) => c }),
  }),
});

const EarlyWarningRef = builder.objectRef<EarlyWarningRecord>('EarlyWarningArrangement').implement({
  description:
    'The city arrangement for early warning of rent arrears (vroegsignalering), e.g. Vroeg Eropaf. Thresholds are data per city.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    name: t.exposeString('name', { nullable: true, description: 'Name; null where the arrangement is informal and unnamed.' }),
    aliases: t.exposeStringList('aliases', { description: 'Spelling variants.' }),
    formal: t.exposeBoolean('formal', { nullable: true, description: 'Whether it rests on a formal agreement; null when unstated.' }),
    reportAfterMonthsArrears: t.exposeFloat('reportAfterMonthsArrears', {
      nullable: true,
      description: 'Months of arrears (huurachterstand) after which a report is made; null when the source states none.',
    }),
    firstContactAfterMonthsArrears: t.exposeFloat('firstContactAfterMonthsArrears', {
      nullable: true,
      description: 'Months of arrears before the landlord first contacts the tenant.',
    }),
    judgmentAfterMonthsArrears: t.exposeFloat('judgmentAfterMonthsArrears', {
      nullable: true,
      description: 'Months of arrears after which a judgment (vonnis) follows.',
    }),
    feedbackDays: t.exposeIntList('feedbackDays', {
      description: 'Feedback deadlines in days (tussenmelding, terugmelding); empty when none is stated.',
    }),
    feedbackNames: t.exposeStringList('feedbackNames', { description: 'Names of the feedback reports, in the order of feedbackDays.' }),
    incassoSuspensionMaxMonths: t.exposeFloat('incassoSuspensionMaxMonths', {
      nullable: true,
      description: 'Longest suspension of debt collection (incasso), in months.',
    }),
    familySpecificAgreements: t.exposeBoolean('familySpecificAgreements', {
      nullable: true,
      description: 'Whether families get specific agreements.',
    }),
    cityWideFrom: t.exposeString('cityWideFrom', { nullable: true, description: 'When the arrangement went city-wide.' }),
    reportedBy: t.field({
      type: [AgencyRef],
      description: 'Who reports (usually the corporations).',
      resolve: (e, _args, ctx) => loadExisting(ctx.loaders.agency, e.reportedByAgencyIds),
    }),
    reportedTo: t.field({
      type: [AgencyRef],
      description: 'Who receives the reports.',
      resolve: (e, _args, ctx) => loadExisting(ctx.loaders.agency, e.reportedToAgencyIds),
    }),
    otherTerms: t.exposeStringList('otherTerms', {
      description: 'Further terms the source states (pilot, quota, cost split...), as "term: value".',
    }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    source: t.field({ type: SourceRef, description: 'Where the arrangement is described (bron).', resolve: (e) => e }),
  }),
});

export const PublishedFigureRef = builder.objectRef<FigureRecord>('PublishedFigure').implement({
  description: 'A figure the sources publish about a city, with its unit, scope and source organisation. Unknown is shown as unknown.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    metric: t.exposeString('metric', { description: 'What is counted, e.g. evictions, waitingList.' }),
    year: t.exposeInt('year', { nullable: true, description: 'Year, when stated.' }),
    period: t.exposeString('period', { nullable: true, description: 'Period, when no single year applies.' }),
    status: t.field({ type: FigureStatusEnum, description: 'Number, worded value or unknown.', resolve: (f) => f.status }),
    value: t.exposeFloat('value', { nullable: true, description: 'The number when status is REPORTED.' }),
    valueText: t.exposeString('valueText', { nullable: true, description: 'The worded value when status is REPORTED_AS_TEXT.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'Unit: households, families, reports... Households are not families.' }),
    scope: t.exposeString('scope', { nullable: true, description: 'What the count covers (e.g. corporations only).' }),
    sourceOrg: t.exposeString('sourceOrg', { nullable: true, description: 'Organisation behind the figure.' }),
    qualifier: t.exposeString('qualifier', { nullable: true, description: 'about / over / estimate..., as worded.' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    subjectName: t.exposeString('subjectName', {
      nullable: true,
      description:
        'The agency or facility the figure is about as the source names it, where that is not an agency or facility in Ketenkaart.',
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency the figure is about, when it concerns one.',
      resolve: (f, _args, ctx) => (f.agencyId ? ctx.loaders.agency.load(f.agencyId) : null),
    }),
    facility: t.field({
      type: FacilityRef,
      nullable: true,
      description: 'Facility the figure is about, when it concerns one.',
      resolve: (f, _args, ctx) => (f.facilityId ? ctx.loaders.facility.load(f.facilityId) : null),
    }),
    source: t.field({ type: SourceRef, description: 'Source document and lines (bron).', resolve: (f) => f }),
  }),
});

const TableRowRef = builder.objectRef<(string | null)[]>('PublishedTableRow').implement({
  description: 'One printed row of a source table.',
  fields: (t) => ({
    cells: t.stringList({
      nullable: { list: false, items: true },
      description: 'Cells as text, in column order; null for a cell the report leaves empty.',
      resolve: (row) => row,
    }),
  }),
});

const PublishedTableRef = builder.objectRef<TableRecord>('PublishedTable').implement({
  description: 'A table as printed in a source report (tabel), cell by cell; an empty cell is unknown, not zero.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id, e.g. ams-tabel-1.' }),
    title: t.exposeString('title', { description: 'Title as printed.' }),
    sourceOrg: t.exposeString('sourceOrg', { nullable: true, description: 'Organisation behind the figures.' }),
    scope: t.exposeString('scope', { nullable: true, description: 'What the table covers.' }),
    unit: t.exposeString('unit', { nullable: true, description: 'Unit of the counts; null where none is printed.' }),
    unitNote: t.exposeString('unitNote', { nullable: true, description: 'Remark on the unit.' }),
    columns: t.exposeStringList('columns', { description: 'Column names as printed.' }),
    columnGloss: t.stringList({
      nullable: { list: false, items: true },
      description: 'Meaning of each column, in column order; null where the source explains none.',
      resolve: (table) => table.columnGloss,
    }),
    rows: t.field({
      type: [TableRowRef],
      description: 'The rows in printed order.',
      resolve: (table) =>
        (JSON.parse(table.rowsJson) as (string | number | null)[][]).map((row) => row.map((cell) => (cell === null ? null : String(cell)))),
    }),
    note: t.exposeString('note', { nullable: true, description: 'Remark on how the table was read.' }),
    source: t.field({ type: SourceRef, description: 'Where the table is printed (bron).', resolve: (table) => table }),
  }),
});

const RegistrationSystemRef = builder.objectRef<RegistrationSystemRecord>('RegistrationSystem').implement({
  description: 'A registration system in use in the region (Kris2, Regas, Multi-signaal...).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    name: t.exposeString('name', { description: 'Name of the system.' }),
    holder: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency that keeps it; null when not stated.',
      resolve: (r, _args, ctx) => (r.holderAgencyId ? ctx.loaders.agency.load(r.holderAgencyId) : null),
    }),
    recordsComposition: t.exposeBoolean('recordsComposition', {
      nullable: true,
      description: 'Whether it records household composition; null when unstated.',
    }),
    since: t.exposeString('since', { nullable: true, description: 'In use since.' }),
    note: t.exposeString('note', { nullable: true, description: 'Remark from the source.' }),
    source: t.field({ type: SourceRef, description: 'Where the system is described (bron).', resolve: (r) => r }),
  }),
});

const ChainCooperationEnum = builder.enumType('ChainCooperation', {
  description:
    'How the chain partners work together: FORMAL (covenants and protocols) or INFORMAL (partnerships), as the report compares the cities (002 L4646-4652).',
  values: ChainCooperation.options,
});

const StatedCapacityRef = builder.objectRef<StatedCapacity & { cityId: string }>('StatedCapacity').implement({
  description:
    "A region's shelter capacity as the sources state it: per source, moment and unit, the ranges where sources differ, planned capacity apart, and the report's own totals. No total is made across sources, units or plans.",
  fields: (t) => ({
    totals: t.field({
      type: [CapacityTotalRef],
      description: 'Per source, moment and unit, over all facilities of the region; a lower bound where a part is unknown.',
      resolve: (c) => c.totals,
    }),
    ranges: t.field({
      type: [CapacityRangeRef],
      description: 'Where sources give different totals for the same moment and unit.',
      resolve: (c) => c.ranges,
    }),
    planned: t.field({
      type: [CapacityFigureRef],
      description: 'Capacity announced for later, never added to what exists.',
      resolve: (c) => c.planned,
    }),
    facilitiesWithoutFigure: t.field({
      type: [FacilityRef],
      description: 'Facilities with no capacity figure in any source: unknown, not zero.',
      resolve: (c, _args, ctx) => loadExisting(ctx.loaders.facility, c.facilitiesWithoutAnyFigure),
    }),
    reportedTotals: t.field({
      type: [PublishedFigureRef],
      description: "The report's own capacity totals for the region, as it words them (e.g. 'ruim 100' places, gemeente).",
      resolve: async (c, _args, ctx) =>
        (await ctx.loaders.figuresByCity.load(c.cityId)).filter((f) => REPORTED_CAPACITY_METRICS.includes(f.metric)),
    }),
  }),
});

CentrumgemeenteRef.implement({
  description: 'A centrumgemeente: the municipality responsible for maatschappelijke opvang in its region.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id, e.g. amsterdam.' }),
    name: t.exposeString('name', { description: 'Name.' }),
    province: t.exposeString('province', { nullable: true, description: 'Province, where the source gives it.' }),
    g4: t.exposeBoolean('g4', { description: 'One of the four largest cities (G4).' }),
    regionName: t.exposeString('regionName', { nullable: true, description: 'Name of the region, when stated.' }),
    regionDescription: t.exposeString('regionDescription', { nullable: true, description: 'The region as the source describes it.' }),
    regionNote: t.exposeString('regionNote', { nullable: true, description: 'Remark on the region.' }),
    municipalityCount: t.exposeInt('municipalityCount', { nullable: true, description: 'Municipalities in the region, when stated.' }),
    interviewPeriod: t.exposeString('interviewPeriod', { nullable: true, description: 'When the study interviewed in this city.' }),
    chainCooperation: t.field({
      type: ChainCooperationEnum,
      nullable: true,
      description: 'Formal or informal cooperation in the chain, as the report states it; null when it does not.',
      resolve: (c) => c.chainCooperation,
    }),
    chainCooperationLines: t.exposeString('chainCooperationLines', {
      nullable: true,
      description: 'Report lines behind chainCooperation.',
    }),
    statedCapacity: t.field({
      type: StatedCapacityRef,
      description: 'Shelter capacity of the region per source, moment and unit (never one total across sources).',
      resolve: async (c, _args, ctx) => ({ cityId: c.id, ...statedCapacity(await ctx.loaders.capacityOfCity.load(c.id)) }),
    }),
    municipalities: t.field({
      type: [
        builder.objectRef<{ id: string; name: string }>('Municipality').implement({
          description: 'A regiogemeente served by the centrumgemeente.',
          fields: (m) => ({
            id: m.exposeID('id', { description: 'Stable id.' }),
            name: m.exposeString('name', { description: 'Name.' }),
          }),
        }),
      ],
      description: 'Regiogemeenten named in the source; may be incomplete where the source lists none.',
      resolve: (c, _args, ctx) => ctx.loaders.municipalitiesByCity.load(c.id),
    }),
    chainModel: t.field({
      type: ChainModelRef,
      nullable: true,
      description: 'The chain model (ketenaanpak) with regie per stage.',
      resolve: async (c, _args, ctx) => (await ctx.loaders.chainModelsByCity.load(c.id))[0] ?? null,
    }),
    regieStatements: t.field({
      type: [RegieNoteRef],
      description: 'What the source says about regie beyond the numbered steps.',
      resolve: (c, _args, ctx) => ctx.loaders.regieNotesByCity.load(c.id),
    }),
    covenants: t.field({
      type: [CovenantRef],
      description: 'Covenants, policies and agreements.',
      resolve: (c, _args, ctx) => ctx.loaders.covenantsByCity.load(c.id),
    }),
    earlyWarning: t.field({
      type: EarlyWarningRef,
      nullable: true,
      description: 'The early-warning arrangement for rent arrears.',
      resolve: async (c, _args, ctx) => (await ctx.loaders.earlyWarningsByCity.load(c.id))[0] ?? null,
    }),
    publishedFigures: t.field({
      type: [PublishedFigureRef],
      description: 'Figures the sources publish for this city.',
      resolve: (c, _args, ctx) => ctx.loaders.figuresByCity.load(c.id),
    }),
    publishedTables: t.field({
      type: [PublishedTableRef],
      description: 'Tables the sources print for this city.',
      resolve: (c, _args, ctx) => ctx.loaders.tablesByCity.load(c.id),
    }),
    registrationSystems: t.field({
      type: [RegistrationSystemRef],
      description: 'Registration systems in use.',
      resolve: (c, _args, ctx) => ctx.loaders.registrationSystemsByCity.load(c.id),
    }),
    agencies: t.connection({
      type: AgencyRef,
      description: 'Agencies taking part in the chain of this region.',
      resolve: async (c, args, ctx) => {
        const page = await ctx.loaders.agencyPageByCity.load({
          parent: c.id,
          first: pageSize(args.first),
          after: decodeCursor(args.after),
        });
        page.items.forEach((agency) => ctx.loaders.agency.prime(agency.id, agency));
        return toConnection(page, (agency) => agency.id);
      },
    }),
    facilities: t.connection({
      type: FacilityRef,
      description: 'Shelter facilities of this region.',
      resolve: async (c, args, ctx) => {
        const page = await ctx.loaders.facilityPageByCity.load({
          parent: c.id,
          first: pageSize(args.first),
          after: decodeCursor(args.after),
        });
        page.items.forEach((facility) => ctx.loaders.facility.prime(facility.id, facility));
        return toConnection(page, (facility) => facility.id);
      },
    }),
    source: t.field({ type: SourceRef, description: 'Where the region is described (bron).', resolve: (c) => c }),
  }),
});

builder.queryFields((t) => ({
  nationalFigures: t.field({
    type: [PublishedFigureRef],
    description: 'National figures from the sources (not tied to one city), each with its source document and lines.',
    resolve: (_root, _args, ctx) => ctx.loaders.reference.nationalFigures(),
  }),
  centrumgemeenten: t.field({
    type: [CentrumgemeenteRef],
    description: 'All centrumgemeenten in Ketenkaart, by name.',
    resolve: async (_root, _args, ctx) => {
      const cities = await ctx.loaders.reference.listCentrumgemeenten();
      cities.forEach((city) => ctx.loaders.centrumgemeente.prime(city.id, city));
      return cities;
    },
  }),
  centrumgemeente: t.field({
    type: CentrumgemeenteRef,
    nullable: true,
    description: 'One centrumgemeente by id (amsterdam, utrecht, leeuwarden, oss).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.loaders.centrumgemeente.load(String(id)),
  }),
}));
