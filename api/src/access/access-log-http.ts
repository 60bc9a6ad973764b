// GET /exports/access-log.csv: the access log as a file for administrators, with the same filters as the
// accessLog query. The export is itself an entry in the log (NEN 7513: who looked at the log, and at what).
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Context } from '../context.js';
import type { AccessLogRecord } from '../repositories/access-repository.js';

/** One file holds at most this many entries; narrow the period or filter for more. */
const MAX_EXPORT_ENTRIES = 10_000;

const day = z.iso.date();
const Params = z.object({
  householdId: z.string().min(1).max(120).optional(),
  accountId: z.string().min(1).max(120).optional(),
  outcome: z.enum(['ALLOWED', 'REFUSED']).optional(),
  breakGlass: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? null : v === 'true')),
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

/** A cell that a spreadsheet would run as a formula starts with a quote instead (OWASP CSV injection). */
const inert = (value: string | null | undefined) => {
  const text = value ?? '';
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
};

export async function handleAccessLogExport(request: Request, ctx: Context): Promise<Response> {
  if (!ctx.viewer || ctx.viewer.role !== 'ADMIN') {
    await ctx.access.log({ action: 'EXPORT', outcome: 'REFUSED', operation: 'accessLog:csv', basis: ctx.viewer ? 'not an administrator' : 'not signed in' });
    return Response.json({ error: { code: 'FORBIDDEN', reasonCode: 'ROLE_NOT_ALLOWED', message: 'administrators only' } }, { status: ctx.viewer ? 403 : 401 });
  }
  const parsed = Params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: { code: 'VALIDATION', message: 'householdId, accountId, outcome, breakGlass, from, to (YYYY-MM-DD)' } }, { status: 400 });
  const filter = parsed.data;
  const entries = await ctx.repos.access.log(filter, MAX_EXPORT_ENTRIES, null);
  const shown = entries.slice(0, MAX_EXPORT_ENTRIES);
  const filters = Object.entries(filter).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => `${k}=${v}`).join(' ');
  await ctx.access.log({ action: 'EXPORT', outcome: 'ALLOWED', operation: 'accessLog:csv', householdId: filter.householdId ?? null, basis: `${shown.length} entries${filters ? `; ${filters}` : ''}` });
  const csv = stringify(shown.map((e) => COLUMNS.map(([, value]) => inert(value(e)))), { header: true, columns: COLUMNS.map(([header]) => header) });
  return new Response(`\uFEFF${csv}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'cache-control': 'no-store', 'content-disposition': 'attachment; filename="ketenkaart-toegangslog.csv"' },
  });
}
