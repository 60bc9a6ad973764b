// The request id: the caller's x-request-id when it is a plain token (so logs cannot be forged through it), else new.
import { randomUUID } from 'node:crypto';

const PLAIN_TOKEN = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && PLAIN_TOKEN.test(given) ? given : randomUUID();
}
