// Consent and legal grounds for sharing, and the access log (toegangslog). Break-glass is in access/BreakGlass.ts.
import { z } from 'zod';
import { refinement, type ConsentMethod } from '@ketenkaart/schema';
import type { AccessLogRecord } from '../../repositories/access-repository.js';
import { afterHouseholdChange, refuse, requireHousehold, requireViewer, requireWriter } from '../authorization.js';
import type { Context } from '../../context.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { decodeCursor, encodeCursor, pageSize } from '../pagination.js';
import { parseInput } from '../results.js';
import { AccessActionEnum, AccessOutcomeEnum, ConsentMethodEnum, ConsentPurposeEnum, RoleEnum } from '../households/household-enums.js';
import { consentSchema } from '../households/registration.js';
import { isoDay, pastOrToday } from '../dates.js';

const errors = { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true as const };

interface ConsentView {
  id: string;
  householdId: string;
  method?: ConsentMethod;
  recordedByAccountId?: string;
  recordedByAgencyId?: string | null;
}

export const ConsentRef = builder.objectRef<ConsentView>('ConsentRecord').implement({
  description:
    'A recorded consent or legal ground (its id and household); for a consent just recorded, who recorded it and how it was given.',
  authScopes: (consent) => ({ householdVisible: consent.householdId }),
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    householdId: t.exposeID('householdId', { description: 'Household.' }),
    givenBy: t.string({
      nullable: true,
      description: 'Who gave the consent: FAMILY (a worker records a consent, never gives it).',
      resolve: (c) => (c.method ? 'FAMILY' : null),
    }),
    method: t.field({ type: ConsentMethodEnum, nullable: true, description: 'How the family gave it.', resolve: (c) => c.method ?? null }),
    recordedByAccountId: t.id({ nullable: true, description: 'Account that recorded it.', resolve: (c) => c.recordedByAccountId ?? null }),
    recordedByAgencyId: t.id({ nullable: true, description: 'Agency of that account.', resolve: (c) => c.recordedByAgencyId ?? null }),
  }),
});

const AccessLogEntryRef = builder.objectRef<AccessLogRecord>('AccessLogEntry').implement({
  description: 'One entry of the access log (in the spirit of NEN 7513): who did what, on which basis, with what outcome.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Entry id; entries are never changed or removed.' }),
    at: t.field({ type: 'DateTime', description: 'When (UTC).', resolve: (e) => e.at }),
    accountId: t.exposeID('accountId', { nullable: true, description: 'Account, when signed in.' }),
    username: t.string({ nullable: true, description: 'Username of the account (who).', resolve: (e) => e.username ?? null }),
    role: t.field({ type: RoleEnum, nullable: true, description: 'Role of the account.', resolve: (e) => e.role }),
    agencyId: t.exposeID('agencyId', { nullable: true, description: 'Agency of the account.' }),
    action: t.field({ type: AccessActionEnum, description: 'READ, SEARCH, CHANGE, EXPORT, IMPORT or LOGIN.', resolve: (e) => e.action }),
    operation: t.exposeString('operation', { description: 'Operation and root fields.' }),
    householdId: t.exposeID('householdId', { nullable: true, description: 'Household concerned.' }),
    householdReference: t.string({
      nullable: true,
      description: 'Reference of the household concerned (whom); administrators see no more of it.',
      resolve: (e) => e.householdReference ?? null,
    }),
    searchTerms: t.exposeString('searchTerms', { nullable: true, description: 'What was searched for.' }),
    basis: t.exposeString('basis', { nullable: true, description: 'Access path, stated reason, or why it was refused.' }),
    outcome: t.field({ type: AccessOutcomeEnum, description: 'Allowed or refused.', resolve: (e) => e.outcome }),
    breakGlass: t.exposeBoolean('breakGlass', { description: 'Emergency access, to be reviewed.' }),
    requestId: t.exposeString('requestId', { nullable: true, description: 'Request id, to find the request in server logs.' }),
  }),
});

const AccessLogPageRef = builder.objectRef<{ entries: AccessLogRecord[]; hasNextPage: boolean }>('AccessLogPage').implement({
  description: 'A page of the access log, newest first.',
  fields: (t) => ({
    entries: t.field({ type: [AccessLogEntryRef], description: 'Entries.', resolve: (p) => p.entries }),
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'Whether older entries follow.' }),
    endCursor: t.string({
      nullable: true,
      description: 'Pass as `after` for older entries.',
      resolve: (p) => (p.entries.at(-1) ? encodeCursor(p.entries.at(-1)!.id) : null),
    }),
  }),
});

builder.mutationFields((t) => ({
  recordConsent: t.field({
    type: ConsentRef,
    description: 'Record consent (toestemming) the household gave to share its data with named agencies.',
    errors,
    args: {
      householdId: t.arg.id({ required: true }),
      purpose: t.arg({ type: ConsentPurposeEnum, required: true }),
      recipientAgencyIds: t.arg.idList({ required: true }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
      method: t.arg({ type: ConsentMethodEnum, required: true, description: 'How the family gave it.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const consent = parseInput(consentSchema, {
        purpose: args.purpose,
        recipientAgencyIds: args.recipientAgencyIds.map(String),
        from: args.from,
        to: args.to,
        method: args.method,
      });
      const householdId = args.householdId;
      await requireHousehold(ctx, householdId, { createsAccess: true });
      // Decided again inside the write, after the household's lock: the recorder needs access of its own (for an
      // agency worker: a care relation), not a break-glass grant, at the moment the consent is written.
      const recorded = await ctx.repos.access.addConsent(
        { householdId, ...consent },
        { accountId: viewer.accountId, agencyId: viewer.agencyId },
        (facts) => {
          const decision = ctx.access.decide(facts);
          if (!decision.allowed) return decision.missing;
          return decision.breakGlass ? 'a consent cannot be recorded under break-glass' : null;
        },
      );
      if (!recorded.ok) throw refuse(ctx, recorded.reason, { householdId });
      await ctx.access.log({
        action: 'CHANGE',
        householdId,
        outcome: 'ALLOWED',
        basis: `recorded consent ${recorded.value} (${consent.method.toLowerCase()})`,
      });
      return {
        id: recorded.value,
        householdId,
        method: consent.method,
        recordedByAccountId: viewer.accountId,
        recordedByAgencyId: viewer.agencyId,
      };
    },
  }),
  withdrawConsent: t.field({
    type: ConsentRef,
    description: 'Record that the household withdrew a consent; from that day it no longer allows access.',
    errors,
    args: { consentId: t.arg.id({ required: true }), on: t.arg({ type: 'Date', required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const on = parseInput(isoDay.pipe(pastOrToday), args.on, 'on');
      const consent = await ctx.repos.access.consentById(args.consentId);
      if (!consent) throw refuseUnknownConsent(ctx, viewer.accountId);
      await requireHousehold(ctx, consent.householdId);
      if (consent.withdrawnOn)
        throw new ValidationError([{ path: ['consentId'], code: 'ALREADY_WITHDRAWN', params: { date: consent.withdrawnOn } }]);
      await ctx.repos.access.withdrawConsent(consent.id, on, viewer.accountId);
      await afterHouseholdChange(ctx, consent.householdId, `withdrew consent ${consent.id}`);
      return { id: consent.id, householdId: consent.householdId };
    },
  }),
  recordLegalGround: t.field({
    type: ConsentRef,
    description: 'Record a legal ground other than consent (statutory task, court order) that allows named agencies access.',
    errors,
    args: {
      householdId: t.arg.id({ required: true }),
      basis: t.arg.string({ required: true, description: 'The ground, e.g. the statutory task and article.' }),
      agencyIds: t.arg.idList({ required: true }),
      from: t.arg({ type: 'Date', required: true }),
      to: t.arg({ type: 'Date', required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx, ['COORDINATOR']);
      const input = parseInput(
        z
          .object({
            basis: z.string().trim().min(3).max(500),
            agencyIds: z.array(z.string().min(1).max(120)).min(1).max(30),
            from: isoDay,
            to: isoDay,
          })
          .refine((g) => g.from <= g.to, refinement('BEFORE_OTHER_DATE', { path: ['to'], values: { other: 'from' } })),
        { basis: args.basis, agencyIds: args.agencyIds.map(String), from: args.from, to: args.to },
      );
      const householdId = args.householdId;
      await requireHousehold(ctx, householdId, { createsAccess: true });
      const id = await ctx.repos.access.addLegalGround({ householdId, ...input }, viewer.accountId);
      await ctx.access.log({ action: 'CHANGE', householdId, outcome: 'ALLOWED', basis: `recorded legal ground ${id}` });
      return { id, householdId };
    },
  }),
}));

builder.queryFields((t) => ({
  accessLog: t.field({
    type: AccessLogPageRef,
    description: 'The access log, newest first (administrators). Filter by household, account, period, outcome or break-glass entries.',
    authScopes: { role: 'ADMIN' },
    args: {
      householdId: t.arg.id({ description: 'Only entries about this household, by its id.' }),
      household: t.arg.string({
        description:
          'Only entries about this household, by the reference the log shows (case, spaces and - . _ / do not matter) or by its id.',
      }),
      accountId: t.arg.id(),
      breakGlass: t.arg.boolean({ description: 'Only emergency accesses, for review.' }),
      outcome: t.arg({ type: AccessOutcomeEnum, description: 'Only allowed or only refused attempts.' }),
      from: t.arg({ type: 'Date', description: 'From this day (inclusive).' }),
      to: t.arg({ type: 'Date', description: 'To this day (inclusive).' }),
      first: t.arg.int(),
      after: t.arg.string(),
    },
    resolve: async (_root, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.repos.access.log(
        {
          householdId: args.householdId ? args.householdId : null,
          household: args.household ? args.household.slice(0, 120) : null,
          accountId: args.accountId ? args.accountId : null,
          breakGlass: args.breakGlass ?? null,
          outcome: args.outcome ?? null,
          from: args.from ?? null,
          to: args.to ?? null,
        },
        first,
        decodeCursor(args.after),
      );
      return { entries: rows.slice(0, first), hasNextPage: rows.length > first };
    },
  }),
  householdAccessLog: t.field({
    type: AccessLogPageRef,
    description: 'For the household itself: who accessed its data, when and on which basis. Its coordinator can print this for the family.',
    errors: { types: [NotFoundError, ForbiddenError], directResult: true },
    args: { householdId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const viewer = requireViewer(ctx);
      if (viewer.role !== 'COORDINATOR') throw refuse(ctx, 'the household coordinator prints this list', {}, 'ROLE_NOT_ALLOWED');
      await requireHousehold(ctx, args.householdId);
      const first = pageSize(args.first);
      const rows = await ctx.repos.access.log({ householdId: args.householdId }, first, decodeCursor(args.after));
      await ctx.access.log({ action: 'EXPORT', householdId: args.householdId, outcome: 'ALLOWED', basis: 'access list for the family' });
      return { entries: rows.slice(0, first), hasNextPage: rows.length > first };
    },
  }),
}));

/**
 * An unknown consent id gets the refusal someone else's consent gets (that for a household that is not the
 * viewer's), so that no answer tells whether a consent exists; the access log keeps the difference, and the
 * attempt counts as a refused lookup like one for a household.
 */
function refuseUnknownConsent(ctx: Context, accountId: string): ForbiddenError {
  const asIfNotYours = ctx.access.decide(undefined);
  ctx.limits.refusedLookups.hit(accountId);
  ctx.access.logRefusal({ action: 'CHANGE', basis: 'the consent does not exist', householdId: null });
  return asIfNotYours.allowed ? new ForbiddenError('no access') : new ForbiddenError(asIfNotYours.missing, asIfNotYours.reasonCode);
}
