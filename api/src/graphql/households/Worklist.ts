// The worklist (werkvoorraad) of the home page: one paginated query per role, with the same access checks and
// access log as every household read, and notices of involvement that the agency acknowledges.
import { addDays, dayOf } from '@ketenkaart/schema';
import {
  itemsFromCandidates,
  pageFromStore,
  pageOfWorklist,
  shelterItems,
  WORKLIST_ACTIONS,
  WORKLIST_KINDS,
  WORKLIST_SORTS,
  type WorklistItem,
  type WorklistPage,
} from '../../worklist/build-worklist.js';
import { refuse, requireViewer, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { AgencyRef } from '../reference/Agency.js';
import { FacilityRef } from '../reference/Facility.js';
import { GapRuleIdEnum, GapSeverityEnum } from '../gaps/Gaps.js';
import { HouseholdRef, ReferralRef } from './Household.js';
import { EventKindEnum } from './household-enums.js';

/** How far ahead "due soon" looks (the issue: overdue and due in the next 7 days). */
export const WORKLIST_HORIZON_DAYS = 7;
/** How long the sender sees an answer to its referral on its worklist. */
export const ANSWER_SHOWN_DAYS = 7;

const WorklistItemKindEnum = builder.enumType('WorklistItemKind', {
  description: 'What a worklist item is about.',
  values: {
    GAP: { description: 'A gap in the chain (hiaat): a step overdue.' },
    REFERRAL_AWAITING_ANSWER: { description: 'A referral that waits for the receiving agency to accept, refuse or ask for information.' },
    REFERRAL_INFO_REQUESTED: { description: 'The receiving agency asked your agency for more information about a referral.' },
    REFERRAL_ANSWERED: { description: 'A referral your agency sent was accepted or refused in the last 7 days.' },
    ACCESS_REQUEST: { description: 'A worker asks for access to a household (for the coordinator).' },
    BREAK_GLASS_USE: { description: 'A break-glass use (or a granted access request) in your region that nobody has reviewed yet.' },
    INVOLVEMENT_NOTICE: { description: 'Another agency works with the same household (notice of involvement).' },
    SHELTER_APPLICATION: { description: 'An application at your facility without a decision.' },
    WAITING_LIST_ENTRY: { description: 'A waiting-list entry at your facility without an outcome.' },
  } satisfies Record<(typeof WORKLIST_KINDS)[number], { description: string }>,
});

const ACTION_TEXT: Record<(typeof WORKLIST_ACTIONS)[number], string> = {
  OPEN_GAP: 'Open the gap on the trace and record or arrange the missing step.',
  OPEN_TRACE: 'Open the household trace.',
  ANSWER_REFERRAL: 'Accept, refuse or ask for more information.',
  PROVIDE_INFO: 'Give the information the receiving agency asked for.',
  RECORD_STEP: 'Record the step your agency owes (`stepKind`).',
  DECIDE_ACCESS: 'Grant (time-bound) or decline the request.',
  REVIEW_BREAK_GLASS: 'Review the use on the break-glass page.',
  ACKNOWLEDGE: 'Mark the notice as read.',
  RECORD_OUTCOME: 'Record the outcome: placement, refusal, waiting list or its exit.',
};

const WorklistActionEnum = builder.enumType('WorklistAction', {
  description: 'The one action a worklist item offers.',
  values: Object.fromEntries(WORKLIST_ACTIONS.map((a) => [a, { description: ACTION_TEXT[a] }])) as Record<
    (typeof WORKLIST_ACTIONS)[number],
    { description: string }
  >,
});

const WorklistSortEnum = builder.enumType('WorklistSort', {
  description: 'Order of the worklist.',
  values: {
    DUE: { description: 'Earliest due first, then most severe.' },
    SEVERITY: { description: 'Most severe first, then earliest due.' },
  } satisfies Record<(typeof WORKLIST_SORTS)[number], { description: string }>,
});

type ItemView = WorklistItem & { visible: boolean };

const WorklistItemRef = builder.objectRef<ItemView>('WorklistItem').implement({
  description: 'One thing to do: for which household, what, by when, who owes it, and the action that does it.',
  fields: (t) => ({
    id: t.id({ description: 'Kind and subject: stable while the item is open.', resolve: (i) => i.key }),
    kind: t.field({ type: WorklistItemKindEnum, description: 'What the item is about.', resolve: (i) => i.kind }),
    subjectId: t.id({ description: 'The gap, referral, request, notice or event the action applies to.', resolve: (i) => i.subjectId }),
    household: t.field({
      type: HouseholdRef,
      nullable: true,
      description: 'The household; null when your access to it is refused (the item then says only that it exists for your agency).',
      resolve: async (i, _a, ctx) => (i.visible ? ctx.loaders.household.load(i.householdId) : null),
    }),
    restricted: t.boolean({
      description: 'True when the household is hidden from you (no consent or legal ground yet).',
      resolve: (i) => !i.visible,
    }),
    dueOn: t.field({
      type: 'Date',
      description:
        "Last day on which the step is on time. For a gap that is a missed term: the term's last day, the same as the gap's dueOn; for any other gap the day it arose.",
      resolve: (i) => i.dueOn,
    }),
    openSince: t.field({
      type: 'Date',
      nullable: true,
      description: 'For a gap that is no missed term (an event or a state): the day it arose, which dueOn then repeats. Null otherwise.',
      resolve: (i) => i.openSince,
    }),
    overdue: t.exposeBoolean('overdue', { description: 'Whether the due day has passed.' }),
    severity: t.field({
      type: GapSeverityEnum,
      description: "How urgent: the gap rule's severity in this city, or by the due day.",
      resolve: (i) => i.severity,
    }),
    rule: t.field({ type: GapRuleIdEnum, nullable: true, description: 'For a gap: its rule.', resolve: (i) => i.ruleId }),
    owedBy: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'The agency that owes the step; null when it is you or your agency.',
      resolve: (i, _a, ctx) => (i.owedByAgencyId ? ctx.loaders.agency.load(i.owedByAgencyId) : null),
    }),
    otherAgency: t.field({
      type: AgencyRef,
      nullable: true,
      description:
        "The other agency: the sender or receiver of a referral, the requester's agency, or the agency of a notice of involvement.",
      resolve: (i, _a, ctx) => (i.otherAgencyId ? ctx.loaders.agency.load(i.otherAgencyId) : null),
    }),
    facility: t.field({
      type: FacilityRef,
      nullable: true,
      description: 'For shelter items: the facility.',
      resolve: (i, _a, ctx) => (i.facilityId ? ctx.loaders.facility.load(i.facilityId) : null),
    }),
    referral: t.field({
      type: ReferralRef,
      nullable: true,
      description: 'For referral items: the referral (only when the household is visible to you).',
      resolve: (i, _a, ctx) => (i.visible && i.kind.startsWith('REFERRAL_') ? ctx.loaders.referral.load(i.subjectId) : null),
    }),
    action: t.field({ type: WorklistActionEnum, description: 'The one action this item offers.', resolve: (i) => i.action }),
    stepKind: t.field({
      type: EventKindEnum,
      nullable: true,
      description: 'The step the action records, when it is one event.',
      resolve: (i) => i.stepKind as never,
    }),
    detail: t.string({
      nullable: true,
      description:
        'What the referral asks, the question asked, the reason for an access request, or the answer (ACCEPTED/REFUSED); null when the household is hidden.',
      resolve: (i) => (i.visible ? i.detail : null),
    }),
  }),
});

const WorklistCountRef = builder.objectRef<WorklistPage['counts'][number]>('WorklistCount').implement({
  description: 'Items of one kind on the worklist.',
  fields: (t) => ({
    kind: t.field({ type: WorklistItemKindEnum, description: 'Kind.', resolve: (c) => c.kind }),
    count: t.exposeInt('count', { description: 'Items of this kind.' }),
    overdue: t.exposeInt('overdue', { description: 'Of those, overdue.' }),
  }),
});

const WorklistPageInfoRef = builder
  .objectRef<{ start: number; end: number; hasNextPage: boolean; hasPreviousPage: boolean }>('WorklistPageInfo')
  .implement({
    description:
      'Where a worklist page sits: pass endCursor as `after` for the next page, startCursor as `before` (with `last`) for the previous one.',
    fields: (t) => ({
      hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether items follow.' }),
      hasPreviousPage: t.exposeBoolean('hasPreviousPage', { description: 'Whether items come before.' }),
      startCursor: t.string({
        nullable: true,
        description: 'Cursor of the first item.',
        resolve: (p) => (p.end > p.start ? encodeCursor(String(p.start)) : null),
      }),
      endCursor: t.string({
        nullable: true,
        description: 'Cursor of the last item.',
        resolve: (p) => (p.end > p.start ? encodeCursor(String(p.end - 1)) : null),
      }),
    }),
  });

const WorklistRef = builder.objectRef<WorklistPage & { items: ItemView[]; today: string }>('Worklist').implement({
  description: 'A page of the worklist with counts per kind.',
  fields: (t) => ({
    items: t.field({ type: [WorklistItemRef], description: 'The items of this page.', resolve: (w) => w.items }),
    totalCount: t.exposeInt('totalCount', { description: 'Items matching the filter, on all pages.' }),
    counts: t.field({
      type: [WorklistCountRef],
      description: 'Items per kind (before the kind filter, after overdueOnly).',
      resolve: (w) => w.counts,
    }),
    pageInfo: t.field({
      type: WorklistPageInfoRef,
      description: 'Cursors.',
      resolve: (w) => ({ start: w.start, end: w.start + w.items.length, hasNextPage: w.hasNextPage, hasPreviousPage: w.hasPreviousPage }),
    }),
    today: t.field({ type: 'Date', description: 'The day the worklist was made for.', resolve: (w) => w.today }),
  }),
});

const WorklistFilterInput = builder.inputType('WorklistFilter', {
  description: 'Which items to list.',
  fields: (t) => ({
    kinds: t.field({ type: [WorklistItemKindEnum], description: 'Only these kinds.' }),
    overdueOnly: t.boolean({ description: 'Only items past their due day.' }),
  }),
});

function position(cursor: string | null | undefined, name: string): number | null {
  const key = decodeCursor(cursor);
  if (key === null) return null;
  if (!/^\d{1,6}$/.test(key)) throw new ValidationError([{ path: [name], code: 'NOT_A_CURSOR' }]);
  return Number(key);
}

builder.queryField('worklist', (t) =>
  t.field({
    type: WorklistRef,
    description:
      "What you must do: coordinators the overdue and soon-due steps of their region (gaps, unanswered referrals, households without regie, access requests, break-glass uses to review); agency workers the referrals awaiting their agency's answer, the steps it owes and notices of involvement; shelter staff the applications and waiting-list entries without an outcome.",
    authScopes: { signedIn: true },
    args: {
      filter: t.arg({ type: WorklistFilterInput }),
      sort: t.arg({ type: WorklistSortEnum, description: 'Order (default DUE).' }),
      first: t.arg.int({ description: 'Page size, forward.' }),
      after: t.arg.string({ description: 'Items after this cursor.' }),
      last: t.arg.int({ description: 'Page size, backward (with `before`).' }),
      before: t.arg.string({ description: 'Items before this cursor.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      const backward = args.last != null;
      if (backward && args.first != null) throw new ValidationError([{ path: ['last'], code: 'FIRST_OR_LAST' }]);
      const size = pageSize(backward ? args.last : args.first);
      const today = dayOf(ctx.now());
      const horizon = addDays(today, WORKLIST_HORIZON_DAYS);
      const options = {
        kinds: args.filter?.kinds ?? null,
        overdueOnly: args.filter?.overdueOnly ?? false,
        sort: args.sort ?? 'DUE',
        size,
        after: position(args.after, 'after'),
        before: position(args.before, 'before'),
        backward,
        today,
      };
      let page: WorklistPage;
      if (viewer.role === 'COORDINATOR' && viewer.centrumgemeenteId) {
        const cityId = viewer.centrumgemeenteId;
        page = await pageFromStore('COORDINATOR', (query, place) => ctx.repos.worklist.coordinator(cityId, horizon, query, place), options);
      } else if (viewer.role === 'AGENCY_WORKER' && viewer.agencyId) {
        const agencyId = viewer.agencyId;
        const agency = await ctx.loaders.agency.load(agencyId);
        const answeredSince = addDays(today, -ANSWER_SHOWN_DAYS);
        page = await pageFromStore(
          'AGENCY_WORKER',
          (query, place) => ctx.repos.worklist.worker(agencyId, agency?.centrumgemeenteId ?? '', horizon, answeredSince, query, place),
          options,
        );
      } else if (viewer.role === 'SHELTER_STAFF' && viewer.agencyId) {
        // A shelter's open cases are worked out per household and facility in memory; they are bounded by its facilities.
        const [events, notices] = await ctx.repos.worklist.shelter(viewer.agencyId);
        page = pageOfWorklist([...shelterItems(events, today), ...itemsFromCandidates('SHELTER_STAFF', notices, today)], options);
      } else {
        throw refuse(ctx, `your role (${viewer.role}) has no worklist of households`, { action: 'READ' });
      }
      // The page's households go through the same batched, logged access decision as any household read.
      const households = [...new Set(page.items.map((i) => i.householdId))];
      const decisions = new Map(await Promise.all(households.map(async (id) => [id, (await ctx.access.household(id)).allowed] as const)));
      await ctx.access.log({
        action: 'SEARCH',
        searchTerms: `worklist ${viewer.role.toLowerCase()}`,
        outcome: 'ALLOWED',
        basis: `${page.items.length} of ${page.totalCount} items`,
      });
      return { ...page, today, items: page.items.map((i) => ({ ...i, visible: decisions.get(i.householdId) ?? false })) };
    },
  }),
);

const AcknowledgedNoticeRef = builder.objectRef<{ id: string }>('AcknowledgedNotice').implement({
  description: 'A notice of involvement marked as read.',
  fields: (t) => ({ id: t.exposeID('id', { description: 'The notice.' }) }),
});

builder.mutationField('acknowledgeInvolvementNotice', (t) =>
  t.field({
    type: AcknowledgedNoticeRef,
    description: "Mark a notice of involvement as read: it leaves your agency's worklist.",
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    args: { id: t.arg.id({ required: true, description: "The notice (the worklist item's subjectId)." }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx, ['AGENCY_WORKER', 'SHELTER_STAFF']);
      if (!viewer.agencyId) throw refuse(ctx, 'your account is not linked to an agency');
      const row = await ctx.repos.involvement.acknowledge(args.id, viewer.agencyId, viewer.accountId);
      if (!row) {
        ctx.access.logRefusal({ action: 'CHANGE', basis: `no open notice ${args.id} for agency ${viewer.agencyId}`, householdId: null });
        throw new NotFoundError('InvolvementNotice', args.id);
      }
      await ctx.access.log({
        action: 'CHANGE',
        householdId: row.householdId,
        outcome: 'ALLOWED',
        basis: `acknowledged notice of involvement ${row.id}`,
      });
      return { id: row.id };
    },
  }),
);
