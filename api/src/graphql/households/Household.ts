// Households and everything on their path. Every type here carries personal data and checks need-to-know itself.
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { type EventRecord, type HouseholdRecord, type MembershipRecord, type ReferralRecord, type RegieRecord } from '@ketenkaart/schema';
import { foldedSearchTerm, type HouseholdScope } from '../../repositories/household-repository.js';
import type { Context } from '../../context.js';
import type { Trajectory, TrajectoryEdge, TrajectoryNode, TrajectoryStep } from '../../trajectory/build-trajectory.js';
import { loadTrajectory } from '../../trajectory/load-trajectory.js';
import type { AccessDecision } from '../../access/household-access.js';
import { changeRightOf, refuse, requireHousehold, requireViewer } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { decodeCursor, pageSize, toConnection } from '../pagination.js';
import { AgencyRef } from '../reference/Agency.js';
import { FacilityRef } from '../reference/Facility.js';
import {
  ChainStateEnum,
  CompositionSourceEnum,
  DestinationEnum,
  EventKindEnum,
  LandlordTypeEnum,
  MemberRoleEnum,
  ReferralStatusEnum,
  RefusalReasonEnum,
  RehousingKindEnum,
  VerdictKindEnum,
  WaitingListOutcomeEnum,
} from './household-enums.js';
import { CentrumgemeenteRef } from '../refs.js';

export const HouseholdRef = builder.objectRef<HouseholdRecord>('Household');
export const MemberRef = builder.objectRef<MembershipRecord>('HouseholdMember');
export const EventRef = builder.objectRef<EventRecord>('HouseholdEvent');
export const ReferralRef = builder.objectRef<ReferralRecord>('Referral');
export const RegieRef = builder.objectRef<RegieRecord>('RegieAssignment');

const agencyField = <Row>(description: string, idOf: (row: Row) => string | null) => ({
  type: AgencyRef,
  nullable: true as const,
  description,
  resolve: (row: Row, _args: unknown, ctx: Context) => {
    const id = idOf(row);
    return id ? ctx.loaders.agency.load(id) : null;
  },
});

MemberRef.implement({
  description: 'A person in a household over a period (lid van het huishouden). Pseudonymous: a label, never a name or BSN.',
  authScopes: (member) => ({ householdVisible: member.householdId }),
  fields: (t) => ({
    personId: t.exposeID('personId', { description: 'Pseudonymous person id.' }),
    label: t.exposeString('label', { description: 'Label within the household ("ouder 1", "kind 2").' }),
    birthYear: t.exposeInt('birthYear', {
      nullable: true,
      description: 'Birth year, when known (for children: age matters, the date does not).',
    }),
    role: t.field({ type: MemberRoleEnum, description: 'Role in the household.', resolve: (m) => m.role }),
    from: t.field({ type: 'Date', description: 'First day in the household.', resolve: (m) => m.from }),
    to: t.field({ type: 'Date', nullable: true, description: 'Day the person left; null while still a member.', resolve: (m) => m.to }),
    compositionSource: t.field({
      type: CompositionSourceEnum,
      description: 'How the membership became known.',
      resolve: (m) => m.compositionSource,
    }),
  }),
});

/**
 * Need-to-know on every field of an event, as the other types here have it from a Pothos type scope, but checked in
 * each field's own resolver: a type scope runs through a Pothos wrapper on every field, and a trace page reads three
 * fields of each of its events. On a 20,000-household store that wrapper took about 0.1 ms of a 2 ms trace request
 * (README, Benchmarks). Every path to an event decides on its household first (the household's trajectory, a
 * resolved gap's own type scope, the event mutations), so a field finds the request's decision made; when it is
 * not, the field has it made and logged, as the type scope did.
 */
function eventField<T>(resolve: EventResolver<T>): EventResolver<T> {
  return (event, args, ctx) => {
    const decision = ctx.access.decided(event.householdId);
    if (decision) return visibleEventField(decision, event, args, ctx, resolve);
    return ctx.access.household(event.householdId).then((later) => visibleEventField(later, event, args, ctx, resolve));
  };
}

type EventResolver<T> = (event: EventRecord, args: object, ctx: Context) => T | Promise<T>;

function visibleEventField<T>(
  decision: AccessDecision,
  event: EventRecord,
  args: object,
  ctx: Context,
  resolve: EventResolver<T>,
): T | Promise<T> {
  if (!decision.allowed) throw new ForbiddenError(EVENT_REFUSED, decision.reasonCode);
  return resolve(event, args, ctx);
}

/** The words Pothos gave when the type scope refused an event's field. */
export const EVENT_REFUSED = 'Not authorized to read fields for HouseholdEvent';

const eventAgency = agencyField('Agency that acted or reported.', (e: EventRecord) => e.agencyId);

EventRef.implement({
  description: 'A dated event on the household path, recorded by an agency (gebeurtenis).',
  // No type scope: each field checks need-to-know itself (eventField).
  fields: (t) => ({
    id: t.id({ description: 'Stable id.', resolve: eventField((e) => e.id) }),
    kind: t.field({ type: EventKindEnum, description: 'What happened.', resolve: eventField((e) => e.kind) }),
    occurredOn: t.field({ type: 'Date', description: 'Day it happened.', resolve: eventField((e) => e.occurredOn) }),
    agency: t.field({ ...eventAgency, resolve: eventField(eventAgency.resolve) }),
    facility: t.field({
      type: FacilityRef,
      nullable: true,
      description: 'Facility concerned (application, waiting list, refusal, placement, exit).',
      resolve: eventField((e, _args, ctx) => (e.facilityId ? ctx.loaders.facility.load(e.facilityId) : null)),
    }),
    referralId: t.id({ nullable: true, description: 'Referral this step belongs to.', resolve: eventField((e) => e.referralId) }),
    arrearsMonths: t.float({
      nullable: true,
      description: 'Months of rent arrears (huurachterstand) at a signal.',
      resolve: eventField((e) => e.arrearsMonths),
    }),
    refusalReason: t.field({
      type: RefusalReasonEnum,
      nullable: true,
      description: 'Reason code of a refusal.',
      resolve: eventField((e) => e.refusalReason),
    }),
    verdictKind: t.field({
      type: VerdictKindEnum,
      nullable: true,
      description: 'Outcome of a verdict.',
      resolve: eventField((e) => e.verdictKind),
    }),
    waitingListOutcome: t.field({
      type: WaitingListOutcomeEnum,
      nullable: true,
      description: 'Outcome of a waiting-list exit.',
      resolve: eventField((e) => e.waitingListOutcome),
    }),
    rehousingKind: t.field({
      type: RehousingKindEnum,
      nullable: true,
      description: 'Kind of rehousing.',
      resolve: eventField((e) => e.rehousingKind),
    }),
    destination: t.field({
      type: DestinationEnum,
      nullable: true,
      description: 'Where the household went, as far as known.',
      resolve: eventField((e) => e.destination),
    }),
    priority: t.int({ nullable: true, description: 'Waiting-list priority, 1 (highest) to 5.', resolve: eventField((e) => e.priority) }),
    note: t.string({ nullable: true, description: 'Free text from the recording worker.', resolve: eventField((e) => e.note) }),
    regieStage: t.field({
      type: ChainStateEnum,
      nullable: true,
      description: 'Stage of a regie step.',
      resolve: eventField((e) => e.regieStage),
    }),
    followsFromIds: t.idList({ description: 'Events this step was taken because of.', resolve: eventField((e) => e.followsFromIds) }),
    supersedes: t.id({ nullable: true, description: 'Event this one corrects (correctie).', resolve: eventField((e) => e.supersedesId) }),
    supersededBy: t.id({
      nullable: true,
      description: 'Event that corrects this one; the old fact stays for the record.',
      resolve: eventField((e) => e.supersededById),
    }),
    recordedAt: t.field({ type: 'DateTime', description: 'When it was recorded (provenance).', resolve: eventField((e) => e.recordedAt) }),
    recordedBy: t.string({ description: 'Pseudonymous account that recorded it (provenance).', resolve: eventField((e) => e.recordedBy) }),
    synthetic: t.boolean({ description: 'True for generated demo data, never for real cases.', resolve: eventField((e) => e.synthetic) }),
  }),
});

ReferralRef.implement({
  description: 'A referral (verwijzing) from one agency to another for a household, with its status lifecycle.',
  authScopes: (referral) => ({ householdVisible: referral.householdId }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    status: t.field({ type: ReferralStatusEnum, description: 'Current status.', resolve: (r) => r.status }),
    purpose: t.exposeString('purpose', { description: 'What the referral asks for.' }),
    from: t.field({
      ...agencyField('Referring agency.', (r: ReferralRecord) => r.fromAgencyId),
      nullable: false,
      resolve: async (r, _a, ctx) => (await ctx.loaders.agency.load(r.fromAgencyId))!,
    }),
    to: t.field({
      ...agencyField('Receiving agency.', (r: ReferralRecord) => r.toAgencyId),
      nullable: false,
      resolve: async (r, _a, ctx) => (await ctx.loaders.agency.load(r.toAgencyId))!,
    }),
    sentOn: t.field({ type: 'Date', description: 'Day sent.', resolve: (r) => r.sentOn }),
    respondBy: t.field({ type: 'Date', description: 'Day by which the receiver should accept or refuse.', resolve: (r) => r.respondBy }),
    respondedOn: t.field({ type: 'Date', nullable: true, description: 'Day accepted or refused.', resolve: (r) => r.respondedOn }),
    closedOn: t.field({
      type: 'Date',
      nullable: true,
      description: 'Day refused, completed, withdrawn or expired.',
      resolve: (r) => r.closedOn,
    }),
    refusalReason: t.field({
      type: RefusalReasonEnum,
      nullable: true,
      description: 'Reason code when refused.',
      resolve: (r) => r.refusalReason,
    }),
    refusalText: t.exposeString('refusalText', { nullable: true, description: 'Explanation when refused, and the alternative offered.' }),
    infoQuestion: t.string({
      nullable: true,
      description: 'The last question the receiving agency asked before answering.',
      resolve: (r) => r.infoQuestion ?? null,
    }),
    recordedBy: t.exposeString('recordedBy', { description: 'Pseudonymous account that sent it (provenance).' }),
    recordedAt: t.field({ type: 'DateTime', description: 'When it was recorded (provenance).', resolve: (r) => r.recordedAt }),
  }),
});

RegieRef.implement({
  description: 'Regie over a household at a chain stage, held by one agency for a period (regie, overdracht).',
  authScopes: (regie) => ({ householdVisible: regie.householdId }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id.' }),
    stage: t.field({ type: ChainStateEnum, description: 'Chain stage the regie covers.', resolve: (g) => g.stage }),
    holder: t.field({
      ...agencyField('Agency holding regie.', (g: RegieRecord) => g.agencyId),
      nullable: false,
      resolve: async (g, _a, ctx) => (await ctx.loaders.agency.load(g.agencyId))!,
    }),
    from: t.field({ type: 'Date', description: 'First day.', resolve: (g) => g.from }),
    to: t.field({ type: 'Date', nullable: true, description: 'Day it ended (handover); null while held.', resolve: (g) => g.to }),
    handedOverToId: t.exposeID('handedOverToId', { nullable: true, description: 'The assignment that followed the handover.' }),
    recordedBy: t.exposeString('recordedBy', { description: 'Pseudonymous account that recorded it (provenance).' }),
  }),
});

const RegieOnDayRef = builder.objectRef<{ agencyId: string; stage: RegieRecord['stage'] }>('RegieOnDay').implement({
  description: 'An agency holding regie on the day of a step.',
  fields: (t) => ({
    stage: t.expose('stage', { type: ChainStateEnum, description: 'Stage.' }),
    holder: t.field({
      type: AgencyRef,
      description: 'Agency holding regie.',
      resolve: async (r, _a, ctx) => (await ctx.loaders.agency.load(r.agencyId))!,
    }),
  }),
});

const StepRef = builder.objectRef<TrajectoryStep>('TrajectoryStep').implement({
  description: 'One step of the trajectory (traject) in time order, with who held regie and how long it took.',
  fields: (t) => ({
    event: t.expose('event', { type: EventRef, description: 'The event.' }),
    stateAfter: t.expose('stateAfter', {
      type: ChainStateEnum,
      nullable: true,
      description: 'Chain state the step leads to; null for steps within a state.',
    }),
    regie: t.expose('regie', { type: [RegieOnDayRef], description: 'Regie holders on that day; empty means nobody held regie.' }),
    daysSincePrevious: t.exposeInt('daysSincePrevious', { nullable: true, description: 'Days since the previous step.' }),
    daysSinceReferralSent: t.exposeInt('daysSinceReferralSent', {
      nullable: true,
      description: 'For referral answers: days since it was sent.',
    }),
    superseded: t.exposeBoolean('superseded', { description: 'True when a later correction replaces this step.' }),
  }),
});

const NodeRef = builder.objectRef<TrajectoryNode>('TrajectoryNode').implement({
  description: 'A node of the trajectory graph, ready for Cytoscape.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Node id, unique within the graph.' }),
    kind: t.exposeString('kind', {
      description:
        "HOUSEHOLD, EVENT, AGENCY, REFERRAL, FACILITY or SHELTER_REFUSAL (a refusal from a shelter's own register, linked to the household).",
    }),
    refId: t.exposeID('refId', { description: 'Id of the thing the node stands for.' }),
    label: t.exposeString('label', { description: 'Label to show.' }),
    date: t.expose('date', { type: 'Date', nullable: true, description: 'Day, for events and referrals.' }),
    superseded: t.exposeBoolean('superseded', { description: 'True for corrected events.' }),
  }),
});

const EdgeRef = builder.objectRef<TrajectoryEdge>('TrajectoryEdge').implement({
  description:
    'An edge of the trajectory graph: NEXT, FOLLOWS_FROM, ACTED_IN, CONCERNS, SENT_BY, SENT_TO, AT_FACILITY, SUPERSEDES, HOLDS_REGIE or REPORTED (a facility reported a refusal).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Edge id.' }),
    source: t.exposeID('source', { description: 'Source node id.' }),
    target: t.exposeID('target', { description: 'Target node id.' }),
    kind: t.exposeString('kind', { description: 'Kind of edge.' }),
    label: t.exposeString('label', { nullable: true, description: 'Label to show, e.g. a regie period.' }),
  }),
});

const TrajectoryRef = builder.objectRef<Trajectory>('Trajectory').implement({
  description: 'The path of a household through the chain, as a timeline and as a graph.',
  fields: (t) => ({
    steps: t.expose('steps', { type: [StepRef], description: 'All events in time order, across agencies.' }),
    currentState: t.expose('currentState', { type: ChainStateEnum, nullable: true, description: 'State after the last effective step.' }),
    currentRegie: t.expose('currentRegie', { type: [RegieRef], description: 'Regie held now.' }),
    nodes: t.expose('nodes', { type: [NodeRef], description: 'Graph nodes.' }),
    edges: t.expose('edges', { type: [EdgeRef], description: 'Graph edges.' }),
  }),
});

/** What the viewer may do on one household, by the rule the mutations use (changeRightOf), so a page offers only that. */
const ViewerAccessRef = builder.objectRef<{ temporary: boolean; mayChange: boolean }>('HouseholdViewerAccess').implement({
  description: 'What you may do on this household: read only, or also record steps, refer and take or hand over regie.',
  fields: (t) => ({
    temporary: t.exposeBoolean('temporary', {
      description: 'True when your access rests on break-glass or a granted access request (tijdelijke toegang).',
    }),
    readOnly: t.boolean({ description: 'True when you may read but change nothing.', resolve: (a) => !a.mayChange }),
    canRecord: t.boolean({ description: 'Whether you may record a step (recordEvent, correctEvent).', resolve: (a) => a.mayChange }),
    canRefer: t.boolean({ description: 'Whether you may send a referral (sendReferral).', resolve: (a) => a.mayChange }),
    canTakeRegie: t.boolean({ description: 'Whether you may take regie (takeRegie).', resolve: (a) => a.mayChange }),
    canHandOverRegie: t.boolean({ description: 'Whether you may hand regie over (handOverRegie).', resolve: (a) => a.mayChange }),
  }),
});

HouseholdRef.implement({
  description: 'A household (huishouden) at risk of homelessness. Pseudonymous; readable only on a need-to-know basis.',
  authScopes: (household) => ({ householdVisible: household.id }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable pseudonymous id.' }),
    reference: t.exposeString('reference', { description: 'Reference the registering agency uses (never a name or BSN).' }),
    centrumgemeente: t.field({
      type: CentrumgemeenteRef,
      description: 'Region whose chain serves the household.',
      resolve: async (h, _a, ctx) => (await ctx.loaders.centrumgemeente.load(h.centrumgemeenteId))!,
    }),
    municipality: t.exposeString('municipality', { nullable: true, description: 'Municipality of the home, when recorded.' }),
    landlordType: t.field({ type: LandlordTypeEnum, description: 'Kind of landlord.', resolve: (h) => h.landlordType }),
    synthetic: t.exposeBoolean('synthetic', { description: 'True for generated demo data.' }),
    registeredAt: t.field({
      type: 'DateTime',
      description: 'When the household was registered (provenance).',
      resolve: (h) => h.registeredAt,
    }),
    members: t.field({
      type: [MemberRef],
      description: 'Members over time; with `on`, only those in the household on that day.',
      args: { on: t.arg({ type: 'Date', description: 'Day to look at.' }) },
      resolve: async (h, { on }, ctx) => {
        const all = await ctx.loaders.membershipsByHousehold.load(h.id);
        return on ? all.filter((m) => m.from <= on && (m.to === null || m.to > on)) : all;
      },
    }),
    referrals: t.field({
      type: [ReferralRef],
      description: 'Referrals for this household.',
      resolve: (h, _a, ctx) => ctx.loaders.referralsByHousehold.load(h.id),
    }),
    regie: t.field({
      type: [RegieRef],
      description: 'Regie assignments, past and present.',
      resolve: (h, _a, ctx) => ctx.loaders.regieByHousehold.load(h.id),
    }),
    viewerAccess: t.field({
      type: ViewerAccessRef,
      description: 'What the viewer may do on this household (the rule the mutations apply).',
      resolve: async (h, _a, ctx) => {
        const viewer = requireViewer(ctx);
        // The request's decision, already made (and logged) for the read of this household.
        const decision = await ctx.access.household(h.id);
        const temporary = decision.allowed && decision.breakGlass;
        return { temporary, mayChange: changeRightOf(viewer, decision).may };
      },
    }),
    trajectory: t.field({
      type: TrajectoryRef,
      description: 'The trajectory: all dated events in order across agencies, with regie per step, as timeline and graph.',
      // Names straight from the request's reference reads, one call for all ids: through the loaders, each id took a
      // promise of its own.
      resolve: (h, _a, ctx) =>
        loadTrajectory(h.id, {
          facts: (id) => ctx.loaders.trajectoryFacts.load(id),
          agencyNames: async (ids) => namesOf(await ctx.loaders.reference.agenciesByIds(ids)),
          facilityNames: async (ids) => namesOf(await ctx.loaders.reference.facilitiesByIds(ids)),
        }),
    }),
  }),
});

/**
 * Whether the household's trajectory is among the fields asked for, under any alias or fragment. A field under
 * @skip or @include counts as asked: the answer then only reads facts beside the access facts that go unused, and
 * it depends on the document alone, so it is kept per parsed document (document-cache.ts keeps one per document text) and not
 * worked out again on every request.
 */
function asksForTrajectory(info: GraphQLResolveInfo): boolean {
  const field = info.fieldNodes[0]!;
  let asks = trajectoryAsked.get(field);
  if (asks === undefined) {
    asks = info.fieldNodes.some((node) => node.selectionSet !== undefined && selectsTrajectory(node.selectionSet, info));
    trajectoryAsked.set(field, asks);
  }
  return asks;
}

const trajectoryAsked = new WeakMap<FieldNode, boolean>();

function selectsTrajectory(selectionSet: SelectionSetNode, info: GraphQLResolveInfo, visited = new Set<string>()): boolean {
  const onHousehold = (typeName: string | undefined) => typeName === undefined || typeName === HouseholdRef.name;
  return selectionSet.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === 'trajectory';
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return onHousehold(selection.typeCondition?.name.value) && selectsTrajectory(selection.selectionSet, info, visited);
    const fragment = info.fragments[selection.name.value];
    if (!fragment || visited.has(fragment.name.value) || !onHousehold(fragment.typeCondition.name.value)) return false;
    visited.add(fragment.name.value);
    return selectsTrajectory(fragment.selectionSet, info, visited);
  });
}

function namesOf(rows: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Loads a household the viewer may see, or throws the typed reason why not. */
export async function visibleHousehold(
  ctx: Parameters<typeof requireHousehold>[0],
  id: string,
  options: { withTrajectory?: boolean } = {},
): Promise<HouseholdRecord> {
  requireViewer(ctx);
  // The decision's statement reads the record with the facts and primes the loader: one read, not two.
  await requireHousehold(ctx, id, options);
  const household = await ctx.loaders.household.load(id);
  if (!household) throw new NotFoundError('Household', id);
  return household;
}

const AccessExplanationRef = builder
  .objectRef<{ householdId: string; allowed: boolean; basis: string | null; missing: string | null; breakGlass: boolean }>(
    'AccessExplanation',
  )
  .implement({
    description: 'Why the viewer may or may not see a household: the access path, or the condition that is missing.',
    fields: (t) => ({
      householdId: t.exposeID('householdId', { description: 'The household asked about.' }),
      allowed: t.exposeBoolean('allowed', { description: 'Whether access is allowed now.' }),
      basis: t.exposeString('basis', {
        nullable: true,
        description: 'The path that allows it, e.g. "referral ref_… (accepted) under consent con_…".',
      }),
      missing: t.exposeString('missing', { nullable: true, description: 'The condition that is missing when refused.' }),
      breakGlass: t.exposeBoolean('breakGlass', { description: 'True when access rests on an emergency (break-glass) grant.' }),
    }),
  });

async function searchPage(
  ctx: Context,
  filter: HouseholdScope & { caseRefAgencyId: string | null },
  term: string,
  first: number,
  after: string | null,
) {
  const ids = await ctx.repos.households.searchHouseholdIds(filter, term, first, after);
  const byId = new Map((await ctx.repos.households.householdsByIds(ids.items)).map((h) => [h.id, h]));
  return { items: ids.items.flatMap((id) => byId.get(id) ?? []), hasNextPage: ids.hasNextPage };
}

builder.queryFields((t) => ({
  household: t.field({
    type: HouseholdRef,
    description: 'One household by id, when the viewer may see it (need-to-know); every read is logged.',
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    args: { id: t.arg.id({ required: true, description: 'Household id.' }) },
    // A trace page asks for the trajectory with the household: its facts are read beside the access facts.
    resolve: (_root, { id }, ctx, info) => visibleHousehold(ctx, String(id), { withTrajectory: asksForTrajectory(info) }),
  }),
  households: t.connection({
    type: HouseholdRef,
    description:
      'Households the viewer may see: by the start of their reference, or by search (any part of the reference, a shelter case number, a referral id; case and spaces ignored). Searches are logged.',
    authScopes: { signedIn: true },
    args: {
      reference: t.arg.string({ description: 'Start of the household reference, e.g. "GZN-2024".' }),
      search: t.arg.string({ description: 'At least 3 characters of a reference, a shelter case number or a referral id.' }),
      centrumgemeenteId: t.arg.id({ description: 'Region, for coordinators of several regions (default: your own).' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (args.reference && args.reference.length > 64)
        throw new ValidationError([{ path: ['reference'], code: 'TOO_LONG', params: { maximum: 64 } }]);
      const search = args.search == null ? null : foldedSearchTerm(args.search);
      // A minimum length keeps a search-as-you-type from scanning a region per keystroke.
      if (search !== null && search.length < 3)
        throw new ValidationError([{ path: ['search'], code: 'TOO_SHORT', params: { minimum: 3 } }]);
      if (search !== null && search.length > 64)
        throw new ValidationError([{ path: ['search'], code: 'TOO_LONG', params: { maximum: 64 } }]);
      const first = pageSize(args.first);
      const after = decodeCursor(args.after);
      let scope: HouseholdScope;
      if (viewer.role === 'COORDINATOR') scope = { cityIds: viewer.centrumgemeenteId ? [viewer.centrumgemeenteId] : [], ids: null };
      else if (viewer.role === 'AGENCY_WORKER' || viewer.role === 'SHELTER_STAFF')
        scope = { cityIds: null, ids: viewer.agencyId ? await ctx.repos.access.involvedHouseholds(viewer.agencyId) : [] };
      else throw refuse(ctx, `your role (${viewer.role}) has no access to households`, { action: 'SEARCH' }, 'ROLE_NOT_ALLOWED');
      // Candidates come from the region or the agency's involvement; each is still decided (consent) before it is shown.
      const page =
        search === null
          ? await ctx.repos.households.householdsPage({ ...scope, reference: args.reference ?? null }, first, after)
          : await searchPage(
              ctx,
              { ...scope, caseRefAgencyId: viewer.role === 'COORDINATOR' ? null : viewer.agencyId },
              search,
              first,
              after,
            );
      const decisions = await Promise.all(page.items.map((h) => ctx.access.household(h.id)));
      const shown = page.items.filter((_h, i) => decisions[i]!.allowed);
      // Only what was shown is logged as found: the log must not become a record of households the caller may not see.
      await ctx.access.log({
        action: 'SEARCH',
        searchTerms: search ?? args.reference ?? null,
        outcome: 'ALLOWED',
        basis: `${shown.length} shown of ${page.items.length} candidates`,
      });
      page.items.forEach((h) => ctx.loaders.household.prime(h.id, h));
      return toConnection({ items: shown, hasNextPage: page.hasNextPage }, (h) => h.id);
    },
  }),
  householdAccess: t.field({
    type: AccessExplanationRef,
    description: 'Explains whether and why the viewer may see a household (the access path or the missing condition).',
    authScopes: { signedIn: true },
    args: { id: t.arg.id({ required: true, description: 'Household id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const decision = await ctx.access.household(String(id));
      return decision.allowed
        ? { householdId: String(id), allowed: true, basis: decision.basis, missing: null, breakGlass: decision.breakGlass }
        : { householdId: String(id), allowed: false, basis: null, missing: decision.missing, breakGlass: false };
    },
  }),
}));
