// Where a worker without a care relation is refused a household: ask the region's coordinator for access instead.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { ErrorSummary } from '../../forms/ErrorSummary';
import { FormField } from '../../forms/FormField';
import { hasProblems, missingRequired, ProblemFields, type FormProblems } from '../../forms/problems';
import { submitted } from '../../forms/submit';
import { useForm } from '../../forms/useForm';
import { graphql } from '../../graphql';

const RequestAccess = graphql(
  `
    mutation AccessRequest_Send($householdId: ID!, $reason: String!) {
      requestAccess(householdId: $householdId, reason: $reason) {
        __typename
        ...ProblemFields
      }
    }
  `,
  [ProblemFields],
);

/** The API asks the same; checked here first so that a short reason is named at its field without a round trip. */
const MIN_REASON = 20;

export function AccessRequestForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const [state, send] = useMutation(RequestAccess);
  const form = useForm('access-request', { reason: '' });
  const [sent, setSent] = useState(false);
  const labels = { reason: t('accessRequest.reason') };
  const fields = Object.keys(labels);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FormProblems = missingRequired(form.values, ['reason']);
    if (!hasProblems(missing) && form.values.reason.trim().length < MIN_REASON)
      missing.reason = [{ code: 'TOO_SHORT', params: { minimum: String(MIN_REASON) } }];
    form.setProblems(missing);
    if (hasProblems(missing)) return;
    const ok = await submitted(form, fields, async () => {
      const response = await send({ householdId, reason: form.values.reason });
      return { answer: response.data?.requestAccess, error: response.error };
    });
    setSent(ok);
  }

  if (sent) {
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t('accessRequest.sent')}</Paragraph>
      </Alert>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="access-request-heading" noValidate>
      <Heading level={3} id="access-request-heading">
        {t('accessRequest.title')}
      </Heading>
      <Paragraph>{t('accessRequest.intro')}</Paragraph>
      <ErrorSummary problems={form.problems} labels={labels} idOf={form.idOf} />
      <FormField control="textarea" label={labels.reason} description={t('accessRequest.reasonHint')} required {...form.field('reason')} />
      <Button type="submit" appearance="primary-action-button" disabled={state.fetching}>
        {t('accessRequest.send')}
      </Button>
    </form>
  );
}
