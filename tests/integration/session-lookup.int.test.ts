// The session lookup of every request (one statement with the reference stamp, never kept between requests): a
// session that was signed out, switched off or has expired is refused on the very next request, also by another app
// on the same store (another instance or process), and a store without reference data still signs requests in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn } from '../support/accounts.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const WHO = `query { viewer { username role } }`;
const LOGOUT = `mutation { logout }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setAccountActive(id: $id, active: $active) { __typename } }`;
const CITIES = `query { centrumgemeenten { id } }`;

describe('session lookup', () => {
  let executor: CypherExecutor;
  let app: App;
  let otherInstance: App;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    otherInstance = testApp(executor);
  });
  afterAll(() => executor.close());

  it('refuses a signed-out session on the next request, in this app and in another on the same store', async () => {
    const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
    expect((await gql(app, WHO, {}, coordinator.headers)).data.viewer.username).toBe(coordinator.username);
    expect((await gql(otherInstance, WHO, {}, coordinator.headers)).data.viewer.username).toBe(coordinator.username);
    expect((await gql(otherInstance, LOGOUT, {}, coordinator.headers)).data.logout).toBe(true);
    expect((await gql(app, WHO, {}, coordinator.headers)).data.viewer).toBeNull();
    expect((await gql(otherInstance, WHO, {}, coordinator.headers)).data.viewer).toBeNull();
  });

  it("refuses a switched-off account's session on the next request of another app, and the reference data still answer", async () => {
    const admin = await signIn(app, executor, 'ADMIN');
    const worker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'oss-verdihuis' });
    expect((await gql(otherInstance, WHO, {}, worker.headers)).data.viewer.username).toBe(worker.username);
    await gql(app, SET_ACTIVE, { id: worker.accountId, active: false }, admin.headers);
    expect((await gql(otherInstance, WHO, {}, worker.headers)).data.viewer).toBeNull();
    const cities = await gql(otherInstance, CITIES, {}, worker.headers);
    expect(cities.data.centrumgemeenten.map((c: { id: string }) => c.id)).toContain('oss');
  });

  it('refuses a session once it has expired', async () => {
    let clock = new Date();
    const clocked = testApp(executor, undefined, () => clock);
    const coordinator = await signIn(clocked, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
    expect((await gql(clocked, WHO, {}, coordinator.headers)).data.viewer.username).toBe(coordinator.username);
    clock = new Date(clock.getTime() + 9 * 3600_000);
    expect((await gql(clocked, WHO, {}, coordinator.headers)).data.viewer).toBeNull();
  });
});

describe('session lookup in a store without reference data', () => {
  let executor: CypherExecutor;
  let app: App;

  beforeAll(async () => {
    executor = await openTestStore();
    app = testApp(executor);
  });
  afterAll(() => executor.close());

  it('signs a request in, and out again', async () => {
    const admin = await signIn(app, executor, 'ADMIN');
    expect((await gql(app, WHO, {}, admin.headers)).data.viewer).toEqual({ username: admin.username, role: 'ADMIN' });
    expect((await gql(app, CITIES, {}, admin.headers)).data.centrumgemeenten).toEqual([]);
    await gql(app, LOGOUT, {}, admin.headers);
    expect((await gql(app, WHO, {}, admin.headers)).data.viewer).toBeNull();
  });
});
