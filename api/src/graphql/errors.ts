// User-facing errors with stable codes; the web translates by code, API clients read the English message.
import { GraphQLError } from 'graphql';
import { describeProblem, problemCodes, type ProblemCode, type ProblemParams } from '@ketenkaart/schema';
import { describeFieldProblems } from '../repositories/result.js';
import { builder } from './builder.js';

/** User-facing errors are GraphQLErrors, so that outside a union field they pass the mask with their code. */
abstract class UserError extends GraphQLError {
  abstract readonly code: string;
  constructor(message: string, code: string) {
    super(message, { extensions: { code } });
  }
}

export class NotFoundError extends UserError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} does not exist or is not visible to you.`, 'NOT_FOUND');
  }
}

/** A problem as code raises it: a code with parameters (the English message follows from them). */
export interface FieldProblemInput {
  path: string[];
  /** Without a code the problem is INVALID; the web then says only that the value is not accepted. */
  code?: ProblemCode;
  params?: ProblemParams;
  message?: string;
}

export interface FieldProblem {
  path: string[];
  code: ProblemCode;
  params: ProblemParams;
  message: string;
}

export function fieldProblem(input: FieldProblemInput): FieldProblem {
  const code = input.code ?? 'INVALID';
  const params = input.params ?? {};
  return { path: input.path, code, params, message: input.message ?? describeProblem({ code, params }) };
}

export class ValidationError extends UserError {
  readonly code = 'VALIDATION';
  readonly fields: FieldProblem[];
  constructor(problems: FieldProblemInput[]) {
    const fields = problems.map(fieldProblem);
    super(describeFieldProblems(fields), 'VALIDATION');
    this.fields = fields;
  }
}

export class InvalidTransitionError extends UserError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly from: string,
    readonly action: string,
    readonly allowed: string[],
  ) {
    super(
      `Cannot ${action.toLowerCase()} a referral that is ${from.toLowerCase()}; allowed: ${allowed.join(', ') || 'none (final state)'}.`,
      'INVALID_TRANSITION',
    );
  }
}

export class ForbiddenError extends UserError {
  readonly code = 'FORBIDDEN';
  /** `reason` is English for API clients; `reasonCode` is what the web translates. */
  constructor(
    readonly reason: string,
    readonly reasonCode: ProblemCode = 'NOT_ALLOWED',
  ) {
    super(reason, 'FORBIDDEN');
  }
}

/** A step dated before the step it follows: completing a referral before it was accepted, a handover before regie was taken. */
export class StepOrderError extends UserError {
  readonly code = 'STEP_ORDER';
  constructor(
    readonly fieldPath: string[],
    readonly step: string,
    readonly on: string,
    readonly follows: string,
    readonly followsOn: string,
  ) {
    super(
      `${describeStep(step)} on ${on} is dated before the step it follows: ${describeStep(follows)} on ${followsOn}. Check both dates.`,
      'STEP_ORDER',
    );
  }
}

/** REFERRAL_ACCEPTED -> "referral accepted": the message is read by people, not parsed. */
function describeStep(kind: string): string {
  const words = kind.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ErrorInterface = builder.interfaceRef<UserError>('Error').implement({
  description: 'A problem the client can act on. `code` is stable; `message` is English text for API clients.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Stable error code: NOT_FOUND, VALIDATION, INVALID_TRANSITION, STEP_ORDER or FORBIDDEN.' }),
    message: t.exposeString('message', { description: 'What went wrong, in English.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The thing asked for does not exist, or the viewer may not know that it exists.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'Kind of thing: Household, Referral, Agency...' }),
  }),
});

const ProblemCodeEnum = builder.enumType('ProblemCode', {
  description: 'Stable code of an input problem; clients show their own sentence for it, filled in with `params`.',
  values: Object.fromEntries(Object.entries(problemCodes).map(([code, english]) => [code, { description: english }])) as Record<
    ProblemCode,
    { description: string }
  >,
});

const ProblemParamRef = builder.objectRef<{ name: string; value: string }>('ProblemParam').implement({
  description: 'A named value in a problem: the minimum, the value given, the other field, the line...',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Name, as in the English text of the code: minimum, maximum, value, options, other...' }),
    value: t.exposeString('value', { description: 'The value, as text.' }),
  }),
});

const paramList = (params: ProblemParams) => Object.entries(params).map(([name, value]) => ({ name, value: String(value) }));

const FieldProblemRef = builder.objectRef<FieldProblem>('FieldProblem').implement({
  description: 'One invalid field of an input.',
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path from the argument to the field, e.g. ["input", "members", "0", "birthYear"].' }),
    code: t.field({ type: ProblemCodeEnum, description: 'What is wrong, as a stable code.', resolve: (p) => p.code }),
    params: t.field({ type: [ProblemParamRef], description: 'The values the code speaks of.', resolve: (p) => paramList(p.params) }),
    message: t.exposeString('message', { description: 'Why the value is not accepted, in English.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused; nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fields: t.field({ type: [FieldProblemRef], description: 'Each invalid field with its path.', resolve: (e) => e.fields }),
  }),
});

builder.objectType(InvalidTransitionError, {
  name: 'InvalidTransitionError',
  description: 'The step is not allowed from the current status (state machine); nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    from: t.exposeString('from', { description: 'Current status.' }),
    action: t.exposeString('action', { description: 'The refused action.' }),
    allowed: t.exposeStringList('allowed', { description: 'Actions allowed from the current status.' }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'The viewer may not do this; the reason says which condition is missing.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    reason: t.exposeString('reason', { description: 'The missing condition, in English.' }),
    reasonCode: t.field({ type: ProblemCodeEnum, description: 'The missing condition, as a stable code.', resolve: (e) => e.reasonCode }),
  }),
});

builder.objectType(StepOrderError, {
  name: 'StepOrderError',
  description:
    'The step is dated before the step it follows (a lifecycle step, a regie handover, a waiting-list exit); nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldPath: t.exposeStringList('fieldPath', { description: 'Path to the date that is out of order, e.g. ["input", "on"].' }),
    step: t.exposeString('step', { description: 'The refused step (an event kind, e.g. REFERRAL_COMPLETED).' }),
    on: t.field({ type: 'Date', description: 'Its day.', resolve: (e) => e.on }),
    follows: t.exposeString('follows', { description: 'The step it follows (e.g. REFERRAL_ACCEPTED).' }),
    followsOn: t.field({
      type: 'Date',
      description: 'The day of the step it follows: the earliest day the refused step can have.',
      resolve: (e) => e.followsOn,
    }),
  }),
});

export { ErrorInterface, ProblemCodeEnum, ProblemParamRef, paramList };
