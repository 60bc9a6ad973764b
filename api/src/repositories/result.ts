// Expected refusals come back as values, checked inside the same transaction; only surprises are thrown.
import { describeProblem, type ProblemCode, type ProblemParams } from '@ketenkaart/schema';

export type FieldProblemInput = { path: string[]; code?: ProblemCode; params?: ProblemParams; message?: string };
export type Failure =
  | { kind: 'NOT_FOUND'; entity: string; id: string }
  | { kind: 'VALIDATION'; fields: FieldProblemInput[] }
  | { kind: 'INVALID_TRANSITION'; from: string; action: string; allowed: string[] }
  | { kind: 'FORBIDDEN'; reason: string; reasonCode?: ProblemCode }
  /** A step dated before the step it follows (schema lifecycles/step-order.ts); path is the input field of the date. */
  | { kind: 'STEP_ORDER'; path: string[]; step: string; on: string; follows: string; followsOn: string };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const notFound = (entity: string, id: string): Result<never> => ({ ok: false, failure: { kind: 'NOT_FOUND', entity, id } });
export const invalid = (path: string[], code: ProblemCode, params?: ProblemParams): Result<never> => ({
  ok: false,
  failure: { kind: 'VALIDATION', fields: [{ path, code, params }] },
});

/** Thrown inside a write transaction to roll it back and hand a Failure to the caller. */
export class Refusal extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
  }
}

/** Runs a write whose checks may refuse; a refusal rolls the transaction back and becomes a value. */
export async function refusable<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, failure: error.failure };
    throw error;
  }
}

/** The English text of field problems, the same in a GraphQL ValidationError and in a problem-details body. */
export function describeFieldProblems(problems: FieldProblemInput[]): string {
  const described = problems.map(
    (p) => `${p.path.join('.') || '(input)'}: ${p.message ?? describeProblem({ code: p.code ?? 'INVALID', params: p.params ?? {} })}`,
  );
  return `Invalid input: ${described.join('; ')}`;
}
