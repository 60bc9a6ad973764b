// Break-glass uses on households of the coordinator's region, for review: who opened which household, why, what
// was read and written under the grant, and a button to mark a use reviewed. The API decides who sees what.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { graphql, type ResultOf } from '../../graphql';
import { Empty, ErrorAlert, Loading } from '../../layout/States';

const UsesQuery = graphql(`
  query BreakGlass_Uses($reviewed: Boolean, $after: String) {
    breakGlassUses(reviewed: $reviewed, first: 50, after: $after) {
      __typename
      ... on BreakGlassUsePage {
        hasNextPage
        endCursor
        uses {
          id
          reason
          accountId
          agency {
            name
          }
          householdId
          householdReference
          startedAt
          expiresAt
          reads
          writes
          reviewed
          reviewedAt
          reviewNote
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);
const Review = graphql(`
  mutation BreakGlass_Review($id: ID!, $note: String) {
    reviewBreakGlassUse(id: $id, note: $note) {
      __typename
      ... on BreakGlassUse {
        id
        reviewed
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

type Use = Extract<ResultOf<typeof UsesQuery>['breakGlassUses'], { __typename: 'BreakGlassUsePage' }>['uses'][number];

export default function BreakGlassPage() {
  const { t, i18n } = useTranslation();
  const [showReviewed, setShowReviewed] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: UsesQuery, variables: { reviewed: showReviewed, after } });
  const [, review] = useMutation(Review);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ code?: string; message?: string } | null>(null);
  const when = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  async function markReviewed(use: Use) {
    const result = await review({ id: use.id, note: notes[use.id] || null });
    const answer = result.data?.reviewBreakGlassUse ?? { __typename: 'Error', code: 'INTERNAL' };
    setFailure(answer.__typename === 'BreakGlassUse' ? null : answer);
    refetch({ requestPolicy: 'network-only' });
  }

  const page = data?.breakGlassUses;
  return (
    <section aria-labelledby="break-glass-heading">
      <Heading level={2} id="break-glass-heading">
        {t('breakGlass.title')}
      </Heading>
      <Paragraph>{t('breakGlass.intro')}</Paragraph>
      <Button
        appearance="secondary-action-button"
        aria-pressed={showReviewed}
        onClick={() => {
          setShowReviewed(!showReviewed);
          setAfter(null);
        }}
      >
        {showReviewed ? t('breakGlass.showOpen') : t('breakGlass.showReviewed')}
      </Button>
      {failure && <ErrorAlert code={failure.code} message={failure.message} />}
      {fetching && !data && <Loading />}
      {error && <ErrorAlert error={error} />}
      {page && page.__typename !== 'BreakGlassUsePage' && 'code' in page && <ErrorAlert code={page.code} message={page.message} />}
      {page && 'uses' in page && page.uses.length === 0 && (
        <Empty>{showReviewed ? t('breakGlass.noneReviewed') : t('breakGlass.noneOpen')}</Empty>
      )}
      {page && 'uses' in page && page.uses.length > 0 && (
        <div className="kk-table-scroll">
          <Table>
            <TableCaption>{showReviewed ? t('breakGlass.captionReviewed') : t('breakGlass.captionOpen')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('breakGlass.household')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('breakGlass.who')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('breakGlass.reason')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('breakGlass.period')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('breakGlass.activity')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('breakGlass.review')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.uses.map((use) => (
                <TableRow key={use.id}>
                  <TableCell>{use.householdReference}</TableCell>
                  <TableCell>
                    {use.agency?.name ?? t('breakGlass.noAgency')}
                    <br />
                    {use.accountId}
                  </TableCell>
                  <TableCell>{use.reason}</TableCell>
                  <TableCell>
                    {t('breakGlass.from', { at: when(use.startedAt) })}
                    <br />
                    {t('breakGlass.until', { at: when(use.expiresAt) })}
                  </TableCell>
                  <TableCell>
                    {t('breakGlass.reads', { count: use.reads })}
                    <br />
                    {t('breakGlass.writes', { count: use.writes })}
                  </TableCell>
                  <TableCell>
                    {use.reviewed ? (
                      <>
                        {t('breakGlass.reviewedAt', { at: use.reviewedAt ? when(use.reviewedAt) : '–' })}
                        {use.reviewNote && <Paragraph>{use.reviewNote}</Paragraph>}
                      </>
                    ) : (
                      <>
                        <label className="kk-visually-hidden" htmlFor={`note-${use.id}`}>
                          {t('breakGlass.note', { reference: use.householdReference })}
                        </label>
                        <Textbox
                          id={`note-${use.id}`}
                          placeholder={t('breakGlass.notePlaceholder')}
                          value={notes[use.id] ?? ''}
                          onChange={(e) => setNotes({ ...notes, [use.id]: e.target.value })}
                        />
                        <Button
                          appearance="primary-action-button"
                          aria-label={t('breakGlass.markReviewedLabel', { reference: use.householdReference })}
                          onClick={() => void markReviewed(use)}
                        >
                          {t('breakGlass.markReviewed')}
                        </Button>
                      </>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {page && 'hasNextPage' in page && page.hasNextPage && (
        <Button appearance="secondary-action-button" onClick={() => setAfter(page.endCursor)}>
          {t('common.nextPage')}
        </Button>
      )}
    </section>
  );
}
