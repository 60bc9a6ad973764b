import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import nl from '../../i18n/nl.json';
import { waitingTimesText, type WaitingTimesFigures } from './waiting-times-text';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', interpolation: { escapeValue: false } });
});

const known: WaitingTimesFigures = {
  waiting: { value: 6 },
  left: { value: 12 },
  medianDaysToLeave: 9,
  p90DaysToLeave: 30,
  medianDaysWaiting: 4,
};

describe('waiting times in words', () => {
  it('says known figures as numbers of days', () => {
    expect(waitingTimesText(i18n.getFixedT('nl'), known)).toBe(
      'Mediaan tot vertrek van de lijst: 9 dagen. 9 van de 10 gezinnen gingen binnen 30 dagen van de lijst. Mediaan wachttijd tot nu: 4 dagen.',
    );
    expect(waitingTimesText(i18n.getFixedT('en'), { ...known, p90DaysToLeave: undefined, longestDaysWaiting: 1 })).toBe(
      'Median until leaving the list: 9 days. Median wait so far: 4 days. Longest wait: 1 day.',
    );
  });

  it('says why a figure is not known instead of putting "onbekend" where the days would be', () => {
    const nobodyLeft = { ...known, left: { value: 0 }, medianDaysToLeave: null, p90DaysToLeave: null };
    const tooFew = {
      waiting: { value: null, suppressed: true },
      left: { value: null, suppressed: true },
      medianDaysToLeave: null,
      p90DaysToLeave: null,
      medianDaysWaiting: null,
    };
    const nobodyWaiting = { ...known, waiting: { value: 0 }, medianDaysWaiting: null };
    for (const lng of ['nl', 'en']) {
      const t = i18n.getFixedT(lng);
      for (const figures of [nobodyLeft, tooFew, nobodyWaiting]) {
        const text = waitingTimesText(t, figures);
        expect(text).not.toMatch(/onbekend|unknown|binnen\s*[.;]|within\s*[.;]|:\s*[.;]/i);
        expect(text).toMatch(/[.]$/);
      }
    }
    const dutch = i18n.getFixedT('nl');
    expect(waitingTimesText(dutch, nobodyLeft)).toMatch(/^Nog geen gezin ging van de lijst af\. .* Mediaan wachttijd tot nu: 4 dagen\.$/);
    expect(waitingTimesText(dutch, tooFew)).toMatch(/tonen we niet: te weinig gezinnen .* tonen we niet: het zijn er te weinig\.$/);
    // Nobody waiting: the count beside the sentences says so; no sentence about a wait so far.
    expect(waitingTimesText(dutch, nobodyWaiting)).not.toMatch(/wachttijd tot nu|al wachten/);
  });
});
