// Misuse: break-glass as a hostile insider would use it. It must stay a flagged, time-bound read of last resort
// that cannot be turned into lasting access, and every use must reach the region's coordinator for review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { LOGIN, signIn, TEST_PASSWORD, type SignedIn } from '../support/accounts.js';
import { REGISTER, RECORD_EVENT, SEND_REFERRAL, TAKE_REGIE, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const BREAK = `mutation($id: ID!, $reason: String!) { breakGlassAccess(householdId: $id, reason: $reason) { __typename ... on Error { message } } }`;
const EXPLAIN = `query($id: ID!) { householdAccess(id: $id) { allowed basis missing breakGlass } }`;
const CONSENT = `mutation($id: ID!, $agencies: [ID!]!, $method: ConsentMethod!) {
  recordConsent(householdId: $id, purpose: PREVENTION, recipientAgencyIds: $agencies, from: "2024-01-01", to: "2099-12-31", method: $method) {
    __typename
    ... on ConsentRecord { id householdId givenBy method recordedByAccountId recordedByAgencyId }
    ... on Error { message }
  }
}`;
const ADD_MEMBER = `mutation($id: ID!) {
  addHouseholdMember(householdId: $id, member: { label: "kind 2", role: CHILD, from: "2024-05-01", compositionSource: HOME_VISIT }) { __typename ... on Error { message } }
}`;
const USES = `query($reviewed: Boolean, $first: Int, $after: String) {
  breakGlassUses(reviewed: $reviewed, first: $first, after: $after) {
    __typename
    ... on BreakGlassUsePage {
      hasNextPage endCursor
      uses { id reason accountId agency { id } householdId householdReference startedAt expiresAt reads writes reviewed reviewedBy reviewedAt reviewNote
        actions { at action operation outcome } }
    }
    ... on Error { message }
  }
}`;
const REVIEW = `mutation($id: ID!, $note: String) {
  reviewBreakGlassUse(id: $id, note: $note) { __typename ... on BreakGlassUse { id reviewed reviewedBy reviewedAt reviewNote } ... on Error { message } }
}`;
const REASON = 'Politie staat bij ontruiming met kinderen, geen opvang bekend';

describe('break-glass misuse', () => {
  let executor: CypherExecutor;
  let app: App;
  let householdId: string;
  let reference: string;
  let utrechtHousehold: string;
  const who = {} as Record<'coordinator' | 'utrechtCoordinator' | 'police' | 'utrechtWorker' | 'admin', SignedIn>;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    who.coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    who.utrechtCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    who.police = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    who.utrechtWorker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'utr-ggd' });
    who.admin = await signIn(app, executor, 'ADMIN');
    const input = householdInput({ reference: 'AMS-BG-1' });
    reference = input.reference;
    householdId = (await gql(app, REGISTER, { input }, who.coordinator.headers)).data.registerHousehold.id;
    utrechtHousehold = (
      await gql(
        app,
        REGISTER,
        { input: householdInput({ reference: 'UTR-BG-1', centrumgemeenteId: 'utrecht', municipality: 'Utrecht', consent: null }) },
        who.utrechtCoordinator.headers,
      )
    ).data.registerHousehold.id;
  });
  afterAll(() => executor.close());

  it('cannot be laundered into a consent, a referral or involvement that outlasts the grant', async () => {
    expect((await gql(app, BREAK, { id: householdId, reason: REASON }, who.police.headers)).data.breakGlassAccess.__typename).toBe(
      'ConsentRecord',
    );
    const consent = (
      await gql(app, CONSENT, { id: householdId, agencies: ['ams-politie'], method: 'IN_PERSON_SIGNED' }, who.police.headers)
    ).data.recordConsent;
    expect(consent.__typename).toBe('ForbiddenError');
    const referral = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-som', purpose: 'Opvang regelen', sentOn: '2024-05-01' } },
      who.police.headers,
    );
    expect(referral.data.sendReferral.__typename).toBe('ForbiddenError');
    const event = await gql(app, RECORD_EVENT, { input: { householdId, kind: 'CONTACT', occurredOn: dayBefore(1) } }, who.police.headers);
    expect(event.data.recordEvent.__typename).toBe('ForbiddenError');
    // While the grant runs, access rests on it and says so.
    expect((await gql(app, EXPLAIN, { id: householdId }, who.police.headers)).data.householdAccess).toMatchObject({
      allowed: true,
      breakGlass: true,
    });
    // A day later nothing is left of it.
    const later = testApp(executor, undefined, () => new Date(Date.now() + 25 * 3600_000));
    const session = (await gql(later, LOGIN, { username: who.police.username, password: TEST_PASSWORD })).data.login;
    const headers = { authorization: `Bearer ${session.token}` };
    expect((await gql(later, EXPLAIN, { id: householdId }, headers)).data.householdAccess).toMatchObject({
      allowed: false,
      breakGlass: false,
    });
  });

  it('tells the page what the mutations allow: read only under break-glass, every change with need-to-know', async () => {
    const VIEWER_ACCESS = `query($id: ID!) { household(id: $id) { ... on Household { viewerAccess { temporary readOnly canRecord canRefer canTakeRegie canHandOverRegie } } } }`;
    await gql(app, BREAK, { id: householdId, reason: REASON }, who.police.headers);
    expect((await gql(app, VIEWER_ACCESS, { id: householdId }, who.police.headers)).data.household.viewerAccess).toEqual({
      temporary: true,
      readOnly: true,
      canRecord: false,
      canRefer: false,
      canTakeRegie: false,
      canHandOverRegie: false,
    });
    // The mutation the page would have offered is refused by that same rule.
    const taken = await gql(app, TAKE_REGIE, { householdId, stage: 'REPORTED', from: dayBefore(1) }, who.police.headers);
    expect(taken.data.takeRegie.__typename).toBe('ForbiddenError');
    expect((await gql(app, VIEWER_ACCESS, { id: householdId }, who.coordinator.headers)).data.household.viewerAccess).toEqual({
      temporary: false,
      readOnly: false,
      canRecord: true,
      canRefer: true,
      canTakeRegie: true,
      canHandOverRegie: true,
    });
  });

  it('keeps every read and write under the grant flagged in the access log', async () => {
    await gql(app, BREAK, { id: householdId, reason: REASON }, who.police.headers);
    expect((await gql(app, ADD_MEMBER, { id: householdId }, who.police.headers)).data.addHouseholdMember.__typename).toBe(
      'HouseholdMember',
    );
    const LOG = `query($account: ID!) { accessLog(accountId: $account, first: 100) { entries { action householdId breakGlass outcome } } }`;
    const entries = (await gql(app, LOG, { account: who.police.accountId }, who.admin.headers)).data.accessLog.entries;
    const underGrant = entries.filter((e: any) => e.householdId === householdId && e.outcome === 'ALLOWED');
    expect(underGrant.some((e: any) => e.action === 'CHANGE')).toBe(true);
    expect(underGrant.filter((e: any) => !e.breakGlass)).toEqual([]);
  });

  it("is limited to the worker's own region", async () => {
    const crossRegion = await gql(app, BREAK, { id: householdId, reason: REASON }, who.utrechtWorker.headers);
    expect(crossRegion.data.breakGlassAccess.__typename).toBe('ForbiddenError');
    expect((await gql(app, EXPLAIN, { id: householdId }, who.utrechtWorker.headers)).data.householdAccess.allowed).toBe(false);
  });

  it('records consent as given by the family, with who recorded it and how it was obtained', async () => {
    const recorded = (
      await gql(app, CONSENT, { id: householdId, agencies: ['ams-som'], method: 'IN_PERSON_VERBAL' }, who.coordinator.headers)
    ).data.recordConsent;
    expect(recorded).toMatchObject({
      __typename: 'ConsentRecord',
      givenBy: 'FAMILY',
      method: 'IN_PERSON_VERBAL',
      recordedByAccountId: who.coordinator.accountId,
    });
    // Without a care relation there is no consent for one's own agency, grant or not.
    const police = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    expect(
      (await gql(app, CONSENT, { id: householdId, agencies: ['ams-politie'], method: 'BY_PHONE' }, police.headers)).data.recordConsent
        .__typename,
    ).toBe('ForbiddenError');
  });

  it("reports each use to the region's coordinator, who marks it reviewed", async () => {
    const unreviewed = (await gql(app, USES, { reviewed: false, first: 50 }, who.coordinator.headers)).data.breakGlassUses;
    expect(unreviewed.__typename).toBe('BreakGlassUsePage');
    const use = unreviewed.uses.find((u: any) => u.accountId === who.police.accountId);
    expect(use).toMatchObject({
      reason: REASON,
      agency: { id: 'ams-politie' },
      householdId,
      householdReference: reference,
      reviewed: false,
      reviewedBy: null,
    });
    expect(use.reads).toBeGreaterThan(0);
    expect(use.writes).toBeGreaterThan(0);
    expect(Date.parse(use.expiresAt) - Date.parse(use.startedAt)).toBe(24 * 3600_000);
    expect(use.actions.every((a: any) => typeof a.operation === 'string')).toBe(true);

    // Not for another region's coordinator, nor for the worker who broke the glass.
    const elsewhere = (await gql(app, USES, { reviewed: false }, who.utrechtCoordinator.headers)).data.breakGlassUses.uses;
    expect(elsewhere.map((u: any) => u.id)).not.toContain(use.id);
    expect((await gql(app, USES, {}, who.police.headers)).data.breakGlassUses.__typename).toBe('ForbiddenError');
    expect((await gql(app, REVIEW, { id: use.id, note: 'x' }, who.utrechtCoordinator.headers)).data.reviewBreakGlassUse.__typename).toBe(
      'ForbiddenError',
    );

    const reviewed = (await gql(app, REVIEW, { id: use.id, note: 'Besproken met teamleider politie' }, who.coordinator.headers)).data
      .reviewBreakGlassUse;
    expect(reviewed).toMatchObject({
      __typename: 'BreakGlassUse',
      reviewed: true,
      reviewedBy: who.coordinator.accountId,
      reviewNote: 'Besproken met teamleider politie',
    });
    const open = (await gql(app, USES, { reviewed: false, first: 50 }, who.coordinator.headers)).data.breakGlassUses.uses;
    expect(open.map((u: any) => u.id)).not.toContain(use.id);
    const done = (await gql(app, USES, { reviewed: true, first: 50 }, who.coordinator.headers)).data.breakGlassUses.uses;
    expect(done.map((u: any) => u.id)).toContain(use.id);
  });

  it("reports a coordinator's use in another region to that region's coordinator", async () => {
    await gql(
      app,
      BREAK,
      { id: utrechtHousehold, reason: 'Gezin uit Utrecht staat vannacht op straat in Amsterdam' },
      who.coordinator.headers,
    );
    const utrecht = (await gql(app, USES, { reviewed: false }, who.utrechtCoordinator.headers)).data.breakGlassUses.uses;
    expect(utrecht.map((u: any) => u.accountId)).toContain(who.coordinator.accountId);
  });
});

function dayBefore(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}
