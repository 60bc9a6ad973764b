// City comparison for policy makers: structure side by side with its differences, outcomes side by side with
// suppression metadata, and the same tables as CSV and as a printable report with definitions and sources.
import { writeCsv } from '../csv-export.js';
import type { Loaders } from '../loaders.js';
import type { Repositories } from '../repositories/index.js';
import type { FigureRecord } from '../repositories/reference-repository.js';
import { DEFAULT_MIN_CELL, ROUNDING_BASE } from './disclosure.js';
import { REPORTED_CAPACITY_METRICS, statedCapacity, type CapacitySourceTotal } from './stated-capacity.js';
import { cityOutcomes, measureDefinitions, OUTCOME_MEASURES, recordedKinds, type CityOutcomes, type OutcomeMeasure } from './outcomes.js';
import { comparisonTexts, type ComparisonTexts, type ExportLanguage } from './comparison-texts.js';

export interface StructureDifference {
  aspect: string;
  values: { cityId: string; value: string | null }[];
}

export interface Comparison {
  cityIds: string[];
  cityNames: Map<string, string>;
  from: string;
  to: string;
  suppressed: boolean;
  outcomes: CityOutcomes[];
  published: Map<string, Map<OutcomeMeasure, FigureRecord[]>>;
  differences: StructureDifference[];
}

/** "at least 114 places (gemeente, 2008)": one source at one moment in one unit, never a sum across them. */
function capacityTotalText(c: CapacitySourceTotal, w: ComparisonTexts): string {
  const amount =
    c.total === null ? `${w.unknown} ${w.unit(c.unit)}` : `${c.bound === 'AT_LEAST' ? w.values.atLeast : ''}${c.total} ${w.unit(c.unit)}`;
  return `${amount} (${c.sourceOrg ?? w.values.theReport}, ${w.moment(c.year ?? c.asOf ?? w.values.periodNotStated)})`;
}

/** The aspects compared; a value of null is "not in the sources" and is shown as unknown, never as none. */
async function structureOf(cityId: string, loaders: Loaders, w: ComparisonTexts): Promise<Record<string, string | null>> {
  const [city, models, warnings, facilities, notes, capacity, figures] = await Promise.all([
    loaders.centrumgemeente.load(cityId),
    loaders.chainModelsByCity.load(cityId),
    loaders.earlyWarningsByCity.load(cityId),
    loaders.facilityPageByCity.load({ parent: cityId, first: 100, after: null }),
    loaders.regieNotesByCity.load(cityId),
    loaders.capacityOfCity.load(cityId),
    loaders.figuresByCity.load(cityId),
  ]);
  const model = models[0];
  const stages = model ? await loaders.stagesByChainModel.load(model.id) : [];
  const warning = warnings[0];
  const holderIds = [...new Set(stages.map((s) => s.regieAgencyId).filter((id): id is string => Boolean(id)))];
  const names = new Map(
    (await loaders.agency.loadMany(holderIds)).flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a.name] as const] : [])),
  );
  // Stated holders with the lines that name them; inferred ones apart, so that an inference never reads as published.
  const holders = (basis: 'STATED' | 'INFERRED') =>
    stages
      .filter((s) => s.regieAgencyId && s.regieBasis === basis)
      .map(
        (s) =>
          `${names.get(s.regieAgencyId!) ?? s.regieAgencyId} (${w.values.step} ${s.order}${basis === 'STATED' && s.regieBasisLines ? `, ${w.source(null, s.regieBasisLines)}` : ''})`,
      )
      .join('; ') || (holderIds.length || stages.length ? w.values.none : null);
  const stated = statedCapacity(capacity);
  const reported = figures.filter((f) => REPORTED_CAPACITY_METRICS.includes(f.metric));
  const a = w.aspects;
  return {
    [a.published]: model ? (model.published ? w.values.yes : w.values.reconstructed) : null,
    [a.cooperation]: city?.chainCooperation ? (city.chainCooperation === 'FORMAL' ? w.values.formal : w.values.informal) : null,
    [a.steps]: stages.length ? String(stages.length) : null,
    [a.statedHolders]: holders('STATED'),
    [a.inferredHolders]: holders('INFERRED'),
    [a.statements]: notes.length ? String(notes.length) : null,
    [a.earlyWarningMonths]: warning?.reportAfterMonthsArrears != null ? String(warning.reportAfterMonthsArrears) : null,
    [a.feedbackDays]: warning?.feedbackDays.length ? warning.feedbackDays.join(w.values.and) : null,
    [a.facilities]: String(facilities.items.length),
    [a.reportedCapacity]: reported.length
      ? reported
          .map(
            (f) =>
              `${f.valueText ? w.reportedWords(f.valueText) : (f.value ?? w.unknown)} ${f.unit ? w.unit(f.unit) : w.values.unitNotStated} (${[f.sourceOrg, f.year ?? (f.period ? w.moment(f.period) : null), w.source(f.sourceDocument ?? null, f.sourceLines)].filter(Boolean).join(', ')})`,
          )
          .join('; ')
      : null,
    [a.capacityPerSource]: stated.totals.length ? stated.totals.map((total) => capacityTotalText(total, w)).join('; ') : null,
  };
}

export async function compareCities(
  deps: { repos: Repositories; loaders: Loaders },
  cityIds: string[],
  period: { from: string; to: string },
  suppress: boolean,
  /** The language of the structure's aspects and values: English for the API, the reader's for an export. */
  lang: ExportLanguage = 'en',
): Promise<Comparison> {
  const words = comparisonTexts(lang);
  const { repos, loaders } = deps;
  const cities = (await loaders.centrumgemeente.loadMany(cityIds)).flatMap((c) => (c && !(c instanceof Error) ? [c] : []));
  const cityNames = new Map(cities.map((c) => [c.id, c.name]));
  const [outcomes, structures, figures] = await Promise.all([
    Promise.all(
      cityIds.map(async (cityId) =>
        cityOutcomes(cityId, await repos.analytics.outcomes(cityId, recordedKinds, period.from, period.to), period, suppress),
      ),
    ),
    Promise.all(cityIds.map((cityId) => structureOf(cityId, loaders, words))),
    Promise.all(cityIds.map((cityId) => loaders.figuresByCity.load(cityId))),
  ]);
  const differences: StructureDifference[] = Object.keys(structures[0] ?? {}).flatMap((aspect) => {
    const values = cityIds.map((cityId, index) => ({ cityId, value: structures[index]![aspect] ?? null }));
    return new Set(values.map((v) => v.value)).size > 1 ? [{ aspect, values }] : [];
  });
  const published = new Map(
    cityIds.map((cityId, index) => [
      cityId,
      new Map(
        OUTCOME_MEASURES.map((measure) => [
          measure,
          figures[index]!.filter((f) => measureDefinitions[measure].publishedMetrics.includes(f.metric)),
        ]),
      ),
    ]),
  );
  return { cityIds, cityNames, ...period, suppressed: suppress, outcomes, published, differences };
}

const disclosureNote = (c: Comparison, w: ComparisonTexts) => w.disclosure(c.suppressed, DEFAULT_MIN_CELL, ROUNDING_BASE);

const figureStatus = (status: string, w: ComparisonTexts) =>
  status === 'REPORTED' ? w.status.reported : status === 'REPORTED_AS_TEXT' ? w.status.reportedAsText : w.status.unknown;

/** One row per measure and city, in the reader's language, in the units and with the status a reader needs. */
export function comparisonToCsv(c: Comparison, lang: ExportLanguage = 'nl'): string {
  const w = comparisonTexts(lang);
  const period = w.period(c.from, c.to);
  const rows: (string | number | null)[][] = [];
  for (const outcome of c.outcomes) {
    const city = c.cityNames.get(outcome.cityId) ?? outcome.cityId;
    for (const { measure, households } of outcome.measures) {
      rows.push([
        city,
        w.measure(measure),
        households.value,
        households.suppressed ? w.status.suppressed : w.status.measured,
        w.unit('households'),
        period,
        w.recorded,
        w.definition(measure),
      ]);
      for (const figure of c.published.get(outcome.cityId)?.get(measure) ?? []) {
        rows.push([
          city,
          w.measure(measure),
          figure.value ?? (figure.valueText ? w.reportedWords(figure.valueText) : null),
          figureStatus(figure.status, w),
          w.unit(figure.unit),
          figure.year ?? (figure.period ? w.moment(figure.period) : null),
          w.source(figure.sourceDocument ?? null, figure.sourceLines),
          `${w.publishedPrefix}: ${w.publishedFigure(figure.metric)}`,
        ]);
      }
    }
    for (const { reason, households } of outcome.refusalsByReason) {
      rows.push([
        city,
        w.refusalsFor(reason),
        households.value,
        households.suppressed ? w.status.suppressed : w.status.measured,
        w.unit('households'),
        period,
        w.recorded,
        w.refusalsDefinition(reason),
      ]);
    }
    rows.push([
      city,
      w.waitingDays,
      outcome.waitingDays.median,
      outcome.waitingDays.median === null ? w.status.unknownOrSuppressed : w.status.measured,
      w.unit('days'),
      period,
      w.recorded,
      w.waitingDaysDefinition,
    ]);
  }
  return writeCsv(w.columns, rows) + `# ${disclosureNote(c, w)}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * A self-contained printable report (print to PDF from the browser) in the reader's language: tables, definitions,
 * sources by title and line, disclosure. A suppressed cell says so; it is never blank or 0.
 */
export function comparisonToHtml(c: Comparison, lang: ExportLanguage = 'nl'): string {
  const w = comparisonTexts(lang);
  const r = w.report;
  const names = c.cityIds.map((id) => c.cityNames.get(id) ?? id);
  const head = `<tr><th scope="col">${r.measureColumn}</th>${names.map((n) => `<th scope="col">${escapeHtml(n)}</th>`).join('')}</tr>`;
  const show = (value: number | null, suppressed: boolean) =>
    suppressed ? `<span data-suppressed="true">${escapeHtml(w.suppressedCell)}</span>` : value === null ? w.unknown : String(value);
  const outcomeRows = OUTCOME_MEASURES.map(
    (measure) =>
      `<tr><th scope="row">${escapeHtml(w.measure(measure))}</th>${c.outcomes
        .map((o) => {
          const cell = o.measures.find((m) => m.measure === measure)!.households;
          return `<td>${show(cell.value, cell.suppressed)}</td>`;
        })
        .join('')}</tr>`,
  ).join('');
  const differenceRows = c.differences
    .map(
      (d) =>
        `<tr><th scope="row">${escapeHtml(d.aspect)}</th>${d.values.map((v) => `<td>${escapeHtml(v.value ?? w.unknown)}</td>`).join('')}</tr>`,
    )
    .join('');
  const definitions = OUTCOME_MEASURES.map((m) => `<dt>${escapeHtml(w.measure(m))}</dt><dd>${escapeHtml(w.definition(m))}</dd>`).join('');
  const sources = c.cityIds
    .flatMap((id) =>
      [...(c.published.get(id)?.entries() ?? [])].flatMap(([measure, list]) =>
        list.map(
          (f) =>
            `<li>${escapeHtml(c.cityNames.get(id) ?? id)}, ${escapeHtml(w.measure(measure))}: ${escapeHtml(w.publishedFigure(f.metric))} ${f.year ?? escapeHtml(f.period ? w.moment(f.period) : '')} = ${f.value ?? escapeHtml(f.valueText ? w.reportedWords(f.valueText) : w.unknown)} ${escapeHtml(w.unit(f.unit))} (${escapeHtml(w.source(f.sourceDocument ?? null, f.sourceLines))})</li>`,
        ),
      ),
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(r.title)} ${escapeHtml(w.period(c.from, c.to))}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #888;padding:.3rem .6rem;text-align:left}[data-suppressed]{font-style:italic}@media print{a{color:inherit}}</style></head>
<body>
<h1>${escapeHtml(r.heading)}</h1>
<p>${escapeHtml(w.period(c.from, c.to))}. ${escapeHtml(disclosureNote(c, w))} ${escapeHtml(r.intro)}</p>
<h2>${escapeHtml(r.differences)}</h2>
<table><thead>${head}</thead><tbody>${differenceRows || `<tr><td colspan="${names.length + 1}">${escapeHtml(r.noDifferences)}</td></tr>`}</tbody></table>
<h2>${escapeHtml(r.outcomes)}</h2>
<table><thead>${head}</thead><tbody>${outcomeRows}</tbody></table>
${c.suppressed ? `<p>${escapeHtml(r.suppressedNote)}</p>` : ''}
<h2>${escapeHtml(r.definitions)}</h2><dl>${definitions}</dl>
<h2>${escapeHtml(r.publishedFigures)}</h2><ul>${sources || `<li>${escapeHtml(r.none)}</li>`}</ul>
</body></html>
`;
}
