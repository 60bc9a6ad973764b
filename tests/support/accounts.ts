// Signs in test accounts through the real login mutation; each helper returns the headers a client would send.
import type { Role } from '@ketenkaart/schema';
import { createRepositories, type App, type CypherExecutor } from '@ketenkaart/api';
import { gql } from './store.js';

let counter = 0;
export const TEST_PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  headers: Record<string, string>;
  accountId: string;
  username: string;
}

export async function signIn(
  app: App,
  executor: CypherExecutor,
  role: Role,
  scope: { agencyId?: string; centrumgemeenteId?: string } = {},
): Promise<SignedIn> {
  counter += 1;
  const username = `test.${role.toLowerCase()}.${process.pid}.${counter}`;
  const account = await createRepositories(executor).accounts.create({
    username,
    role,
    agencyId: scope.agencyId ?? null,
    centrumgemeenteId: scope.centrumgemeenteId ?? null,
    password: TEST_PASSWORD,
  });
  const { data, errors } = await gql(app, LOGIN, { username, password: TEST_PASSWORD });
  if (errors || data?.login?.__typename !== 'Session') throw new Error(`login failed: ${JSON.stringify(errors ?? data)}`);
  return { headers: { authorization: `Bearer ${data.login.token}` }, accountId: account.id, username };
}

export const LOGIN = `mutation($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    __typename
    ... on Session { token expiresAt viewer { role csrfToken } }
    ... on Error { code message }
  }
}`;
