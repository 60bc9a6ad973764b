// The frame of every page: skip link, header with navigation per role, language choice and sign-out.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { Button, Document, Heading, Link, SkipLink } from '@utrecht/component-library-react';
import { setLanguage, type Language } from '../i18n';
import { useSession } from '../session';

export function Shell({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { viewer, signOut } = useSession();
  const other: Language = i18n.language === 'en' ? 'nl' : 'en';
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
              <RouterLink className="utrecht-link" to="/">{t('shell.home')}</RouterLink>
              {viewer.role === 'COORDINATOR' && <RouterLink className="utrecht-link" to="/gaps">{t('shell.gaps')}</RouterLink>}
              {viewer.role === 'COORDINATOR' && <RouterLink className="utrecht-link" to="/break-glass">{t('shell.breakGlass')}</RouterLink>}
              {['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF'].includes(viewer.role) && (
                <RouterLink className="utrecht-link" to="/households">{t('shell.households')}</RouterLink>
              )}
              {viewer.centrumgemeente && (
                <RouterLink className="utrecht-link" to={`/chain/${viewer.centrumgemeente.id}`}>{t('shell.chainMap')}</RouterLink>
              )}
              {viewer.role === 'SHELTER_STAFF' && <RouterLink className="utrecht-link" to="/shelter">{t('shell.shelter')}</RouterLink>}
              {(viewer.role === 'COORDINATOR' || viewer.role === 'POLICY_MAKER') && (
                <RouterLink className="utrecht-link" to={`/shelter-figures/${viewer.centrumgemeente?.id ?? 'amsterdam'}`}>{t('shell.shelterFigures')}</RouterLink>
              )}
            </>
          )}
          <Button appearance="subtle-button" lang={other} onClick={() => setLanguage(other)}>
            {t('shell.switchLanguage')}
          </Button>
          {viewer && (
            <>
              <span>{t('shell.signedInAs', { username: viewer.username, role: t(`roles.${viewer.role}`) })}</span>
              <Button appearance="secondary-action-button" onClick={() => void signOut()}>{t('shell.signOut')}</Button>
            </>
          )}
        </nav>
      </header>
      <main id="main">{children}</main>
    </Document>
  );
}
