// From repository results and zod issues to the typed GraphQL errors of errors.ts.
import type { z } from 'zod';
import { problemFromZodIssue } from '@ketenkaart/schema';
import type { Failure, Result } from '../repositories/result.js';
import { ForbiddenError, InvalidTransitionError, NotFoundError, StepOrderError, ValidationError } from './errors.js';

export function errorFor(failure: Failure): Error {
  switch (failure.kind) {
    case 'NOT_FOUND':
      return new NotFoundError(failure.entity, failure.id);
    case 'VALIDATION':
      return new ValidationError(failure.fields);
    case 'INVALID_TRANSITION':
      return new InvalidTransitionError(failure.from, failure.action, failure.allowed);
    case 'FORBIDDEN':
      return new ForbiddenError(failure.reason, failure.reasonCode);
    case 'STEP_ORDER':
      return new StepOrderError(failure.path, failure.step, failure.on, failure.follows, failure.followsOn);
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw errorFor(result.failure);
  return result.value;
}

/** Parses input with a zod schema; every problem is reported with its path under `input` and a code, not zod's text. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => ({ path: [root, ...issue.path.map(String)], ...problemFromZodIssue(issue, input) })),
  );
}
