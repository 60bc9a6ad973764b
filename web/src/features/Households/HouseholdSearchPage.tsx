// Search households the viewer may see by the start of their reference. Searches are logged.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useQuery } from 'urql';
import { Button, FormFieldTextbox, Heading, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Empty, ErrorAlert, Loading } from '../../layout/States';

const SearchQuery = `query HouseholdSearch_Households($reference: String) {
  households(reference: $reference, first: 50) { edges { node { id reference municipality landlordType centrumgemeente { name } } } }
}`;

export default function HouseholdSearchPage() {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const [reference, setReference] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery<{ households: { edges: { node: { id: string; reference: string; municipality: string | null; landlordType: string; centrumgemeente: { name: string } } }[] } }>({
    query: SearchQuery,
    variables: { reference },
  });
  const rows = data?.households.edges.map((e) => e.node) ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setReference(input.trim() || null);
  };
  return (
    <section aria-labelledby="search-heading">
      <Heading level={2} id="search-heading">{t('households.searchTitle')}</Heading>
      <form role="search" onSubmit={submit} className="kk-filters">
        <FormFieldTextbox label={t('households.reference')} name="reference" value={input} onChange={(e) => setInput((e.target as HTMLInputElement).value)} description={t('households.referenceHint')} />
        <Button type="submit" appearance="primary-action-button">{t('households.search')}</Button>
      </form>
      {error && <ErrorAlert error={error} />}
      {fetching && !data ? <Loading /> : rows.length === 0 ? <Empty>{t('households.none')}</Empty> : (
        <Table>
          <TableCaption>{t('households.results', { count: rows.length })}</TableCaption>
          <TableHeader><TableRow><TableHeaderCell>{t('households.reference')}</TableHeaderCell><TableHeaderCell>{t('households.region')}</TableHeaderCell><TableHeaderCell>{t('households.landlord')}</TableHeaderCell></TableRow></TableHeader>
          <TableBody>
            {rows.map((h) => (
              <TableRow key={h.id}>
                <TableCell><RouterLink className="utrecht-link" to={`/households/${h.id}`}>{h.reference}</RouterLink></TableCell>
                <TableCell>{h.centrumgemeente.name}</TableCell>
                <TableCell>{t(`landlords.${h.landlordType}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
