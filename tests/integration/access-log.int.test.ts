// The administrator's access log answers "who opened household X last week": who (username) and whom (household
// reference) in columns, filters by household, account, period, outcome and break-glass, paging, and a CSV
// export that is itself logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppendQueue, createRepositories, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const LOG = `query($householdId: ID, $household: String, $accountId: ID, $outcome: AccessOutcome, $from: Date, $to: Date, $first: Int, $after: String) {
  accessLog(householdId: $householdId, household: $household, accountId: $accountId, outcome: $outcome, from: $from, to: $to, first: $first, after: $after) {
    entries { at username householdReference householdId action outcome } hasNextPage endCursor } }`;
const READ = `query($id: ID!) { household(id: $id) { __typename ... on Household { id } } }`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('access log for administrators', () => {
  let executor: CypherExecutor;
  let app: App;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let household: { id: string; reference: string };

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    admin = await signIn(app, executor, 'ADMIN');
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    household = (await gql(app, REGISTER, { input: householdInput() }, coordinator.headers)).data.registerHousehold;
    for (let i = 0; i < 3; i += 1) await gql(app, READ, { id: household.id }, coordinator.headers);
  });
  afterAll(() => executor.close());

  it('says who opened a household in the last week, by username and household reference', async () => {
    const { data } = await gql(app, LOG, { householdId: household.id, from: day(-7), to: day(0), outcome: 'ALLOWED' }, admin.headers);
    const reads = data.accessLog.entries.filter((e: any) => e.action === 'READ');
    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const entry of data.accessLog.entries)
      expect(entry).toMatchObject({ username: coordinator.username, householdReference: household.reference, outcome: 'ALLOWED' });
    const nextWeek = await gql(app, LOG, { householdId: household.id, from: day(1), to: day(8) }, admin.headers);
    expect(nextWeek.data.accessLog.entries).toEqual([]);
    const refused = await gql(app, LOG, { householdId: household.id, outcome: 'REFUSED' }, admin.headers);
    expect(refused.data.accessLog.entries).toEqual([]);
  });

  it('finds who opened a household last week by the reference the log shows, folded as household search folds', async () => {
    const other = (await gql(app, REGISTER, { input: householdInput({ reference: 'SYN-AMS-2009-000039' }) }, coordinator.headers)).data
      .registerHousehold;
    const byId = (await gql(app, LOG, { householdId: household.id, from: day(-7), to: day(0) }, admin.headers)).data.accessLog.entries;
    expect(byId.length).toBeGreaterThanOrEqual(3);
    const typed = [household.reference, household.reference.toLowerCase(), ` ${household.reference.replace('-', ' ')} `, household.id];
    for (const term of typed) {
      const { data } = await gql(app, LOG, { household: term, from: day(-7), to: day(0) }, admin.headers);
      expect(data.accessLog.entries).toEqual(byId);
    }
    const otherEntries = (await gql(app, LOG, { household: 'syn ams 2009 000039' }, admin.headers)).data.accessLog.entries;
    expect(otherEntries.length).toBeGreaterThan(0);
    expect(otherEntries.every((e: any) => e.householdId === other.id)).toBe(true);
    const unknown = await gql(app, LOG, { household: 'SYN-AMS-2009-999999' }, admin.headers);
    expect(unknown.data.accessLog.entries).toEqual([]);
  });

  it('pages through the log with a cursor, newest first', async () => {
    const first = (await gql(app, LOG, { accountId: coordinator.accountId, first: 2 }, admin.headers)).data.accessLog;
    expect(first.entries).toHaveLength(2);
    expect(first.hasNextPage).toBe(true);
    const second = (await gql(app, LOG, { accountId: coordinator.accountId, first: 2, after: first.endCursor }, admin.headers)).data
      .accessLog;
    expect(second.entries.length).toBeGreaterThan(0);
    expect(second.entries[0].at <= first.entries[1].at).toBe(true);
  });

  it('exports the filtered log as CSV and logs the export; others are refused, and that is logged too', async () => {
    const response = await app.fetch(
      new Request(`http://ketenkaart.test/exports/access-log.csv?householdId=${household.id}&from=${day(-7)}&to=${day(0)}`, {
        headers: admin.headers,
      }),
    );
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'at,username,role,agency_id,action,household_reference,household_id,outcome,break_glass,basis,operation,request_id',
    );
    expect(lines.slice(1).every((line) => line.includes(coordinator.username) && line.includes(household.reference))).toBe(true);
    const refused = await app.fetch(new Request('http://ketenkaart.test/exports/access-log.csv', { headers: coordinator.headers }));
    expect(refused.status).toBe(403);
    const exports = (
      await gql(app, `query { accessLog(first: 10) { entries { username action operation outcome } } }`, {}, admin.headers)
    ).data.accessLog.entries.filter((e: any) => e.operation === 'accessLog:csv');
    expect(exports).toEqual(
      expect.arrayContaining([
        { username: admin.username, action: 'EXPORT', operation: 'accessLog:csv', outcome: 'ALLOWED' },
        { username: coordinator.username, action: 'EXPORT', operation: 'accessLog:csv', outcome: 'REFUSED' },
      ]),
    );
  });
  it('names the operation that ran, the one operationName picks from a document that holds several', async () => {
    const document = `query Who { viewer { username } } query Read($id: ID!) { household(id: $id) { __typename } }`;
    const sent = async (operationName: string, requestId: string) => {
      const response = await app.fetch(
        new Request('http://ketenkaart.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...coordinator.headers },
          body: JSON.stringify({ query: document, operationName, variables: { id: household.id } }),
        }),
      );
      expect(response.status).toBe(200);
    };
    // Twice each way: the name is worked out once per parsed document and operation, and must not stick to the first.
    for (const round of [1, 2]) {
      await sent('Read', `read-operation-${round}`);
      await sent('Who', `who-operation-${round}`);
    }
    const entries = await createRepositories(executor).access.log({ householdId: household.id }, 500, null);
    const reads = entries.filter((e) => e.requestId?.startsWith('read-operation-'));
    expect(reads.map((e) => e.operation)).toEqual(['query:household', 'query:household']);
    expect(entries.some((e) => e.requestId?.startsWith('who-operation-'))).toBe(false);
  });

  it('writes the entries of requests that log at once in one transaction; a failed write fails each of them', async () => {
    // The store's own append queue over a write that counts its transactions and can be made to fail.
    let writes = 0;
    let failNext = false;
    const appends = createAppendQueue((work) => {
      writes += 1;
      if (!failNext) return executor.write(work);
      failNext = false;
      return executor.write(() => work({ run: () => Promise.reject(new Error('the store refused the write')) }));
    }, null);
    const counted: CypherExecutor = { ...executor, append: appends.append, appendsStored: appends.stored };
    const repos = createRepositories(counted);
    const entry = (requestId: string) => ({
      accountId: coordinator.accountId,
      role: 'COORDINATOR' as const,
      agencyId: null,
      householdId: household.id,
      searchTerms: null,
      basis: 'group commit',
      breakGlass: false,
      requestId,
      action: 'READ' as const,
      operation: 'query:household',
      outcome: 'ALLOWED' as const,
    });
    const logged = async (requestIds: string[]) =>
      (await repos.access.log({ householdId: household.id }, 500, null)).filter(
        (e) => e.requestId !== null && requestIds.includes(e.requestId),
      ).length;

    const together = Array.from({ length: 10 }, (_, i) => `group-${i}`);
    await Promise.all(together.map((id) => repos.access.append([entry(id)])));
    expect(writes).toBe(1);
    expect(await logged(together)).toBe(10);

    failNext = true;
    const failed = Array.from({ length: 3 }, (_, i) => `failed-${i}`);
    const outcomes = await Promise.allSettled(failed.map((id) => repos.access.append([entry(id)])));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await logged(failed)).toBe(0);
    // The next entry starts a write of its own, without the failed ones.
    await repos.access.append([entry('after-failure')]);
    expect(await logged(['after-failure', ...failed])).toBe(1);
  });
});
