// The policy page's filter: period and cities, kept in the URL (?from=&to=&cities=) so that a comparison can be
// shared and reloaded. It comes first on the page and governs every figure below it; a choice that cannot be
// compared (an empty or reversed period, no city) stays in the form with its error and changes nothing.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField as UtrechtFormField,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { hasProblems, missingRequired, problemText, type FormProblems } from '../../forms/problems';
import { useForm } from '../../forms/useForm';
import { addDays, addMonths, today } from '../../days';

export interface City {
  id: string;
  name: string;
}

/** The last twelve months up to yesterday. */
function lastYear(): { from: string; to: string } {
  const to = addDays(today(), -1);
  return { from: addDays(addMonths(to, -12), 1), to };
}

const isDay = (value: string | null): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The chosen period and cities, read from the URL; what is missing or unreadable there falls back to a year and all cities. */
export function useComparisonChoice(allCityIds: string[]) {
  const [params, setParams] = useSearchParams();
  const fallback = lastYear();
  const asked = { from: params.get('from'), to: params.get('to') };
  const period = isDay(asked.from) && isDay(asked.to) && asked.from <= asked.to ? { from: asked.from, to: asked.to } : fallback;
  const listed =
    params
      .get('cities')
      ?.split(',')
      .filter((id) => allCityIds.includes(id)) ?? [];
  const cityIds = listed.length > 0 ? allCityIds.filter((id) => listed.includes(id)) : allCityIds;
  const choose = (next: { from: string; to: string; cityIds: string[] }) =>
    setParams({ from: next.from, to: next.to, cities: next.cityIds.join(',') }, { replace: true });
  return { ...period, cityIds, choose };
}

export type ComparisonChoiceState = ReturnType<typeof useComparisonChoice>;

/** What is wrong with a choice, by field, in the codes the API uses for the same faults. */
function problemsOf(values: { from: string; to: string }, cityIds: string[]): FormProblems {
  const problems: FormProblems = missingRequired(values, ['from', 'to']);
  for (const field of ['from', 'to'] as const)
    if (!problems[field] && !isDay(values[field])) problems[field] = [{ code: 'NOT_A_DATE', params: { value: values[field] } }];
  if (!problems.from && !problems.to && values.to < values.from) problems.to = [{ code: 'BEFORE_OTHER_DATE', params: { other: 'from' } }];
  if (cityIds.length === 0) problems.cities = [{ code: 'NO_CITY_CHOSEN', params: {} }];
  return problems;
}

export function ComparisonChoice({ cities, choice }: { cities: City[]; choice: ComparisonChoiceState }) {
  const { t } = useTranslation();
  const form = useForm('compare', { from: choice.from, to: choice.to });
  const [chosen, setChosen] = useState<string[]>(choice.cityIds);
  const labels = { from: t('compare.from'), to: t('compare.to'), cities: t('compare.cities') };
  const cityProblems = form.problems.cities ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = problemsOf(form.values, chosen);
    form.setProblems(problems);
    if (!hasProblems(problems)) choice.choose({ ...form.values, cityIds: cities.map((c) => c.id).filter((id) => chosen.includes(id)) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('compare.choose')}>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <div className="kk-filters">
        <FormField {...form.field('from')} control="date" label={labels.from} required />
        <FormField {...form.field('to')} control="date" label={labels.to} required />
        <Fieldset invalid={cityProblems.length > 0} aria-describedby={cityProblems.length > 0 ? 'compare-cities-error' : undefined}>
          <FieldsetLegend>{labels.cities}</FieldsetLegend>
          {cityProblems.length > 0 && (
            <FormFieldErrorMessage id="compare-cities-error">{cityProblems.map((p) => problemText(t, p)).join(' ')}</FormFieldErrorMessage>
          )}
          {cities.map((c, index) => {
            // The first box carries the field's id, so that the error summary's link lands in the group.
            const id = index === 0 ? form.idOf('cities') : `compare-city-${c.id}`;
            return (
              <UtrechtFormField type="checkbox" key={c.id}>
                <Checkbox
                  id={id}
                  checked={chosen.includes(c.id)}
                  invalid={cityProblems.length > 0}
                  onChange={() => setChosen(chosen.includes(c.id) ? chosen.filter((other) => other !== c.id) : [...chosen, c.id])}
                />
                <FormLabel htmlFor={id} type="checkbox">
                  {c.name}
                </FormLabel>
              </UtrechtFormField>
            );
          })}
        </Fieldset>
        <Button type="submit" appearance="secondary-action-button">
          {t('compare.show')}
        </Button>
      </div>
    </form>
  );
}
