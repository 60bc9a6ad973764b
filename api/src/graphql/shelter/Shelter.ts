// Shelter reporting over GraphQL: capacity and occupancy per facility, waiting list and refusals for the shelter
// itself, figures per region (suppressed for policy makers), and forms that write through the CSV import path.
import { dayOf, refusalMeaning, type ShelterRecordKind } from '@ketenkaart/schema';
import { DEFAULT_MIN_CELL, type Cell } from '../../analytics/disclosure.js';
import type { Context } from '../../context.js';
import type { FacilityRecord } from '../../repositories/reference-repository.js';
import type { ShelterRecord, ShelterWriteResult } from '../../repositories/shelter-repository.js';
import { capacityOn, waitingTimes, type CapacityTotal } from '../../shelter/shelter-figures.js';
import { regionShelterFigures, waitingTimesView, type ShelterFiguresView, type WaitingTimesView } from '../../shelter/region-figures.js';
import { facilitiesInScope } from '../../shelter/shelter-import.js';
import { shelterItems } from '../../worklist/build-worklist.js';
import { writeShelterFormRows } from '../../shelter/shelter-form.js';
import { refuse, requireViewer, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { checkedPeriod } from '../period.js';
import { unwrap } from '../results.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { AgencyRef } from '../reference/Agency.js';
import { aggregateScope, CellRef } from '../analytics/Analytics.js';
import { FacilityRef } from '../reference/Facility.js';
import {
  RefusalAlternativeEnum,
  RefusalMeaningEnum,
  RefusalReasonEnum,
  ShelterRecordKindEnum,
  TargetGroupEnum,
  UnitKindEnum,
  UnmetDemandCauseEnum,
  WaitingListOutcomeEnum,
} from '../households/household-enums.js';
import { CentrumgemeenteRef } from '../refs.js';

const today = (ctx: Context) => dayOf(ctx.now());

const objectNameOf: Record<ShelterRecordKind, string> = {
  CAPACITY: 'CapacityReport',
  OCCUPANCY: 'OccupancySnapshot',
  WAITING_LIST: 'WaitingListEntry',
  REFUSAL: 'ShelterRefusal',
};

/** Fields every shelter record has: its facility, version and provenance. */
const ShelterRecordRef = builder.interfaceRef<ShelterRecord>('ShelterRecord').implement({
  description:
    'A row a shelter reported: capacity, occupancy, waiting-list entry or refusal. Later versions supersede earlier ones; none is deleted.',
  resolveType: (record) => objectNameOf[record.kind],
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id; the same row always gets the same id.' }),
    facility: t.field({
      type: FacilityRef,
      description: 'Facility reported on.',
      resolve: async (r, _args, ctx) => (await ctx.loaders.facility.load(r.facilityId))!,
    }),
    current: t.exposeBoolean('current', {
      description: 'False when a later report of the same fact superseded this one (history is kept).',
    }),
    supersededById: t.exposeString('supersededById', { nullable: true, description: 'The report that replaced this one.' }),
    recordedAt: t.field({ type: 'DateTime', description: 'When Ketenkaart recorded it.', resolve: (r) => r.recordedAt }),
    reportingAgency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Organisation that reported it.',
      resolve: (r, _args, ctx) => (r.reportingAgencyId ? ctx.loaders.agency.load(r.reportingAgencyId) : null),
    }),
    provenanceKind: t.exposeString('provenanceKind', { description: 'AGENCY_REPORT (by form or file) or SYNTHETIC (demo data).' }),
  }),
});

const CapacityReportRef = builder.objectRef<ShelterRecord>('CapacityReport').implement({
  interfaces: [ShelterRecordRef],
  description: 'Capacity (capaciteit) a shelter reported for a period, in one unit for one target group.',
  fields: (t) => ({
    unitKind: t.field({ type: UnitKindEnum, description: 'Unit of the capacity.', resolve: (r) => r.unitKind! }),
    targetGroup: t.field({ type: TargetGroupEnum, description: 'Target group (doelgroep).', resolve: (r) => r.targetGroup! }),
    periodStart: t.field({ type: 'Date', description: 'First day.', resolve: (r) => r.periodStart! }),
    periodEnd: t.field({ type: 'Date', description: 'Last day.', resolve: (r) => r.periodEnd! }),
    capacity: t.int({ description: 'Number of units.', resolve: (r) => r.capacity! }),
    note: t.exposeString('note', { nullable: true, description: 'Remark of the shelter.' }),
  }),
});

const OccupancySnapshotRef = builder.objectRef<ShelterRecord>('OccupancySnapshot').implement({
  interfaces: [ShelterRecordRef],
  description: 'Occupancy (bezetting) on one day, in one unit for one target group.',
  fields: (t) => ({
    unitKind: t.field({ type: UnitKindEnum, description: 'Unit.', resolve: (r) => r.unitKind! }),
    targetGroup: t.field({ type: TargetGroupEnum, description: 'Target group (doelgroep).', resolve: (r) => r.targetGroup! }),
    date: t.field({ type: 'Date', description: 'Day of the snapshot.', resolve: (r) => r.date! }),
    occupied: t.int({ description: 'Units in use (bezet).', resolve: (r) => r.occupied! }),
    available: t.int({ description: 'Units free to offer (beschikbaar).', resolve: (r) => r.available! }),
    blocked: t.int({ description: 'Units out of use (geblokkeerd).', resolve: (r) => r.blocked! }),
  }),
});

const WaitingListEntryRef = builder.objectRef<ShelterRecord>('WaitingListEntry').implement({
  interfaces: [ShelterRecordRef],
  description: "A family on a shelter's waiting list (wachtlijst), under the shelter's own case number.",
  fields: (t) => ({
    caseRef: t.string({ description: "The shelter's case number.", resolve: (r) => r.caseRef! }),
    householdId: t.exposeString('householdId', { nullable: true, description: 'Ketenkaart household, when the shelter linked one.' }),
    targetGroup: t.field({ type: TargetGroupEnum, description: 'Target group (doelgroep).', resolve: (r) => r.targetGroup! }),
    dateOn: t.field({ type: 'Date', description: 'Put on the list.', resolve: (r) => r.dateOn! }),
    priority: t.exposeInt('priority', { nullable: true, description: '1 (highest) to 5, when used.' }),
    waiting: t.boolean({ description: 'True while the family is still on the list.', resolve: (r) => r.dateOff === null }),
    dateOff: t.field({ type: 'Date', nullable: true, description: 'Left the list.', resolve: (r) => r.dateOff }),
    outcome: t.field({ type: WaitingListOutcomeEnum, nullable: true, description: 'How the wait ended.', resolve: (r) => r.outcome }),
  }),
});

const ShelterRefusalRef = builder.objectRef<ShelterRecord>('ShelterRefusal').implement({
  interfaces: [ShelterRecordRef],
  description: 'A refusal (weigering) by a shelter, with reason, what it means for the family and the alternative given.',
  fields: (t) => ({
    caseRef: t.string({ description: "The shelter's case number.", resolve: (r) => r.caseRef! }),
    householdId: t.exposeString('householdId', { nullable: true, description: 'Ketenkaart household, when the shelter linked one.' }),
    targetGroup: t.field({ type: TargetGroupEnum, description: 'Target group (doelgroep).', resolve: (r) => r.targetGroup! }),
    refusedOn: t.field({ type: 'Date', description: 'Day of the refusal.', resolve: (r) => r.refusedOn! }),
    reason: t.field({ type: RefusalReasonEnum, description: 'Reason code.', resolve: (r) => r.reason! }),
    meaning: t.field({
      type: RefusalMeaningEnum,
      description: 'What the reason means for the family.',
      resolve: (r) => refusalMeaning[r.reason!],
    }),
    alternative: t.field({
      type: RefusalAlternativeEnum,
      description: 'What the family was given instead.',
      resolve: (r) => r.alternative!,
    }),
    alternativeAgency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency the family was referred on to.',
      resolve: (r, _args, ctx) => (r.alternativeAgencyId ? ctx.loaders.agency.load(r.alternativeAgencyId) : null),
    }),
    note: t.exposeString('note', { nullable: true, description: 'Free text of the shelter.' }),
  }),
});

const ReportedCapacityTotalRef = builder.objectRef<CapacityTotal>('ReportedCapacityTotal').implement({
  description: 'Reported capacity on a day for one unit and target group. Different units are never added together.',
  fields: (t) => ({
    unitKind: t.field({ type: UnitKindEnum, description: 'The unit all added reports share.', resolve: (c) => c.unitKind }),
    targetGroup: t.field({ type: TargetGroupEnum, description: 'Target group.', resolve: (c) => c.targetGroup }),
    capacity: t.exposeInt('capacity', { description: 'Sum of the reported capacity.' }),
    facilities: t.exposeInt('facilities', { description: 'Facilities whose report covers the day.' }),
  }),
});

const WaitingTimesRef = builder.objectRef<WaitingTimesView>('WaitingTimes').implement({
  description:
    'Waiting-list figures on a day. Median of an even count: mean of the two middle values; p90: nearest rank. Days are null when nobody is in the group or the group is suppressed.',
  fields: (t) => ({
    entries: t.field({ type: CellRef, description: 'Families put on the list on or before the day.', resolve: (w) => w.entries }),
    waiting: t.field({ type: CellRef, description: 'Still waiting on the day.', resolve: (w) => w.waiting }),
    left: t.field({ type: CellRef, description: 'Off the list on or before the day.', resolve: (w) => w.left }),
    medianDaysToLeave: t.exposeFloat('medianDaysToLeave', { nullable: true, description: 'Median days from date on to date off.' }),
    meanDaysToLeave: t.exposeFloat('meanDaysToLeave', { nullable: true, description: 'Mean days from date on to date off, one decimal.' }),
    p90DaysToLeave: t.exposeInt('p90DaysToLeave', { nullable: true, description: '90th percentile of days to leave.' }),
    medianDaysWaiting: t.exposeFloat('medianDaysWaiting', {
      nullable: true,
      description: 'Median days waited so far by those still waiting.',
    }),
    longestDaysWaiting: t.exposeInt('longestDaysWaiting', { nullable: true, description: 'Longest wait so far.' }),
    outcomes: t.field({
      type: [
        builder.objectRef<{ outcome: string; count: Cell }>('WaitingOutcomeCount').implement({
          description: 'Families who left the list with one outcome.',
          fields: (o) => ({
            outcome: o.field({ type: WaitingListOutcomeEnum, description: 'Outcome.', resolve: (x) => x.outcome as never }),
            count: o.field({ type: CellRef, description: 'Families.', resolve: (x) => x.count }),
          }),
        }),
      ],
      description: 'How waits ended.',
      resolve: (w) => w.outcomes,
    }),
  }),
});

const RefusalReasonFigureRef = builder
  .objectRef<{ reason: string; meaning: string; count: Cell; withoutAlternative: Cell }>('RefusalReasonFigure')
  .implement({
    description: 'Shelter refusals for one reason.',
    fields: (t) => ({
      reason: t.field({ type: RefusalReasonEnum, description: 'Reason code.', resolve: (r) => r.reason as never }),
      meaning: t.field({
        type: RefusalMeaningEnum,
        description: 'What the reason means for the family.',
        resolve: (r) => r.meaning as never,
      }),
      count: t.field({ type: CellRef, description: 'Refusals.', resolve: (r) => r.count }),
      withoutAlternative: t.field({
        type: CellRef,
        description: 'Refusals after which the family got no alternative.',
        resolve: (r) => r.withoutAlternative,
      }),
    }),
  });

const UnmetDemandFigureRef = builder.objectRef<{ cause: string; count: Cell; withoutAlternative: Cell }>('UnmetDemandFigure').implement({
  description: 'Refused requests for shelter, by why the demand went unmet.',
  fields: (t) => ({
    cause: t.field({ type: UnmetDemandCauseEnum, description: 'Cause.', resolve: (u) => u.cause as never }),
    count: t.field({ type: CellRef, description: 'Refusals.', resolve: (u) => u.count }),
    withoutAlternative: t.field({
      type: CellRef,
      description: 'Of which the family got no alternative.',
      resolve: (u) => u.withoutAlternative,
    }),
  }),
});

const ShelterFiguresRef = builder.objectRef<ShelterFiguresView>('ShelterFigures').implement({
  description: 'Shelter figures of a region: reported capacity, waiting times, refusals and unmet demand by cause.',
  fields: (t) => ({
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'The region.',
      resolve: async (f, _a, ctx) => (await ctx.loaders.centrumgemeente.load(f.cityId))!,
    }),
    from: t.field({ type: 'Date', description: 'First day of the period (refusals).', resolve: (f) => f.from }),
    to: t.field({ type: 'Date', description: 'Last day of the period (refusals).', resolve: (f) => f.to }),
    on: t.field({ type: 'Date', description: 'Day for capacity and waiting times.', resolve: (f) => f.on }),
    capacity: t.field({
      type: [ReportedCapacityTotalRef],
      description: 'Reported capacity on the day, per unit and target group.',
      resolve: (f) => f.capacity,
    }),
    facilitiesReporting: t.exposeInt('facilitiesReporting', {
      description: 'Facilities in the region with any capacity report covering the day.',
    }),
    waitingTimes: t.field({
      type: WaitingTimesRef,
      description: 'Waiting-list figures on the day, all facilities of the region.',
      resolve: (f) => f.waitingTimes,
    }),
    refusalsByReason: t.field({
      type: [RefusalReasonFigureRef],
      description: 'Refusals in the period by reason.',
      resolve: (f) => f.refusalsByReason,
    }),
    unmetDemand: t.field({
      type: [UnmetDemandFigureRef],
      description: 'Refusals in the period by cause of unmet demand (rule in README).',
      resolve: (f) => f.unmetDemand,
    }),
    suppressed: t.exposeBoolean('suppressed', { description: `True when counts below ${DEFAULT_MIN_CELL} are hidden (policy makers).` }),
  }),
});

/** Line-level shelter records are for the shelter's own staff; everyone signed in sees capacity and occupancy. */
async function requireOwnFacility(ctx: Context, facility: FacilityRecord): Promise<void> {
  const viewer = requireViewer(ctx);
  const scope = await facilitiesInScope(viewer, ctx.repos);
  if (!scope.has(facility.id)) throw refuse(ctx, 'waiting lists and refusals are shown to the staff of the facility only');
}

interface WaitingOnHouseholds {
  waiting: number;
  overdue: number;
  longestSince: string | null;
}

const WaitingOnHouseholdsRef = builder.objectRef<WaitingOnHouseholds>('WaitingListOnHouseholds').implement({
  description:
    "Families recorded in Ketenkaart, on their own trajectory, as on this facility's waiting list without an outcome yet: the worklist's own rule and source, apart from the shelter's register (waitingTimes).",
  fields: (t) => ({
    waiting: t.exposeInt('waiting', { description: 'Waiting-list entries at the facility with no exit or placement there after them.' }),
    overdue: t.exposeInt('overdue', { description: 'Of which past their review date (the worklist marks them late).' }),
    longestSince: t.field({
      type: 'Date',
      nullable: true,
      description: 'Day the longest-waiting of them was put on the list.',
      resolve: (w) => w.longestSince,
    }),
  }),
});

builder.objectFields(FacilityRef, (t) => ({
  reportedCapacity: t.field({
    type: [ReportedCapacityTotalRef],
    description: 'Capacity the shelter reported for a day (default today), per unit and target group.',
    args: { on: t.arg({ type: 'Date', description: 'Day (default today).' }) },
    resolve: async (f, args, ctx) => {
      requireViewer(ctx);
      return capacityOn(await ctx.loaders.shelterRecords.CAPACITY.load(f.id), args.on ?? today(ctx));
    },
  }),
  capacityReports: t.field({
    type: [CapacityReportRef],
    description: 'Capacity reports of this facility; with history, superseded versions too.',
    args: { history: t.arg.boolean({ description: 'Include superseded versions.' }) },
    resolve: async (f, args, ctx) => {
      requireViewer(ctx);
      return args.history
        ? ctx.repos.shelter.records('CAPACITY', [f.id], { history: true })
        : ctx.loaders.shelterRecords.CAPACITY.load(f.id);
    },
  }),
  occupancy: t.field({
    type: [OccupancySnapshotRef],
    description: 'Occupancy snapshots in a period, oldest first.',
    args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }) },
    resolve: async (f, args, ctx) => {
      requireViewer(ctx);
      const all = await ctx.loaders.shelterRecords.OCCUPANCY.load(f.id);
      return all.filter((r) => (!args.from || r.day >= args.from) && (!args.to || r.day <= args.to));
    },
  }),
  waitingList: t.field({
    type: [WaitingListEntryRef],
    description: "The facility's waiting list; only for the facility's staff.",
    args: { waitingOnly: t.arg.boolean({ description: 'Only families still waiting.' }) },
    resolve: async (f, args, ctx) => {
      await requireOwnFacility(ctx, f);
      const entries = await ctx.loaders.shelterRecords.WAITING_LIST.load(f.id);
      return args.waitingOnly ? entries.filter((e) => e.dateOff === null) : entries;
    },
  }),
  refusals: t.field({
    type: [ShelterRefusalRef],
    description: "The facility's refusals in a period; only for the facility's staff.",
    args: { from: t.arg({ type: 'Date', description: 'First day.' }), to: t.arg({ type: 'Date', description: 'Last day.' }) },
    resolve: async (f, args, ctx) => {
      await requireOwnFacility(ctx, f);
      const all = await ctx.loaders.shelterRecords.REFUSAL.load(f.id);
      return all.filter((r) => (!args.from || r.day >= args.from) && (!args.to || r.day <= args.to));
    },
  }),
  waitingOnHouseholds: t.field({
    type: WaitingOnHouseholdsRef,
    description:
      "Waiting-list entries at this facility recorded on households' trajectories and still open, counted as the worklist counts them; for the facility's staff.",
    resolve: async (f, _args, ctx) => {
      await requireOwnFacility(ctx, f);
      const { agencyId } = requireViewer(ctx);
      const open = shelterItems(await ctx.repos.worklist.shelterEvents(agencyId!), today(ctx)).filter(
        (item) => item.kind === 'WAITING_LIST_ENTRY' && item.facilityId === f.id,
      );
      return {
        waiting: open.length,
        overdue: open.filter((item) => item.overdue).length,
        // A waiting-list item's detail is the day of its entry (the worklist shows it as "since").
        longestSince: open.map((item) => item.detail!).sort()[0] ?? null,
      };
    },
  }),
  waitingTimes: t.field({
    type: WaitingTimesRef,
    description: "Waiting-list figures of this facility on a day; for the facility's staff.",
    args: { on: t.arg({ type: 'Date', description: 'Day (default today).' }) },
    resolve: async (f, args, ctx) => {
      await requireOwnFacility(ctx, f);
      return waitingTimesView(waitingTimes(await ctx.loaders.shelterRecords.WAITING_LIST.load(f.id), args.on ?? today(ctx)), false);
    },
  }),
}));

builder.queryFields((t) => ({
  shelterFigures: t.field({
    type: ShelterFiguresRef,
    description: 'Shelter figures of a region; for its coordinator in full and for policy makers with small counts suppressed.',
    args: {
      centrumgemeenteId: t.arg.id({ required: true }),
      from: t.arg({ type: 'Date', required: true, description: 'First day of the refusal period.' }),
      to: t.arg({ type: 'Date', required: true, description: 'Last day of the refusal period.' }),
      on: t.arg({ type: 'Date', description: 'Day for capacity and waiting times (default: the last day of the period).' }),
    },
    resolve: async (_root, args, ctx) => {
      const cityId = args.centrumgemeenteId;
      const { suppress } = await aggregateScope(ctx, cityId, async () => {
        checkedPeriod(args);
        if (!(await ctx.loaders.centrumgemeente.load(cityId))) throw new NotFoundError('Centrumgemeente', cityId);
      });
      return regionShelterFigures(ctx.repos, cityId, { from: args.from, to: args.to }, args.on ?? args.to, suppress);
    },
  }),
}));

const ShelterReportResultRef = builder.objectRef<ShelterWriteResult & { kind: ShelterRecordKind }>('ShelterReportResult').implement({
  description: 'What a report wrote. Rows already recorded, identical, are left as they are.',
  fields: (t) => ({
    kind: t.field({ type: ShelterRecordKindEnum, description: 'Kind of rows.', resolve: (r) => r.kind }),
    created: t.exposeInt('created', { description: 'New rows (or new versions).' }),
    unchanged: t.exposeInt('unchanged', { description: 'Rows that were already recorded, identical.' }),
    superseded: t.exposeInt('superseded', { description: 'Earlier versions now superseded.' }),
  }),
});

/** A form submits rows like a small file: the same checks, the same all-or-nothing write. */
async function reportRows(ctx: Context, kind: ShelterRecordKind, inputs: Record<string, unknown>[]) {
  const viewer = requireWriter(ctx, ['SHELTER_STAFF']);
  const written = unwrap(
    await writeShelterFormRows({ repos: ctx.repos, access: ctx.access, viewer, now: ctx.now, refreshGaps: ctx.gaps.refresh }, kind, inputs),
  );
  return { ...written, kind };
}

const nullable = { required: false } as const;

const CapacityInput = builder.inputType('CapacityReportInput', {
  description: 'Capacity of a facility for a period, in one unit for one target group.',
  fields: (t) => ({
    facilityId: t.id({ required: true, description: 'Facility.' }),
    unitKind: t.field({ type: UnitKindEnum, required: true, description: 'Unit.' }),
    targetGroup: t.field({ type: TargetGroupEnum, required: true, description: 'Target group.' }),
    periodStart: t.field({ type: 'Date', required: true, description: 'First day.' }),
    periodEnd: t.field({ type: 'Date', required: true, description: 'Last day.' }),
    capacity: t.int({ required: true, description: 'Number of units.' }),
    note: t.string({ ...nullable, description: 'Remark; no names.' }),
  }),
});

const OccupancyInput = builder.inputType('OccupancySnapshotInput', {
  description: 'Occupancy of a facility on one day.',
  fields: (t) => ({
    facilityId: t.id({ required: true, description: 'Facility.' }),
    unitKind: t.field({ type: UnitKindEnum, required: true, description: 'Unit.' }),
    targetGroup: t.field({ type: TargetGroupEnum, required: true, description: 'Target group.' }),
    date: t.field({ type: 'Date', required: true, description: 'Day.' }),
    occupied: t.int({ required: true, description: 'Units in use.' }),
    available: t.int({ required: true, description: 'Units free to offer.' }),
    blocked: t.int({ required: true, description: 'Units out of use.' }),
  }),
});

const WaitingListInput = builder.inputType('WaitingListEntryInput', {
  description: 'A waiting-list entry, new or updated (give date off and outcome when the family leaves the list).',
  fields: (t) => ({
    facilityId: t.id({ required: true, description: 'Facility.' }),
    caseRef: t.string({ required: true, description: "The shelter's case number; never a name." }),
    householdId: t.id({ ...nullable, description: 'Ketenkaart household, when known.' }),
    targetGroup: t.field({ type: TargetGroupEnum, required: true, description: 'Target group.' }),
    dateOn: t.field({ type: 'Date', required: true, description: 'Put on the list.' }),
    priority: t.int({ ...nullable, description: '1 (highest) to 5.' }),
    dateOff: t.field({ type: 'Date', ...nullable, description: 'Left the list.' }),
    outcome: t.field({ type: WaitingListOutcomeEnum, ...nullable, description: 'How the wait ended; with date off.' }),
  }),
});

const RefusalInput = builder.inputType('ShelterRefusalInput', {
  description: 'A refusal with its reason and the alternative the family was given.',
  fields: (t) => ({
    facilityId: t.id({ required: true, description: 'Facility.' }),
    caseRef: t.string({ required: true, description: "The shelter's case number; never a name." }),
    householdId: t.id({ ...nullable, description: 'Ketenkaart household, when known.' }),
    targetGroup: t.field({ type: TargetGroupEnum, required: true, description: 'Target group.' }),
    refusedOn: t.field({ type: 'Date', required: true, description: 'Day of the refusal.' }),
    reason: t.field({ type: RefusalReasonEnum, required: true, description: 'Reason code.' }),
    alternative: t.field({ type: RefusalAlternativeEnum, required: true, description: 'What the family was given instead.' }),
    alternativeAgencyId: t.id({ ...nullable, description: 'Agency referred on to; required with ONWARD_REFERRAL.' }),
    note: t.string({ ...nullable, description: 'Free text; no names.' }),
  }),
});

const errors = { types: [ValidationError, ForbiddenError], directResult: true as const };

/** One mutation per kind of row, each taking a list of that kind's input and writing through reportRows. */
const reportMutations = [
  {
    name: 'reportCapacity',
    kind: 'CAPACITY',
    input: CapacityInput,
    description: 'Report capacity for one or more periods (shelter staff, own facilities).',
  },
  {
    name: 'reportOccupancy',
    kind: 'OCCUPANCY',
    input: OccupancyInput,
    description: 'Report occupancy snapshots (shelter staff, own facilities).',
  },
  {
    name: 'reportWaitingList',
    kind: 'WAITING_LIST',
    input: WaitingListInput,
    description: 'Report waiting-list entries, new or updated (shelter staff, own facilities).',
  },
  {
    name: 'reportRefusals',
    kind: 'REFUSAL',
    input: RefusalInput,
    description: 'Report refusals with reason and alternative (shelter staff, own facilities).',
  },
] as const;

builder.mutationFields((t) =>
  Object.fromEntries(
    reportMutations.map(({ name, kind, input, description }) => [
      name,
      t.field({
        type: ShelterReportResultRef,
        description,
        errors,
        args: { rows: t.arg({ type: [input as typeof CapacityInput], required: true }) },
        resolve: (_root, args, ctx) => reportRows(ctx, kind, args.rows as readonly object[] as Record<string, unknown>[]),
      }),
    ]),
  ),
);

const ShelterLinkConfirmationRef = builder
  .objectRef<{ id: string; householdId: string; facilityId: string; confirmedBy: string; confirmedAt: string }>('ShelterLinkConfirmation')
  .implement({
    description:
      "A coordinator's confirmation that a shelter facility may link its rows (refusals, waiting list) to a household of the region.",
    fields: (t) => ({
      id: t.exposeID('id', { description: 'Id.' }),
      householdId: t.exposeID('householdId', { description: 'Household.' }),
      facilityId: t.exposeID('facilityId', { description: 'Facility that may link it.' }),
      confirmedBy: t.exposeID('confirmedBy', { description: 'Coordinator account that confirmed it.' }),
      confirmedAt: t.field({ type: 'DateTime', description: 'When.', resolve: (c) => c.confirmedAt }),
    }),
  });

builder.mutationFields((t) => ({
  confirmShelterLink: t.field({
    type: ShelterLinkConfirmationRef,
    description:
      "Confirm that a facility may link rows to a household of your region that has no application, referral or placement there yet (the family's coordinator).",
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    args: { householdId: t.arg.id({ required: true }), facilityId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx, ['COORDINATOR']);
      const householdId = args.householdId;
      const facilityId = args.facilityId;
      const regions = await ctx.repos.shelter.linkRegions(householdId, facilityId);
      // One answer whether the household is missing or another region's.
      if (!regions || regions.householdCityId !== viewer.centrumgemeenteId) {
        throw refuse(ctx, 'you confirm links for households of your own region only', { householdId });
      }
      if (regions.facilityCityId !== regions.householdCityId) {
        throw new ValidationError([{ path: ['facilityId'], code: 'FACILITY_OUTSIDE_REGION' }]);
      }
      const confirmation = await ctx.repos.shelter.confirmLink(householdId, facilityId, viewer.accountId, ctx.now());
      await ctx.access.log({ action: 'CHANGE', householdId, outcome: 'ALLOWED', basis: `confirmed link to facility ${facilityId}` });
      return confirmation;
    },
  }),
}));
