// Ask for access (toegangsverzoek): a worker without a care relation asks the region's coordinator, who grants it
// for a few hours (flagged and logged like break-glass, for reading only) or declines it.
import { z } from 'zod';
import type { AccessRequestRecord } from '../../repositories/access-request-repository.js';
import { MAX_GRANT_HOURS } from '../../repositories/access-request-repository.js';
import { refuse, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, InvalidTransitionError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput, unwrap } from '../results.js';

const AccessRequestStatusEnum = builder.enumType('AccessRequestStatus', {
  description: 'Where a request for access stands.',
  values: {
    PENDING: { description: 'Waiting for the coordinator.' },
    GRANTED: { description: 'Granted until `until`.' },
    DECLINED: { description: 'Declined.' },
  },
});

// No household data on this type: the requester may not see the household, and the coordinator sees it on the worklist.
const AccessRequestRef = builder.objectRef<AccessRequestRecord>('AccessRequest').implement({
  description: 'A request for access to one household, to the coordinator of its region.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    status: t.field({ type: AccessRequestStatusEnum, description: 'Pending, granted or declined.', resolve: (r) => r.status }),
    requestedAt: t.field({ type: 'DateTime', description: 'When it was sent.', resolve: (r) => r.requestedAt }),
    until: t.field({ type: 'DateTime', nullable: true, description: 'When granted: the end of the access.', resolve: (r) => r.until }),
  }),
});

const errors = { types: [ValidationError, NotFoundError, ForbiddenError, InvalidTransitionError], directResult: true as const };

builder.mutationFields((t) => ({
  requestAccess: t.field({
    type: AccessRequestRef,
    description: "Ask the coordinator of the household's region for access, with the reason you need it.",
    errors,
    args: {
      householdId: t.arg.id({ required: true, description: 'The household you were refused.' }),
      reason: t.arg.string({ required: true, description: 'Why you need access (at least 20 characters).' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx, ['AGENCY_WORKER', 'SHELTER_STAFF']);
      const reason = parseInput(z.string().trim().min(20, 'state the reason in at least 20 characters').max(1000), args.reason, 'reason');
      const householdId = args.householdId;
      // The same decision as a read, logged: it says whether a request is needed at all. An id that names no
      // household is refused alike and its request kept alike (shown to nobody): the answer is no existence oracle,
      // and the limit on open requests bounds how many ids one account can try.
      const decision = await ctx.access.household(householdId);
      if (decision.allowed) throw new ValidationError([{ path: ['householdId'], code: 'ALREADY_HAS_ACCESS' }]);
      const request = unwrap(
        await ctx.repos.accessRequests.request({ householdId, accountId: viewer.accountId, agencyId: viewer.agencyId, reason }),
      );
      await ctx.access.log({
        action: 'CHANGE',
        householdId,
        outcome: 'ALLOWED',
        basis: `asked the coordinator for access (${request.id}): ${reason}`,
      });
      return request;
    },
  }),
  decideAccessRequest: t.field({
    type: AccessRequestRef,
    description: `Grant a request for access in your region for some hours (at most ${MAX_GRANT_HOURS}; for reading only, flagged like break-glass), or decline it.`,
    errors,
    args: {
      id: t.arg.id({ required: true, description: 'The request.' }),
      grant: t.arg.boolean({ required: true, description: 'True to grant, false to decline.' }),
      hours: t.arg.int({ description: `Hours of access when granted (default 24, at most ${MAX_GRANT_HOURS}).` }),
      note: t.arg.string({ description: 'Why (optional), for the log.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx, ['COORDINATOR']);
      if (!viewer.centrumgemeenteId) throw refuse(ctx, 'your account is not linked to a region');
      const input = parseInput(
        z.object({
          hours: z
            .number()
            .int()
            .min(1)
            .max(MAX_GRANT_HOURS)
            .nullish()
            .transform((h) => h ?? 24),
          note: z.string().trim().max(500).nullish(),
        }),
        { hours: args.hours, note: args.note },
        'input',
      );
      const decided = await ctx.repos.accessRequests.decide({
        id: args.id,
        cityId: viewer.centrumgemeenteId,
        coordinatorId: viewer.accountId,
        grant: args.grant,
        hours: input.hours,
        note: input.note ?? null,
      });
      if (!decided.ok && decided.failure.kind === 'FORBIDDEN') throw refuse(ctx, decided.failure.reason);
      if (!decided.ok && decided.failure.kind === 'NOT_FOUND')
        ctx.access.logRefusal({
          action: 'CHANGE',
          basis: `no request ${args.id} in region ${viewer.centrumgemeenteId}`,
          householdId: null,
        });
      const request = unwrap(decided);
      await ctx.access.log({
        action: 'CHANGE',
        householdId: request.householdId,
        outcome: 'ALLOWED',
        basis: args.grant
          ? `granted access request ${request.id} to account ${request.accountId} until ${request.until}`
          : `declined access request ${request.id}`,
      });
      return request;
    },
  }),
}));
