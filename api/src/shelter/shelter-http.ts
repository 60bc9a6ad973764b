// HTTP endpoints for shelter files: CSV upload (streamed, with progress) and CSV/JSON download. Files do not fit
// GraphQL's request size limit; these endpoints use the same session, CSRF check, scope and access log.
import { z } from 'zod';
import { ShelterRecordKind, dayOf } from '@ketenkaart/schema';
import type { Context } from '../context.js';
import { refuse } from '../graphql/authorization.js';
import { problemResponse } from '../http/problem.js';
import { importRows } from '../metrics.js';
import { csvResponse } from '../csv-export.js';
import { readShelterCsv, shelterRecordsToCsv, shelterTemplateCsv } from './shelter-csv.js';
import { facilitiesInScope, importShelterRows } from './shelter-import.js';

/** capacity, occupancy, waiting-list, refusals (or the enum names). */
const kindParam = z
  .string()
  .transform((kind) =>
    kind
      .toUpperCase()
      .replace(/-/g, '_')
      .replace(/^REFUSALS$/, 'REFUSAL'),
  )
  .pipe(ShelterRecordKind);

const ImportParams = z.object({
  kind: kindParam,
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
});

const ExportParams = z.object({
  kind: kindParam,
  format: z.enum(['csv', 'json']).default('csv'),
  facilityId: z.string().min(1).max(120).optional(),
  history: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

const problem = (status: number, code: string, detail: string) => problemResponse({ status, code, detail });

function paramsOf<T extends z.ZodType>(schema: T, request: Request): z.infer<T> | Response {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data;
  return problem(400, 'VALIDATION', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
}

/** A refused file request: logged like every refusal (refuse()), answered with its HTTP status. */
function refused(ctx: Context, request: Request, status: number, code: string, message: string): Response {
  const operation =
    `shelter:${new URL(request.url).searchParams.get('kind') ?? 'unknown'}:${request.method === 'GET' ? 'export' : 'import'}`.slice(0, 80);
  refuse(ctx, message, { action: request.method === 'GET' ? 'EXPORT' : 'IMPORT', operation });
  return problem(status, code, message);
}

/** Who may use the file endpoints: signed-in shelter staff, with the CSRF token on uploads from cookie sessions. */
function refusal(ctx: Context, request: Request): Response | null {
  if (!ctx.viewer) return refused(ctx, request, 401, 'UNAUTHENTICATED', 'sign in first');
  // Downloads are plain links (GET, no change, SameSite cookie); an upload changes data and needs the token.
  if (request.method !== 'GET' && !ctx.csrfOk)
    return refused(ctx, request, 403, 'FORBIDDEN', 'missing or wrong x-csrf-token header for a cookie session');
  if (ctx.viewer.role !== 'SHELTER_STAFF')
    return refused(ctx, request, 403, 'FORBIDDEN', 'only shelter staff report and download shelter records');
  if (!ctx.limits.requests.hit(ctx.viewer.accountId))
    return refused(ctx, request, 429, 'RATE_LIMITED', 'too many requests; try again in a minute');
  return null;
}

/**
 * POST /shelter/import?kind=capacity&dryRun=true&encoding=utf-8 with the CSV as body. The answer is NDJSON:
 * {"type":"progress","rows":5000} lines while reading, then one {"type":"report",...} line.
 */
export async function handleShelterImport(request: Request, ctx: Context): Promise<Response> {
  const denied = refusal(ctx, request);
  if (denied) return denied;
  const params = paramsOf(ImportParams, request);
  if (params instanceof Response) return params;
  if (!request.body) return problem(400, 'VALIDATION', 'send the CSV file as the request body');
  const viewer = ctx.viewer!;
  // Node's web streams are async iterable; the DOM typings do not say so.
  const body = request.body as unknown as AsyncIterable<Uint8Array>;

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (message: object) => controller.enqueue(encoder.encode(`${JSON.stringify(message)}\n`));
      try {
        const read = await readShelterCsv(params.kind, body, {
          encoding: params.encoding,
          onProgress: (rows) => send({ type: 'progress', rows }),
        });
        const report = await importShelterRows(
          { repos: ctx.repos, access: ctx.access, viewer, now: ctx.now, refreshGaps: ctx.gaps.refresh },
          params.kind,
          read,
          { dryRun: params.dryRun, source: 'csv' },
        );
        if (report.written) {
          importRows.inc({ kind: params.kind, result: 'created' }, report.written.created);
          importRows.inc({ kind: params.kind, result: 'unchanged' }, report.written.unchanged);
        } else if (!report.dryRun) importRows.inc({ kind: params.kind, result: 'rejected' }, report.rows);
        send({ type: 'report', ...report });
      } catch (error) {
        ctx.logger.error({ err: { name: (error as Error).name, message: (error as Error).message } }, 'shelter import failed');
        send({ type: 'error', code: 'INTERNAL', message: 'Unexpected error; nothing was written.', requestId: ctx.requestId });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' } });
}

/** GET /shelter/export?kind=waiting-list&format=csv|json[&facilityId=...][&history=true]: your facilities' records. */
export async function handleShelterExport(request: Request, ctx: Context): Promise<Response> {
  const denied = refusal(ctx, request);
  if (denied) return denied;
  const params = paramsOf(ExportParams, request);
  if (params instanceof Response) return params;
  const scope = await facilitiesInScope(ctx.viewer!, ctx.repos);
  if (params.facilityId && !scope.has(params.facilityId))
    return refused(ctx, request, 403, 'FORBIDDEN', `${params.facilityId} is not a facility of your organisation`);
  const facilityIds = params.facilityId ? [params.facilityId] : [...scope];
  const records = await ctx.repos.shelter.records(params.kind, facilityIds, { history: params.history });
  await ctx.access.log({
    action: 'EXPORT',
    outcome: 'ALLOWED',
    operation: `shelter:${params.kind}:${params.format}`,
    basis: `${records.length} records`,
  });
  const name = `ketenkaart-${params.kind.toLowerCase().replace(/_/g, '-')}-${dayOf(ctx.now())}`;
  if (params.format === 'json') {
    return Response.json(
      { kind: params.kind, exportedAt: ctx.now().toISOString(), records },
      { headers: { 'cache-control': 'no-store', 'content-disposition': `attachment; filename="${name}.json"` } },
    );
  }
  return csvResponse(shelterRecordsToCsv(params.kind, records), `${name}.csv`);
}

/**
 * GET /shelter/template?kind=refusals: the header and one example row, with one of the shelter's own facilities
 * as its facility_id, so that the file uploads as it is once the example is replaced.
 */
export async function handleShelterTemplate(request: Request, ctx: Context): Promise<Response> {
  const denied = refusal(ctx, request);
  if (denied) return denied;
  const params = paramsOf(z.object({ kind: kindParam }), request);
  if (params instanceof Response) return params;
  const [ownFacility] = [...(await facilitiesInScope(ctx.viewer!, ctx.repos))].sort();
  const name = `ketenkaart-${params.kind.toLowerCase().replace(/_/g, '-')}-voorbeeld.csv`;
  return new Response(`\uFEFF${shelterTemplateCsv(params.kind, ownFacility)}`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${name}"`,
    },
  });
}
