// The error summary at the top of a form (NL Design System pattern): what is wrong, each item a link to its
// field, and focus on the summary as it appears so that a screen reader reads it first.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { hasProblems, problemText, type FormProblems } from './problems';

export function ErrorSummary({
  problems,
  labels,
  idOf,
}: {
  problems: FormProblems;
  labels: Record<string, string>;
  idOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = hasProblems(problems);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [problems, shown]);
  if (!shown) return null;
  const formProblems = problems[''] ?? [];
  const fieldProblems = Object.entries(problems).filter(([field, list]) => field !== '' && list.length > 0);
  return (
    <div ref={ref} tabIndex={-1} className="kk-error-summary">
      <Alert type="error">
        <Heading level={3}>{t('forms.summaryTitle')}</Heading>
        {formProblems.map((p, i) => (
          <Paragraph key={i}>{problemText(t, p)}</Paragraph>
        ))}
        {fieldProblems.length > 0 && (
          <UnorderedList>
            {fieldProblems.map(([field, list]) => (
              <UnorderedListItem key={field}>
                <Link
                  href={`#${idOf(field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(idOf(field))?.focus();
                  }}
                >
                  {`${labels[field] ?? field}: ${list.map((p) => problemText(t, p)).join(' ')}`}
                </Link>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Alert>
    </div>
  );
}
