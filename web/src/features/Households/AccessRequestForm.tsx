// Where a worker without a care relation is refused a household: ask the region's coordinator for access instead.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { Alert, Button, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { graphql, type ResultOf } from '../../graphql';
import { ErrorAlert } from '../../layout/States';

const RequestAccess = graphql(`
  mutation AccessRequest_Send($householdId: ID!, $reason: String!) {
    requestAccess(householdId: $householdId, reason: $reason) {
      __typename
      ... on AccessRequest {
        id
        status
      }
      ... on ValidationError {
        code
        fields {
          path
          message
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`);

/** The API's answer, or a transport failure as an answer of its own. */
type Answer = ResultOf<typeof RequestAccess>['requestAccess'] | { __typename: 'Error'; code: string; message: string | undefined } | null;

export function AccessRequestForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [state, send] = useMutation(RequestAccess);
  const [answer, setAnswer] = useState<Answer>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await send({ householdId, reason });
    setAnswer(result.data?.requestAccess ?? { __typename: 'Error', code: 'INTERNAL', message: result.error?.message });
  }

  if (answer?.__typename === 'AccessRequest') {
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t('accessRequest.sent')}</Paragraph>
      </Alert>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="access-request-heading">
      <Heading level={3} id="access-request-heading">
        {t('accessRequest.title')}
      </Heading>
      <Paragraph>{t('accessRequest.intro')}</Paragraph>
      <FormFieldTextbox
        label={t('accessRequest.reason')}
        description={t('accessRequest.reasonHint')}
        name="reason"
        required
        minLength={20}
        value={reason}
        onChange={(e) => setReason((e.target as HTMLInputElement).value)}
      />
      {answer && 'code' in answer && (
        <ErrorAlert code={answer.code} message={'fields' in answer ? answer.fields.map((f) => f.message).join('; ') : answer.message} />
      )}
      <Button type="submit" appearance="primary-action-button" disabled={state.fetching}>
        {t('accessRequest.send')}
      </Button>
    </form>
  );
}
