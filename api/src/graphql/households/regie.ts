// Taking and handing over regie over a household at a chain stage (regie, overdracht).
import { z } from 'zod';
import { ChainState } from '@ketenkaart/schema';
import { actingAgency, actorOf, afterHouseholdChange, requireHousehold, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, StepOrderError, ValidationError } from '../errors.js';
import { parseInput, unwrap } from '../results.js';
import { RegieRef } from './Household.js';
import { ChainStateEnum } from './household-enums.js';
import { pastOrToday, plausibleDay } from '../dates.js';

const errors = { types: [ValidationError, NotFoundError, ForbiddenError, StepOrderError], directResult: true as const };

builder.mutationFields((t) => ({
  takeRegie: t.field({
    type: RegieRef,
    description: 'Take regie over a household at a stage. Refused while another agency holds it there: hand it over instead.',
    errors,
    args: {
      householdId: t.arg.id({ required: true }),
      stage: t.arg({ type: ChainStateEnum, required: true, description: 'Chain stage.' }),
      agencyId: t.arg.id({ description: 'Agency taking regie; defaults to your own. Coordinators name it.' }),
      from: t.arg({ type: 'Date', required: true, description: 'First day.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const input = parseInput(
        z.object({ householdId: z.string().min(1).max(120), stage: ChainState, from: plausibleDay.pipe(pastOrToday) }),
        { householdId: args.householdId, stage: args.stage, from: args.from },
      );
      await requireHousehold(ctx, input.householdId, { createsAccess: true });
      const agencyId = actingAgency(ctx, viewer, args.agencyId ? args.agencyId : null);
      if (!agencyId) throw new ValidationError([{ path: ['agencyId'], code: 'AGENCY_NEEDED' }]);
      const regie = unwrap(await ctx.repos.regie.takeRegie(input.householdId, agencyId, input.stage, input.from, actorOf(viewer)));
      await afterHouseholdChange(ctx, input.householdId, `took regie at ${input.stage}`, { kind: 'REGIE_TAKEN' });
      return regie;
    },
  }),
  handOverRegie: t.field({
    type: RegieRef,
    description: 'Hand regie over to another agency (overdracht), e.g. from Vangnet en Advies to the shelter at placement.',
    errors,
    args: {
      householdId: t.arg.id({ required: true }),
      stage: t.arg({ type: ChainStateEnum, required: true, description: 'Stage of the regie handed over.' }),
      toAgencyId: t.arg.id({ required: true, description: 'Agency taking over.' }),
      toStage: t.arg({ type: ChainStateEnum, description: 'Stage the new holder takes regie for (default: the same).' }),
      on: t.arg({ type: 'Date', required: true, description: 'Day of the handover.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const input = parseInput(
        z.object({
          householdId: z.string().min(1).max(120),
          stage: ChainState,
          toStage: ChainState,
          toAgencyId: z.string().min(1).max(120),
          on: plausibleDay.pipe(pastOrToday),
        }),
        { householdId: args.householdId, stage: args.stage, toStage: args.toStage ?? args.stage, toAgencyId: args.toAgencyId, on: args.on },
      );
      await requireHousehold(ctx, input.householdId, { createsAccess: true });
      const actor = viewer.role === 'COORDINATOR' ? { ...actorOf(viewer), agencyId: null } : actorOf(viewer);
      const regie = unwrap(
        await ctx.repos.regie.handOverRegie(input.householdId, input.stage, input.toAgencyId, input.toStage, input.on, actor),
      );
      await afterHouseholdChange(ctx, input.householdId, `handed regie over to ${input.toAgencyId}`, { kind: 'REGIE_HANDED_OVER' });
      return regie;
    },
  }),
}));
