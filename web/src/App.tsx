// Routes, each in its own chunk; every page but sign-in needs a session.
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, matchPath, Navigate, Route, Routes } from 'react-router-dom';
import { Paragraph } from '@utrecht/component-library-react';
import { Shell } from './layout/Shell';
import { routes } from './routes';
import { useSession } from './session';

const pageChunks = {
  signIn: () => import('./features/SignIn/SignInPage'),
  home: () => import('./features/Home/HomePage'),
  gaps: () => import('./features/Gaps/GapsPage'),
  households: () => import('./features/Households/HouseholdSearchPage'),
  registerHousehold: () => import('./features/Households/RegisterHouseholdPage'),
  household: () => import('./features/Households/HouseholdTracePage'),
  householdSummary: () => import('./features/Households/HouseholdSummaryPage'),
  chainMap: () => import('./features/ChainMap/ChainMapPage'),
  shelter: () => import('./features/Shelter/ShelterPage'),
  shelterFigures: () => import('./features/Shelter/ShelterFiguresPage'),
  breakGlass: () => import('./features/BreakGlass/BreakGlassPage'),
} satisfies Record<keyof typeof routes, unknown>;

// The page the browser opened starts loading now, beside the session query, instead of after it.
const opened = (Object.keys(routes) as (keyof typeof routes)[]).find((name) => matchPath(routes[name], window.location.pathname));
if (opened) void pageChunks[opened]();

const SignInPage = lazy(pageChunks.signIn);
const HomePage = lazy(pageChunks.home);
const GapsPage = lazy(pageChunks.gaps);
const HouseholdSearchPage = lazy(pageChunks.households);
const RegisterHouseholdPage = lazy(pageChunks.registerHousehold);
const HouseholdTracePage = lazy(pageChunks.household);
const HouseholdSummaryPage = lazy(pageChunks.householdSummary);
const ChainMapPage = lazy(pageChunks.chainMap);
const ShelterPage = lazy(pageChunks.shelter);
const ShelterFiguresPage = lazy(pageChunks.shelterFigures);
const BreakGlassPage = lazy(pageChunks.breakGlass);

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
  // Until the session is known the page shows only that it is loading: a header that grew its navigation a moment
  // later would push the whole page down (layout shift).
  const { loading } = useSession();
  if (loading) return <Loading />;
  return (
    <BrowserRouter>
      <Shell>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path={routes.signIn} element={<SignInPage />} />
            <Route
              path={routes.home}
              element={
                <RequireSession>
                  <HomePage />
                </RequireSession>
              }
            />
            <Route
              path={routes.gaps}
              element={
                <RequireSession>
                  <GapsPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.households}
              element={
                <RequireSession>
                  <HouseholdSearchPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.registerHousehold}
              element={
                <RequireSession>
                  <RegisterHouseholdPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.household}
              element={
                <RequireSession>
                  <HouseholdTracePage />
                </RequireSession>
              }
            />
            <Route
              path={routes.householdSummary}
              element={
                <RequireSession>
                  <HouseholdSummaryPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.chainMap}
              element={
                <RequireSession>
                  <ChainMapPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.shelter}
              element={
                <RequireSession>
                  <ShelterPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.shelterFigures}
              element={
                <RequireSession>
                  <ShelterFiguresPage />
                </RequireSession>
              }
            />
            <Route
              path={routes.breakGlass}
              element={
                <RequireSession>
                  <BreakGlassPage />
                </RequireSession>
              }
            />
            <Route path="*" element={<Navigate to={routes.home} replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </BrowserRouter>
  );
}
