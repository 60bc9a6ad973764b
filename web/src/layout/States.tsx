// Loading, error and empty states, the same on every page.
import type { CombinedError } from 'urql';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';

export function Loading() {
  const { t } = useTranslation();
  return <Paragraph role="status">{t('common.loading')}</Paragraph>;
}

/**
 * Shows a typed API error by its code (errors.<CODE>), or the generic message with the request id. Never the API's
 * English message: a refusal's reason is said from its reasonCode (see Refusal).
 */
export function ErrorAlert({ error, code }: { error?: CombinedError; code?: string }) {
  const { t } = useTranslation();
  if (!error && !code) return null;
  const requestId = error?.graphQLErrors[0]?.extensions?.requestId as string | undefined;
  const key = code ?? (error?.graphQLErrors[0]?.extensions?.code as string | undefined) ?? 'INTERNAL';
  return (
    <Alert type="error" role="alert">
      <Paragraph>{t(`errors.${key}`, { defaultValue: t('errors.INTERNAL') })}</Paragraph>
      {requestId && <Paragraph>{t('errors.requestId', { requestId })}</Paragraph>}
    </Alert>
  );
}

export function Empty({ children }: { children: string }) {
  return <Paragraph>{children}</Paragraph>;
}
