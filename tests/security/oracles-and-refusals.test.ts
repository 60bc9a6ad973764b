// Misuse: learning whether a household id exists, probing without leaving a trace, and being named into access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { REGISTER, RECORD_EVENT, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const HOUSEHOLD = `query($id: ID!) { household(id: $id) { __typename ... on Error { code message } } }`;
const EXPLAIN = `query($id: ID!) { householdAccess(id: $id) { allowed missing } }`;
const BREAK = `mutation($id: ID!, $reason: String!) { breakGlassAccess(householdId: $id, reason: $reason) { __typename ... on Error { code message } } }`;
const LOG = `query($account: ID) { accessLog(accountId: $account, first: 100) { entries { accountId action operation householdId basis outcome } } }`;
const NOWHERE = 'hh_doesnotexist000000';

describe('existence oracles and untraced refusals', () => {
  let executor: CypherExecutor;
  let app: App;
  let householdId: string;
  const who = {} as Record<
    'coordinator' | 'police' | 'utrechtWorker' | 'utrechtCoordinator' | 'hvo' | 'ldh' | 'policy' | 'admin',
    SignedIn
  >;
  const entriesOf = async (account: SignedIn) =>
    (await gql(app, LOG, { account: account.accountId }, who.admin.headers)).data.accessLog.entries as any[];

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    who.coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    who.police = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    who.utrechtWorker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'utr-ggd' });
    who.utrechtCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    who.hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    who.ldh = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-leger-des-heils' });
    who.policy = await signIn(app, executor, 'POLICY_MAKER');
    who.admin = await signIn(app, executor, 'ADMIN');
    const consent = {
      purpose: 'CHAIN_COORDINATION',
      recipientAgencyIds: ['ams-som', 'ams-politie'],
      from: '2024-01-01',
      to: '2030-12-31',
      method: 'IN_PERSON_SIGNED',
    };
    householdId = (await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-OR-1', consent }) }, who.coordinator.headers)).data
      .registerHousehold.id;
  });
  afterAll(() => executor.close());

  it.each([['police'], ['utrechtCoordinator'], ['hvo'], ['policy']])(
    'gives %s the same answer for a missing household and one it may not see',
    async (role) => {
      const someoneElses = (await gql(app, HOUSEHOLD, { id: householdId }, who[role as 'police'].headers)).data.household;
      const missing = (await gql(app, HOUSEHOLD, { id: NOWHERE }, who[role as 'police'].headers)).data.household;
      expect(missing).toEqual(someoneElses);
      const explainedOther = (await gql(app, EXPLAIN, { id: householdId }, who[role as 'police'].headers)).data.householdAccess;
      const explainedMissing = (await gql(app, EXPLAIN, { id: NOWHERE }, who[role as 'police'].headers)).data.householdAccess;
      expect(explainedMissing).toEqual(explainedOther);
    },
  );

  it.each([['utrechtCoordinator'], ['utrechtWorker'], ['hvo']])(
    "gives %s the same answer for withdrawing an unknown consent and someone else's",
    async (role) => {
      const RECORD = `mutation($id: ID!) { recordConsent(householdId: $id, purpose: PREVENTION, recipientAgencyIds: ["ams-som"], from: "2024-07-01", to: "2030-12-31", method: BY_PHONE) { __typename ... on ConsentRecord { id } } }`;
      const WITHDRAW = `mutation($c: ID!) { withdrawConsent(consentId: $c, on: "2025-01-01") { __typename ... on Error { code message } } }`;
      const consentId = (await gql(app, RECORD, { id: householdId }, who.coordinator.headers)).data.recordConsent.id;
      const headers = who[role as 'hvo'].headers;
      const someoneElses = (await gql(app, WITHDRAW, { c: consentId }, headers)).data.withdrawConsent;
      const unknown = (await gql(app, WITHDRAW, { c: 'cons_doesnotexist000000' }, headers)).data.withdrawConsent;
      expect(someoneElses.__typename).toBe('ForbiddenError');
      expect(unknown).toEqual(someoneElses);
      // The log keeps the difference.
      const refused = (await entriesOf(who[role as 'hvo'])).filter(
        (e) => e.operation === 'mutation:withdrawConsent' && e.outcome === 'REFUSED',
      );
      expect(refused.some((e) => /consent does not exist/.test(e.basis))).toBe(true);
    },
  );

  it('keeps the difference in the access log', async () => {
    await gql(app, HOUSEHOLD, { id: NOWHERE }, who.police.headers);
    const entries = await entriesOf(who.police);
    expect(entries.find((e) => e.householdId === NOWHERE).basis).toMatch(/does not exist/);
    expect(entries.find((e) => e.householdId === householdId).basis).not.toMatch(/does not exist/);
  });

  it('gives break-glass outside the region the same answer for a missing household', async () => {
    const other = (
      await gql(app, BREAK, { id: householdId, reason: 'Gezin staat vannacht op straat zonder opvang' }, who.utrechtWorker.headers)
    ).data.breakGlassAccess;
    const missing = (
      await gql(app, BREAK, { id: NOWHERE, reason: 'Gezin staat vannacht op straat zonder opvang' }, who.utrechtWorker.headers)
    ).data.breakGlassAccess;
    expect(other.__typename).toBe('ForbiddenError');
    expect(missing).toEqual(other);
  });

  it('logs refused shelter and comparison exports, the access log and foreign waiting lists, on every path', async () => {
    const get = (path: string, account?: SignedIn) =>
      app.fetch(new Request(`http://ketenkaart.test${path}`, { headers: account?.headers ?? {} }));
    expect((await get('/shelter/export?kind=waiting-list&facilityId=ams-rosaburgh', who.hvo)).status).toBe(403);
    expect((await get('/shelter/export?kind=waiting-list', who.coordinator)).status).toBe(403);
    expect((await get('/exports/comparison.csv?cities=amsterdam,utrecht&from=2024-01-01&to=2024-12-31', who.police)).status).toBe(403);
    await gql(app, `{ accessLog { entries { id } } }`, {}, who.coordinator.headers);
    await gql(app, `{ facility(id: "ams-alexandria") { waitingList { caseRef } } }`, {}, who.ldh.headers);

    const hvo = await entriesOf(who.hvo);
    expect(hvo).toContainEqual(expect.objectContaining({ action: 'EXPORT', outcome: 'REFUSED', householdId: null }));
    const coordinator = await entriesOf(who.coordinator);
    expect(coordinator).toContainEqual(expect.objectContaining({ action: 'EXPORT', outcome: 'REFUSED' }));
    expect(coordinator).toContainEqual(expect.objectContaining({ outcome: 'REFUSED', operation: expect.stringMatching(/accessLog/) }));
    expect(await entriesOf(who.police)).toContainEqual(
      expect.objectContaining({ action: 'EXPORT', outcome: 'REFUSED', operation: expect.stringMatching(/comparison/) }),
    );
    expect(await entriesOf(who.ldh)).toContainEqual(
      expect.objectContaining({ outcome: 'REFUSED', operation: expect.stringMatching(/waitingList|facility/) }),
    );
  });

  it('refuses and logs a comparison export by role before it looks at the parameters', async () => {
    const response = await app.fetch(
      new Request('http://ketenkaart.test/exports/comparison.csv?cities=utrecht&from=nonsense', { headers: who.hvo.headers }),
    );
    expect(response.status).toBe(403);
    expect(await entriesOf(who.hvo)).toContainEqual(
      expect.objectContaining({ action: 'EXPORT', outcome: 'REFUSED', operation: 'comparison:csv' }),
    );
  });

  it('logs an anonymous refused export too', async () => {
    const response = await app.fetch(new Request('http://ketenkaart.test/shelter/export?kind=refusals'));
    expect(response.status).toBe(401);
    const all = (await gql(app, LOG, { account: null }, who.admin.headers)).data.accessLog.entries;
    expect(all).toContainEqual(expect.objectContaining({ accountId: null, action: 'EXPORT', outcome: 'REFUSED' }));
  });

  it("logs policy makers' aggregate reads, without personal data", async () => {
    await gql(
      app,
      `{ cityComparison(centrumgemeenteIds: ["amsterdam", "utrecht"], from: "2024-01-01", to: "2024-12-31") { suppressed } }`,
      {},
      who.policy.headers,
    );
    await gql(app, `{ gapCounts(centrumgemeenteIds: ["amsterdam"]) { households } }`, {}, who.policy.headers);
    await gql(
      app,
      `{ shelterFigures(centrumgemeenteId: "amsterdam", from: "2024-01-01", to: "2024-12-31") { suppressed } }`,
      {},
      who.policy.headers,
    );
    const entries = await entriesOf(who.policy);
    for (const field of ['cityComparison', 'gapCounts', 'shelterFigures']) {
      expect(entries, field).toContainEqual(
        expect.objectContaining({ outcome: 'ALLOWED', householdId: null, operation: expect.stringContaining(field) }),
      );
    }
  });

  it('counts an agency as involved only once the agency itself has acted', async () => {
    expect((await gql(app, EXPLAIN, { id: householdId }, who.police.headers)).data.householdAccess.allowed).toBe(false);
    // The coordinator names the police on a step; the consent names the police too.
    const named = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'CONTACT', occurredOn: new Date().toISOString().slice(0, 10), agencyId: 'ams-politie' } },
      who.coordinator.headers,
    );
    expect(named.data.recordEvent.__typename).toBe('HouseholdEvent');
    expect((await gql(app, EXPLAIN, { id: householdId }, who.police.headers)).data.householdAccess.allowed).toBe(false);
  });
});
