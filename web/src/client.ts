// The one urql client: same-origin GraphQL with the session cookie, and the CSRF token on every request.
import { Client, cacheExchange, fetchExchange } from 'urql';

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export const client = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: 'cache-and-network',
  fetchOptions: (): RequestInit => ({
    credentials: 'same-origin',
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : ({} as Record<string, string>),
  }),
});
