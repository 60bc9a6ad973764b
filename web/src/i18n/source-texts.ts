// Source texts that the seed writes into data in English (where a gap term or an early-warning figure comes from),
// read back into the chosen language. The shapes are the seed's (seed/src/gap-settings.ts) and the API's
// (early-warning follow-up); tests/unit/source-texts.test.ts keeps them in step. Any other text, such as a city's
// own setting, is shown as it was written.
import type { TFunction } from 'i18next';

/** "L736-740, L1186-1194" of a report ("002") in words: "onderzoek 2009, regels 736-740, 1186-1194". */
export function reportLines(t: TFunction, report: string, lines: string): string {
  const numbers = lines.replace(/^\s*L/, '').replace(/,\s*L/g, ', ').trim();
  return t('sourceTexts.reportLines', { report: t(`sourceTexts.reports.${report}`, { defaultValue: report }), lines: numbers });
}

/** A source file ("002_274c437a37338521.txt") by the report it holds, with its lines: never the file's name. */
export function documentLines(t: TFunction, document: string | null | undefined, lines: string | null | undefined): string {
  const report = /^(?<report>\d{3})(?:[_.-]|$)/.exec(document ?? '')?.groups?.report ?? 'unknown';
  if (!lines) return t(`sourceTexts.reports.${report}`, { defaultValue: t('sourceTexts.reports.unknown') });
  return reportLines(t, report, lines);
}

const COVENANT_TERM = /^(?<covenant>.+): (?<step>.+) by day (?<days>\d+) \((?<report>\d{3}) (?<lines>L[\dL, -]+)\)$/;
const MEASURE = /^Ketenkaart measure over recorded paths(?<rest>.*)$/;
const AIM = /^; debt counselling as the arrangement's aim: (?<report>\d{3}) (?<lines>L[\dL, -]+)$/;
// The section of the domain description, by its number: a person reads no file name.
const DOMAIN = /^ \(docs\/domain\.md §(?<section>\d+): [^)]*\)$/;

export function sourceText(t: TFunction, text: string): string {
  if (text.startsWith('Ketenkaart default')) return t('gapExplain.defaultSource');
  const term = COVENANT_TERM.exec(text)?.groups;
  if (term)
    return t('sourceTexts.covenantTerm', {
      covenant: term.covenant,
      step: term.step,
      days: Number(term.days),
      source: reportLines(t, term.report!, term.lines!),
    });
  const measure = MEASURE.exec(text)?.groups;
  if (measure) {
    const rest = measure.rest ?? '';
    const aim = AIM.exec(rest)?.groups;
    const domain = DOMAIN.exec(rest)?.groups;
    if (rest === '') return t('sourceTexts.measure');
    if (aim) return t('sourceTexts.measureWithAim', { source: reportLines(t, aim.report!, aim.lines!) });
    if (domain) return t('sourceTexts.measureWithSection', { section: domain.section });
  }
  return text;
}
