// Account administration: only administrators create and switch off accounts, each role with exactly its scope;
// a switched-off account loses its sessions at once and cannot sign in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { LOGIN, signIn, type SignedIn } from '../support/accounts.js';
import { factDigest } from '../support/digest.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) {
  __typename ... on Account { id username role active agency { id } centrumgemeente { id } }
  ... on ValidationError { fields { path code params { name value } message } } ... on Error { code message } } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setAccountActive(id: $id, active: $active) {
  __typename ... on Account { id active } ... on Error { code message } } }`;
const WHO = `query { viewer { username role } }`;
const PASSWORD = 'a long enough passphrase';

describe('account administration', () => {
  let executor: CypherExecutor;
  let app: App;
  let admin: SignedIn;
  let coordinator: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    admin = await signIn(app, executor, 'ADMIN');
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
  });
  afterAll(() => executor.close());

  it('creates an account with its role and scope, which can then sign in', async () => {
    const created = (
      await gql(
        app,
        CREATE,
        { input: { username: 'coord.leeuwarden.2', password: PASSWORD, role: 'COORDINATOR', centrumgemeenteId: 'leeuwarden' } },
        admin.headers,
      )
    ).data.createAccount;
    expect(created).toMatchObject({
      __typename: 'Account',
      role: 'COORDINATOR',
      active: true,
      centrumgemeente: { id: 'leeuwarden' },
      agency: null,
    });
    const login = (await gql(app, LOGIN, { username: 'coord.leeuwarden.2', password: PASSWORD })).data.login;
    expect(login.__typename).toBe('Session');
    const listed = await gql(app, `query { accounts(first: 100) { edges { node { username role } } } }`, {}, admin.headers);
    expect(listed.data.accounts.edges.map((e: any) => e.node.username)).toContain('coord.leeuwarden.2');
  });

  it('refuses a role at an organisation it does not fit (a worker account at a shelter, shelter staff without a shelter), at the field, writing nothing', async () => {
    const before = await factDigest(executor);
    const attempt = async (input: Record<string, unknown>) => (await gql(app, CREATE, { input }, admin.headers)).data.createAccount;
    const workerAtShelter = await attempt({
      username: 'worker.hvo',
      password: PASSWORD,
      role: 'AGENCY_WORKER',
      agencyId: 'ams-hvo-querido',
    });
    expect(workerAtShelter.__typename).toBe('ValidationError');
    expect(workerAtShelter.fields).toMatchObject([{ path: ['input', 'agencyId'], code: 'AGENCY_WORKER_NOT_AT_SHELTER' }]);
    const staffWithoutShelter = await attempt({ username: 'shelter.som', password: PASSWORD, role: 'SHELTER_STAFF', agencyId: 'ams-som' });
    expect(staffWithoutShelter.fields).toMatchObject([{ path: ['input', 'agencyId'], code: 'SHELTER_STAFF_NEEDS_SHELTER' }]);
    expect(await factDigest(executor)).toEqual(before);
    const fitting = [
      { username: 'shelter.hvo.2', role: 'SHELTER_STAFF', agencyId: 'ams-hvo-querido' },
      { username: 'worker.som.2', role: 'AGENCY_WORKER', agencyId: 'ams-som' },
    ];
    for (const input of fitting)
      expect(await attempt({ ...input, password: PASSWORD })).toMatchObject({ __typename: 'Account', agency: { id: input.agencyId } });
  });

  it('refuses an account without its scope, with a scope it should not have, a taken name or a short password, and writes nothing', async () => {
    const before = await factDigest(executor);
    const attempt = async (input: Record<string, unknown>) => (await gql(app, CREATE, { input }, admin.headers)).data.createAccount;
    expect((await attempt({ username: 'worker.x', password: PASSWORD, role: 'AGENCY_WORKER' })).fields).toMatchObject([
      { path: ['input', 'agencyId'], code: 'ROLE_NEEDS_AGENCY' },
    ]);
    expect((await attempt({ username: 'policy.x', password: PASSWORD, role: 'POLICY_MAKER', agencyId: 'ams-som' })).fields[0].path).toEqual(
      ['input', 'agencyId'],
    );
    expect(
      (await attempt({ username: 'worker.y', password: PASSWORD, role: 'AGENCY_WORKER', agencyId: 'no-such-agency' })).fields[0],
    ).toMatchObject({
      code: 'NO_SUCH',
      params: [
        { name: 'entity', value: 'agency' },
        { name: 'value', value: 'no-such-agency' },
      ],
    });
    expect((await attempt({ username: 'coord.leeuwarden.2', password: PASSWORD, role: 'ADMIN' })).fields[0]).toMatchObject({
      path: ['input', 'username'],
      code: 'TAKEN',
    });
    expect((await attempt({ username: 'admin.z', password: 'short', role: 'ADMIN' })).fields[0]).toMatchObject({
      path: ['input', 'password'],
      code: 'TOO_SHORT',
      params: [{ name: 'minimum', value: '12' }],
    });
    expect((await attempt({ username: 'Jan de Vries', password: PASSWORD, role: 'ADMIN' })).fields[0].path).toEqual(['input', 'username']);
    expect(await factDigest(executor)).toBe(before);
  });

  it('lets only administrators manage accounts', async () => {
    const asCoordinator = await gql(
      app,
      CREATE,
      { input: { username: 'sneaky.admin', password: PASSWORD, role: 'ADMIN' } },
      coordinator.headers,
    );
    expect(asCoordinator.data.createAccount.__typename).toBe('ForbiddenError');
    expect((await gql(app, `query { accounts { edges { node { username } } } }`, {}, coordinator.headers)).errors?.[0]).toBeDefined();
    expect(
      (await gql(app, SET_ACTIVE, { id: coordinator.accountId, active: false }, coordinator.headers)).data.setAccountActive.__typename,
    ).toBe('ForbiddenError');
  });

  it('switches an account off: its sessions end at once and it cannot sign in until switched on', async () => {
    const worker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'oss-verdihuis' });
    expect((await gql(app, WHO, {}, worker.headers)).data.viewer.username).toBe(worker.username);
    expect((await gql(app, SET_ACTIVE, { id: worker.accountId, active: false }, admin.headers)).data.setAccountActive).toMatchObject({
      active: false,
    });
    expect((await gql(app, WHO, {}, worker.headers)).data.viewer).toBeNull();
    expect((await gql(app, LOGIN, { username: worker.username, password: 'correct horse battery staple' })).data.login.__typename).not.toBe(
      'Session',
    );
    await gql(app, SET_ACTIVE, { id: worker.accountId, active: true }, admin.headers);
    expect((await gql(app, LOGIN, { username: worker.username, password: 'correct horse battery staple' })).data.login.__typename).toBe(
      'Session',
    );
    expect((await gql(app, SET_ACTIVE, { id: admin.accountId, active: false }, admin.headers)).data.setAccountActive.message).toMatch(
      /your own account/,
    );
  });
});
