// The policy maker's comparison of the four cities: how each chain is built (steps, regie, early warning, stated
// capacity), its open gaps with small counts suppressed, and outcomes over a period.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useQuery } from 'urql';
import {
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
import { OutcomeComparison } from './OutcomeComparison';

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
      gapCounts(centrumgemeenteIds: ["amsterdam", "utrecht", "leeuwarden", "oss"]) {
        centrumgemeente {
          id
        }
        rule
        households
        suppressed
      }
    }
  `,
  [StatedCapacityFields],
);

type ChainStage = NonNullable<ResultOf<typeof ComparisonQuery>['centrumgemeenten'][number]['chainModel']>['stages'][number];

export function CityComparison() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: ComparisonQuery });
  if (fetching && !data) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  const cities = (data?.centrumgemeenten ?? []).filter((c) => !c.id.startsWith('syn-'));
  const unknown = t('common.unknown');
  // A holder reads as inferred only where the report states it at none of its steps.
  const regieHolders = (stages: readonly ChainStage[]) => {
    const stated = new Map<string, boolean>();
    for (const s of stages)
      if (s.regieHolder) stated.set(s.regieHolder.name, (stated.get(s.regieHolder.name) ?? false) || s.regieBasis === 'STATED');
    return [...stated].map(([name, isStated]) => (isStated ? name : `${name} (${t('compare.inferred')})`));
  };
  const rules = [...new Set(data?.gapCounts.map((g) => g.rule))];
  return (
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
                {c.chainModel ? `${c.chainModel.stages.length}${c.chainModel.published ? '' : ` (${t('compare.notPublished')})`}` : unknown}
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
      <OutcomeComparison cities={cities.map((c) => ({ id: c.id, name: c.name }))} />
    </div>
  );
}
