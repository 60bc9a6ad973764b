// The signed-in viewer for the whole app: read from the API, with sign-in and sign-out.
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { setCsrfToken } from './client';

export interface Viewer {
  accountId: string;
  username: string;
  role: 'COORDINATOR' | 'AGENCY_WORKER' | 'SHELTER_STAFF' | 'POLICY_MAKER' | 'ADMIN';
  csrfToken: string;
  agency: { id: string; name: string } | null;
  centrumgemeente: { id: string; name: string } | null;
}

const viewerFields = 'accountId username role csrfToken agency { id name } centrumgemeente { id name }';
const ViewerQuery = `query Session_Viewer { viewer { ${viewerFields} } }`;
const LoginMutation = `mutation SignIn_Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    __typename
    ... on Session { viewer { ${viewerFields} } }
    ... on ForbiddenError { code reasonCode }
    ... on Error { code }
  }
}`;
const LogoutMutation = `mutation Shell_Logout { logout }`;

interface SessionValue {
  viewer: Viewer | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<{ ok: true } | { ok: false; code: string }>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching }, refetch] = useQuery<{ viewer: Viewer | null }>({ query: ViewerQuery, requestPolicy: 'network-only' });
  const [, login] = useMutation(LoginMutation);
  const [, logout] = useMutation(LogoutMutation);
  const viewer = data?.viewer ?? null;
  useEffect(() => setCsrfToken(viewer?.csrfToken ?? null), [viewer]);

  const signIn = useCallback<SessionValue['signIn']>(
    async (username, password) => {
      const result = await login({ username, password });
      const payload = result.data?.login;
      if (payload?.__typename === 'Session') {
        setCsrfToken(payload.viewer.csrfToken);
        refetch({ requestPolicy: 'network-only' });
        return { ok: true };
      }
      // The reason (wrong password, too many attempts) in a code the page can say in plain words.
      return { ok: false, code: payload?.reasonCode ?? payload?.code ?? 'INTERNAL' };
    },
    [login, refetch],
  );

  const signOut = useCallback(async () => {
    await logout({});
    setCsrfToken(null);
    refetch({ requestPolicy: 'network-only' });
  }, [logout, refetch]);

  return <SessionContext.Provider value={{ viewer, loading: fetching && !data, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
