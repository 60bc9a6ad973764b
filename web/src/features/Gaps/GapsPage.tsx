// Gaps in the coordinator's region, filtered by rule, severity, agency and the period they were detected in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { FormField } from '../../forms/FormField';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';
import { gapRules, gapSeverities, oneOf } from '../../forms/choices';
import { graphql } from '../../graphql';
import { GapRowFields, GapTable } from './GapTable';
import { PageHeading } from '../../layout/PageHeading';

const GapsQuery = graphql(
  `
    query GapsPage_Gaps($rules: [GapRuleId!], $severities: [GapSeverity!], $agencyId: ID, $from: Date, $to: Date, $after: String) {
      gaps(first: 50, rules: $rules, severities: $severities, agencyId: $agencyId, from: $from, to: $to, after: $after) {
        edges {
          node {
            ...GapTable_Row
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [GapRowFields],
);

const SweepQuery = graphql(`
  query GapsPage_Sweep {
    lastGapSweep {
      at
    }
  }
`);

const AgenciesQuery = graphql(`
  query GapsPage_Agencies($cityId: ID!) {
    agencies(centrumgemeenteId: $cityId, first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export default function GapsPage() {
  const { t, i18n } = useTranslation();
  const [rule, setRule] = useState('');
  const [severity, setSeverity] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [search, setSearch] = useSearchParams();
  const agencyId = search.get('agency');
  const { viewer } = useSession();
  const chosenRule = oneOf(gapRules, rule);
  const chosenSeverity = oneOf(gapSeverities, severity);
  const [{ data, fetching, error }] = useQuery({
    query: GapsQuery,
    variables: {
      rules: chosenRule ? [chosenRule] : null,
      severities: chosenSeverity ? [chosenSeverity] : null,
      agencyId,
      from: from || null,
      to: to || null,
      after,
    },
  });
  const [agencies] = useQuery({
    query: AgenciesQuery,
    variables: { cityId: viewer?.centrumgemeente?.id ?? '' },
    pause: !viewer?.centrumgemeente,
  });
  const [sweep] = useQuery({ query: SweepQuery });
  const gaps = data?.gaps.edges.map((e) => e.node) ?? [];
  const checkedAt = sweep.data?.lastGapSweep?.at;
  // The "checked at" line above the filters is longer than "not checked yet": the page waits for it.
  if (sweep.fetching && !sweep.data) return <Loading />;
  return (
    <section aria-labelledby="gaps-heading">
      <PageHeading id="gaps-heading" title={t('gaps.title')} />
      <Paragraph>
        {checkedAt
          ? t('gaps.checkedAt', { at: new Date(checkedAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' }) })
          : t('gaps.notCheckedYet')}
      </Paragraph>
      <div className="kk-filters">
        <FormField
          id="gap-rule"
          control="select"
          markOptional={false}
          label={t('gaps.rule')}
          placeholder={t('gaps.allRules')}
          value={rule}
          onChange={(value) => {
            setRule(value);
            setAfter(null);
          }}
          options={gapRules.map((r) => ({ value: r, label: t(`rules.${r}`) }))}
        />
        <FormField
          id="gap-severity"
          control="select"
          markOptional={false}
          label={t('gaps.severity')}
          placeholder={t('gaps.allSeverities')}
          value={severity}
          onChange={(value) => {
            setSeverity(value);
            setAfter(null);
          }}
          options={gapSeverities.map((s) => ({ value: s, label: t(`severity.${s}`) }))}
        />
        <FormField
          id="gap-agency"
          control="select"
          markOptional={false}
          label={t('gaps.agency')}
          placeholder={t('gaps.allAgencies')}
          value={agencyId ?? ''}
          onChange={(value) => {
            setSearch(value ? { agency: value } : {});
            setAfter(null);
          }}
          options={(agencies.data?.agencies.edges ?? []).map(({ node }) => ({ value: node.id, label: node.name }))}
        />
        <FormField
          id="gap-from"
          control="date"
          markOptional={false}
          label={t('gaps.from')}
          value={from}
          onChange={(value) => {
            setFrom(value);
            setAfter(null);
          }}
        />
        <FormField
          id="gap-to"
          control="date"
          markOptional={false}
          label={t('gaps.to')}
          value={to}
          onChange={(value) => {
            setTo(value);
            setAfter(null);
          }}
        />
      </div>
      {error && <ErrorAlert error={error} />}
      {fetching && !data ? (
        <Loading />
      ) : gaps.length === 0 ? (
        <Empty>{t('gaps.empty')}</Empty>
      ) : (
        <GapTable gaps={gaps} caption={t('gaps.caption')} />
      )}
      {data?.gaps.pageInfo.hasNextPage && (
        <Button appearance="secondary-action-button" onClick={() => setAfter(data.gaps.pageInfo.endCursor)}>
          {t('common.nextPage')}
        </Button>
      )}
    </section>
  );
}
