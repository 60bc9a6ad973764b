// Every mutation's refusals: each gives a typed error that says what is wrong, and changes no fact in the graph.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralTransition, type ReferralAction, type ReferralStatus } from '@ketenkaart/schema';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { factDigest } from '../support/digest.js';
import {
  HAND_OVER_REGIE,
  RECORD_EVENT,
  REFUSE_REFERRAL,
  REGISTER,
  SEND_REFERRAL,
  TAKE_REGIE,
  TRAJECTORY,
  householdInput,
  referralStep,
} from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

describe('mutations refuse bad input and change nothing', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  let som: SignedIn;
  let vangnet: SignedIn;
  let policy: SignedIn;
  let householdId: string;
  let referralId: string;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    som = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    vangnet = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-ggd-vangnet-advies' });
    policy = await signIn(app, executor, 'POLICY_MAKER');
    const { data } = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-REFUSE-1' }) }, coordinator.headers);
    householdId = data.registerHousehold.id;
    await gql(app, TAKE_REGIE, { householdId, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' }, coordinator.headers);
    const sent = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-maatschappelijke-dienstverlening', purpose: 'Huisbezoek', sentOn: '2024-02-03' } },
      som.headers,
    );
    referralId = sent.data.sendReferral.id;
  });
  afterAll(() => executor.close());

  const event = (input: Record<string, unknown>) => ({ input: { householdId, occurredOn: '2024-03-01', ...input } });
  const future = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);

  const cases: {
    name: string;
    who: () => SignedIn | null;
    query: string;
    variables: () => Record<string, unknown>;
    field: string;
    expect: Record<string, unknown>;
  }[] = [
    {
      name: 'register: no members',
      who: () => coordinator,
      query: REGISTER,
      variables: () => ({ input: householdInput({ members: [] }) }),
      field: 'registerHousehold',
      expect: {
        __typename: 'ValidationError',
        fields: [{ path: ['input', 'members'], code: 'TOO_FEW', params: [{ name: 'minimum', value: '1' }] }],
      },
    },
    {
      name: 'register: reference already used',
      who: () => coordinator,
      query: REGISTER,
      variables: () => ({ input: householdInput({ reference: 'ams-refuse-1' }) }),
      field: 'registerHousehold',
      expect: { __typename: 'ValidationError', fields: [{ path: ['input', 'reference'], code: 'TAKEN' }] },
    },
    {
      name: 'register: huge reference',
      who: () => coordinator,
      query: REGISTER,
      variables: () => ({ input: householdInput({ reference: 'x'.repeat(5000) }) }),
      field: 'registerHousehold',
      expect: { __typename: 'ValidationError' },
    },
    {
      name: 'register: outside own region',
      who: () => coordinator,
      query: REGISTER,
      variables: () => ({ input: householdInput({ centrumgemeenteId: 'utrecht' }) }),
      field: 'registerHousehold',
      expect: { __typename: 'ForbiddenError' },
    },
    {
      name: 'register: policy maker',
      who: () => policy,
      query: REGISTER,
      variables: () => ({ input: householdInput() }),
      field: 'registerHousehold',
      expect: { __typename: 'ForbiddenError' },
    },
    {
      name: 'register: no session',
      who: () => null,
      query: REGISTER,
      variables: () => ({ input: householdInput() }),
      field: 'registerHousehold',
      expect: { __typename: 'ForbiddenError', message: 'sign in first' },
    },
    {
      name: 'event: refusal without reason',
      who: () => coordinator,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'REFUSAL', facilityId: 'ams-rosaburgh' }),
      field: 'recordEvent',
      expect: { __typename: 'ValidationError', fields: [{ path: ['input', 'refusalReason'], message: 'required for REFUSAL' }] },
    },
    {
      name: 'event: detail that does not belong',
      who: () => coordinator,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'SUMMONS', verdictKind: 'EVICTION' }),
      field: 'recordEvent',
      expect: { __typename: 'ValidationError', fields: [{ path: ['input', 'verdictKind'], message: 'not used for SUMMONS' }] },
    },
    {
      name: 'event: in the future',
      who: () => coordinator,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'CONTACT', occurredOn: future }),
      field: 'recordEvent',
      expect: { __typename: 'ValidationError', fields: [{ path: ['input', 'occurredOn'], message: 'cannot be in the future' }] },
    },
    {
      name: 'event: unknown facility',
      who: () => coordinator,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'PLACEMENT', facilityId: 'no-such-facility' }),
      field: 'recordEvent',
      expect: { __typename: 'NotFoundError', entity: 'Facility' },
    },
    // Refused as a household outside the region would be: a refusal never tells whether an id exists.
    {
      name: 'event: unknown household',
      who: () => coordinator,
      query: RECORD_EVENT,
      variables: () => ({ input: { householdId: 'hh_nope', kind: 'CONTACT', occurredOn: '2024-03-01' } }),
      field: 'recordEvent',
      expect: { __typename: 'ForbiddenError', message: 'the household is outside your region (amsterdam)' },
    },
    {
      name: 'event: waiting-list exit without entry',
      who: () => coordinator,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'WAITING_LIST_EXIT', facilityId: 'ams-rosaburgh', waitingListOutcome: 'PLACED' }),
      field: 'recordEvent',
      expect: {
        __typename: 'ValidationError',
        fields: [{ path: ['input', 'facilityId'], message: 'the household is not on the waiting list of this facility' }],
      },
    },
    {
      name: 'event: agency worker for another agency',
      who: () => som,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'CONTACT', agencyId: 'ams-politie' }),
      field: 'recordEvent',
      expect: { __typename: 'ForbiddenError' },
    },
    {
      name: 'event: agency without care relation',
      who: () => vangnet,
      query: RECORD_EVENT,
      variables: () => event({ kind: 'CONTACT' }),
      field: 'recordEvent',
      expect: { __typename: 'ForbiddenError', message: 'no active care relation between the household and agency ams-ggd-vangnet-advies' },
    },
    {
      name: 'referral: to itself',
      who: () => som,
      query: SEND_REFERRAL,
      variables: () => ({ input: { householdId, toAgencyId: 'ams-som', purpose: 'x x x', sentOn: '2024-03-01' } }),
      field: 'sendReferral',
      expect: { __typename: 'ValidationError' },
    },
    {
      name: 'referral: unknown agency',
      who: () => som,
      query: SEND_REFERRAL,
      variables: () => ({ input: { householdId, toAgencyId: 'nobody', purpose: 'x x x', sentOn: '2024-03-01' } }),
      field: 'sendReferral',
      expect: { __typename: 'NotFoundError', entity: 'Agency' },
    },
    {
      name: 'referral: expire before the respond-by date',
      who: () => coordinator,
      query: referralStep('expire'),
      variables: () => ({ id: referralId, on: '2024-02-10' }),
      field: 'expireReferral',
      expect: { __typename: 'ValidationError' },
    },
    {
      name: 'referral: complete before accept',
      who: () => coordinator,
      query: referralStep('complete'),
      variables: () => ({ id: referralId, on: '2024-02-10' }),
      field: 'completeReferral',
      expect: {
        __typename: 'InvalidTransitionError',
        from: 'SENT',
        action: 'COMPLETE',
        allowed: ['ACCEPT', 'REFUSE', 'REQUEST_INFO', 'WITHDRAW', 'EXPIRE'],
      },
    },
    {
      name: 'referral: the sender cannot accept',
      who: () => som,
      query: referralStep('accept'),
      variables: () => ({ id: referralId, on: '2024-02-10' }),
      field: 'acceptReferral',
      expect: { __typename: 'ForbiddenError' },
    },
    {
      name: 'referral: step before it was sent',
      who: () => coordinator,
      query: referralStep('accept'),
      variables: () => ({ id: referralId, on: '2024-01-10' }),
      field: 'acceptReferral',
      expect: {
        __typename: 'StepOrderError',
        code: 'STEP_ORDER',
        step: 'REFERRAL_ACCEPTED',
        on: '2024-01-10',
        follows: 'REFERRAL_SENT',
        followsOn: '2024-02-03',
      },
    },
    {
      name: 'regie: handed over before it was taken',
      who: () => coordinator,
      query: HAND_OVER_REGIE,
      variables: () => ({ householdId, stage: 'REPORTED', toAgencyId: 'ams-ggd-vangnet-advies', on: '2024-01-15' }),
      field: 'handOverRegie',
      expect: {
        __typename: 'StepOrderError',
        step: 'REGIE_HANDED_OVER',
        on: '2024-01-15',
        follows: 'REGIE_TAKEN',
        followsOn: '2024-02-01',
      },
    },
    {
      name: 'regie: take what another agency holds',
      who: () => coordinator,
      query: TAKE_REGIE,
      variables: () => ({ householdId, stage: 'REPORTED', agencyId: 'ams-ggd-vangnet-advies', from: '2024-03-01' }),
      field: 'takeRegie',
      expect: { __typename: 'ValidationError' },
    },
    {
      name: 'regie: hand over what nobody holds',
      who: () => coordinator,
      query: HAND_OVER_REGIE,
      variables: () => ({ householdId, stage: 'PLACED', toAgencyId: 'ams-hvo-querido', on: '2024-03-01' }),
      field: 'handOverRegie',
      expect: { __typename: 'NotFoundError' },
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const before = await factDigest(executor);
    const who = c.who();
    const { data, errors } = await gql(app, c.query, c.variables(), who?.headers ?? {});
    expect(errors).toBeUndefined();
    expect(data[c.field]).toMatchObject(c.expect);
    expect(data[c.field].message.length).toBeGreaterThan(5);
    expect(await factDigest(executor)).toBe(before);
  });

  it('refuses wrong types, unknown fields and deep queries before running anything', async () => {
    const before = await factDigest(executor);
    const wrongType = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'CONTACT', occurredOn: '01-03-2024' } },
      coordinator.headers,
    );
    expect(wrongType.errors?.[0]?.message).toMatch(/Date must be a calendar day/);
    const wrongEnum = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'PARTY', occurredOn: '2024-03-01' } },
      coordinator.headers,
    );
    expect(wrongEnum.errors?.[0]?.message).toMatch(/PARTY/);
    const notADay = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'CONTACT', occurredOn: '2024-02-30' } },
      coordinator.headers,
    );
    expect(notADay.errors?.[0]?.message).toMatch(/calendar day/);
    expect(await factDigest(executor)).toBe(before);
  });

  it('keeps a referral legal under any sequence of steps, and a refused step changes nothing (property)', async () => {
    const actions: ReferralAction[] = ['ACCEPT', 'REFUSE', 'COMPLETE', 'WITHDRAW', 'EXPIRE'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...actions), { minLength: 1, maxLength: 5 }), async (sequence) => {
        const sent = await gql(
          app,
          SEND_REFERRAL,
          { input: { householdId, toAgencyId: 'ams-maatschappelijke-dienstverlening', purpose: 'Property run', sentOn: '2024-03-01' } },
          som.headers,
        );
        const id = sent.data.sendReferral.id;
        let model: ReferralStatus = 'SENT';
        for (const action of sequence) {
          const before = await factDigest(executor);
          // The sender withdraws; the coordinator answers for the receiver; expiry comes after the respond-by date.
          const who = action === 'WITHDRAW' ? som : coordinator;
          const on = action === 'EXPIRE' ? '2024-04-01' : '2024-03-05';
          const { data } =
            action === 'REFUSE'
              ? await gql(app, REFUSE_REFERRAL, { id, on, reason: 'NO_CAPACITY' }, who.headers)
              : await gql(app, referralStep(action.toLowerCase() as 'accept'), { id, on }, who.headers);
          const result = data[`${action.toLowerCase()}Referral`];
          const expected = referralTransition(model, action);
          if (expected.ok) {
            expect(result).toMatchObject({ __typename: 'Referral', status: expected.to });
            model = expected.to;
          } else {
            expect(result).toMatchObject({ __typename: 'InvalidTransitionError', from: model, action });
            expect(await factDigest(executor)).toBe(before);
          }
        }
      }),
      { numRuns: 12, seed: 20091 },
    );
  });

  it('dates every lifecycle step no earlier than the step it follows: send T-10, accept T-8, complete T-9 is refused', async () => {
    const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const sent = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-maatschappelijke-dienstverlening', purpose: 'Schuldhulp', sentOn: day(10) } },
      som.headers,
    );
    const id = sent.data.sendReferral.id;
    expect((await gql(app, referralStep('accept'), { id, on: day(8) }, coordinator.headers)).data.acceptReferral).toMatchObject({
      status: 'ACCEPTED',
    });
    const before = await factDigest(executor);
    const early = (await gql(app, referralStep('complete'), { id, on: day(9) }, coordinator.headers)).data.completeReferral;
    expect(early).toMatchObject({
      __typename: 'StepOrderError',
      code: 'STEP_ORDER',
      fieldPath: ['input', 'on'],
      step: 'REFERRAL_COMPLETED',
      on: day(9),
      follows: 'REFERRAL_ACCEPTED',
      followsOn: day(8),
    });
    expect(early.message).toContain(day(9));
    expect(early.message).toContain(day(8));
    expect(await factDigest(executor)).toBe(before);
    // The same day as the acceptance is in order.
    expect((await gql(app, referralStep('complete'), { id, on: day(8) }, coordinator.headers)).data.completeReferral).toMatchObject({
      status: 'COMPLETED',
    });

    // A waiting-list exit before the entry it closes, and an event before the event it follows from.
    const entry = await gql(
      app,
      RECORD_EVENT,
      event({ kind: 'WAITING_LIST_ENTRY', facilityId: 'ams-rosaburgh', occurredOn: '2024-06-10' }),
      coordinator.headers,
    );
    const exit = await gql(
      app,
      RECORD_EVENT,
      event({ kind: 'WAITING_LIST_EXIT', facilityId: 'ams-rosaburgh', waitingListOutcome: 'PLACED', occurredOn: '2024-06-01' }),
      coordinator.headers,
    );
    expect(exit.data.recordEvent).toMatchObject({
      __typename: 'StepOrderError',
      step: 'WAITING_LIST_EXIT',
      on: '2024-06-01',
      follows: 'WAITING_LIST_ENTRY',
      followsOn: '2024-06-10',
    });
    const contact = await gql(
      app,
      RECORD_EVENT,
      event({ kind: 'CONTACT', occurredOn: '2024-06-05', followsFromIds: [entry.data.recordEvent.id] }),
      coordinator.headers,
    );
    expect(contact.data.recordEvent).toMatchObject({
      __typename: 'StepOrderError',
      step: 'CONTACT',
      follows: 'WAITING_LIST_ENTRY',
      followsOn: '2024-06-10',
    });

    // Regie at a stage is taken no earlier than the last handover there.
    const regie = await gql(
      app,
      TAKE_REGIE,
      { householdId, stage: 'EVICTED', agencyId: 'ams-ggd-vangnet-advies', from: '2024-07-01' },
      coordinator.headers,
    );
    expect(regie.data.takeRegie.__typename).toBe('RegieAssignment');
    expect(
      (
        await gql(
          app,
          HAND_OVER_REGIE,
          { householdId, stage: 'EVICTED', toAgencyId: 'ams-hvo-querido', toStage: 'PLACED', on: '2024-08-01' },
          vangnet.headers,
        )
      ).data.handOverRegie.__typename,
    ).toBe('RegieAssignment');
    const retaken = await gql(
      app,
      TAKE_REGIE,
      { householdId, stage: 'EVICTED', agencyId: 'ams-som', from: '2024-07-15' },
      coordinator.headers,
    );
    expect(retaken.data.takeRegie).toMatchObject({
      __typename: 'StepOrderError',
      step: 'REGIE_TAKEN',
      on: '2024-07-15',
      follows: 'REGIE_HANDED_OVER',
      followsOn: '2024-08-01',
    });
  });

  it('refuses to cancel an eviction that was carried out, and cancels a planned one', async () => {
    const { data } = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-CANCEL-1' }) }, coordinator.headers);
    const id = data.registerHousehold.id;
    const record = (kind: string, occurredOn: string) =>
      gql(app, RECORD_EVENT, { input: { householdId: id, kind, occurredOn, agencyId: null } }, coordinator.headers);
    expect((await record('EVICTION_PLANNED', '2024-04-01')).data.recordEvent.__typename).toBe('HouseholdEvent');
    expect((await record('EVICTION_EXECUTED', '2024-04-20')).data.recordEvent.__typename).toBe('HouseholdEvent');
    const before = await factDigest(executor);
    const late = (await record('EVICTION_CANCELLED', '2024-04-25')).data.recordEvent;
    expect(late).toMatchObject({ __typename: 'ValidationError' });
    expect(late.fields).toEqual([
      expect.objectContaining({
        path: ['input', 'occurredOn'],
        code: 'EVICTION_ALREADY_EXECUTED',
        params: [{ name: 'on', value: '2024-04-20' }],
      }),
    ]);
    expect(await factDigest(executor)).toEqual(before);
    // Dated before the execution, a cancellation tells of an earlier date called off: it stands.
    expect((await record('EVICTION_CANCELLED', '2024-04-10')).data.recordEvent.__typename).toBe('HouseholdEvent');
  });

  it('corrects a fact with a new fact; the old one stays, marked superseded', async () => {
    const recorded = await gql(
      app,
      RECORD_EVENT,
      event({ kind: 'SUMMONS', occurredOn: '2024-05-01', agencyId: 'ams-rechter' }),
      coordinator.headers,
    );
    const originalId = recorded.data.recordEvent.id;
    const corrected = await gql(
      app,
      `mutation($id: ID!, $input: CorrectEventInput!) { correctEvent(eventId: $id, input: $input) { __typename ... on HouseholdEvent { id occurredOn supersedes } ... on Error { code message } } }`,
      { id: originalId, input: { occurredOn: '2024-05-08', agencyId: 'ams-rechter' } },
      coordinator.headers,
    );
    expect(corrected.data.correctEvent).toMatchObject({ __typename: 'HouseholdEvent', occurredOn: '2024-05-08', supersedes: originalId });
    const again = await gql(
      app,
      `mutation($id: ID!, $input: CorrectEventInput!) { correctEvent(eventId: $id, input: $input) { __typename ... on Error { code message } } }`,
      { id: originalId, input: { occurredOn: '2024-05-09' } },
      coordinator.headers,
    );
    expect(again.data.correctEvent).toMatchObject({ __typename: 'ValidationError' });
    const { data } = await gql(app, TRAJECTORY, { id: householdId }, coordinator.headers);
    const steps = data.household.trajectory.steps;
    const old = steps.find((s: any) => s.event.id === originalId);
    expect(old).toMatchObject({ superseded: true, event: { supersededBy: corrected.data.correctEvent.id } });
    expect(steps.filter((s: any) => s.event.kind === 'SUMMONS' && !s.superseded)).toHaveLength(1);
  });

  it('keeps members over time: who lived in the household on a given day', async () => {
    const MEMBERS = `query($id: ID!, $on: Date) { household(id: $id) { ... on Household { members(on: $on) { personId label to } } } }`;
    const added = await gql(
      app,
      `mutation($id: ID!, $m: MemberInput!) { addHouseholdMember(householdId: $id, member: $m) { __typename ... on HouseholdMember { personId label from } } }`,
      { id: householdId, m: { label: 'kind 2', birthYear: 2024, role: 'CHILD', from: '2024-04-01', compositionSource: 'GBA' } },
      coordinator.headers,
    );
    const personId = added.data.addHouseholdMember.personId;
    const left = await gql(
      app,
      `mutation($id: ID!, $p: ID!, $on: Date!) { recordMemberLeft(householdId: $id, personId: $p, on: $on) { __typename ... on HouseholdMember { to } } }`,
      { id: householdId, p: personId, on: '2024-09-01' },
      coordinator.headers,
    );
    expect(left.data.recordMemberLeft).toMatchObject({ __typename: 'HouseholdMember', to: '2024-09-01' });
    const labelsOn = async (on: string) =>
      (await gql(app, MEMBERS, { id: householdId, on }, coordinator.headers)).data.household.members.map((m: any) => m.label).sort();
    expect(await labelsOn('2024-03-01')).toEqual(['kind 1', 'ouder 1']);
    expect(await labelsOn('2024-06-01')).toEqual(['kind 1', 'kind 2', 'ouder 1']);
    expect(await labelsOn('2024-09-01')).toEqual(['kind 1', 'ouder 1']);
  });
});
