// Routes, each in its own chunk; every page but sign-in needs a session.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { Paragraph } from '@utrecht/component-library-react';
import { Shell } from './layout/Shell';
import { useSession } from './session';

const SignInPage = lazy(() => import('./features/SignIn/SignInPage'));
const HomePage = lazy(() => import('./features/Home/HomePage'));
const GapsPage = lazy(() => import('./features/Gaps/GapsPage'));
const HouseholdSearchPage = lazy(() => import('./features/Households/HouseholdSearchPage'));
const HouseholdTracePage = lazy(() => import('./features/Households/HouseholdTracePage'));
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
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/" element={<RequireSession><HomePage /></RequireSession>} />
            <Route path="/gaps" element={<RequireSession><GapsPage /></RequireSession>} />
            <Route path="/households" element={<RequireSession><HouseholdSearchPage /></RequireSession>} />
            <Route path="/households/:id" element={<RequireSession><HouseholdTracePage /></RequireSession>} />
            <Route path="/chain/:cityId" element={<RequireSession><ChainMapPage /></RequireSession>} />
            <Route path="/shelter" element={<RequireSession><ShelterPage /></RequireSession>} />
            <Route path="/shelter-figures/:cityId" element={<RequireSession><ShelterFiguresPage /></RequireSession>} />
            <Route path="/break-glass" element={<RequireSession><BreakGlassPage /></RequireSession>} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
