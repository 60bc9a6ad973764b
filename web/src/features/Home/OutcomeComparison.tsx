// Outcomes side by side for policy makers: households per measure and city over the last twelve months, small
// counts suppressed and the rest rounded by the API, with the CSV and the printable report to take away.
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Heading, Link, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { BarChart } from '../../charts/Chart';
import { Count, type SuppressibleCount } from '../../layout/Count';
import { GraphOrTable } from '../../layout/GraphOrTable';
import { ErrorAlert, Loading } from '../../layout/States';

const OutcomesQuery = `query Home_Outcomes($ids: [ID!]!, $from: Date!, $to: Date!) { cityComparison(centrumgemeenteIds: $ids, from: $from, to: $to) {
  roundingBase minCell
  definitions { measure definition }
  cities { centrumgemeente { id name } measures { measure households { value suppressed } } medianWaitingDays }
  suppressedCells { measure } } }`;

interface OutcomesData {
  cityComparison: {
    roundingBase: number | null;
    minCell: number;
    definitions: { measure: string; definition: string }[];
    cities: { centrumgemeente: { id: string; name: string }; measures: { measure: string; households: SuppressibleCount }[]; medianWaitingDays: number | null }[];
    suppressedCells: { measure: string }[];
  };
}

/** The last twelve months up to yesterday. */
function lastYear(): { from: string; to: string } {
  const to = new Date(Date.now() - 86_400_000);
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate() + 1));
  return { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
}

export function OutcomeComparison({ cityIds }: { cityIds: string[] }) {
  const { t } = useTranslation();
  const period = lastYear();
  const [{ data, fetching, error }] = useQuery<OutcomesData>({ query: OutcomesQuery, variables: { ids: cityIds, ...period }, pause: cityIds.length === 0 });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const comparison = data?.cityComparison;
  if (!comparison) return null;
  const exportQuery = new URLSearchParams({ cities: cityIds.join(','), ...period }).toString();
  return (
    <section aria-labelledby="outcomes-heading">
      <Heading level={3} id="outcomes-heading">{t('compare.outcomes')}</Heading>
      <Paragraph>{t('compare.outcomesIntro', { from: period.from, to: period.to, base: comparison.roundingBase ?? 1 })}</Paragraph>
      <GraphOrTable
        graph={
          <BarChart
            labels={comparison.definitions.map((d) => t(`measures.${d.measure}`))}
            summary={t('compare.chartSummary')}
            series={comparison.cities.map((c) => ({
              label: c.centrumgemeente.name,
              values: comparison.definitions.map((d) => c.measures.find((m) => m.measure === d.measure)?.households.value ?? null),
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
                {comparison.cities.map((c) => <TableHeaderCell scope="col" key={c.centrumgemeente.id}>{c.centrumgemeente.name}</TableHeaderCell>)}
              </TableRow>
            </TableHeader>
            <TableBody>
              {comparison.definitions.map((d) => (
                <TableRow key={d.measure}>
                  <TableHeaderCell scope="row"><abbr title={d.definition}>{t(`measures.${d.measure}`)}</abbr></TableHeaderCell>
                  {comparison.cities.map((c) => (
                    <TableCell key={c.centrumgemeente.id}><Count cell={c.measures.find((m) => m.measure === d.measure)?.households} /></TableCell>
                  ))}
                </TableRow>
              ))}
              <TableRow>
                <TableHeaderCell scope="row">{t('compare.medianWaitingDays')}</TableHeaderCell>
                {comparison.cities.map((c) => <TableCell key={c.centrumgemeente.id}>{c.medianWaitingDays ?? t('common.unknown')}</TableCell>)}
              </TableRow>
            </TableBody>
          </Table>
        </div>
        }
      />
      <Paragraph>{t('compare.per1000Unknown')}</Paragraph>
      <Paragraph>
        <Link href={`/exports/comparison.csv?${exportQuery}`} download>{t('compare.downloadCsv')}</Link>
        {' · '}
        <Link href={`/exports/comparison.html?${exportQuery}`} target="_blank" rel="noopener">{t('compare.printable')}</Link>
      </Paragraph>
    </section>
  );
}
