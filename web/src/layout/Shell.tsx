// The frame of every page: skip link, header with navigation per role, language choice and sign-out.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { Button, Document, Heading, Link, SkipLink } from '@utrecht/component-library-react';
import { setLanguage, type Language } from '../i18n';
import { useSession } from '../session';
import { NavigationCount } from './PageHeading';

/** A navigation link; NavLink marks the current page with aria-current="page". */
function NavItem({ to, end, children }: { to: string; end?: boolean; children: ReactNode }) {
  return (
    <NavLink className="utrecht-link kk-nav-link" to={to} end={end}>
      {children}
    </NavLink>
  );
}

/** Counts navigations within the app (not the first page load), so that page headings know when to take focus. */
function useNavigationCount(): number {
  const location = useLocation();
  const [count, setCount] = useState(0);
  const first = useRef(location.key);
  useEffect(() => {
    if (location.key !== first.current) setCount((c) => c + 1);
  }, [location.key]);
  return count;
}

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { viewer, signOut } = useSession();
  const other: Language = i18n.language === 'en' ? 'nl' : 'en';
  const navigations = useNavigationCount();
  return (
    <Document className="kk-shell">
      <SkipLink href="#main">{t('shell.skipToContent')}</SkipLink>
      <header className="kk-header">
        <Heading level={1}>
          <Link href="/">Ketenkaart</Link>
        </Heading>
        <nav aria-label={t('shell.navigation')} className="kk-nav">
          {viewer && (
            <>
              <NavItem to="/" end>
                {t('shell.home')}
              </NavItem>
              {viewer.role === 'COORDINATOR' && <NavItem to="/gaps">{t('shell.gaps')}</NavItem>}
              {viewer.role === 'COORDINATOR' && <NavItem to="/break-glass">{t('shell.breakGlass')}</NavItem>}
              {['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF'].includes(viewer.role) && (
                <NavItem to="/households">{t('shell.households')}</NavItem>
              )}
              {/* The roles registerHousehold allows (chain workers); the API still decides. */}
              {['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF'].includes(viewer.role) && (
                <NavItem to="/register-household">{t('shell.registerHousehold')}</NavItem>
              )}
              {viewer.centrumgemeente && <NavItem to={`/chain/${viewer.centrumgemeente.id}`}>{t('shell.chainMap')}</NavItem>}
              {viewer.role === 'SHELTER_STAFF' && <NavItem to="/shelter">{t('shell.shelter')}</NavItem>}
              {(viewer.role === 'COORDINATOR' || viewer.role === 'POLICY_MAKER') && (
                <NavItem to={`/shelter-figures/${viewer.centrumgemeente?.id ?? 'amsterdam'}`}>{t('shell.shelterFigures')}</NavItem>
              )}
            </>
          )}
          <Button appearance="subtle-button" lang={other} onClick={() => setLanguage(other)}>
            {t('shell.switchLanguage')}
          </Button>
          {viewer && (
            <>
              <span>{t('shell.signedInAs', { username: viewer.username, role: t(`roles.${viewer.role}`) })}</span>
              <Button appearance="secondary-action-button" onClick={() => void signOut()}>
                {t('shell.signOut')}
              </Button>
            </>
          )}
        </nav>
      </header>
      <main id="main">
        <NavigationCount.Provider value={navigations}>{children}</NavigationCount.Provider>
      </main>
    </Document>
  );
}
