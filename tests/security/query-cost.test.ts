// Misuse: documents that cost far more than their size, sent without signing in (issue 15 item 4).
// Each is refused before execution with a typed error in plain words; the benchmark records how fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cypher, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { costlyPagesQuery, fragmentDoublingQuery, wideAliasQuery } from '../support/costly-queries.js';
import { gql, openTestStore, testApp, testConfig } from '../support/store.js';

const refusedReads = statement(
  'testRefusedOperationsInLog',
  cypher`
MATCH (l:AccessLogEntry)
WHERE l.outcome = 'REFUSED' AND l.basis STARTS WITH 'This request asks for too much'
RETURN l.action AS action, l.accountId AS accountId`,
  z.object({ action: z.string(), accountId: z.string().nullable() }),
);

let executor: CypherExecutor;
let app: App;

beforeAll(async () => {
  executor = await openTestStore();
  app = testApp(executor);
});
afterAll(async () => executor.close());

function expectTooMuch(response: Awaited<ReturnType<typeof gql>>, measure: string) {
  // Refused before execution: no data at all, not a null field after the work was done.
  expect(response.data).toBeUndefined();
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors!;
  expect(error!.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  expect(error!.extensions?.exceeded).toEqual(expect.arrayContaining([expect.objectContaining({ measure })]));
  expect(error!.message).toMatch(/^This request asks for too much at once/);
  expect(error!.message).not.toMatch(/Syntax Error|Pothos|breadth: \d+, max/);
}

describe('costly documents', () => {
  it('refuses 23 fragments that each spread the one before twice, counting the spreads', async () => {
    const query = fragmentDoublingQuery(23);
    expect(query.length).toBeLessThan(1500);
    expectTooMuch(await gql(app, query), 'breadth');
  });

  it('logs a refused costly document as a refused attempt, without the document', async () => {
    const before = (await executor.read((tx) => tx.run(refusedReads, {}))).length;
    expectTooMuch(await gql(app, fragmentDoublingQuery(23)), 'breadth');
    const after = await executor.read((tx) => tx.run(refusedReads, {}));
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ action: 'READ', accountId: null });
  });

  it('refuses more aliases than the limit, and logs the refusal', async () => {
    const before = (await executor.read((tx) => tx.run(refusedReads, {}))).length;
    expectTooMuch(await gql(app, wideAliasQuery(40)), 'aliases');
    expect(await executor.read((tx) => tx.run(refusedReads, {}))).toHaveLength(before + 1);
  });

  it('refuses full pages under every alias by their cost, page sizes counted', async () => {
    expectTooMuch(await gql(app, costlyPagesQuery()), 'cost');
  });

  it('counts a page size given as a variable', async () => {
    const query = `query($n: Int) { ${Array.from({ length: 15 }, (_, i) => `a${i}: centrumgemeenten { agencies(first: $n) { edges { node { id name } } } }`).join(' ')} }`;
    expect((await gql(app, query, { n: 2 })).errors).toBeUndefined();
    expectTooMuch(await gql(app, query, { n: 100 }), 'cost');
  });

  it('checks a document with a page size among its variables again for every page size, whatever its ids', async () => {
    const pages = Array.from({ length: 15 }, (_, i) => `a${i}: centrumgemeenten { agencies(first: $n) { edges { node { id } } } }`);
    const query = `query($id: ID!, $n: Int) { household(id: $id) { __typename } ${pages.join(' ')} }`;
    const small = await gql(app, query, { id: 'hh_a', n: 2 });
    expect((small.errors ?? []).map((error) => error.extensions?.code)).not.toContain('QUERY_TOO_COMPLEX');
    expect(small.data?.a0).toBeDefined();
    expectTooMuch(await gql(app, query, { id: 'hh_a', n: 100 }), 'cost');
  });

  it('refuses a costly document with only ids for variables on every request, each refusal logged', async () => {
    const query = costlyPagesQuery().replace('query {', 'query($id: ID!) { household(id: $id) { __typename }');
    const before = (await executor.read((tx) => tx.run(refusedReads, {}))).length;
    for (const id of ['hh_a', 'hh_b', 'hh_a']) expectTooMuch(await gql(app, query, { id }), 'cost');
    expect(await executor.read((tx) => tx.run(refusedReads, {}))).toHaveLength(before + 3);
  });

  it('leaves variables of the wrong type to be reported as such', async () => {
    const response = await gql(app, `query($n: Int) { centrumgemeenten { agencies(first: $n) { edges { node { id } } } } }`, { n: 'many' });
    expect(response.errors?.[0]?.extensions?.code).not.toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toMatch(/\$n/);
  });

  it('still answers an ordinary document', async () => {
    const response = await gql(app, `query { viewer { username } centrumgemeenten { id name } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.viewer).toBeNull();
  });

  it('stops an operation that runs past the deadline with a typed answer', async () => {
    // Checking a password (argon2id, 19 MiB) takes far longer than the 1 ms allowed here.
    const hurried = testApp(executor, { ...testConfig(), executionDeadlineMs: 1 });
    const response = await gql(hurried, `mutation { login(username: "nobody", password: "wrong password") { __typename } }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
    expect(response.errors?.[0]?.message).toMatch(/took longer than/);
    // The watch over running operations stops once none runs; a later operation starts it again.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const later = await gql(hurried, `mutation { login(username: "nobody", password: "wrong password") { __typename } }`);
    expect(later.errors?.[0]?.extensions?.code).toBe('DEADLINE_EXCEEDED');
  });
});
