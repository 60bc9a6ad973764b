// A refusal tells the web why in a stable reason code it can say in plain words, never only in English free text;
// the code for an id that names no household is the one an existing household that is not yours gets (no oracle).
// Break-glass uses granted on request show the worker's own reason and who granted it, and a review needs a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const HOUSEHOLD = `query($id: ID!) { household(id: $id) { __typename ... on Error { code } ... on ForbiddenError { reasonCode } } }`;
const REQUEST_ACCESS = `mutation($householdId: ID!, $reason: String!) { requestAccess(householdId: $householdId, reason: $reason) { __typename ... on AccessRequest { id } } }`;
const DECIDE_ACCESS = `mutation($id: ID!) { decideAccessRequest(id: $id, grant: true) { __typename ... on AccessRequest { status } } }`;
const USES = `query { breakGlassUses(reviewed: false) { __typename ... on BreakGlassUsePage { uses { id reason accountName grantedByName householdId reviewed } }
  ... on ForbiddenError { reasonCode } } }`;
const REVIEW = `mutation($id: ID!, $note: String) { reviewBreakGlassUse(id: $id, note: $note) {
  __typename ... on BreakGlassUse { reviewed reviewNote } ... on ValidationError { fields { path code } } } }`;
const REASON = 'Gezin meldt zich bij ons, wij willen de verwijzing nakijken.';

describe('refusal reasons', () => {
  let executor: CypherExecutor;
  let app: App;
  let householdId: string;
  const who = {} as Record<'coordinator' | 'utrechtCoordinator' | 'worker' | 'shelter' | 'policy' | 'admin', SignedIn>;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    who.coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    who.utrechtCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    who.worker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    who.shelter = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    who.policy = await signIn(app, executor, 'POLICY_MAKER', { centrumgemeenteId: 'amsterdam' });
    who.admin = await signIn(app, executor, 'ADMIN');
    householdId = (await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-RR-1' }) }, who.coordinator.headers)).data
      .registerHousehold.id;
  });
  afterAll(() => executor.close());

  it('gives each refused role a reason code of its own, and the same code for an id that names no household', async () => {
    const expected = {
      worker: 'NO_CARE_RELATION',
      shelter: 'NO_SHELTER_RELATION',
      utrechtCoordinator: 'OUTSIDE_YOUR_REGION',
      policy: 'AGGREGATES_ONLY',
      admin: 'NO_HOUSEHOLDS_FOR_ADMIN',
    } as const;
    for (const [role, reasonCode] of Object.entries(expected)) {
      const headers = who[role as keyof typeof expected].headers;
      expect((await gql(app, HOUSEHOLD, { id: householdId }, headers)).data.household, role).toEqual({
        __typename: 'ForbiddenError',
        code: 'FORBIDDEN',
        reasonCode,
      });
      expect((await gql(app, HOUSEHOLD, { id: 'hh_does_not_exist' }, headers)).data.household, role).toEqual({
        __typename: 'ForbiddenError',
        code: 'FORBIDDEN',
        reasonCode,
      });
    }
    expect((await gql(app, USES, {}, who.worker.headers)).data.breakGlassUses).toEqual({
      __typename: 'ForbiddenError',
      reasonCode: 'BREAK_GLASS_REVIEW_BY_COORDINATOR',
    });
  });

  it("shows a grant on request with the worker's reason and names, and refuses a review without a note", async () => {
    const request = (await gql(app, REQUEST_ACCESS, { householdId, reason: REASON }, who.worker.headers)).data.requestAccess;
    expect(request.__typename).toBe('AccessRequest');
    expect((await gql(app, DECIDE_ACCESS, { id: request.id }, who.coordinator.headers)).data.decideAccessRequest.status).toBe('GRANTED');

    const use = (await gql(app, USES, {}, who.coordinator.headers)).data.breakGlassUses.uses.find(
      (u: any) => u.householdId === householdId,
    );
    expect(use).toMatchObject({ reason: REASON, accountName: who.worker.username, grantedByName: who.coordinator.username });

    for (const note of [null, '   ']) {
      expect((await gql(app, REVIEW, { id: use.id, note }, who.coordinator.headers)).data.reviewBreakGlassUse).toEqual({
        __typename: 'ValidationError',
        fields: [{ path: ['note'], code: 'REVIEW_NOTE_NEEDED' }],
      });
    }
    const still = (await gql(app, USES, {}, who.coordinator.headers)).data.breakGlassUses.uses.find((u: any) => u.id === use.id);
    expect(still.reviewed).toBe(false);
    expect(
      (await gql(app, REVIEW, { id: use.id, note: 'Besproken met de politie' }, who.coordinator.headers)).data.reviewBreakGlassUse,
    ).toEqual({ __typename: 'BreakGlassUse', reviewed: true, reviewNote: 'Besproken met de politie' });
  });
});
