// The one urql client: same-origin GraphQL with the session cookie, and the CSRF token on every request.
import { Client, cacheExchange, fetchExchange } from 'urql';

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers a same-origin request needs besides the cookie: the session's CSRF token. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: 'cache-and-network',
  fetchOptions: (): RequestInit => ({
    credentials: 'same-origin',
    headers: csrfHeaders(),
  }),
});
