// GET /exports/comparison.csv and /exports/comparison.html: the city comparison as a file, under the same rules
// as the cityComparison query (policy makers suppressed, a coordinator its own region), and in the access log,
// refused or allowed (comparisonScope logs both).
import { z } from 'zod';
import { compareCities, comparisonToCsv, comparisonToHtml } from '../analytics/comparison.js';
import { comparisonRole, comparisonScope } from '../analytics/comparison-scope.js';
import type { Context } from '../context.js';
import { csvResponse } from '../csv-export.js';
import { problemFor, problemResponse } from './problem.js';

const cityList = (list: string) => [
  ...new Set(
    list
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  ),
];

const Params = z
  .object({
    cities: z.string().min(1).max(2_000).transform(cityList),
    from: z.iso.date(),
    to: z.iso.date(),
    /** The reader's language: the whole file is written in it (Dutch unless asked otherwise). */
    lang: z.enum(['nl', 'en']).default('nl'),
  })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'is before from' });

export async function handleComparisonExport(request: Request, ctx: Context, format: 'csv' | 'html'): Promise<Response> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const about = { action: 'EXPORT', operation: `comparison:${format}` } as const;
  // The role first, so that a refused caller is refused (and logged) whatever the parameters say.
  const role = comparisonRole(ctx, cityList((query.cities ?? '').slice(0, 2_000)), about);
  if (!role.ok) return problemResponse(problemFor(role.failure, ctx.viewer !== null));
  const parsed = Params.safeParse(query);
  if (!parsed.success) {
    return problemResponse({
      status: 400,
      code: 'VALIDATION',
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  const scope = comparisonScope(ctx, parsed.data.cities, about);
  if (!scope.ok) return problemResponse(problemFor(scope.failure, ctx.viewer !== null));
  const { suppress } = scope.value;
  const { lang } = parsed.data;
  const comparison = await compareCities({ repos: ctx.repos, loaders: ctx.loaders }, parsed.data.cities, parsed.data, suppress, lang);
  const name = `${lang === 'nl' ? 'ketenkaart-vergelijking' : 'ketenkaart-comparison'}-${parsed.data.from}-${parsed.data.to}`;
  if (format === 'html')
    return new Response(comparisonToHtml(comparison, lang), {
      headers: { 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' },
    });
  return csvResponse(comparisonToCsv(comparison, lang), `${name}.csv`);
}
