// Break-glass uses on households of the coordinator's region, for review: who opened which household, why, what
// was read and written under the grant, and a button to mark a use reviewed. The API decides who sees what.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  Alert,
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { FormField } from '../../forms/FormField';
import { hasProblems, ProblemFields, problemsOfAnswer, problemsOfError, type FormProblems } from '../../forms/problems';
import { graphql, type ResultOf } from '../../graphql';
import { PageHeading } from '../../layout/PageHeading';
import { Refusal } from '../../layout/Refusal';
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
          accountName
          grantedByName
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
      }
      ... on ForbiddenError {
        reasonCode
      }
    }
  }
`);
const Review = graphql(
  `
    mutation BreakGlass_Review($id: ID!, $note: String) {
      reviewBreakGlassUse(id: $id, note: $note) {
        __typename
        ... on BreakGlassUse {
          id
          reviewed
        }
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);

type Use = Extract<ResultOf<typeof UsesQuery>['breakGlassUses'], { __typename: 'BreakGlassUsePage' }>['uses'][number];

export default function BreakGlassPage() {
  const { t, i18n } = useTranslation();
  const [showReviewed, setShowReviewed] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }, refetch] = useQuery({ query: UsesQuery, variables: { reviewed: showReviewed, after } });
  const [reviewing, review] = useMutation(Review);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, FormProblems>>({});
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const when = (at: string) => new Date(at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const noteId = (use: Use) => `note-${use.id}`;

  async function markReviewed(event: FormEvent, use: Use) {
    event.preventDefault();
    setDone(null);
    const note = (notes[use.id] ?? '').trim();
    // A review says what it found; the field asks for it before anything is sent.
    const found: FormProblems = note ? {} : { note: [{ code: 'REVIEW_NOTE_NEEDED', params: {} }] };
    if (!hasProblems(found)) {
      const result = await review({ id: use.id, note });
      const answer = result.data?.reviewBreakGlassUse;
      Object.assign(found, answer ? problemsOfAnswer(answer, ['note']) : problemsOfError(result.error));
    }
    setProblems({ ...problems, [use.id]: found });
    if (hasProblems(found)) {
      document.getElementById(noteId(use))?.focus();
      return;
    }
    setDone(use.householdReference);
    refetch({ requestPolicy: 'network-only' });
    // The row leaves the list of open uses: focus goes to the confirmation, so that it is read and the reader keeps
    // their place on the page.
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  const page = data?.breakGlassUses;
  if (page && page.__typename !== 'BreakGlassUsePage' && 'code' in page) return <Refusal answer={page} />;
  return (
    <section aria-labelledby="break-glass-heading">
      <PageHeading id="break-glass-heading" title={t('breakGlass.title')} />
      <Paragraph>{t('breakGlass.intro')}</Paragraph>
      <Button
        appearance="secondary-action-button"
        aria-pressed={showReviewed}
        onClick={() => {
          setShowReviewed(!showReviewed);
          setAfter(null);
          setDone(null);
        }}
      >
        {showReviewed ? t('breakGlass.showOpen') : t('breakGlass.showReviewed')}
      </Button>
      <div role="status" ref={doneRef} tabIndex={-1} data-testid="review-done">
        {done && (
          <Alert type="ok">
            <Paragraph>{t('breakGlass.reviewed', { reference: done })}</Paragraph>
          </Alert>
        )}
      </div>
      {fetching && !data && <Loading />}
      {error && <ErrorAlert error={error} />}
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
                    {use.accountName ?? t('breakGlass.unknownAccount')}
                    <br />
                    {use.agency?.name ?? t('breakGlass.noAgency')}
                  </TableCell>
                  <TableCell>
                    {use.grantedByName && <Paragraph>{t('breakGlass.viaRequest', { name: use.grantedByName })}</Paragraph>}
                    {use.reason}
                  </TableCell>
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
                      <form onSubmit={(e) => void markReviewed(e, use)} noValidate aria-label={t('breakGlass.review')}>
                        <FormField
                          id={noteId(use)}
                          control="textarea"
                          rows={2}
                          label={t('breakGlass.note', { reference: use.householdReference })}
                          description={t('breakGlass.notePlaceholder')}
                          required
                          value={notes[use.id] ?? ''}
                          onChange={(value) => setNotes({ ...notes, [use.id]: value })}
                          problems={[...(problems[use.id]?.note ?? []), ...(problems[use.id]?.[''] ?? [])]}
                        />
                        <Button
                          type="submit"
                          appearance="primary-action-button"
                          disabled={reviewing.fetching}
                          aria-label={t('breakGlass.markReviewedLabel', { reference: use.householdReference })}
                        >
                          {t('breakGlass.markReviewed')}
                        </Button>
                      </form>
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
