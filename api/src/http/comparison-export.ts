// GET /exports/comparison.csv and /exports/comparison.html: the city comparison as a file, under the same rules
// as the cityComparison query (policy makers suppressed, a coordinator its own region), and in the access log,
// refused or allowed (comparisonScope logs both).
import { z } from 'zod';
import { compareCities, comparisonToCsv, comparisonToHtml } from '../analytics/comparison.js';
import { comparisonScope } from '../analytics/comparison-scope.js';
import type { Context } from '../context.js';
import { csvResponse } from '../csv-export.js';
import { problemFor, problemResponse } from './problem.js';

const Params = z
  .object({
    cities: z.string().min(1).max(2_000).transform((list) => [...new Set(list.split(',').map((id) => id.trim()).filter(Boolean))]),
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'is before from' });

export async function handleComparisonExport(request: Request, ctx: Context, format: 'csv' | 'html'): Promise<Response> {
  const parsed = Params.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return problemResponse({ status: 400, code: 'VALIDATION', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  }
  const scope = comparisonScope(ctx, parsed.data.cities, { action: 'EXPORT', operation: `comparison:${format}` });
  if (!scope.ok) return problemResponse(problemFor(scope.failure, ctx.viewer !== null));
  const { suppress } = scope.value;
  const comparison = await compareCities({ repos: ctx.repos, loaders: ctx.loaders }, parsed.data.cities, parsed.data, suppress);
  const name = `ketenkaart-vergelijking-${parsed.data.from}-${parsed.data.to}`;
  if (format === 'html') return new Response(comparisonToHtml(comparison), { headers: { 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' } });
  return csvResponse(comparisonToCsv(comparison), `${name}.csv`);
}
