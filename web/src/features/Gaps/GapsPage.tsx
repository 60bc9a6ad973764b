// Gaps in the coordinator's region, filtered by rule, severity and period.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, FormField, FormLabel, Heading, Select, SelectOption } from '@utrecht/component-library-react';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { GapTable, type GapRow } from './GapTable';

const RULES = ['FEEDBACK_INTERIM_MISSING', 'FEEDBACK_FINAL_MISSING', 'REFERRAL_UNANSWERED', 'REFERRAL_NO_INTAKE', 'OUT_OF_SIGHT_AFTER_EVICTION', 'REFUSAL_WITHOUT_ALTERNATIVE', 'WAITING_LIST_NO_OUTCOME', 'WAITING_LIST_TOO_LONG', 'CHILDREN_NOT_SEEN', 'EVICTION_WITHOUT_ALTERNATIVE_HOUSING', 'REGIE_MISSING', 'REGIE_CONFLICT', 'SHELTER_EXIT_WITHOUT_HOUSING', 'RE_ENTRY_LOOP'];
const SEVERITIES = ['HIGH', 'MEDIUM', 'LOW'];

const GapsQuery = `query GapsPage_Gaps($rules: [GapRuleId!], $severities: [GapSeverity!], $agencyId: ID, $after: String) {
  gaps(first: 50, rules: $rules, severities: $severities, agencyId: $agencyId, after: $after) {
    edges { node { id rule severity stage detectedOn summary household { id reference } agencies { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export default function GapsPage() {
  const { t } = useTranslation();
  const [rule, setRule] = useState('');
  const [severity, setSeverity] = useState('');
  const [after, setAfter] = useState<string | null>(null);
  const [search] = useSearchParams();
  const agencyId = search.get('agency');
  const [{ data, fetching, error }] = useQuery<{ gaps: { edges: { node: GapRow }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>({
    query: GapsQuery,
    variables: { rules: rule ? [rule] : null, severities: severity ? [severity] : null, agencyId, after },
  });
  const gaps = data?.gaps.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="gaps-heading">
      <Heading level={2} id="gaps-heading">{t('gaps.title')}</Heading>
      <div className="kk-filters">
        <FormField>
          <FormLabel htmlFor="gap-rule">{t('gaps.rule')}</FormLabel>
          <Select id="gap-rule" value={rule} onChange={(e) => { setRule(e.target.value); setAfter(null); }}>
            <SelectOption value="">{t('gaps.allRules')}</SelectOption>
            {RULES.map((r) => <SelectOption key={r} value={r}>{t(`rules.${r}`)}</SelectOption>)}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor="gap-severity">{t('gaps.severity')}</FormLabel>
          <Select id="gap-severity" value={severity} onChange={(e) => { setSeverity(e.target.value); setAfter(null); }}>
            <SelectOption value="">{t('gaps.allSeverities')}</SelectOption>
            {SEVERITIES.map((s) => <SelectOption key={s} value={s}>{t(`severity.${s}`)}</SelectOption>)}
          </Select>
        </FormField>
      </div>
      {error && <ErrorAlert error={error} />}
      {fetching && !data ? <Loading /> : gaps.length === 0 ? <Empty>{t('gaps.empty')}</Empty> : <GapTable gaps={gaps} caption={t('gaps.caption')} />}
      {data?.gaps.pageInfo.hasNextPage && <Button appearance="secondary-action-button" onClick={() => setAfter(data.gaps.pageInfo.endCursor)}>{t('common.nextPage')}</Button>}
    </section>
  );
}
