// Regie maps and flow through the chain per region: published model against recorded paths. Aggregates only.
import { stateAfter, type ChainState, type RegieBasis } from '@ketenkaart/schema';
import { compareRegieWithModel, type AgencyInHierarchy, type Conformity } from '../../analytics/regie-model.js';
import { loadExisting } from '../../loaders.js';
import { addStageTotals, chainFlowOf, stagePath, stagePathTotals, type ChainFlow, type FlowEvent } from '../../analytics/chain-flow.js';
import { cell, suppressGroup, type Cell } from '../../analytics/disclosure.js';
import type { Context } from '../../context.js';
import type { ChainStageRecord } from '../../repositories/reference-repository.js';
import { logAggregateRead } from '../../access/logged-decisions.js';
import { refuse, requireViewer } from '../authorization.js';
import { builder } from '../builder.js';
import { checkedPeriod, regionPeriodArgs } from '../period.js';
import { AgencyRef } from '../reference/Agency.js';
import { ChainStageRef, RegieBasisEnum } from '../reference/ChainModel.js';
import { ChainStateEnum, RefusalReasonEnum } from '../households/household-enums.js';
import { CentrumgemeenteRef } from '../refs.js';

export const CellRef = builder.objectRef<Cell>('SuppressibleCount').implement({
  description: 'A count that is hidden (null) for policy makers when it is small enough to point at a family.',
  fields: (t) => ({
    value: t.exposeInt('value', { nullable: true, description: 'The count; null when suppressed.' }),
    suppressed: t.exposeBoolean('suppressed', { description: 'True when hidden by small-cell suppression (primary or secondary).' }),
  }),
});

const agencyOf = <Row>(idOf: (row: Row) => string, description: string) => ({
  type: AgencyRef,
  description,
  resolve: async (row: Row, _a: unknown, ctx: Context) => (await ctx.loaders.agency.load(idOf(row)))!,
});

const ModelMatchEnum = builder.enumType('RegieModelMatch', {
  description:
    'How recorded regie conforms to the published model: the model names the agency (NAMED_HOLDER), names an agency it is part of (PART_OF_NAMED_HOLDER), or a handover statement passes regie to its kind of agency from that stage on (HANDOVER_STATEMENT).',
  values: ['NAMED_HOLDER', 'PART_OF_NAMED_HOLDER', 'HANDOVER_STATEMENT'] as const,
});

interface RecordedRegieView {
  stage: ChainState;
  agencyId: string;
  assignments: Cell;
  open: Cell;
  households: Cell;
  conformity: Conformity | null;
}

const RecordedRegieRef = builder.objectRef<RecordedRegieView>('RecordedRegie').implement({
  description: 'Regie as recorded on household paths: an agency at a chain stage, and whether the published model covers it.',
  fields: (t) => ({
    stage: t.field({ type: ChainStateEnum, description: 'Chain stage.', resolve: (r) => r.stage }),
    conformsBy: t.field({
      type: ModelMatchEnum,
      nullable: true,
      description: 'How the published model covers this holder; null: a departure from the model.',
      resolve: (r) => r.conformity?.match ?? null,
    }),
    modelBasis: t.field({
      type: RegieBasisEnum,
      nullable: true,
      description: 'Whether the model holder or handover it conforms to is stated in the report or inferred by Ketenkaart.',
      resolve: (r) => r.conformity?.basis ?? null,
    }),
    modelSourceLines: t.string({
      nullable: true,
      description: 'Report lines of that holder or handover.',
      resolve: (r) => r.conformity?.sourceLines ?? null,
    }),
    holder: t.field(agencyOf((r) => r.agencyId, 'Agency holding regie.')),
    assignments: t.field({ type: CellRef, description: 'Regie intervals.', resolve: (r) => r.assignments }),
    open: t.field({ type: CellRef, description: 'Intervals still open.', resolve: (r) => r.open }),
    households: t.field({ type: CellRef, description: 'Households.', resolve: (r) => r.households }),
  }),
});

const StageActorRef = builder.objectRef<{ state: ChainState; agencyId: string; households: Cell }>('StageActor').implement({
  description: 'Who actually acted at a chain stage, from recorded events.',
  fields: (t) => ({
    state: t.field({ type: ChainStateEnum, description: 'Chain state the events led into.', resolve: (r) => r.state }),
    agency: t.field(agencyOf((r) => r.agencyId, 'Agency that acted.')),
    households: t.field({ type: CellRef, description: 'Households.', resolve: (r) => r.households }),
  }),
});

const HandoverRef = builder
  .objectRef<{ fromAgencyId: string; fromStage: ChainState; toAgencyId: string; toStage: ChainState; households: Cell }>('RegieHandover')
  .implement({
    description: 'Recorded handovers of regie (overdracht) between agencies.',
    fields: (t) => ({
      from: t.field(agencyOf((r) => r.fromAgencyId, 'Agency that handed over.')),
      fromStage: t.field({ type: ChainStateEnum, description: 'Stage handed over.', resolve: (r) => r.fromStage }),
      to: t.field(agencyOf((r) => r.toAgencyId, 'Agency that took over.')),
      toStage: t.field({ type: ChainStateEnum, description: 'Stage taken over.', resolve: (r) => r.toStage }),
      households: t.field({ type: CellRef, description: 'Households.', resolve: (r) => r.households }),
    }),
  });

interface Departure {
  kind: string;
  agencyId: string;
  detail: string;
  modelBasis: RegieBasis | null;
  sourceLines: string | null;
}

const DepartureRef = builder.objectRef<Departure>('RegieDeparture').implement({
  description: 'Where recorded regie departs from the published chain model, following the agency hierarchy and the handover statements.',
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'RECORDED_NOT_PUBLISHED (holds regie in practice, not covered by the model) or PUBLISHED_NOT_RECORDED (named in the model; neither it nor a part of it was ever recorded holding regie).',
    }),
    modelBasis: t.field({
      type: RegieBasisEnum,
      nullable: true,
      description: 'PUBLISHED_NOT_RECORDED: whether the report states this holder or Ketenkaart infers it.',
      resolve: (d) => d.modelBasis,
    }),
    sourceLines: t.exposeString('sourceLines', {
      nullable: true,
      description: 'PUBLISHED_NOT_RECORDED: report lines of the model holder.',
    }),
    agency: t.field(agencyOf((r) => r.agencyId, 'Agency concerned.')),
    detail: t.exposeString('detail', { description: 'What differs.' }),
  }),
});

interface RegieMap {
  cityId: string;
  stages: ChainStageRecord[];
  recorded: RecordedRegieView[];
  actors: { state: ChainState; agencyId: string; households: Cell }[];
  handovers: { fromAgencyId: string; fromStage: ChainState; toAgencyId: string; toStage: ChainState; households: Cell }[];
  departures: Departure[];
}

const RegieMapRef = builder.objectRef<RegieMap>('RegieMap').implement({
  description: 'Regie in a region (regiekaart): the published chain model side by side with what recorded paths show.',
  fields: (t) => ({
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'Region.',
      resolve: async (m, _a, ctx) => (await ctx.loaders.centrumgemeente.load(m.cityId))!,
    }),
    publishedStages: t.field({
      type: [ChainStageRef],
      description: 'Published chain model stages with their regie holder.',
      resolve: (m) => m.stages,
    }),
    stagesWithoutRegie: t.int({
      description: 'Published stages that name no regie holder.',
      resolve: (m) => m.stages.filter((s) => !s.regieAgencyId).length,
    }),
    recorded: t.field({ type: [RecordedRegieRef], description: 'Recorded regie per stage and agency.', resolve: (m) => m.recorded }),
    actors: t.field({ type: [StageActorRef], description: 'Who acted at each stage.', resolve: (m) => m.actors }),
    handovers: t.field({ type: [HandoverRef], description: 'Recorded handovers.', resolve: (m) => m.handovers }),
    departures: t.field({
      type: [DepartureRef],
      description: 'Where practice departs from the published model.',
      resolve: (m) => m.departures,
    }),
  }),
});

const StageFlowRef = builder
  .objectRef<{
    state: ChainState;
    entered: Cell;
    movedOn: Cell;
    droppedOut: Cell;
    loopedBack: Cell;
    medianDays: number | null;
    p90Days: number | null;
  }>('StageFlow')
  .implement({
    description: 'Households through one chain state in the period.',
    fields: (t) => ({
      state: t.field({ type: ChainStateEnum, description: 'Chain state.', resolve: (s) => s.state }),
      entered: t.field({ type: CellRef, description: 'Households that entered it in the period.', resolve: (s) => s.entered }),
      movedOn: t.field({ type: CellRef, description: 'Of those, households that moved on to another state.', resolve: (s) => s.movedOn }),
      droppedOut: t.field({
        type: CellRef,
        description: 'Households that went out of sight (buiten beeld) next.',
        resolve: (s) => s.droppedOut,
      }),
      loopedBack: t.field({
        type: CellRef,
        description: 'Households that came back to it after a later state.',
        resolve: (s) => s.loopedBack,
      }),
      medianDays: t.exposeInt('medianDays', {
        nullable: true,
        description: 'Median days in the state before moving on; null when unknown or suppressed.',
      }),
      p90Days: t.exposeInt('p90Days', {
        nullable: true,
        description: '90th percentile of days in the state; null when unknown or suppressed.',
      }),
    }),
  });

const TransitionRef = builder.objectRef<{ from: ChainState; to: ChainState; households: Cell }>('StateTransition').implement({
  description: 'Households moving from one state to the next (a Sankey edge).',
  fields: (t) => ({
    from: t.field({ type: ChainStateEnum, description: 'From state.', resolve: (s) => s.from }),
    to: t.field({ type: ChainStateEnum, description: 'To state.', resolve: (s) => s.to }),
    households: t.field({ type: CellRef, description: 'Households.', resolve: (s) => s.households }),
  }),
});

const ReasonCountRef = builder.objectRef<{ reason: string; count: Cell }>('RefusalReasonCount').implement({
  description: 'Refusals for one reason.',
  fields: (t) => ({
    reason: t.field({ type: RefusalReasonEnum, description: 'Reason.', resolve: (r) => r.reason as never }),
    count: t.field({ type: CellRef, description: 'Refusals.', resolve: (r) => r.count }),
  }),
});

const LinkRef = builder
  .objectRef<{
    fromAgencyId: string;
    toAgencyId: string;
    sent: Cell;
    accepted: Cell;
    refused: Cell;
    expired: Cell;
    withdrawn: Cell;
    open: Cell;
    refusedByReason: { reason: string; count: Cell }[];
    medianResponseDays: number | null;
  }>('ReferralLink')
  .implement({
    description: 'Referrals between two agencies in the period (a network edge).',
    fields: (t) => ({
      from: t.field(agencyOf((l) => l.fromAgencyId, 'Referring agency.')),
      to: t.field(agencyOf((l) => l.toAgencyId, 'Receiving agency.')),
      sent: t.field({ type: CellRef, description: 'Sent.', resolve: (l) => l.sent }),
      accepted: t.field({ type: CellRef, description: 'Accepted (or completed).', resolve: (l) => l.accepted }),
      refused: t.field({ type: CellRef, description: 'Refused.', resolve: (l) => l.refused }),
      expired: t.field({ type: CellRef, description: 'Expired.', resolve: (l) => l.expired }),
      withdrawn: t.field({ type: CellRef, description: 'Withdrawn.', resolve: (l) => l.withdrawn }),
      open: t.field({ type: CellRef, description: 'Still waiting for an answer.', resolve: (l) => l.open }),
      refusedByReason: t.field({ type: [ReasonCountRef], description: 'Refusals by reason.', resolve: (l) => l.refusedByReason }),
      medianResponseDays: t.exposeInt('medianResponseDays', {
        nullable: true,
        description: 'Median days to an answer; null when unknown or suppressed.',
      }),
    }),
  });

interface FlowView {
  cityId: string;
  from: string;
  to: string;
  stages: {
    state: ChainState;
    entered: Cell;
    movedOn: Cell;
    droppedOut: Cell;
    loopedBack: Cell;
    medianDays: number | null;
    p90Days: number | null;
  }[];
  transitions: { from: ChainState; to: ChainState; households: Cell }[];
  referralLinks: {
    fromAgencyId: string;
    toAgencyId: string;
    sent: Cell;
    accepted: Cell;
    refused: Cell;
    expired: Cell;
    withdrawn: Cell;
    open: Cell;
    refusedByReason: { reason: string; count: Cell }[];
    medianResponseDays: number | null;
  }[];
  suppressedEdges: number;
}

const ChainFlowRef = builder.objectRef<FlowView>('ChainFlow').implement({
  description: 'Flow through the chain in a region and period: stages, transitions (Sankey) and referral links (network).',
  fields: (t) => ({
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'Region.',
      resolve: async (f, _a, ctx) => (await ctx.loaders.centrumgemeente.load(f.cityId))!,
    }),
    from: t.field({ type: 'Date', description: 'First day of the period.', resolve: (f) => f.from }),
    to: t.field({ type: 'Date', description: 'Last day of the period.', resolve: (f) => f.to }),
    stages: t.field({ type: [StageFlowRef], description: 'Per chain state.', resolve: (f) => f.stages }),
    transitions: t.field({
      type: [TransitionRef],
      description: 'Moves between states; edges below minimum support are left out for policy makers.',
      resolve: (f) => f.transitions,
    }),
    referralLinks: t.field({
      type: [LinkRef],
      description: 'Referrals per pair of agencies; pairs below minimum support are left out for policy makers.',
      resolve: (f) => f.referralLinks,
    }),
    suppressedEdges: t.exposeInt('suppressedEdges', { description: 'Transitions and referral links left out for lack of support.' }),
  }),
});

/** The agencies with their types and every agency they are part of, one batch per level of the hierarchy. */
async function agencyLineage(ctx: Context, ids: string[]): Promise<Map<string, AgencyInHierarchy>> {
  const found = new Map<string, AgencyInHierarchy>();
  for (let wanted = [...new Set(ids)]; wanted.length > 0;) {
    const loaded = await loadExisting(ctx.loaders.agency, wanted);
    loaded.forEach((a) => found.set(a.id, { id: a.id, type: a.type, parentId: a.parentId }));
    wanted = [...new Set(loaded.map((a) => a.parentId).filter((id): id is string => Boolean(id) && !found.has(id!)))];
  }
  return found;
}

/**
 * Coordinators see their own region in full; policy makers see any region, suppressed. Nobody else. A refusal is
 * logged whatever the input; the read only once `validate` (the period, the region) has passed.
 */
export async function aggregateScope<Valid = undefined>(
  ctx: Context,
  cityId: string,
  validate: () => Valid | Promise<Valid> = () => undefined as Valid,
): Promise<{ suppress: boolean; valid: Valid }> {
  const viewer = requireViewer(ctx);
  const suppress = viewer.role === 'POLICY_MAKER';
  if (!suppress && !(viewer.role === 'COORDINATOR' && viewer.centrumgemeenteId === cityId)) {
    throw refuse(ctx, 'regie maps and flows are for policy makers and the coordinator of the region', {}, 'ROLE_NOT_ALLOWED');
  }
  const valid = await validate();
  logAggregateRead(ctx, [cityId], suppress);
  return { suppress, valid };
}

export async function regionHouseholds(ctx: Context, cityId: string) {
  const all: {
    events: Awaited<ReturnType<typeof ctx.repos.events.eventsByHousehold>>;
    referrals: Awaited<ReturnType<typeof ctx.repos.referrals.referralsByHousehold>>;
  }[] = [];
  let after: string | null = null;
  for (;;) {
    const ids = await ctx.repos.gaps.householdIdsOfCity(cityId, after, 1000);
    if (ids.length === 0) return all;
    const [events, referrals] = await Promise.all([ctx.repos.events.eventsByHousehold(ids), ctx.repos.referrals.referralsByHousehold(ids)]);
    const byId = new Map(ids.map((id) => [id, { events: [] as typeof events, referrals: [] as typeof referrals }]));
    events.forEach((e) => byId.get(e.householdId)!.events.push(e));
    referrals.forEach((r) => byId.get(r.householdId)!.referrals.push(r));
    all.push(...byId.values());
    after = ids.at(-1)!;
  }
}

/**
 * A region's chain flow in a period: the stored stage paths aggregated in the store, plus the paths of households
 * whose events predate stored paths, derived here from their effective events (the two sets of households are
 * disjoint, so their counts add up).
 */
async function regionChainFlow(ctx: Context, cityId: string, period: { from: string; to: string }): Promise<ChainFlow> {
  const inputs = await ctx.repos.analytics.flowInputs(cityId, period.from, period.to);
  const eventsOf = new Map<string, FlowEvent[]>();
  for (const event of inputs.eventsWithoutStagePath) {
    const own = eventsOf.get(event.householdId);
    if (own) own.push(event);
    else eventsOf.set(event.householdId, [event]);
  }
  const unstored = stagePathTotals([...eventsOf.values()].map(stagePath), period);
  return chainFlowOf(addStageTotals({ stages: inputs.stages, transitions: inputs.transitions }, unstored), inputs.referrals, period);
}

export function flowView(cityId: string, flow: ChainFlow, period: { from: string; to: string }, suppress: boolean, minCell = 5): FlowView {
  const c = (n: number) => cell(n, suppress, minCell);
  const transitions = flow.transitions.filter((t) => !suppress || t.households >= minCell);
  const links = flow.referralLinks.filter((l) => !suppress || l.sent >= minCell);
  return {
    cityId,
    ...period,
    stages: flow.stages.map((s) => ({
      state: s.state,
      entered: c(s.entered),
      movedOn: c(s.movedOn),
      droppedOut: c(s.droppedOut),
      loopedBack: c(s.loopedBack),
      medianDays: suppress && s.movedOn < minCell ? null : s.medianDays,
      p90Days: suppress && s.movedOn < minCell ? null : s.p90Days,
    })),
    transitions: transitions.map((t) => ({ from: t.from, to: t.to, households: c(t.households) })),
    referralLinks: links.map((l) => ({
      fromAgencyId: l.fromAgencyId,
      toAgencyId: l.toAgencyId,
      sent: c(l.sent),
      accepted: c(l.accepted),
      refused: c(l.refused),
      expired: c(l.expired),
      withdrawn: c(l.withdrawn),
      open: c(l.open),
      refusedByReason: suppressGroup(l.refusedByReason, (r) => r.count, suppress, minCell).map(({ item, cell: count }) => ({
        reason: item.reason,
        count,
      })),
      medianResponseDays: suppress && l.accepted + l.refused < minCell ? null : l.medianResponseDays,
    })),
    suppressedEdges: flow.transitions.length - transitions.length + flow.referralLinks.length - links.length,
  };
}

builder.queryFields((t) => ({
  regieMap: t.field({
    type: RegieMapRef,
    description: 'Regie in a region: the published chain model, recorded regie, who acted, handovers and departures from the model.',
    args: { centrumgemeenteId: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const cityId = args.centrumgemeenteId;
      const { suppress } = await aggregateScope(ctx, cityId);
      const models = await ctx.loaders.chainModelsByCity.load(cityId);
      const stages = models[0] ? await ctx.loaders.stagesByChainModel.load(models[0].id) : [];
      const notes = await ctx.loaders.regieNotesByCity.load(cityId);
      const [recorded, actors, handovers] = await Promise.all([
        ctx.repos.analytics.recordedRegie(cityId),
        ctx.repos.analytics.actorsByKind(cityId),
        ctx.repos.analytics.handovers(cityId),
      ]);
      const c = (n: number) => cell(n, suppress);
      const byState = new Map<string, { state: ChainState; agencyId: string; households: number }>();
      for (const a of actors) {
        const state = stateAfter(a.kind);
        if (!state) continue;
        const key = `${state}|${a.agencyId}`;
        const entry = byState.get(key) ?? { state, agencyId: a.agencyId, households: 0 };
        entry.households = Math.max(entry.households, a.households);
        byState.set(key, entry);
      }
      const model = compareRegieWithModel(
        stages,
        notes,
        await agencyLineage(
          ctx,
          recorded.map((r) => r.agencyId),
        ),
      );
      const recordedViews = recorded.map((r) => ({
        stage: r.stage,
        agencyId: r.agencyId,
        assignments: c(r.assignments),
        open: c(r.open),
        households: c(r.households),
        conformity: model.conformity(r.stage, r.agencyId),
      }));
      const departing = new Map<string, number>();
      for (const r of recorded)
        if (!model.conformity(r.stage, r.agencyId)) departing.set(r.agencyId, (departing.get(r.agencyId) ?? 0) + r.households);
      const departures: Departure[] = [
        ...[...departing].map(([agencyId, households]) => ({
          kind: 'RECORDED_NOT_PUBLISHED',
          agencyId,
          modelBasis: null,
          sourceLines: null,
          detail: `holds regie on recorded paths${suppress && households < 5 ? '' : ` (${households} households)`} where the published model names neither it, nor an agency it is part of, nor a handover to it`,
        })),
        ...model.unrecordedHolders(recorded.map((r) => r.agencyId)).map((holder) => ({
          kind: 'PUBLISHED_NOT_RECORDED',
          agencyId: holder.agencyId,
          modelBasis: holder.basis,
          sourceLines: holder.lines,
          detail: `${holder.basis === 'INFERRED' ? 'inferred' : 'named'} as regie holder in the model; no recorded path shows it or a part of it holding regie`,
        })),
      ];
      return {
        cityId,
        stages,
        recorded: recordedViews,
        actors: [...byState.values()].map((a) => ({ state: a.state, agencyId: a.agencyId, households: c(a.households) })),
        handovers: handovers.filter((h) => !suppress || h.households >= 5).map((h) => ({ ...h, households: c(h.households) })),
        departures,
      };
    },
  }),
  chainFlow: t.field({
    type: ChainFlowRef,
    description: 'Flow through the chain in a region and period, as data for Sankey and network views.',
    args: regionPeriodArgs(t.arg),
    resolve: async (_root, args, ctx) => {
      const cityId = args.centrumgemeenteId;
      const { suppress, valid: period } = await aggregateScope(ctx, cityId, () => checkedPeriod(args));
      return flowView(cityId, await regionChainFlow(ctx, cityId, period), period, suppress);
    },
  }),
}));
