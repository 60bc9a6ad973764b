// Outcomes side by side for policy makers: households per measure and city over the last twelve months, small
// counts suppressed and the rest rounded by the API, with the CSV and the printable report to take away.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Button,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField as UtrechtFormField,
  FormLabel,
  Heading,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { BarChart } from '../../charts/Chart';
import { graphql, type ResultOf } from '../../graphql';
import { Count } from '../../layout/Count';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { ErrorAlert, Loading } from '../../layout/States';
import { FormField } from '../../forms/FormField';
import { addDays, addMonths, today } from '../../days';

const OutcomesQuery = graphql(`
  query OutcomeComparison_Outcomes($ids: [ID!]!, $from: Date!, $to: Date!) {
    cityComparison(centrumgemeenteIds: $ids, from: $from, to: $to) {
      roundingBase
      minCell
      definitions {
        measure
        definition
      }
      cities {
        centrumgemeente {
          id
          name
        }
        measures {
          measure
          households {
            value
            suppressed
          }
        }
        medianWaitingDays
      }
      suppressedCells {
        measure
      }
    }
  }
`);

type Comparison = ResultOf<typeof OutcomesQuery>['cityComparison'];

/** The last twelve months up to yesterday. */
function lastYear(): { from: string; to: string } {
  const to = addDays(today(), -1);
  return { from: addDays(addMonths(to, -12), 1), to };
}

const isDay = (value: string | null): value is string => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Period and cities live in the URL (?from=&to=&cities=), so that a comparison can be shared and reloaded. */
function useComparisonChoice(allCityIds: string[]) {
  const [params, setParams] = useSearchParams();
  const fallback = lastYear();
  const from = isDay(params.get('from')) ? params.get('from')! : fallback.from;
  const to = isDay(params.get('to')) ? params.get('to')! : fallback.to;
  const listed =
    params
      .get('cities')
      ?.split(',')
      .filter((id) => allCityIds.includes(id)) ?? [];
  const cityIds = listed.length > 0 ? listed : allCityIds;
  const choose = (next: { from: string; to: string; cityIds: string[] }) =>
    setParams({ from: next.from, to: next.to, cities: next.cityIds.join(',') }, { replace: true });
  return { from, to, cityIds, choose };
}

export function OutcomeComparison({ cities }: { cities: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const choice = useComparisonChoice(cities.map((c) => c.id));
  const period = { from: choice.from, to: choice.to };
  const cityIds = choice.cityIds;
  const [{ data, fetching, error }] = useQuery({
    query: OutcomesQuery,
    variables: { ids: cityIds, ...period },
    pause: cityIds.length === 0,
  });
  const comparison = data?.cityComparison;
  const exportQuery = new URLSearchParams({ cities: cityIds.join(','), ...period, lang: i18n.language === 'en' ? 'en' : 'nl' }).toString();
  return (
    <section aria-labelledby="outcomes-heading">
      <Heading level={3} id="outcomes-heading">
        {t('compare.outcomes')}
      </Heading>
      <ComparisonChoice cities={cities} choice={choice} />
      {fetching && !data ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        comparison && <Outcomes comparison={comparison} period={period} exportQuery={exportQuery} />
      )}
    </section>
  );
}

function ComparisonChoice({ cities, choice }: { cities: { id: string; name: string }[]; choice: ReturnType<typeof useComparisonChoice> }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(choice.from);
  const [to, setTo] = useState(choice.to);
  const [chosen, setChosen] = useState<string[]>(choice.cityIds);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0 && isDay(from) && isDay(to) && from <= to) choice.choose({ from, to, cityIds: chosen });
  };
  return (
    <form onSubmit={submit} className="kk-filters" aria-label={t('compare.choose')}>
      <FormField id="compare-from" control="date" label={t('compare.from')} required value={from} onChange={setFrom} />
      <FormField id="compare-to" control="date" label={t('compare.to')} required value={to} onChange={setTo} />
      <Fieldset>
        <FieldsetLegend>{t('compare.cities')}</FieldsetLegend>
        {cities.map((c) => (
          <UtrechtFormField type="checkbox" key={c.id}>
            <Checkbox
              id={`compare-city-${c.id}`}
              checked={chosen.includes(c.id)}
              onChange={() => setChosen(chosen.includes(c.id) ? chosen.filter((id) => id !== c.id) : [...chosen, c.id])}
            />
            <FormLabel htmlFor={`compare-city-${c.id}`} type="checkbox">
              {c.name}
            </FormLabel>
          </UtrechtFormField>
        ))}
      </Fieldset>
      <Button type="submit" appearance="secondary-action-button">
        {t('compare.show')}
      </Button>
    </form>
  );
}

function Outcomes({
  comparison,
  period,
  exportQuery,
}: {
  comparison: Comparison;
  period: { from: string; to: string };
  exportQuery: string;
}) {
  const { t } = useTranslation();
  const cellOf = (c: Comparison['cities'][number], measure: string) => c.measures.find((m) => m.measure === measure)?.households;
  return (
    <>
      <Paragraph>{t('compare.outcomesIntro', { from: period.from, to: period.to, base: comparison.roundingBase ?? 1 })}</Paragraph>
      <Paragraph>{t('compare.suppressedExplained')}</Paragraph>
      <GraphOrTable
        graph={
          <BarChart
            labels={comparison.definitions.map((d) => t(`measures.${d.measure}`))}
            summary={t('compare.chartSummary')}
            suppressedMark={t('compare.suppressed')}
            series={comparison.cities.map((c) => ({
              label: c.centrumgemeente.name,
              values: comparison.definitions.map((d) => cellOf(c, d.measure)?.value ?? null),
              suppressed: comparison.definitions.map((d) => cellOf(c, d.measure)?.suppressed ?? false),
            }))}
          />
        }
        table={
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>{t('compare.outcomesCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('compare.measure')}</TableHeaderCell>
                  {comparison.cities.map((c) => (
                    <TableHeaderCell scope="col" key={c.centrumgemeente.id}>
                      {c.centrumgemeente.name}
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {comparison.definitions.map((d) => (
                  <TableRow key={d.measure}>
                    <TableHeaderCell scope="row">{t(`measures.${d.measure}`)}</TableHeaderCell>
                    {comparison.cities.map((c) => (
                      <TableCell key={c.centrumgemeente.id}>
                        <Count cell={c.measures.find((m) => m.measure === d.measure)?.households} />
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
                <TableRow>
                  <TableHeaderCell scope="row">{t('compare.medianWaitingDays')}</TableHeaderCell>
                  {comparison.cities.map((c) => (
                    <TableCell key={c.centrumgemeente.id}>{c.medianWaitingDays ?? t('common.unknown')}</TableCell>
                  ))}
                </TableRow>
              </TableBody>
            </Table>
          </div>
        }
      />
      <Heading level={4}>{t('compare.definitions')}</Heading>
      <dl className="kk-definitions">
        {comparison.definitions.map((d) => (
          <div key={d.measure}>
            <dt>{t(`measures.${d.measure}`)}</dt>
            <dd>{t(`compare.measureDefinitions.${d.measure}`, { defaultValue: t('common.unknown') })}</dd>
          </div>
        ))}
      </dl>
      <Paragraph>{t('compare.per1000Unknown')}</Paragraph>
      <Paragraph>
        <Link href={`/exports/comparison.csv?${exportQuery}`} download>
          {t('compare.downloadCsv')}
        </Link>
        {' · '}
        <Link href={`/exports/comparison.html?${exportQuery}`} target="_blank" rel="noopener">
          {t('compare.printable')}
        </Link>
      </Paragraph>
    </>
  );
}
