// Find a family by anything a worker has: any part of the reference, a shelter case number or a referral id; case,
// spaces and separators do not matter. Only households the viewer may see are shown; every search is logged.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import {
  Button,
  FormFieldTextbox,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { graphql } from '../../graphql';
import { Empty, ErrorAlert, Loading } from '../../layout/States';
import { PageHeading } from '../../layout/PageHeading';

const SearchQuery = graphql(`
  query HouseholdSearch_Households($search: String, $after: String) {
    households(search: $search, first: 50, after: $after) {
      edges {
        node {
          id
          reference
          municipality
          landlordType
          centrumgemeente {
            name
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The API folds the same way; asking for 3 characters here saves a round trip that would be refused. */
const MIN_SEARCH = 3;
const folded = (term: string) => term.toLowerCase().replace(/[\s\-._/]+/g, '');
const isTooShort = (term: string) => term.trim() !== '' && folded(term).length < MIN_SEARCH;

export default function HouseholdSearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const search = params.get('q');
  const [input, setInput] = useState(search ?? '');
  const [after, setAfter] = useState<string | null>(null);
  // A term from the address bar is checked like a typed one: a short one is named at the field and never sent.
  const [typedTooShort, setTypedTooShort] = useState(false);
  const tooShort = typedTooShort || isTooShort(search ?? '');
  const [{ data, fetching, error }] = useQuery({ query: SearchQuery, variables: { search, after }, pause: isTooShort(search ?? '') });
  const rows = data?.households.edges.map((e) => e.node) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const term = input.trim();
    setTypedTooShort(isTooShort(term));
    if (isTooShort(term)) return;
    setAfter(null);
    setParams(term ? { q: term } : {});
  };
  return (
    <section aria-labelledby="search-heading">
      <PageHeading id="search-heading" title={t('households.searchTitle')} />
      <form role="search" onSubmit={submit} className="kk-filters kk-search">
        <FormFieldTextbox
          label={t('households.searchLabel')}
          name="q"
          value={input}
          invalid={tooShort}
          errorMessage={tooShort ? t('households.tooShort', { count: MIN_SEARCH }) : undefined}
          onChange={(e) => setInput((e.target as HTMLInputElement).value)}
          description={t('households.searchHint')}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('households.search')}
        </Button>
      </form>
      {error && <ErrorAlert error={error} />}
      {tooShort ? null : fetching && !data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <Empty>{search ? t('households.noneFor', { search }) : t('households.none')}</Empty>
      ) : (
        <>
          <div className="kk-table-scroll">
            <Table>
              <TableCaption>
                {search ? t('households.resultsFor', { count: rows.length, search }) : t('households.results', { count: rows.length })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('households.reference')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('households.region')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('households.landlord')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((h) => (
                  <TableRow key={h.id}>
                    <TableCell>
                      <RouterLink className="utrecht-link" to={`/households/${h.id}`}>
                        {h.reference}
                      </RouterLink>
                    </TableCell>
                    <TableCell>{h.centrumgemeente.name}</TableCell>
                    <TableCell>{t(`landlords.${h.landlordType}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Paragraph>
            {after && (
              <Button appearance="secondary-action-button" onClick={() => setAfter(null)}>
                {t('households.firstPage')}
              </Button>
            )}{' '}
            {data?.households.pageInfo.hasNextPage && (
              <Button appearance="secondary-action-button" onClick={() => setAfter(data.households.pageInfo.endCursor)}>
                {t('common.nextPage')}
              </Button>
            )}
          </Paragraph>
        </>
      )}
    </section>
  );
}
