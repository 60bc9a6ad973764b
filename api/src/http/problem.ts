// Errors on the HTTP routes (everything but /graphql) as problem details (RFC 9457): one shape, one helper.
import { STATUS_CODES } from 'node:http';
import { describeFieldProblems, type Failure } from '../repositories/result.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  status: number;
  /** Stable machine-readable code, the same codes GraphQL errors carry (VALIDATION, FORBIDDEN, ...). */
  code: string;
  /** What went wrong, for the person reading it. */
  detail: string;
}

/**
 * The one way an HTTP route answers with an error. `type` stays "about:blank" (RFC 9457 §4.2.1): the status
 * says what kind of problem it is, and `code` says which; the request id is in the x-request-id header.
 */
export function problemResponse({ status, code, detail }: Problem, headers: Record<string, string> = {}): Response {
  const body = { type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, code, detail };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE, 'cache-control': 'no-store', ...headers },
  });
}

/** A refusal from the domain as problem details: the same failure vocabulary GraphQL renders as its union errors. */
export function problemFor(failure: Failure, signedIn: boolean): Problem {
  switch (failure.kind) {
    case 'FORBIDDEN':
      return { status: signedIn ? 403 : 401, code: signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED', detail: failure.reason };
    case 'VALIDATION':
      return { status: 400, code: 'VALIDATION', detail: describeFieldProblems(failure.fields) };
    case 'NOT_FOUND':
      return { status: 404, code: 'NOT_FOUND', detail: `${failure.entity} ${failure.id} does not exist or is not visible to you.` };
    case 'INVALID_TRANSITION':
    case 'STEP_ORDER':
      return { status: 409, code: failure.kind, detail: 'the step does not fit the current state' };
  }
}
