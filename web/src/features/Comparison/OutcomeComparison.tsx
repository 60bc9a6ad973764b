// Outcomes side by side for policy makers: households per measure and chosen city over the chosen period, small
// counts suppressed and the rest rounded by the API, with the CSV and the printable report to take away.
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
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

export const OutcomesQuery = graphql(`
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

/** The outcomes of the chosen cities over the chosen period (the page's filter decides both). */
export function OutcomeComparison({ cityIds, period }: { cityIds: string[]; period: { from: string; to: string } }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: OutcomesQuery, variables: { ids: cityIds, ...period } });
  const comparison = data?.cityComparison;
  const exportQuery = new URLSearchParams({ cities: cityIds.join(','), ...period, lang: i18n.language === 'en' ? 'en' : 'nl' }).toString();
  return (
    <section aria-labelledby="outcomes-heading">
      <Heading level={3} id="outcomes-heading">
        {t('compare.outcomes')}
      </Heading>
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
