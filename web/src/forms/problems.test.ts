// The sentences a person reads for the field problems the shelter and account forms meet, in Dutch and English:
// a negative count is asked to be 0 or more (not called "no whole number"), and another date is named in words,
// never by a file column such as period_start.
import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import nl from '../i18n/nl.json';
import { problemText, type Problem } from './problems';

const i18n = createInstance();
beforeAll(() =>
  i18n.init({ resources: { nl: { translation: nl }, en: { translation: en } }, lng: 'nl', interpolation: { escapeValue: false } }),
);

const cases: [string, Problem, string, string][] = [
  ['a negative count', { code: 'TOO_SMALL', params: { minimum: '0' } }, 'Vul 0 of een hoger getal in.', 'Enter 0 or a higher number.'],
  [
    'a count with a decimal',
    { code: 'NOT_WHOLE_NUMBER', params: { value: '2,5' } },
    '2,5 is geen heel getal. Schrijf alleen cijfers, zoals 12.',
    '2,5 is not a whole number. Write digits only, such as 12.',
  ],
  [
    'a period that ends before it starts',
    { code: 'BEFORE_OTHER_DATE', params: { other: 'period_start' } },
    'Deze datum ligt vóór de eerste dag van de periode. Kies een latere datum.',
    'This date is before the first day of the period. Choose a later date.',
  ],
  [
    'a waiting-list exit before the entry',
    { code: 'BEFORE_OTHER_DATE', params: { other: 'date_on' } },
    'Deze datum ligt vóór de dag dat het gezin op de lijst kwam. Kies een latere datum.',
    'This date is before the day the family was put on the list. Choose a later date.',
  ],
  [
    'an exit date without an outcome',
    { code: 'GIVE_TOGETHER', params: { other: 'date_off' } },
    'Vul dit in samen met de dag dat het gezin van de lijst ging, of laat beide leeg.',
    'Fill this in together with the day the family left the list, or leave both empty.',
  ],
  ['an onward referral without its agency', { code: 'AGENCY_NEEDED', params: {} }, 'Kies de organisatie.', 'Choose the organisation.'],
];

describe('problem sentences', () => {
  it.each(cases)('%s, in Dutch', async (_case, problem, dutch) => {
    await i18n.changeLanguage('nl');
    expect(problemText(i18n.t, problem)).toBe(dutch);
  });

  it.each(cases)('%s, in English', async (_case, problem, _dutch, english) => {
    await i18n.changeLanguage('en');
    expect(problemText(i18n.t, problem)).toBe(english);
  });

  it('name no field code and no column code in any field name', () => {
    for (const names of [nl.problems.fieldNames, en.problems.fieldNames])
      for (const [key, words] of Object.entries(names)) expect(words, key).not.toMatch(/_|[a-z][A-Z]|\(/);
  });
});
