// Misuse: reading the API from a page on another origin with the user's cookie. The web app is served by the API's
// own origin, so a browser is told nothing that would let another origin read an answer or send a credentialed
// request: no Access-Control-Allow-Origin, no Access-Control-Allow-Credentials, for a preflight or a request. (A
// SameSite=Strict cookie alone does not keep out a page on a sibling subdomain: that page is same-site.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepositories, type App, type CypherExecutor } from '@ketenkaart/api';
import { LOGIN, TEST_PASSWORD } from '../support/accounts.js';
import { openTestStore, testApp } from '../support/store.js';

const ORIGIN = 'http://ketenkaart.test';
const SIBLING = 'http://elders.ketenkaart.test';
const VIEWER = `{ viewer { username } }`;

let executor: CypherExecutor;
let app: App;
let cookie: string;

beforeAll(async () => {
  executor = await openTestStore();
  app = testApp(executor);
  await createRepositories(executor).accounts.create({
    username: 'cross.origin',
    role: 'COORDINATOR',
    agencyId: null,
    centrumgemeenteId: 'oss',
    password: TEST_PASSWORD,
  });
  const login = await app.fetch(
    new Request(`${ORIGIN}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ query: LOGIN, variables: { username: 'cross.origin', password: TEST_PASSWORD } }),
    }),
  );
  cookie = login.headers.get('set-cookie')!.split(';')[0]!;
});
afterAll(async () => executor.close());

const accessControl = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

/** The viewer asked for with the session cookie, by a page on `origin`. */
const askViewer = (origin: string) =>
  app.fetch(
    new Request(`${ORIGIN}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, cookie },
      body: JSON.stringify({ query: VIEWER }),
    }),
  );

describe('requests from another origin', () => {
  it('answers a preflight from another origin without granting it anything', async () => {
    const preflight = await app.fetch(
      new Request(`${ORIGIN}/graphql`, {
        method: 'OPTIONS',
        headers: { origin: SIBLING, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      }),
    );
    expect(accessControl(preflight)).toEqual([]);
  });

  it('does not let another origin read an answer given with the cookie', async () => {
    expect(accessControl(await askViewer(SIBLING))).toEqual([]);
  });

  it('serves the app on its own origin as before', async () => {
    const response = await askViewer(ORIGIN);
    expect(((await response.json()) as { data: { viewer: { username: string } } }).data.viewer.username).toBe('cross.origin');
  });
});
