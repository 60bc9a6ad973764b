// The main heading of a page: it names the page in the browser's title and, after a navigation within the app,
// takes the focus, so that keyboard and screen-reader users start at the new page instead of the old link.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading } from '@utrecht/component-library-react';

/** How many navigations within the app have happened; 0 on the page the browser loaded. */
export const NavigationCount = createContext(0);

export function PageHeading({ title, id, children }: { title: string; id?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const navigations = useContext(NavigationCount);
  useEffect(() => {
    document.title = t('shell.pageTitle', { page: title });
  }, [t, title]);
  useEffect(() => {
    if (navigations > 0) ref.current?.focus();
  }, [navigations]);
  return (
    <Heading level={2} id={id} ref={ref} tabIndex={-1} className="kk-page-heading">
      {children ?? title}
    </Heading>
  );
}
