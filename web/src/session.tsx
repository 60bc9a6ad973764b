// The signed-in viewer for the whole app: read from the API, with sign-in and sign-out.
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { setCsrfToken } from './client';
import { graphql, type ResultOf } from './graphql';

const ViewerFields = graphql(`
  fragment Session_ViewerFields on Viewer @_unmask {
    accountId
    username
    role
    csrfToken
    agency {
      id
      name
    }
    centrumgemeente {
      id
      name
    }
  }
`);
const ViewerQuery = graphql(
  `
    query Session_Viewer {
      viewer {
        ...Session_ViewerFields
      }
    }
  `,
  [ViewerFields],
);
const LoginMutation = graphql(
  `
    mutation SignIn_Login($username: String!, $password: String!) {
      login(username: $username, password: $password) {
        __typename
        ... on Session {
          viewer {
            ...Session_ViewerFields
          }
        }
        ... on ForbiddenError {
          code
          reasonCode
        }
        ... on Error {
          code
        }
      }
    }
  `,
  [ViewerFields],
);
const LogoutMutation = graphql(`
  mutation Shell_Logout {
    logout
  }
`);

/** The signed-in account, its role and where it works. */
export type Viewer = ResultOf<typeof ViewerFields>;

interface SessionValue {
  viewer: Viewer | null;
  loading: boolean;
  signIn(username: string, password: string): Promise<{ ok: true } | { ok: false; code: string }>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [{ data, fetching }, refetch] = useQuery({ query: ViewerQuery, requestPolicy: 'network-only' });
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
      if (payload?.__typename === 'ForbiddenError') return { ok: false, code: payload.reasonCode };
      return { ok: false, code: payload?.code ?? 'INTERNAL' };
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
