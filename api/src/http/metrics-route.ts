// GET /metrics: Prometheus text for a scraper that presents the metrics token. No token configured: no metrics.
// The metrics hold names and counts only, but request rates per operation still tell an outsider how the service
// is used, so they are not public.
import { createHash, timingSafeEqual } from 'node:crypto';
import { metricsRegistry } from '../metrics.js';
import { problemResponse } from './problem.js';

export async function handleMetrics(request: Request, token: string | null): Promise<Response> {
  if (request.method !== 'GET') return problemResponse({ status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'use GET' }, { allow: 'GET' });
  // Switched off, the route answers as an unknown path does: it does not say that it exists.
  if (!token) return problemResponse({ status: 404, code: 'NOT_FOUND', detail: 'There is nothing at this address.' });
  const given = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1] ?? '';
  if (!sameSecret(given, token)) {
    return problemResponse(
      { status: 401, code: 'UNAUTHENTICATED', detail: 'send the metrics token as a bearer token' },
      { 'www-authenticate': 'Bearer realm="metrics"' },
    );
  }
  return new Response(await metricsRegistry.metrics(), {
    headers: { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' },
  });
}

/** Compares digests, so that neither the length nor the content of the token leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
