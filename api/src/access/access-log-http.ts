// GET /exports/access-log.csv: the access log as a file for administrators, with the same filters as the
// accessLog query. The export is itself an entry in the log (NEN 7513: who looked at the log, and at what).
import { z } from 'zod';
import type { Context } from '../context.js';
import { csvResponse, writeCsv } from '../csv-export.js';
import { problemResponse } from '../http/problem.js';
import type { AccessLogRecord } from '../repositories/access-repository.js';

/** One file holds at most this many entries; narrow the period or filter for more. */
const MAX_EXPORT_ENTRIES = 10_000;

const day = z.iso.date();
const Params = z.object({
  householdId: z.string().min(1).max(120).optional(),
  household: z.string().min(1).max(120).optional(),
  accountId: z.string().min(1).max(120).optional(),
  outcome: z.enum(['ALLOWED', 'REFUSED']).optional(),
  breakGlass: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? null : v === 'true')),
  from: day.optional(),
  to: day.optional(),
});

const COLUMNS: [header: string, value: (e: AccessLogRecord) => string | null | undefined][] = [
  ['at', (e) => e.at],
  ['username', (e) => e.username],
  ['role', (e) => e.role],
  ['agency_id', (e) => e.agencyId],
  ['action', (e) => e.action],
  ['household_reference', (e) => e.householdReference],
  ['household_id', (e) => e.householdId],
  ['outcome', (e) => e.outcome],
  ['break_glass', (e) => (e.breakGlass ? 'yes' : 'no')],
  ['basis', (e) => e.basis],
  ['operation', (e) => e.operation],
  ['request_id', (e) => e.requestId],
];

export async function handleAccessLogExport(request: Request, ctx: Context): Promise<Response> {
  if (!ctx.viewer || ctx.viewer.role !== 'ADMIN') {
    await ctx.access.log({
      action: 'EXPORT',
      outcome: 'REFUSED',
      operation: 'accessLog:csv',
      basis: ctx.viewer ? 'not an administrator' : 'not signed in',
    });
    return problemResponse({ status: ctx.viewer ? 403 : 401, code: 'FORBIDDEN', detail: 'administrators only' });
  }
  const parsed = Params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success)
    return problemResponse({
      status: 400,
      code: 'VALIDATION',
      detail: 'filters are household (reference or id), householdId, accountId, outcome, breakGlass, from and to (YYYY-MM-DD)',
    });
  const filter = parsed.data;
  const entries = await ctx.repos.access.log(filter, MAX_EXPORT_ENTRIES, null);
  const shown = entries.slice(0, MAX_EXPORT_ENTRIES);
  const filters = Object.entries(filter)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  await ctx.access.log({
    action: 'EXPORT',
    outcome: 'ALLOWED',
    operation: 'accessLog:csv',
    householdId: filter.householdId ?? null,
    basis: `${shown.length} entries${filters ? `; ${filters}` : ''}`,
  });
  const csv = writeCsv(
    COLUMNS.map(([header]) => header),
    shown.map((e) => COLUMNS.map(([, value]) => value(e))),
  );
  return csvResponse(csv, 'ketenkaart-toegangslog.csv');
}
