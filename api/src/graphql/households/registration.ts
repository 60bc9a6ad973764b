// Registering households and their members over time (samenstelling), as a chain worker records them.
import { z } from 'zod';
import { CompositionSource, ConsentMethod, ConsentPurpose, LandlordType, MemberRole, refinement } from '@ketenkaart/schema';
import { actorOf, afterHouseholdChange, refuse, requireHousehold, requireWriter } from '../authorization.js';
import { builder } from '../builder.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { parseInput, unwrap } from '../results.js';
import { HouseholdRef, MemberRef } from './Household.js';
import { CompositionSourceEnum, ConsentMethodEnum, ConsentPurposeEnum, LandlordTypeEnum, MemberRoleEnum } from './household-enums.js';
import { pastOrToday, isoDay } from '../dates.js';

const MemberInput = builder.inputType('MemberInput', {
  description: 'A person joining a household. Pseudonymous: a label and a birth year, never a name or BSN.',
  fields: (t) => ({
    label: t.string({ required: true, description: 'Label within the household ("ouder 1", "kind 2").' }),
    birthYear: t.int({ description: 'Birth year, when known.' }),
    role: t.field({ type: MemberRoleEnum, required: true, description: 'Role in the household.' }),
    from: t.field({ type: 'Date', required: true, description: 'First day in the household.' }),
    compositionSource: t.field({ type: CompositionSourceEnum, required: true, description: 'How the membership became known.' }),
  }),
});

const ConsentInput = builder.inputType('ConsentInput', {
  description: 'Consent (toestemming) of the household to share its data with named agencies, for a purpose and period.',
  fields: (t) => ({
    purpose: t.field({ type: ConsentPurposeEnum, required: true, description: 'What the data may be used for.' }),
    recipientAgencyIds: t.idList({ required: true, description: 'Agencies that may see the data.' }),
    from: t.field({ type: 'Date', required: true, description: 'First day.' }),
    to: t.field({ type: 'Date', required: true, description: 'Last day.' }),
    method: t.field({
      type: ConsentMethodEnum,
      required: true,
      description: 'How the family gave it; you are recorded as the one who recorded it.',
    }),
  }),
});

const RegisterHouseholdInput = builder.inputType('RegisterHouseholdInput', {
  description: 'A household to register, with its members and, usually, the consent the family gave.',
  fields: (t) => ({
    reference: t.string({ required: true, description: 'Your reference for the household; unique in the region; never a name or BSN.' }),
    centrumgemeenteId: t.id({ required: true, description: 'Region whose chain serves the household.' }),
    municipality: t.string({ description: 'Municipality of the home.' }),
    landlordType: t.field({ type: LandlordTypeEnum, required: true, description: 'Kind of landlord.' }),
    members: t.field({ type: [MemberInput], required: true, description: 'At least one member.' }),
    consent: t.field({ type: ConsentInput, description: 'Consent given at registration.' }),
  }),
});

const year = new Date().getUTCFullYear();
const memberSchema = z.object({
  label: z.string().trim().min(1).max(40),
  birthYear: z
    .number()
    .int()
    .min(1900)
    .max(year)
    .nullish()
    .transform((v) => v ?? null),
  role: MemberRole,
  from: isoDay.pipe(pastOrToday),
  compositionSource: CompositionSource,
});
export const consentSchema = z
  .object({
    purpose: ConsentPurpose,
    recipientAgencyIds: z.array(z.string().min(1).max(120)).min(1).max(30),
    from: isoDay,
    to: isoDay,
    method: ConsentMethod,
  })
  .refine((c) => c.from <= c.to, refinement('BEFORE_OTHER_DATE', { path: ['to'], values: { other: 'from' } }));
const registerSchema = z.object({
  reference: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .refine((ref) => /^[\p{L}\p{N} ._/-]+$/u.test(ref), refinement('REFERENCE_CHARACTERS')),
  centrumgemeenteId: z.string().min(1).max(60),
  municipality: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .nullish()
    .transform((v) => v ?? null),
  landlordType: LandlordType,
  members: z.array(memberSchema).min(1).max(20),
  consent: consentSchema.nullish().transform((v) => v ?? null),
});

builder.mutationFields((t) => ({
  registerHousehold: t.field({
    type: HouseholdRef,
    description: 'Register a household (huishouden) and its members, with the consent the family gave.',
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: { input: t.arg({ type: RegisterHouseholdInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const input = parseInput(registerSchema, args.input);
      const region =
        viewer.role === 'COORDINATOR'
          ? viewer.centrumgemeenteId
          : (await ctx.loaders.agency.load(viewer.agencyId ?? ''))?.centrumgemeenteId;
      if (region !== input.centrumgemeenteId)
        throw refuse(ctx, 'you can register households in your own region only', {}, 'OWN_REGION_ONLY');
      // The household and the consent the family gave are written in one transaction: both or neither. The
      // registering worker met the family, so there is no access check (the household is theirs as of this moment).
      const household = unwrap(await ctx.repos.households.register(input, actorOf(viewer)));
      await afterHouseholdChange(ctx, household.id, 'registered the household');
      ctx.loaders.household.prime(household.id, household);
      return household;
    },
  }),
  addHouseholdMember: t.field({
    type: MemberRef,
    description: 'Record that a person joined the household (a birth, a new partner, a child back home).',
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: { householdId: t.arg.id({ required: true }), member: t.arg({ type: MemberInput, required: true }) },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const member = parseInput(memberSchema, args.member, 'member');
      await requireHousehold(ctx, args.householdId);
      const result = unwrap(await ctx.repos.households.addMember(args.householdId, member, actorOf(viewer)));
      await afterHouseholdChange(ctx, args.householdId, 'member joined');
      return result;
    },
  }),
  recordMemberLeft: t.field({
    type: MemberRef,
    description: 'Record that a person left the household on a day; the membership is closed, not removed.',
    errors: { types: [ValidationError, NotFoundError, ForbiddenError], directResult: true },
    args: {
      householdId: t.arg.id({ required: true }),
      personId: t.arg.id({ required: true }),
      on: t.arg({ type: 'Date', required: true, description: 'Last day in the household.' }),
    },
    resolve: async (_root, args, ctx) => {
      const viewer = requireWriter(ctx);
      const on = parseInput(isoDay.pipe(pastOrToday), args.on, 'on');
      await requireHousehold(ctx, args.householdId);
      const result = unwrap(await ctx.repos.households.memberLeft(args.householdId, args.personId, on, actorOf(viewer)));
      await afterHouseholdChange(ctx, args.householdId, 'member left');
      return result;
    },
  }),
}));
