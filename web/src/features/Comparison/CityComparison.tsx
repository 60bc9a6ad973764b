// The policy maker's comparison of the cities: first the filter (period and cities), then what it governs (open gaps
// found in the period, outcomes in the period, small counts suppressed), then how each chosen city built its chain,
// from the 2009 study, which no period changes and which says so.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useQuery } from 'urql';
import {
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
import { Count } from '../../layout/Count';
import { ErrorAlert, Loading } from '../../layout/States';
import { CityCapacity, StatedCapacityFields } from '../Capacity/CapacityBySource';
import { ComparisonChoice, useComparisonChoice, type City } from './ComparisonChoice';
import { OutcomeComparison, OutcomesQuery } from './OutcomeComparison';

const ComparisonQuery = graphql(
  `
    query CityComparison_Structure {
      centrumgemeenten {
        id
        name
        g4
        chainModel {
          published
          stages {
            order
            regieHolder {
              name
            }
            regieBasis
          }
        }
        earlyWarning {
          name
          reportAfterMonthsArrears
          feedbackDays
        }
        statedCapacity {
          ...StatedCapacityFields
        }
      }
    }
  `,
  [StatedCapacityFields],
);

const GapCountsQuery = graphql(`
  query CityComparison_GapCounts($ids: [ID!]!, $from: Date!, $to: Date!) {
    gapCounts(centrumgemeenteIds: $ids, from: $from, to: $to) {
      centrumgemeente {
        id
      }
      rule
      households
      suppressed
    }
  }
`);

type ComparedCity = ResultOf<typeof ComparisonQuery>['centrumgemeenten'][number];
type ChainStage = NonNullable<ResultOf<typeof ComparisonQuery>['centrumgemeenten'][number]['chainModel']>['stages'][number];

export function CityComparison() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: ComparisonQuery });
  const all = (data?.centrumgemeenten ?? []).filter((c) => !c.id.startsWith('syn-'));
  const choice = useComparisonChoice(all.map((c) => c.id));
  const period = { from: choice.from, to: choice.to };
  const cityIds = all.filter((c) => choice.cityIds.includes(c.id)).map((c) => c.id);
  // The same requests the sections make (one each: urql shares them). The structure below comes from reference data
  // and is there at once; shown before the counts and outcomes above it, it would be pushed down (layout shift).
  const [counts] = useQuery({ query: GapCountsQuery, variables: { ids: cityIds, ...period }, pause: !data });
  const [outcomes] = useQuery({ query: OutcomesQuery, variables: { ids: cityIds, ...period }, pause: !data });
  const arrived = (answer: { data?: unknown; error?: unknown }) => Boolean(answer.data ?? answer.error);
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const cities = all.filter((c) => choice.cityIds.includes(c.id));
  // The form starts again from the URL whenever the choice changes there (a shared link, the back button).
  const chosenKey = `${period.from}|${period.to}|${choice.cityIds.join(',')}`;
  return (
    <>
      <ComparisonChoice key={chosenKey} cities={all} choice={choice} />
      <Paragraph>{t('compare.governs', { from: period.from, to: period.to, cities: cities.map((c) => c.name).join(', ') })}</Paragraph>
      <GapCounts cities={cities} period={period} />
      <OutcomeComparison cityIds={cities.map((c) => c.id)} period={period} />
      {arrived(counts) && arrived(outcomes) && <ChainStructure cities={cities} />}
    </>
  );
}

/** Open gaps found in the period, per rule and chosen city; small counts come suppressed from the API. */
function GapCounts({ cities, period }: { cities: City[]; period: { from: string; to: string } }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: GapCountsQuery, variables: { ids: cities.map((c) => c.id), ...period } });
  const rules = [...new Set(data?.gapCounts.map((g) => g.rule))];
  return (
    <section aria-labelledby="gaps-heading">
      <Heading level={3} id="gaps-heading">
        {t('compare.gapsHeading')}
      </Heading>
      {fetching && !data ? (
        <Loading />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{t('compare.gaps')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('gaps.rule')}</TableHeaderCell>
                {cities.map((c) => (
                  <TableHeaderCell scope="col" key={c.id}>
                    {c.name}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rules.map((rule) => (
                <TableRow key={rule}>
                  <TableHeaderCell scope="row">{t(`rules.${rule}`)}</TableHeaderCell>
                  {cities.map((c) => {
                    const count = data?.gapCounts.find((g) => g.centrumgemeente.id === c.id && g.rule === rule);
                    return (
                      <TableCell key={c.id} data-suppressed={count?.suppressed ? 'true' : undefined}>
                        <Count cell={count ? { value: count.households, suppressed: count.suppressed } : null} />
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Paragraph>{t('compare.suppressedExplained')}</Paragraph>
        </div>
      )}
    </section>
  );
}

/** How each chosen city built its chain, as the 2009 study describes it: the same whatever period is chosen. */
function ChainStructure({ cities }: { cities: ComparedCity[] }) {
  const { t } = useTranslation();
  const unknown = t('common.unknown');
  // A holder reads as inferred only where the report states it at none of its steps.
  const regieHolders = (stages: readonly ChainStage[]) => {
    const stated = new Map<string, boolean>();
    for (const s of stages)
      if (s.regieHolder) stated.set(s.regieHolder.name, (stated.get(s.regieHolder.name) ?? false) || s.regieBasis === 'STATED');
    return [...stated].map(([name, isStated]) => (isStated ? name : `${name} (${t('compare.inferred')})`));
  };
  return (
    <section aria-labelledby="structure-heading">
      <Heading level={3} id="structure-heading">
        {t('compare.structureHeading')}
      </Heading>
      <Paragraph>{t('compare.structureNotPeriod')}</Paragraph>
      <div className="kk-table-scroll">
        <Table>
          <TableCaption>{t('compare.structure')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('compare.aspect')}</TableHeaderCell>
              {cities.map((c) => (
                <TableHeaderCell scope="col" key={c.id}>
                  <RouterLink className="utrecht-link" to={`/chain/${c.id}`}>
                    {c.name}
                  </RouterLink>
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            <TableRow>
              <TableHeaderCell scope="row">{t('compare.chainSteps')}</TableHeaderCell>
              {cities.map((c) => (
                <TableCell key={c.id}>
                  {c.chainModel
                    ? `${c.chainModel.stages.length}${c.chainModel.published ? '' : ` (${t('compare.notPublished')})`}`
                    : unknown}
                </TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('compare.regieHolders')}</TableHeaderCell>
              {cities.map((c) => (
                <TableCell key={c.id}>{regieHolders(c.chainModel?.stages ?? []).join(', ') || unknown}</TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('compare.earlyWarning')}</TableHeaderCell>
              {cities.map((c) => (
                <TableCell key={c.id}>{c.earlyWarning?.name ?? unknown}</TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('compare.reportAfter')}</TableHeaderCell>
              {cities.map((c) => (
                <TableCell key={c.id}>{c.earlyWarning?.reportAfterMonthsArrears ?? unknown}</TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('compare.feedbackDays')}</TableHeaderCell>
              {cities.map((c) => (
                <TableCell key={c.id}>{c.earlyWarning?.feedbackDays.length ? c.earlyWarning.feedbackDays.join(' / ') : unknown}</TableCell>
              ))}
            </TableRow>
            <TableRow>
              <TableHeaderCell scope="row">{t('compare.capacity')}</TableHeaderCell>
              {cities.map((c) => (
                <TableCell key={c.id}>
                  <CityCapacity capacity={c.statedCapacity} />
                </TableCell>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
