// Referrals (verwijzingen) between agencies and their lifecycle: accept, refuse, complete, withdraw, expire.
import { z } from 'zod';
import { RefusalReason, type ReferralAction } from '@ketenkaart/schema';
import { actingAgency, actorOf, afterHouseholdChange, requireHousehold, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, InvalidTransitionError, NotFoundError, StepOrderError, ValidationError } from '../errors.js';
import { parseInput, unwrap } from '../results.js';
import { ReferralRef } from './Household.js';
import { RefusalReasonEnum } from './household-enums.js';
import { pastOrToday, plausibleDay } from '../dates.js';

const SendReferralInput = builder.inputType('SendReferralInput', {
  description: 'A referral from one agency to another for a household.',
  fields: (t) => ({
    householdId: t.id({ required: true, description: 'Household.' }),
    fromAgencyId: t.id({ description: 'Referring agency; defaults to your own. Coordinators name it.' }),
    toAgencyId: t.id({ required: true, description: 'Receiving agency.' }),
    purpose: t.string({ required: true, description: 'What you ask the receiving agency to do.' }),
    sentOn: t.field({ type: 'Date', required: true, description: 'Day sent.' }),
    respondWithinDays: t.int({
      description: 'Days the receiver has to accept or refuse (default 14, the first feedback deadline of Vroeg Eropaf).',
    }),
    followsFromIds: t.idList({ description: 'Events this referral follows from (e.g. the signal).' }),
  }),
});

const sendSchema = z.object({
  householdId: z.string().min(1).max(120),
  fromAgencyId: z.string().min(1).max(120).nullish(),
  toAgencyId: z.string().min(1).max(120),
  purpose: z.string().trim().min(3).max(500),
  sentOn: plausibleDay.pipe(pastOrToday),
  respondWithinDays: z
    .number()
    .int()
    .min(1)
    .max(180)
    .nullish()
    .transform((v) => v ?? 14),
  followsFromIds: z
    .array(z.string().min(1).max(120))
    .max(10)
    .nullish()
    .transform((v) => v ?? []),
});

const stepSchema = z.object({
  on: plausibleDay.pipe(pastOrToday),
  refusalReason: RefusalReason.nullish(),
  refusalText: z.string().trim().max(2000).nullish(),
  message: z.string().trim().min(3).max(2000).nullish(),
});

const errors = {
  types: [ValidationError, NotFoundError, ForbiddenError, InvalidTransitionError, StepOrderError],
  directResult: true as const,
};

function referralStep(action: ReferralAction, description: string, name = `${action.toLowerCase()}Referral`) {
  return builder.mutationField(name, (t) =>
    t.field({
      type: ReferralRef,
      description,
      errors,
      args: {
        id: t.arg.id({ required: true, description: 'Referral.' }),
        on: t.arg({ type: 'Date', required: true, description: 'Day of this step.' }),
        ...(action === 'REFUSE'
          ? {
              refusalReason: t.arg({ type: RefusalReasonEnum, required: true, description: 'Reason code.' }),
              refusalText: t.arg.string({ description: 'Explanation, and the alternative offered if any.' }),
            }
          : {}),
        ...(action === 'REQUEST_INFO' || action === 'PROVIDE_INFO'
          ? {
              message: t.arg.string({
                required: true,
                description: action === 'REQUEST_INFO' ? 'The information you need before you answer.' : 'The information asked for.',
              }),
            }
          : {}),
      },
      resolve: async (_root, args, ctx) => {
        const viewer = requireWriter(ctx);
        const input = parseInput(stepSchema, args, 'input');
        const [referral] = await ctx.repos.referrals.referralsByIds([args.id]);
        if (!referral) throw new NotFoundError('Referral', args.id);
        await requireHousehold(ctx, referral.householdId, { createsAccess: true });
        const actor = viewer.role === 'COORDINATOR' ? { ...actorOf(viewer), agencyId: null } : actorOf(viewer);
        const result = unwrap(await ctx.repos.referrals.moveReferral(args.id, action, input, actor));
        await afterHouseholdChange(ctx, referral.householdId, `${name} ${referral.id}`, { kind: 'REFERRAL_ANSWERED' });
        return result;
      },
    }),
  );
}

builder.mutationFields((t) => ({
  sendReferral: t.field({
    type: ReferralRef,
    description: 'Send a referral (verwijzing) to another agency; it must be accepted or refused within the response time.',
    errors: { types: [ValidationError, NotFoundError, ForbiddenError, StepOrderError], directResult: true },
    args: { input: t.arg({ type: SendReferralInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const input = parseInput(sendSchema, args.input);
      await requireHousehold(ctx, input.householdId, { createsAccess: true });
      const fromAgencyId = actingAgency(ctx, viewer, input.fromAgencyId);
      if (!fromAgencyId) throw new ValidationError([{ path: ['input', 'fromAgencyId'], code: 'AGENCY_NEEDED' }]);
      const referral = unwrap(await ctx.repos.referrals.sendReferral({ ...input, fromAgencyId }, actorOf(viewer)));
      await afterHouseholdChange(ctx, input.householdId, `sent referral ${referral.id}`, { kind: 'REFERRAL_SENT' });
      return referral;
    },
  }),
}));

referralStep('ACCEPT', 'Accept a referral sent to your agency (the receiving agency).');
referralStep('REFUSE', 'Refuse a referral sent to your agency, with a reason code and, where there is one, the alternative offered.');
referralStep(
  'REQUEST_INFO',
  'Ask the referring agency for more information before you accept or refuse (the receiving agency).',
  'requestReferralInfo',
);
referralStep(
  'PROVIDE_INFO',
  'Give the information the receiving agency asked for; its response term starts again (the referring agency).',
  'provideReferralInfo',
);
referralStep('COMPLETE', 'Complete an accepted referral (the receiving agency).');
referralStep('WITHDRAW', 'Withdraw a referral your agency sent.');
referralStep('EXPIRE', 'Mark a referral as expired: nobody answered by its respond-by date.');
