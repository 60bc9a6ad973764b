// Choosing an organisation by name: a search box narrows the list, a required select holds the choice (its id).
// Works without a mouse and reads well in a screen reader; nobody has to know an agency's id. Each option names its
// region unless the list is of one region.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../graphql';
import { FormField } from './FormField';
import type { Problem } from './problems';

const AgencySearch = graphql(`
  query AgencyPicker_Search($search: String, $cityId: ID) {
    agencies(search: $search, centrumgemeenteId: $cityId, first: 50) {
      edges {
        node {
          id
          name
          centrumgemeente {
            id
            name
          }
        }
      }
    }
  }
`);

export function AgencyPicker({
  id,
  label,
  value,
  onChange,
  problems,
  required,
  cityId,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
  problems?: Problem[];
  required?: boolean;
  cityId?: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [{ data, fetching }] = useQuery({
    query: AgencySearch,
    variables: { search: search.trim().length >= 2 ? search.trim() : null, cityId: cityId ?? null },
  });
  // Several regions have an organisation of the same name (Leger des Heils, Politie): without a region chosen, each
  // option says its region, so that look-alikes can be told apart.
  const options = (data?.agencies.edges ?? []).map((e) => ({
    value: e.node.id,
    label: cityId ? e.node.name : t('forms.agencyInRegion', { name: e.node.name, region: e.node.centrumgemeente.name }),
  }));
  // Keep the chosen agency in the list while another search runs.
  const chosen = value && !options.some((o) => o.value === value) ? [{ value, label: t('forms.agencyChosen') }] : [];
  return (
    <div className="kk-picker">
      <FormField
        id={`${id}-search`}
        control="search"
        label={t('forms.agencySearch', { label })}
        description={t('forms.agencySearchHint')}
        // The search only narrows the list; whether a choice is needed is said once, on the select below.
        markOptional={false}
        value={search}
        onChange={setSearch}
      />
      <FormField
        id={id}
        control="select"
        label={label}
        required={required}
        problems={problems}
        value={value}
        onChange={onChange}
        options={[...chosen, ...options]}
        placeholder={fetching && !data ? t('common.loading') : t('forms.agencyChoose', { count: options.length })}
      />
    </div>
  );
}
