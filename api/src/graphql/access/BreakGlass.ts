// Break-glass (noodtoegang): a time-bound read of last resort on one household, flagged in the access log, and
// each use reported to the coordinator of the household's region for review (NEN 7513; how hospital EHRs do it).
import { z } from 'zod';
import { refinement } from '@ketenkaart/schema';
import type { BreakGlassUse } from '../../repositories/access-repository.js';
import { refuse, requireViewer, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { ConsentRef } from './consent.js';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { parseInput } from '../results.js';
import { AgencyRef } from '../reference/Agency.js';
import { AccessActionEnum, AccessOutcomeEnum } from '../households/household-enums.js';

/** Hours a grant runs. Long enough for one night's emergency; after it, access rests on relations again. */
export const BREAK_GLASS_HOURS = 24;
/** Log actions that read; the rest (CHANGE, IMPORT) write. */
const READ_ACTIONS = new Set(['READ', 'SEARCH', 'EXPORT']);

const BreakGlassActionRef = builder.objectRef<BreakGlassUse['actions'][number]>('BreakGlassAction').implement({
  description: 'A read or write made under a break-glass grant, from the access log.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', description: 'When (UTC).', resolve: (a) => a.at }),
    action: t.field({ type: AccessActionEnum, description: 'What was done.', resolve: (a) => a.action }),
    operation: t.exposeString('operation', { description: 'Operation and root fields.' }),
    outcome: t.field({ type: AccessOutcomeEnum, description: 'Allowed or refused.', resolve: (a) => a.outcome }),
  }),
});

const BreakGlassUseRef = builder.objectRef<BreakGlassUse>('BreakGlassUse').implement({
  description: "One use of break-glass on a household of the coordinator's region: who, why, what was read and written, and its review.",
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Grant id.' }),
    reason: t.exposeString('reason', { description: 'The reason the worker stated (for a grant on request: the reason in the request).' }),
    accountId: t.exposeID('accountId', { description: 'Account that broke the glass.' }),
    accountName: t.exposeString('accountName', { nullable: true, description: 'Username of that account.' }),
    grantedByName: t.exposeString('grantedByName', {
      nullable: true,
      description: 'For access granted on request (toegangsverzoek): username of the coordinator who granted it; null for break-glass.',
    }),
    agency: t.field({
      type: AgencyRef,
      nullable: true,
      description: 'Agency of that account.',
      resolve: (u, _a, ctx) => (u.agencyId ? ctx.loaders.agency.load(u.agencyId) : null),
    }),
    householdId: t.exposeID('householdId', { description: 'Household opened.' }),
    householdReference: t.exposeString('householdReference', { description: 'Its reference in the region (never a name).' }),
    startedAt: t.field({ type: 'DateTime', description: 'When the grant started.', resolve: (u) => u.startedAt }),
    expiresAt: t.field({ type: 'DateTime', description: 'When it ends (or ended).', resolve: (u) => u.expiresAt }),
    reads: t.int({
      description: 'Reads made under it (reads, searches, exports).',
      resolve: (u) => u.actions.filter((a) => READ_ACTIONS.has(a.action)).length,
    }),
    writes: t.int({
      description: 'Changes made or attempted under it.',
      resolve: (u) => u.actions.filter((a) => !READ_ACTIONS.has(a.action)).length,
    }),
    actions: t.field({
      type: [BreakGlassActionRef],
      description: 'The reads and writes, oldest first.',
      resolve: (u) => [...u.actions].sort((x, y) => x.at.localeCompare(y.at)),
    }),
    reviewed: t.exposeBoolean('reviewed', { description: 'Whether a coordinator reviewed it.' }),
    reviewedBy: t.exposeID('reviewedBy', { nullable: true, description: 'Coordinator account that reviewed it.' }),
    reviewedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was reviewed.', resolve: (u) => u.reviewedAt }),
    reviewNote: t.exposeString('reviewNote', { nullable: true, description: "The reviewer's note." }),
  }),
});

const BreakGlassUsePageRef = builder.objectRef<{ uses: BreakGlassUse[]; hasNextPage: boolean }>('BreakGlassUsePage').implement({
  description: 'A page of break-glass uses, newest first.',
  fields: (t) => ({
    uses: t.field({ type: [BreakGlassUseRef], description: 'Uses.', resolve: (p) => p.uses }),
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether older uses follow.' }),
    endCursor: t.string({
      nullable: true,
      description: 'Pass as `after` for older uses.',
      resolve: (p) => (p.uses.at(-1) ? encodeCursor(p.uses.at(-1)!.id) : null),
    }),
  }),
});

/** The coordinator's region; anyone else is refused (and logged). */
function reviewerRegion(ctx: Parameters<typeof requireViewer>[0]): string {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'COORDINATOR' || !viewer.centrumgemeenteId)
    throw refuse(ctx, 'break-glass uses are reviewed by the coordinator of the region', {}, 'BREAK_GLASS_REVIEW_BY_COORDINATOR');
  return viewer.centrumgemeenteId;
}

builder.queryFields((t) => ({
  breakGlassUses: t.field({
    type: BreakGlassUsePageRef,
    description: 'Break-glass uses on households of your region, for review (coordinators). Filter on reviewed or not.',
    errors: { types: [ForbiddenError], directResult: true },
    args: {
      reviewed: t.arg.boolean({ description: 'Only reviewed (true) or only open (false) uses.' }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const cityId = reviewerRegion(ctx);
      const first = pageSize(args.first);
      const rows = await ctx.repos.access.breakGlassUses({ cityId, reviewed: args.reviewed ?? null }, first, decodeCursor(args.after));
      const uses = rows.slice(0, first);
      await ctx.access.log({
        action: 'SEARCH',
        outcome: 'ALLOWED',
        searchTerms: `break-glass uses${args.reviewed === undefined || args.reviewed === null ? '' : args.reviewed ? ', reviewed' : ', open'}`,
        basis: `${uses.length} uses in ${cityId}`,
      });
      return { uses, hasNextPage: rows.length > first };
    },
  }),
}));

builder.mutationFields((t) => ({
  breakGlassAccess: t.field({
    type: ConsentRef,
    description: `Emergency access (break-glass) to one household for ${BREAK_GLASS_HOURS} hours, with a stated reason: a read of last resort, flagged and reported to the coordinator of its region. Agency workers: households of their own region; coordinators: any region (a family can turn up in another region's night).`,
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: { householdId: t.arg.id({ required: true }), reason: t.arg.string({ required: true, description: 'Why access cannot wait.' }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx, ['COORDINATOR', 'AGENCY_WORKER']);
      const reason = parseInput(z.string().trim().min(20, 'state the reason in at least 20 characters').max(1000), args.reason, 'reason');
      const householdId = args.householdId;
      const ownRegion =
        viewer.role === 'AGENCY_WORKER' ? ((await ctx.loaders.agency.load(viewer.agencyId ?? ''))?.centrumgemeenteId ?? null) : null;
      // One answer for a household that does not exist and one outside the region: no existence oracle.
      const refusal = 'break-glass opens households of your own region only, and no household of your region has this id';
      const granted = await ctx.repos.access.breakGlass(
        householdId,
        { accountId: viewer.accountId, agencyId: viewer.agencyId },
        reason,
        BREAK_GLASS_HOURS,
        (household) => {
          if (!household) return refusal;
          if (viewer.role === 'AGENCY_WORKER' && household.cityId !== ownRegion) return refusal;
          return null;
        },
      );
      if (!granted.ok) throw refuse(ctx, granted.reason, { action: 'READ', householdId }, 'BREAK_GLASS_OWN_REGION');
      await ctx.access.log({
        action: 'READ',
        householdId,
        outcome: 'ALLOWED',
        breakGlass: true,
        basis: `break-glass ${granted.value.id} until ${granted.value.expiresAt}: ${reason}`,
      });
      return { id: granted.value.id, householdId };
    },
  }),
  reviewBreakGlassUse: t.field({
    type: BreakGlassUseRef,
    description: 'Mark a break-glass use of your region reviewed, with a note on what the review found (coordinators).',
    errors: { types: [ValidationError, ForbiddenError], directResult: true },
    args: { id: t.arg.id({ required: true }), note: t.arg.string({ description: 'What the review found; no names. Required.' }) },
    resolve: async (_root, args, ctx) => {
      requireWriter(ctx, ['COORDINATOR']);
      const cityId = reviewerRegion(ctx);
      // A review says what it found: a use marked reviewed without a word is no review (NEN 7513).
      const note = parseInput(
        z
          .string()
          .trim()
          .max(2000)
          .refine((v) => v !== '', refinement('REVIEW_NOTE_NEEDED')),
        args.note ?? '',
        'note',
      );
      const id = args.id;
      const reviewed = await ctx.repos.access.reviewBreakGlassUse(id, { accountId: ctx.viewer!.accountId, cityId }, note);
      if (!reviewed.ok && reviewed.reason === 'ALREADY_REVIEWED') throw new ValidationError([{ path: ['id'], code: 'ALREADY_REVIEWED' }]);
      if (!reviewed.ok) throw refuse(ctx, 'no break-glass use of your region has this id');
      const [use] = await ctx.repos.access.breakGlassUses({ cityId, reviewed: null, ids: [id] }, 1, null);
      await ctx.access.log({ action: 'CHANGE', householdId: use!.householdId, outcome: 'ALLOWED', basis: `reviewed break-glass ${id}` });
      return use!;
    },
  }),
}));
