// Misuse: walking around sign-in protection (issue 15 item 5). Attempts are counted before the password is
// checked, X-Forwarded-For counts only from a configured proxy, throttling is per username and client (no
// lockout a stranger can impose), and unknown and known usernames get the same answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRepositories, cypher, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { LOGIN, signIn, TEST_PASSWORD } from '../support/accounts.js';
import { openTestStore, testApp, testConfig } from '../support/store.js';

const PROXY = '10.0.0.1';
const loginLog = statement(
  'testLoginLogOf',
  cypher`
MATCH (l:AccessLogEntry)
WHERE l.action = 'LOGIN' AND l.searchTerms = $username
RETURN l.outcome AS outcome, l.basis AS basis, l.accountId AS accountId`,
  z.object({ outcome: z.string(), basis: z.string().nullable(), accountId: z.string().nullable() }),
);

let executor: CypherExecutor;
let app: App;

beforeAll(async () => {
  executor = await openTestStore();
  app = testApp(executor, { ...testConfig(), trustedProxies: [PROXY, '10.1.0.0/16'] });
});
afterAll(async () => executor.close());

/** One sign-in as a browser would send it over a connection from `peer`. */
async function attempt(username: string, password: string, peer: string, forwardedFor?: string) {
  const response = await app.fetch(
    new Request('http://ketenkaart.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ query: LOGIN, variables: { username, password } }),
    }),
    { peerAddress: peer },
  );
  const { data } = (await response.json()) as { data: { login: { __typename: string; code?: string; message?: string } } };
  return data.login;
}

const wrong = 'unknown username or wrong password';
const throttled = /^too many sign-in attempts; try again in \d+ seconds$/;

describe('sign-in protection', () => {
  it('checks at most a handful of 20 wrong passwords sent at once, whatever X-Forwarded-For they claim', async () => {
    const victim = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(victim.username, `guess number ${i}`, '203.0.113.7', `198.51.100.${i + 1}`)),
    );
    const checked = answers.filter((a) => a.message === wrong).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => throttled.test(a.message ?? ''))).toHaveLength(20 - checked);
    // The log holds every attempt with the username tried: the checked ones and the throttled ones.
    const logged = await executor.read((tx) => tx.run(loginLog, { username: victim.username }));
    expect(logged).toHaveLength(20);
    expect(logged.filter((l) => l.basis === 'THROTTLED')).toHaveLength(20 - checked);
    expect(logged.every((l) => l.outcome === 'REFUSED')).toBe(true);
  });

  it('believes X-Forwarded-For only from a trusted proxy, and only the address that proxy added', async () => {
    const account = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
    // Behind the proxy, the client 198.51.100.20 prepends a different made-up address to each attempt.
    for (let i = 0; i < 5; i += 1)
      expect((await attempt(account.username, `guess ${i}`, PROXY, `192.0.2.${i}, 198.51.100.20`)).message).toBe(wrong);
    expect((await attempt(account.username, 'guess 6', PROXY, `192.0.2.99, 198.51.100.20`)).message).toMatch(throttled);
    // Through two trusted hops, the same client is still the same client.
    expect((await attempt(account.username, TEST_PASSWORD, '10.1.4.2', `198.51.100.20, ${PROXY}`)).message).toMatch(throttled);
    // Another client behind the same proxy signs in.
    expect((await attempt(account.username, TEST_PASSWORD, PROXY, '198.51.100.21')).__typename).toBe('Session');
  });

  it('answers an unknown username, a switched-off account and a wrong password alike, throttling included', async () => {
    const known = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    const switchedOff = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    await createRepositories(executor).accounts.setActive(switchedOff.accountId, false, 'test');
    const sequence = async (username: string, peer: string) => {
      const answers = [];
      for (let i = 0; i < 7; i += 1) answers.push(await attempt(username, `not the password ${i}`, peer));
      return answers.map((a) => ({ ...a, message: a.message?.replace(/\d+ seconds/, 'N seconds') }));
    };
    const forKnown = await sequence(known.username, '203.0.113.30');
    expect(forKnown[0]).toEqual({ __typename: 'ForbiddenError', code: 'FORBIDDEN', message: wrong });
    expect(forKnown.at(-1)?.message).toMatch(/too many sign-in attempts/);
    expect(await sequence('nobody.by.this.name', '203.0.113.31')).toEqual(forKnown);
    expect(await sequence(switchedOff.username, '203.0.113.32')).toEqual(forKnown);
  });

  it('lets the owner sign in from elsewhere while a stranger hammers the account', async () => {
    const owner = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'oss-ggd' });
    for (let i = 0; i < 12; i += 1) await attempt(owner.username, `stranger guess ${i}`, '203.0.113.66');
    expect((await attempt(owner.username, TEST_PASSWORD, '203.0.113.66')).__typename).toBe('ForbiddenError');
    expect((await attempt(owner.username, TEST_PASSWORD, '192.0.2.200')).__typename).toBe('Session');
  });

  it('logs a failed sign-in with the username tried and, when it exists, the account', async () => {
    const account = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    await attempt(account.username, 'a wrong password', '203.0.113.90');
    await attempt('typo.' + account.username, 'a wrong password', '203.0.113.90');
    expect(await executor.read((tx) => tx.run(loginLog, { username: account.username }))).toEqual([
      { outcome: 'REFUSED', basis: 'INVALID_CREDENTIALS', accountId: account.accountId },
    ]);
    expect(await executor.read((tx) => tx.run(loginLog, { username: 'typo.' + account.username }))).toEqual([
      { outcome: 'REFUSED', basis: 'INVALID_CREDENTIALS', accountId: null },
    ]);
  });
});
