// What became of a region's early-warning signals, per signalling agency: contact in time, debt arrangement, summons,
// eviction, repeat signals and days to first contact, each figure with its meaning and source. Aggregates only.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { graphql, type ResultOf } from '../../graphql';
import { type SuppressibleCount } from '../../layout/Count';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { reportLines, sourceText } from '../../i18n/source-texts';

const FollowUpRow = graphql(`
  fragment EarlyWarningFollowUp_Row on EarlyWarningFollowUpRow @_unmask {
    signallingAgency {
      id
      name
    }
    signals {
      value
      suppressed
    }
    medianDaysToFirstContact
    figures {
      measure
      count {
        value
        suppressed
      }
      share
      source
    }
  }
`);

const FollowUpQuery = graphql(
  `
    query EarlyWarningFollowUp_Figures($id: ID!, $from: Date!, $to: Date!) {
      earlyWarningFollowUp(centrumgemeenteId: $id, from: $from, to: $to) {
        termDays
        termSource
        thresholdBasis {
          months
          arrangementName
          report
          lines
        }
        medianSource
        total {
          ...EarlyWarningFollowUp_Row
        }
        bySignallingAgency {
          ...EarlyWarningFollowUp_Row
        }
      }
    }
  `,
  [FollowUpRow],
);

type Figure = ResultOf<typeof FollowUpRow>['figures'][number];
type ThresholdBasis = NonNullable<ResultOf<typeof FollowUpQuery>['earlyWarningFollowUp']>['thresholdBasis'];

/** Which signals count, and from which arrangement, written here from facts: an arrangement without a name says so. */
function thresholdText(t: TFunction, basis: ThresholdBasis): string {
  if (!basis) return t('earlyWarning.noThreshold');
  const source = basis.lines ? reportLines(t, basis.report, basis.lines) : t(`sourceTexts.reports.${basis.report}`);
  return basis.arrangementName
    ? t('earlyWarning.thresholdNamed', { months: basis.months, arrangement: basis.arrangementName, source })
    : t('earlyWarning.thresholdUnnamed', { months: basis.months, source });
}

export function EarlyWarningFollowUp({ cityId, from, to }: { cityId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: FollowUpQuery, variables: { id: cityId, from, to } });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const result = data?.earlyWarningFollowUp;
  if (!result) return null;
  const measures = result.total.figures.map((f) => f.measure);
  const count = (c: SuppressibleCount) => (c.suppressed ? t('compare.suppressed') : String(c.value ?? t('common.unknown')));
  const percent = (share: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 }).format(share * 100);
  const figureText = (f: Figure) =>
    f.share === null ? count(f.count) : t('earlyWarning.share', { count: count(f.count), share: percent(f.share) });
  const rows = [
    { ...result.total, label: t('earlyWarning.total') },
    ...result.bySignallingAgency.map((r) => ({ ...r, label: r.signallingAgency?.name ?? t('earlyWarning.noAgency') })),
  ];

  return (
    <section aria-labelledby="early-warning-heading">
      <Heading level={3} id="early-warning-heading">
        {t('earlyWarning.title')}
      </Heading>
      <Paragraph>{t('earlyWarning.intro', { from, to, days: result.termDays })}</Paragraph>
      <Paragraph>{t('earlyWarning.term', { source: sourceText(t, result.termSource) })}</Paragraph>
      <Paragraph>{thresholdText(t, result.thresholdBasis)}</Paragraph>
      {result.total.signals.value === 0 ? (
        <Empty>{t('earlyWarning.none')}</Empty>
      ) : (
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{t('earlyWarning.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('earlyWarning.agency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('earlyWarning.signals')}</TableHeaderCell>
                {measures.map((m) => (
                  <TableHeaderCell scope="col" key={m}>
                    {t(`earlyWarning.measures.${m}`)}
                  </TableHeaderCell>
                ))}
                <TableHeaderCell scope="col">{t('earlyWarning.median')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.signallingAgency?.id ?? r.label}>
                  <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
                  <TableCell>{count(r.signals)}</TableCell>
                  {r.figures.map((f) => (
                    <TableCell key={f.measure}>{figureText(f)}</TableCell>
                  ))}
                  <TableCell>{r.medianDaysToFirstContact ?? t('common.unknown')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Heading level={4}>{t('earlyWarning.definitions')}</Heading>
      <DataList>
        {result.total.figures.map((f) => (
          <DataListItem key={f.measure}>
            <DataListKey>{t(`earlyWarning.measures.${f.measure}`)}</DataListKey>
            <DataListValue>
              {t(`earlyWarning.about.${f.measure}`, { days: result.termDays })}{' '}
              {t('earlyWarning.definitionSource', { source: sourceText(t, f.source) })}
            </DataListValue>
          </DataListItem>
        ))}
        <DataListItem>
          <DataListKey>{t('earlyWarning.median')}</DataListKey>
          <DataListValue>
            {t('earlyWarning.about.MEDIAN')} {t('earlyWarning.definitionSource', { source: sourceText(t, result.medianSource) })}
          </DataListValue>
        </DataListItem>
      </DataList>
    </section>
  );
}
