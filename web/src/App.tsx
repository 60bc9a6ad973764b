// Routes, each in its own chunk; every page but sign-in needs a session.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Paragraph } from '@utrecht/component-library-react';
import { Shell } from './layout/Shell';
import { routes } from './routes';
import { useSession } from './session';

const SignInPage = lazy(() => import('./features/SignIn/SignInPage'));
const HomePage = lazy(() => import('./features/Home/HomePage'));
const GapsPage = lazy(() => import('./features/Gaps/GapsPage'));
const HouseholdSearchPage = lazy(() => import('./features/Households/HouseholdSearchPage'));
const HouseholdTracePage = lazy(() => import('./features/Households/HouseholdTracePage'));
const HouseholdSummaryPage = lazy(() => import('./features/Households/HouseholdSummaryPage'));
const ChainMapPage = lazy(() => import('./features/ChainMap/ChainMapPage'));
const ShelterPage = lazy(() => import('./features/Shelter/ShelterPage'));
const ShelterFiguresPage = lazy(() => import('./features/Shelter/ShelterFiguresPage'));
const BreakGlassPage = lazy(() => import('./features/BreakGlass/BreakGlassPage'));

function Loading() {
  const { t } = useTranslation();
  return <Paragraph role="status">{t('common.loading')}</Paragraph>;
}

function RequireSession({ children }: { children: ReactNode }) {
  const { viewer, loading } = useSession();
  if (loading) return <Loading />;
  if (!viewer) return <Navigate to="/sign-in" replace />;
  return <>{children}</>;
}

export function App() {
  return (
    <BrowserRouter>
      <Shell>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path={routes.signIn} element={<SignInPage />} />
            <Route path={routes.home} element={<RequireSession><HomePage /></RequireSession>} />
            <Route path={routes.gaps} element={<RequireSession><GapsPage /></RequireSession>} />
            <Route path={routes.households} element={<RequireSession><HouseholdSearchPage /></RequireSession>} />
            <Route path={routes.household} element={<RequireSession><HouseholdTracePage /></RequireSession>} />
            <Route path={routes.householdSummary} element={<RequireSession><HouseholdSummaryPage /></RequireSession>} />
            <Route path={routes.chainMap} element={<RequireSession><ChainMapPage /></RequireSession>} />
            <Route path={routes.shelter} element={<RequireSession><ShelterPage /></RequireSession>} />
            <Route path={routes.shelterFigures} element={<RequireSession><ShelterFiguresPage /></RequireSession>} />
            <Route path={routes.breakGlass} element={<RequireSession><BreakGlassPage /></RequireSession>} />
            <Route path="*" element={<Navigate to={routes.home} replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
