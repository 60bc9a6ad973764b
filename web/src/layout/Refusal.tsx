// A page the viewer may not see: its own title and heading (which takes the focus, also on a first load, so that a
// screen reader starts at the refusal) and the reason in plain words, from the API's stable reason code only.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';

/** What a refusal says: the API's code (FORBIDDEN, NOT_FOUND...) and, for FORBIDDEN, its reasonCode. */
export interface RefusalAnswer {
  code: string;
  reasonCode?: string | null;
}

/** The reason in words: `problems.<reasonCode>` when known, else the general sentence for the error's code. */
export function refusalText(t: (key: string, options?: Record<string, unknown>) => string, answer: RefusalAnswer): string {
  const general = t(`errors.${answer.code}`, { defaultValue: t('refusal.generic') });
  if (!answer.reasonCode || answer.reasonCode === 'NOT_ALLOWED') return general;
  return t(`problems.${answer.reasonCode}`, { defaultValue: general });
}

export function Refusal({ answer, children }: { answer: RefusalAnswer; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const title = t('refusal.title');
  useEffect(() => {
    document.title = t('shell.pageTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section aria-labelledby="refusal-heading" data-testid="refusal">
      <Heading level={2} id="refusal-heading" ref={ref} tabIndex={-1} className="kk-page-heading">
        {title}
      </Heading>
      <Alert type="error">
        <Paragraph>{refusalText(t, answer)}</Paragraph>
      </Alert>
      {children}
    </section>
  );
}
