// Gaps in the coordinator's region, filtered by rule, severity, agency and the period they were detected in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, FormField, FormFieldTextbox, FormLabel, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { useSession } from '../../session';
import { gapRules, gapSeverities, oneOf } from '../../forms/choices';
import { graphql } from '../../graphql';
import { GapRowFields, GapTable } from './GapTable';
import { PageHeading } from '../../layout/PageHeading';

const GapsQuery = graphql(`query GapsPage_Gaps($rules: [GapRuleId!], $severities: [GapSeverity!], $agencyId: ID, $from: Date, $to: Date, $after: String) {
  gaps(first: 50, rules: $rules, severities: $severities, agencyId: $agencyId, from: $from, to: $to, after: $after) {
    edges { node { ...GapTable_Row } }
    pageInfo { hasNextPage endCursor }
  }
}`, [GapRowFields]);

const SweepQuery = graphql(`query GapsPage_Sweep { lastGapSweep { at } }`);

const AgenciesQuery = graphql(`query GapsPage_Agencies($cityId: ID!) { agencies(centrumgemeenteId: $cityId, first: 100) { edges { node { id name } } } }`);

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
    variables: { rules: chosenRule ? [chosenRule] : null, severities: chosenSeverity ? [chosenSeverity] : null, agencyId, from: from || null, to: to || null, after },
  });
  const [agencies] = useQuery({
    query: AgenciesQuery,
    variables: { cityId: viewer?.centrumgemeente?.id ?? '' },
    pause: !viewer?.centrumgemeente,
  });
  const [sweep] = useQuery({ query: SweepQuery });
  const gaps = data?.gaps.edges.map((e) => e.node) ?? [];
  const checkedAt = sweep.data?.lastGapSweep?.at;
  return (
    <section aria-labelledby="gaps-heading">
      <PageHeading id="gaps-heading" title={t('gaps.title')} />
      <Paragraph>
        {checkedAt
          ? t('gaps.checkedAt', { at: new Date(checkedAt).toLocaleString(i18n.language, { dateStyle: 'long', timeStyle: 'short' }) })
          : t('gaps.notCheckedYet')}
      </Paragraph>
      <div className="kk-filters">
        <FormField>
          <FormLabel htmlFor="gap-rule">{t('gaps.rule')}</FormLabel>
          <Select id="gap-rule" value={rule} onChange={(e) => { setRule(e.target.value); setAfter(null); }}>
            <SelectOption value="">{t('gaps.allRules')}</SelectOption>
            {gapRules.map((r) => <SelectOption key={r} value={r}>{t(`rules.${r}`)}</SelectOption>)}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="gap-severity">{t('gaps.severity')}</FormLabel>
          <Select id="gap-severity" value={severity} onChange={(e) => { setSeverity(e.target.value); setAfter(null); }}>
            <SelectOption value="">{t('gaps.allSeverities')}</SelectOption>
            {gapSeverities.map((s) => <SelectOption key={s} value={s}>{t(`severity.${s}`)}</SelectOption>)}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="gap-agency">{t('gaps.agency')}</FormLabel>
          <Select id="gap-agency" value={agencyId ?? ''} onChange={(e) => { setSearch(e.target.value ? { agency: e.target.value } : {}); setAfter(null); }}>
            <SelectOption value="">{t('gaps.allAgencies')}</SelectOption>
            {(agencies.data?.agencies.edges ?? []).map(({ node }) => <SelectOption key={node.id} value={node.id}>{node.name}</SelectOption>)}
          </Select>
        </FormField>
        <FormFieldTextbox label={t('gaps.from')} name="from" type="date" value={from} onChange={(e) => { setFrom((e.target as HTMLInputElement).value); setAfter(null); }} />
        <FormFieldTextbox label={t('gaps.to')} name="to" type="date" value={to} onChange={(e) => { setTo((e.target as HTMLInputElement).value); setAfter(null); }} />
      </div>
      {error && <ErrorAlert error={error} />}
      {fetching && !data ? <Loading /> : gaps.length === 0 ? <Empty>{t('gaps.empty')}</Empty> : <GapTable gaps={gaps} caption={t('gaps.caption')} />}
      {data?.gaps.pageInfo.hasNextPage && <Button appearance="secondary-action-button" onClick={() => setAfter(data.gaps.pageInfo.endCursor)}>{t('common.nextPage')}</Button>}
    </section>
  );
}
