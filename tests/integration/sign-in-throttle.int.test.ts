// The sign-in throttle across API instances: two apps on one store (as two processes behind a load balancer)
// count the same attempts, parallel attempts check at most the free number of passwords, and the counters expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRepositories, cypher, runRetention, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { LOGIN, TEST_PASSWORD } from '../support/accounts.js';
import { concurrentWritersConfig, openTestStore, testApp } from '../support/store.js';

const FREE_ATTEMPTS = 5;
const CLIENT_ATTEMPTS_PER_MINUTE = 30;

const loginBases = statement(
  'testLoginBases',
  cypher`
MATCH (l:AccessLogEntry) WHERE l.action = 'LOGIN' AND l.searchTerms = $username
RETURN l.basis AS basis`,
  z.object({ basis: z.string() }),
);

const counterKeys = statement(
  'testSignInCounterKeys',
  cypher`
MATCH (c:SignInCounter) RETURN c.key AS key`,
  z.object({ key: z.string() }),
);

let accounts = 0;
let clients = 0;

describe('sign-in throttle shared by API instances', () => {
  let executor: CypherExecutor;
  let first: App;
  let second: App;

  beforeAll(async () => {
    // Write transactions side by side, as on Neo4j: the counters' locks, not the embedded store's queue, must hold.
    const config = concurrentWritersConfig();
    executor = await openTestStore(config);
    first = testApp(executor, config);
    second = testApp(executor, config);
  });
  afterAll(() => executor.close());

  it('counts attempts made on one instance on the other', async () => {
    const { username } = await newAccount(executor);
    const client = newClient();
    for (let i = 0; i < FREE_ATTEMPTS; i++) expect(await login(first, username, 'wrong password', client)).toBe('WRONG');
    // Even the right password waits now, on the other instance too.
    expect(await login(second, username, TEST_PASSWORD, client)).toBe('THROTTLED');
    // From another place the owner signs in as usual.
    expect(await login(second, username, TEST_PASSWORD, newClient())).toBe('SIGNED_IN');
  });

  it('checks at most the free number of passwords when 20 attempts arrive at once on two instances', async () => {
    const { username } = await newAccount(executor);
    const client = newClient();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(i % 2 ? first : second, username, 'wrong password', client)),
    );
    expect(outcomes.filter((outcome) => outcome === 'WRONG')).toHaveLength(FREE_ATTEMPTS);
    expect(outcomes.filter((outcome) => outcome === 'THROTTLED')).toHaveLength(20 - FREE_ATTEMPTS);
    // The access log says the same: five passwords were checked, every attempt was logged.
    const bases = (await executor.read((tx) => tx.run(loginBases, { username }))).map((row) => row.basis);
    expect(bases.filter((basis) => basis === 'INVALID_CREDENTIALS')).toHaveLength(FREE_ATTEMPTS);
    expect(bases).toHaveLength(20);
  });

  it('limits one client across usernames on both instances together', async () => {
    const client = newClient();
    const names = await Promise.all(
      Array.from({ length: CLIENT_ATTEMPTS_PER_MINUTE + 1 }, async () => (await newAccount(executor)).username),
    );
    for (const [i, username] of names.slice(0, CLIENT_ATTEMPTS_PER_MINUTE).entries()) {
      expect(await login(i % 2 ? first : second, username, 'wrong password', client)).toBe('WRONG');
    }
    expect(await login(first, names.at(-1)!, TEST_PASSWORD, client)).toBe('THROTTLED');
  });

  it('starts a pair afresh after a correct password on either instance', async () => {
    const { username } = await newAccount(executor);
    const client = newClient();
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) expect(await login(first, username, 'wrong password', client)).toBe('WRONG');
    expect(await login(second, username, TEST_PASSWORD, client)).toBe('SIGNED_IN');
    for (let i = 0; i < FREE_ATTEMPTS - 1; i++) expect(await login(first, username, 'wrong password', client)).toBe('WRONG');
  });

  it('stores neither usernames nor addresses, and the retention job removes counters that expired', async () => {
    const { username } = await newAccount(executor);
    const client = newClient();
    expect(await login(first, username, 'wrong password', client)).toBe('WRONG');
    const keys = (await executor.read((tx) => tx.run(counterKeys))).map((row) => row.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    for (const key of keys) {
      expect(key).not.toContain(username);
      expect(key).not.toContain(client);
    }
    const later = new Date(Date.now() + 2 * 3600_000);
    const { signInCountersDeleted } = await runRetention(executor, { now: later, accessLogYears: 5 });
    expect(signInCountersDeleted).toBe(keys.length);
    expect(await executor.read((tx) => tx.run(counterKeys))).toEqual([]);
  });
});

async function newAccount(executor: CypherExecutor): Promise<{ username: string }> {
  accounts += 1;
  const username = `throttle.${process.pid}.${accounts}`;
  await createRepositories(executor).accounts.create({
    username,
    role: 'COORDINATOR',
    agencyId: null,
    centrumgemeenteId: 'amsterdam',
    password: TEST_PASSWORD,
  });
  return { username };
}

/** A client address of its own per test: the per-client window is counted across usernames. */
function newClient(): string {
  clients += 1;
  return `192.0.2.${clients}`;
}

async function login(app: App, username: string, password: string, peerAddress: string): Promise<'SIGNED_IN' | 'WRONG' | 'THROTTLED'> {
  const response = await app.fetch(
    new Request('http://ketenkaart.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { username, password } }),
    }),
    { peerAddress },
  );
  const { data, errors } = (await response.json()) as { data?: { login: { __typename: string; message?: string } }; errors?: unknown };
  if (errors || !data) throw new Error(`login answered ${JSON.stringify(errors)}`);
  if (data.login.__typename === 'Session') return 'SIGNED_IN';
  if (data.login.message?.startsWith('too many sign-in attempts')) return 'THROTTLED';
  if (data.login.message === 'unknown username or wrong password') return 'WRONG';
  throw new Error(`login answered ${JSON.stringify(data.login)}`);
}
