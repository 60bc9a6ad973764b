// The web app's routes, in one place: App.tsx renders them, and the build writes them to dist/routes.json, from
// which the API server knows which paths get index.html. Any other path the server does not know is a 404.
export const routes = {
  signIn: '/sign-in',
  home: '/',
  gaps: '/gaps',
  households: '/households',
  registerHousehold: '/register-household',
  household: '/households/:id',
  householdSummary: '/households/:id/summary',
  chainMap: '/chain/:cityId',
  shelter: '/shelter',
  shelterFigures: '/shelter-figures/:cityId',
  breakGlass: '/break-glass',
} as const;
