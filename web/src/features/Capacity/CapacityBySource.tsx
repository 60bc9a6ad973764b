// Shelter capacity as the sources state it: one line per source, moment and unit, the range where sources differ,
// planned capacity apart and the report's own words beside it. No total across sources, units or plans.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { graphql, type ResultOf } from '../../graphql';
import { reportLines } from '../../i18n/source-texts';

/** One capacity total; the API never adds across sources, units or plans. */
export const CapacityTotalFields = graphql(`
  fragment CapacityTotalFields on CapacityTotal @_unmask {
    sourceOrg
    year
    asOf
    unit
    total
    bound
    sourceLines
  }
`);
/** A region's capacity as its sources state it (Centrumgemeente.statedCapacity). */
export const StatedCapacityFields = graphql(
  `
    fragment StatedCapacityFields on StatedCapacity @_unmask {
      totals {
        ...CapacityTotalFields
      }
      ranges {
        year
        asOf
        unit
        low
        high
      }
      planned {
        value
        unit
        facility {
          name
        }
        source {
          lines
        }
      }
      facilitiesWithoutFigure {
        name
      }
      reportedTotals {
        metric
        value
        valueText
        unit
        sourceOrg
        year
        period
        source {
          lines
        }
      }
    }
  `,
  [CapacityTotalFields],
);

type CapacityTotal = ResultOf<typeof CapacityTotalFields>;
type StatedCapacity = ResultOf<typeof StatedCapacityFields>;

/** The seed data say "time of study (Amsterdam interviews April-May 2009, L589)" in English: said in the page's language. */
const asOfText = (t: TFunction, asOf: string) => (asOf.startsWith('time of study') ? t('capacity.timeOfStudy') : asOf);
const moment = (t: TFunction, m: { year: number | null; asOf: string | null }) =>
  m.year !== null ? String(m.year) : m.asOf !== null ? asOfText(t, m.asOf) : t('capacity.periodNotStated');

/** "ten minste 114 plaatsen, volgens gemeente, 2008 (onderzoek 2009, regels 2099-2105)" */
export function capacityTotalText(t: TFunction, c: CapacityTotal): string {
  const unit = t(`units.${c.unit}`);
  const amount =
    c.total === null
      ? t('capacity.unknownAmount', { unit })
      : t(c.bound === 'AT_LEAST' ? 'capacity.atLeast' : 'capacity.exact', { total: c.total, unit });
  const source = c.sourceOrg ? t('capacity.bySource', { source: c.sourceOrg }) : t('capacity.byReport');
  const lines = c.sourceLines.length ? ` (${reportLines(t, '002', c.sourceLines.join(', '))})` : '';
  return `${amount}, ${source}, ${moment(t, c)}${lines}`;
}

/** The totals of one facility, one line each. */
export function CapacityTotals({ totals }: { totals: readonly CapacityTotal[] }) {
  const { t } = useTranslation();
  if (totals.length === 0) return <>{t('common.unknown')}</>;
  return (
    <ul className="kk-capacity">
      {totals.map((c) => (
        <li key={`${c.sourceOrg}|${c.year}|${c.asOf}|${c.unit}`}>{capacityTotalText(t, c)}</li>
      ))}
    </ul>
  );
}

/** A region's capacity per source, with ranges, plans, facilities without a figure and the report's own total. */
export function CityCapacity({ capacity }: { capacity: StatedCapacity }) {
  const { t } = useTranslation();
  return (
    <ul className="kk-capacity">
      {capacity.reportedTotals.map((r) => (
        <li key={r.metric}>
          {t(r.valueText === null && r.value === null ? 'capacity.reportedNoAmount' : 'capacity.reported', {
            amount: r.valueText ?? String(r.value),
            unit: r.unit ? t(`units.${r.unit}`, { defaultValue: r.unit }) : t('capacity.unitNotStated'),
            source: r.sourceOrg ?? t('capacity.theReport'),
            period: r.year ?? (r.period ? asOfText(t, r.period) : t('capacity.periodNotStated')),
          })}
          {r.source.lines ? ` (${reportLines(t, '002', r.source.lines)})` : ''}
        </li>
      ))}
      {capacity.ranges
        .filter((r) => r.low !== r.high)
        .map((r) => (
          <li key={`range|${r.year}|${r.asOf}|${r.unit}`}>
            {t('capacity.range', { low: r.low, high: r.high, unit: t(`units.${r.unit}`), period: moment(t, r) })}
          </li>
        ))}
      {capacity.totals.map((c) => (
        <li key={`${c.sourceOrg}|${c.year}|${c.asOf}|${c.unit}`}>{capacityTotalText(t, c)}</li>
      ))}
      {capacity.planned.map((p) => (
        <li key={`planned|${p.facility.name}|${p.value}`}>
          {p.value === null
            ? t('capacity.plannedNoValue', { unit: t(`units.${p.unit}`), facility: p.facility.name })
            : t('capacity.planned', { value: p.value, unit: t(`units.${p.unit}`), facility: p.facility.name })}
          {p.source.lines ? ` (${reportLines(t, '002', p.source.lines)})` : ''}
        </li>
      ))}
      {capacity.facilitiesWithoutFigure.length > 0 && (
        <li>{t('capacity.withoutFigure', { names: capacity.facilitiesWithoutFigure.map((f) => f.name).join(', ') })}</li>
      )}
      {capacity.totals.length === 0 && capacity.reportedTotals.length === 0 && <li>{t('common.unknown')}</li>}
    </ul>
  );
}
