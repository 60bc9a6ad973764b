// Recording and correcting dated events (signals, court steps, evictions, shelter steps, rehousing, contacts).
import type { InputFieldBuilder } from '@pothos/core';
import { z } from 'zod';
import { EventDetails, RecordableEventKind } from '@ketenkaart/schema';
import { actingAgency, actorOf, afterHouseholdChange, requireHousehold, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, StepOrderError, ValidationError } from '../errors.js';
import { parseInput, unwrap } from '../results.js';
import { EventRef } from './Household.js';
import {
  DestinationEnum,
  RecordableEventKindEnum,
  RefusalReasonEnum,
  RehousingKindEnum,
  VerdictKindEnum,
  WaitingListOutcomeEnum,
} from './household-enums.js';
import { pastOrToday, plausibleDay } from '../dates.js';

const eventFields = (t: InputFieldBuilder<typeof builder.$inferSchemaTypes, 'InputObject'>, withKind: boolean) => ({
  ...(withKind
    ? {
        householdId: t.id({ required: true, description: 'Household.' }),
        kind: t.field({ type: RecordableEventKindEnum, required: true, description: 'What happened.' }),
      }
    : {}),
  occurredOn: t.field({ type: 'Date', required: true, description: 'Day it happened.' }),
  agencyId: t.id({ description: 'Agency that acted; defaults to your own. Coordinators name it.' }),
  facilityId: t.id({ description: 'Facility, for shelter steps.' }),
  arrearsMonths: t.float({ description: 'Months of rent arrears, for a signal.' }),
  refusalReason: t.field({ type: RefusalReasonEnum, description: 'Reason code, for a refusal.' }),
  verdictKind: t.field({ type: VerdictKindEnum, description: 'Outcome, for a verdict.' }),
  waitingListOutcome: t.field({ type: WaitingListOutcomeEnum, description: 'Outcome, for a waiting-list exit.' }),
  rehousingKind: t.field({ type: RehousingKindEnum, description: 'Kind, for rehousing.' }),
  destination: t.field({ type: DestinationEnum, description: 'Where the household went, for an eviction, refusal or shelter exit.' }),
  priority: t.int({ description: 'Waiting-list priority, 1 (highest) to 5.' }),
  note: t.string({ description: 'Free text; no names or BSN.' }),
  followsFromIds: t.idList({ description: 'Events this step was taken because of (signal -> referral -> intake).' }),
});

const RecordEventInput = builder.inputType('RecordEventInput', {
  description: 'A dated event. Which details a kind needs is checked (a refusal needs a reason, a placement a facility).',
  fields: (t) => eventFields(t, true),
});

const CorrectEventInput = builder.inputType('CorrectEventInput', {
  description: 'The corrected version of an event: all its details again, as they should have been recorded.',
  fields: (t) => eventFields(t, false),
});

const detailsSchema = {
  occurredOn: plausibleDay.pipe(pastOrToday),
  agencyId: z.string().min(1).max(120).nullish(),
  ...EventDetails.shape,
  followsFromIds: z
    .array(z.string().min(1).max(120))
    .max(10)
    .nullish()
    .transform((ids) => ids ?? []),
};
const recordSchema = z.object({ householdId: z.string().min(1).max(120), kind: RecordableEventKind, ...detailsSchema });
const correctSchema = z.object(detailsSchema);

builder.mutationFields((t) => ({
  recordEvent: t.field({
    type: EventRef,
    description:
      'Record a dated event: early-warning signal, interim/feedback report, contact, home visit, debt arrangement, summons, verdict, eviction planned/executed/cancelled, shelter application, waiting-list entry/exit, refusal, placement, shelter exit, rehousing, follow-up contact or lost contact.',
    errors: { types: [ValidationError, NotFoundError, ForbiddenError, StepOrderError], directResult: true },
    args: { input: t.arg({ type: RecordEventInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const input = parseInput(recordSchema, args.input);
      await requireHousehold(ctx, input.householdId, { createsAccess: true });
      const agencyId = actingAgency(ctx, viewer, input.agencyId);
      const event = unwrap(await ctx.repos.events.recordEvent({ ...input, agencyId }, actorOf(viewer)));
      await afterHouseholdChange(ctx, input.householdId, `recorded ${input.kind}`, { kind: 'EVENT_RECORDED', eventId: event.id });
      return event;
    },
  }),
  correctEvent: t.field({
    type: EventRef,
    description: 'Correct a recorded event: the correction is a new event that supersedes the old one, which stays for the record.',
    errors: { types: [ValidationError, NotFoundError, ForbiddenError, StepOrderError], directResult: true },
    args: {
      eventId: t.arg.id({ required: true, description: 'The event to correct.' }),
      input: t.arg({ type: CorrectEventInput, required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const input = parseInput(correctSchema, args.input);
      const events = await ctx.repos.events.eventsById([args.eventId]);
      const original = events[0];
      if (!original) throw new NotFoundError('Event', args.eventId);
      await requireHousehold(ctx, original.householdId, { createsAccess: true });
      const agencyId = actingAgency(ctx, viewer, input.agencyId);
      const event = unwrap(await ctx.repos.events.correctEvent(args.eventId, { ...input, agencyId }, actorOf(viewer)));
      await afterHouseholdChange(ctx, original.householdId, `corrected ${original.id}`, { kind: 'EVENT_CORRECTED', eventId: event.id });
      return event;
    },
  }),
}));
