// The source texts the seed and the API write in English (gap-term sources, early-warning figure sources) read back
// in the page's language: a Dutch page shows them in Dutch, an English page in English, with no line code ("L736")
// or English word left in the Dutch text.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUpDefinitions } from '../../api/src/analytics/early-warning-follow-up.js';
import { gapSettingsFromCities } from '../../seed/src/gap-settings.js';
import en from '../../web/src/i18n/en.json';
import nl from '../../web/src/i18n/nl.json';
import { sourceText } from '../../web/src/i18n/source-texts.js';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const settingSources = () => [...new Set(gapSettingsFromCities().map((s) => s.source))];
const followUpSources = () =>
  Object.values(followUpDefinitions).map((define) => define({ termDays: 14, termSource: 'Ketenkaart default: 28 days' } as never).source);

describe('source texts in the page language', () => {
  it('says every seeded gap-term source in Dutch on a Dutch page', () => {
    const dutch = i18n.getFixedT('nl');
    const sources = settingSources();
    expect(sources.some((s) => / by day \d+ /.test(s))).toBe(true);
    for (const source of sources.filter((s) => !s.includes('no feedback deadlines stated'))) {
      const text = sourceText(dutch, source);
      expect(text).not.toMatch(/\bby day\b|\bdefault\b|\bL\d/);
    }
    expect(
      sourceText(
        dutch,
        sources.find((s) => s.includes('by day 28'))!,
      ),
    ).toMatch(/^Vroeg Eropaf: .+ uiterlijk op dag 28 \(onderzoek 2009, regels 736-740\)$/);
  });

  it('keeps English on an English page, with lines in words', () => {
    const english = i18n.getFixedT('en');
    expect(
      sourceText(
        english,
        settingSources().find((s) => s.includes('by day 14'))!,
      ),
    ).toMatch(/^Vroeg Eropaf: .+ by day 14 \(2009 study, lines 736-740\)$/);
  });

  it("says the early-warning figures' sources in Dutch", () => {
    const dutch = i18n.getFixedT('nl');
    for (const source of followUpSources())
      expect(sourceText(dutch, source)).not.toMatch(/\bKetenkaart measure\b|\bdefault\b|\bL\d|docs\//);
  });

  it('shows a text of any other shape as it was written', () => {
    expect(sourceText(i18n.getFixedT('nl'), 'Convenant gemeente Oss 2026, artikel 4')).toBe('Convenant gemeente Oss 2026, artikel 4');
  });
});
