// City comparison for policy makers: structure side by side with its differences, outcomes side by side with
// suppression metadata, and the same tables as CSV and as a printable report with definitions and sources.
import { writeCsv } from '../csv-export.js';
import type { Loaders } from '../loaders.js';
import type { Repositories } from '../repositories/index.js';
import type { FigureRecord } from '../repositories/reference-repository.js';
import { DEFAULT_MIN_CELL, ROUNDING_BASE } from './disclosure.js';
import { REPORTED_CAPACITY_METRICS, statedCapacity, type CapacitySourceTotal } from './stated-capacity.js';
import { cityOutcomes, measureDefinitions, OUTCOME_MEASURES, recordedKinds, type CityOutcomes, type OutcomeMeasure } from './outcomes.js';

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

const cooperationText = { FORMAL: 'formal: covenants and protocols', INFORMAL: 'informal: partnerships' } as const;

/** "at least 114 places (gemeente, 2008)": one source at one moment in one unit, never a sum across them. */
function capacityTotalText(c: CapacitySourceTotal): string {
  const amount = c.total === null ? `unknown ${c.unit}` : `${c.bound === 'AT_LEAST' ? 'at least ' : ''}${c.total} ${c.unit}`;
  return `${amount} (${c.sourceOrg ?? 'the report'}, ${c.year ?? c.asOf ?? 'period not stated'})`;
}

/** The aspects compared; a value of null is "not in the sources" and is shown as unknown, never as none. */
async function structureOf(cityId: string, loaders: Loaders): Promise<Record<string, string | null>> {
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
  const names = new Map((await loaders.agency.loadMany(holderIds)).flatMap((a) => (a && !(a instanceof Error) ? [[a.id, a.name] as const] : [])));
  // Stated holders with the lines that name them; inferred ones apart, so that an inference never reads as published.
  const holders = (basis: 'STATED' | 'INFERRED') =>
    stages
      .filter((s) => s.regieAgencyId && s.regieBasis === basis)
      .map((s) => `${names.get(s.regieAgencyId!) ?? s.regieAgencyId} (step ${s.order}${basis === 'STATED' && s.regieBasisLines ? `, ${s.regieBasisLines}` : ''})`)
      .join('; ') || (holderIds.length || stages.length ? 'none' : null);
  const stated = statedCapacity(capacity);
  const reported = figures.filter((f) => REPORTED_CAPACITY_METRICS.includes(f.metric));
  return {
    'chain model published': model ? (model.published ? 'yes' : 'reconstructed from the report text') : null,
    'chain cooperation (002 L4646-4652)': city?.chainCooperation ? cooperationText[city.chainCooperation] : null,
    'steps in the chain model': stages.length ? String(stages.length) : null,
    'regie holders in the chain model, stated in the report': holders('STATED'),
    'regie holders in the chain model, inferred (not stated as regie in the report)': holders('INFERRED'),
    'regie statements in the report': notes.length ? String(notes.length) : null,
    'early warning: report after months of arrears': warning?.reportAfterMonthsArrears != null ? String(warning.reportAfterMonthsArrears) : null,
    'early warning: feedback deadlines (days)': warning?.feedbackDays.length ? warning.feedbackDays.join(' and ') : null,
    'facilities in the sources': String(facilities.items.length),
    'shelter capacity as the report totals it': reported.length
      ? reported.map((f) => `${f.valueText ?? f.value ?? 'unknown'} ${f.unit ?? '(unit not stated)'} (${[f.sourceOrg, f.year ?? f.period, f.sourceLines].filter(Boolean).join(', ')})`).join('; ')
      : null,
    'shelter capacity per source (never added across sources, units or plans)': stated.totals.length ? stated.totals.map(capacityTotalText).join('; ') : null,
  };
}

export async function compareCities(
  deps: { repos: Repositories; loaders: Loaders },
  cityIds: string[],
  period: { from: string; to: string },
  suppress: boolean,
): Promise<Comparison> {
  const { repos, loaders } = deps;
  const cities = (await loaders.centrumgemeente.loadMany(cityIds)).flatMap((c) => (c && !(c instanceof Error) ? [c] : []));
  const cityNames = new Map(cities.map((c) => [c.id, c.name]));
  const [outcomes, structures, figures] = await Promise.all([
    Promise.all(cityIds.map(async (cityId) => cityOutcomes(cityId, await repos.analytics.outcomes(cityId, recordedKinds, period.from, period.to), period, suppress))),
    Promise.all(cityIds.map((cityId) => structureOf(cityId, loaders))),
    Promise.all(cityIds.map((cityId) => loaders.figuresByCity.load(cityId))),
  ]);
  const differences: StructureDifference[] = Object.keys(structures[0] ?? {}).flatMap((aspect) => {
    const values = cityIds.map((cityId, index) => ({ cityId, value: structures[index]![aspect] ?? null }));
    return new Set(values.map((v) => v.value)).size > 1 ? [{ aspect, values }] : [];
  });
  const published = new Map(
    cityIds.map((cityId, index) => [
      cityId,
      new Map(OUTCOME_MEASURES.map((measure) => [measure, figures[index]!.filter((f) => measureDefinitions[measure].publishedMetrics.includes(f.metric))])),
    ]),
  );
  return { cityIds, cityNames, ...period, suppressed: suppress, outcomes, published, differences };
}

const disclosureNote = (c: Comparison) =>
  c.suppressed
    ? `Counts below ${DEFAULT_MIN_CELL} are suppressed (with secondary suppression within a group); shown counts are rounded to a multiple of ${ROUNDING_BASE}.`
    : 'Counts are exact (coordinator of the region).';

/** One row per measure and city, in the units and with the status a reader needs to use the number. */
export function comparisonToCsv(c: Comparison): string {
  const rows: (string | number | null)[][] = [];
  for (const outcome of c.outcomes) {
    const city = c.cityNames.get(outcome.cityId) ?? outcome.cityId;
    for (const { measure, households } of outcome.measures) {
      rows.push([city, measure, households.value, households.suppressed ? 'suppressed' : 'measured', 'households', `${c.from}..${c.to}`, 'recorded in Ketenkaart', measureDefinitions[measure].definition]);
      for (const figure of c.published.get(outcome.cityId)?.get(measure) ?? []) {
        rows.push([city, measure, figure.value, figure.status.toLowerCase(), figure.unit, figure.year ?? figure.period, `${figure.sourceDocument ?? ''} ${figure.sourceLines ?? ''}`.trim(), `published: ${figure.metric}${figure.scope ? ` (${figure.scope})` : ''}`]);
      }
    }
    for (const { reason, households } of outcome.refusalsByReason) {
      rows.push([city, `REFUSALS:${reason}`, households.value, households.suppressed ? 'suppressed' : 'measured', 'households', `${c.from}..${c.to}`, 'recorded in Ketenkaart', `Households refused for ${reason}.`]);
    }
    rows.push([city, 'WAITING_DAYS_MEDIAN', outcome.waitingDays.median, outcome.waitingDays.median === null ? 'unknown or suppressed' : 'measured', 'days', `${c.from}..${c.to}`, 'recorded in Ketenkaart', 'Median days from a waiting-list entry to its exit, exits in the period.']);
  }
  return writeCsv(['city', 'measure', 'value', 'status', 'unit', 'period', 'source', 'definition'], rows) + `# ${disclosureNote(c)}\n`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** A self-contained printable report (print to PDF from the browser): tables, definitions, sources, disclosure. */
export function comparisonToHtml(c: Comparison): string {
  const names = c.cityIds.map((id) => c.cityNames.get(id) ?? id);
  const head = `<tr><th scope="col">Maat</th>${names.map((n) => `<th scope="col">${escapeHtml(n)}</th>`).join('')}</tr>`;
  const show = (value: number | null, suppressed: boolean) => (suppressed ? '&lt; 5' : value === null ? 'onbekend' : String(value));
  const outcomeRows = OUTCOME_MEASURES.map((measure) => `<tr><th scope="row">${measure}</th>${c.outcomes
    .map((o) => {
      const cell = o.measures.find((m) => m.measure === measure)!.households;
      return `<td>${show(cell.value, cell.suppressed)}</td>`;
    })
    .join('')}</tr>`).join('');
  const differenceRows = c.differences
    .map((d) => `<tr><th scope="row">${escapeHtml(d.aspect)}</th>${d.values.map((v) => `<td>${escapeHtml(v.value ?? 'onbekend')}</td>`).join('')}</tr>`)
    .join('');
  const definitions = OUTCOME_MEASURES.map((m) => `<dt>${m}</dt><dd>${escapeHtml(measureDefinitions[m].definition)}</dd>`).join('');
  const sources = c.cityIds
    .flatMap((id) => [...(c.published.get(id)?.values() ?? [])].flat().map((f) => `<li>${escapeHtml(c.cityNames.get(id) ?? id)}: ${escapeHtml(f.metric)} ${f.year ?? f.period ?? ''} = ${f.value ?? escapeHtml(f.valueText ?? 'onbekend')} ${escapeHtml(f.unit ?? '')} (${escapeHtml(`${f.sourceDocument ?? ''} ${f.sourceLines ?? ''}`.trim())})</li>`))
    .join('');
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Ketenkaart: steden vergelijken ${c.from} tot en met ${c.to}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #888;padding:.3rem .6rem;text-align:left}@media print{a{color:inherit}}</style></head>
<body>
<h1>Steden vergelijken</h1>
<p>Periode ${c.from} tot en met ${c.to}. ${escapeHtml(disclosureNote(c))} Aantallen zijn huishoudens, vastgelegd in Ketenkaart; synthetische demodata zijn geen echte cijfers. Per 1.000 huishoudens kan niet: het aantal huishoudens per regio staat niet in de bronnen.</p>
<h2>Hoe de keten is georganiseerd: verschillen</h2>
<table><thead>${head}</thead><tbody>${differenceRows || `<tr><td colspan="${names.length + 1}">Geen verschillen in de vergeleken punten.</td></tr>`}</tbody></table>
<h2>Wat eruit komt</h2>
<table><thead>${head}</thead><tbody>${outcomeRows}</tbody></table>
<h2>Definities</h2><dl>${definitions}</dl>
<h2>Gepubliceerde cijfers uit het rapport</h2><ul>${sources || '<li>Geen.</li>'}</ul>
</body></html>
`;
}
