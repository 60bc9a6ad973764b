// Concurrent writers through the real app: parallel requests against one guarded invariant. The store runs its
// write transactions side by side (as Neo4j does), so only the write locks of db/executor.ts keep one winner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRepositories, cypher, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REFUSE_REFERRAL, REGISTER, SEND_REFERRAL, TAKE_REGIE, householdInput, referralStep } from '../support/operations.js';
import { concurrentWritersConfig, gql, openTestStore, testApp } from '../support/store.js';

const noticeRecipients = statement(
  'testNoticeRecipients',
  cypher`MATCH (n:InvolvementNotice) WHERE n.householdId = $householdId RETURN n.agencyId AS agencyId`,
  z.object({ agencyId: z.string() }),
);

describe('concurrent writers', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  let som: SignedIn;
  let receiver: SignedIn;
  let hvo: SignedIn;

  const register = async (reference: string): Promise<string> => {
    const { data } = await gql(app, REGISTER, { input: householdInput({ reference }) }, coordinator.headers);
    expect(data.registerHousehold.__typename, JSON.stringify(data)).toBe('Household');
    return data.registerHousehold.id;
  };

  beforeAll(async () => {
    const config = concurrentWritersConfig();
    executor = await openTestStore(config);
    await seedReferenceData(executor);
    app = testApp(executor, config);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    som = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    receiver = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-maatschappelijke-dienstverlening' });
    hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
  });
  afterAll(() => executor.close());

  it('20 agencies taking regie at one stage at once: one holds it, 19 are told to ask for a handover', async () => {
    const householdId = await register('AMS-RACE-REGIE');
    const agencies = ['ams-som', 'ams-ggd-vangnet-advies', 'ams-maatschappelijke-dienstverlening', 'ams-hvo-querido'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gql(
          app,
          TAKE_REGIE,
          { householdId, stage: 'REPORTED', agencyId: agencies[i % agencies.length], from: '2024-02-01' },
          coordinator.headers,
        ),
      ),
    );
    const typenames = results.map((r) => r.data?.takeRegie?.__typename ?? JSON.stringify(r.errors));
    expect(typenames.filter((t) => t === 'RegieAssignment')).toHaveLength(1);
    expect(typenames.filter((t) => t === 'ValidationError')).toHaveLength(19);
    const stored = await createRepositories(executor).regie.regieByHousehold([householdId]);
    expect(stored.filter((g) => g.stage === 'REPORTED' && g.to === null)).toHaveLength(1);
  });

  it('10 steps of one referral at once: one moves it, 9 get an InvalidTransitionError, one event is recorded', async () => {
    const householdId = await register('AMS-RACE-REFERRAL');
    await gql(app, TAKE_REGIE, { householdId, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' }, coordinator.headers);
    const { data } = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-maatschappelijke-dienstverlening', purpose: 'Huisbezoek', sentOn: '2024-02-03' } },
      som.headers,
    );
    expect(data.sendReferral.__typename, JSON.stringify(data)).toBe('Referral');
    const referralId = data.sendReferral.id;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? gql(app, referralStep('accept'), { id: referralId, on: '2024-02-10' }, receiver.headers).then(
              (r) => r.data?.acceptReferral ?? r.errors,
            )
          : gql(app, REFUSE_REFERRAL, { id: referralId, on: '2024-02-10', reason: 'NO_CAPACITY' }, receiver.headers).then(
              (r) => r.data?.refuseReferral ?? r.errors,
            ),
      ),
    );
    const typenames = results.map((r) => r.__typename ?? JSON.stringify(r));
    expect(typenames.filter((t) => t === 'Referral')).toHaveLength(1);
    expect(typenames.filter((t) => t === 'InvalidTransitionError')).toHaveLength(9);
    const repos = createRepositories(executor);
    const [referral] = await repos.referrals.referralsByIds([referralId]);
    const answers = (await repos.events.eventsByHousehold([householdId])).filter(
      (e) => e.referralId === referralId && e.kind !== 'REFERRAL_SENT',
    );
    expect(answers).toHaveLength(1);
    expect(answers[0]!.kind).toBe(referral!.status === 'ACCEPTED' ? 'REFERRAL_ACCEPTED' : 'REFERRAL_REFUSED');
  });

  it('two households registered at once under one reference: one is registered, the other refused', async () => {
    const results = await Promise.all(
      [1, 2].map(() => gql(app, REGISTER, { input: householdInput({ reference: 'AMS-RACE-REF' }) }, coordinator.headers)),
    );
    expect(results.map((r) => r.data.registerHousehold.__typename).sort()).toEqual(['Household', 'ValidationError']);
  });

  it('two imports of new versions of one natural key at once leave one current version', async () => {
    const csv = (capacity: number) =>
      [
        'facility_id,unit_kind,target_group,period_start,period_end,capacity,note',
        `ams-roggeveen-crisis,PLACES,FAMILIES,2026-11-01,2026-11-30,${capacity},`,
      ].join('\n');
    const upload = (capacity: number) =>
      app.fetch(
        new Request('http://ketenkaart.test/shelter/import?kind=capacity', {
          method: 'POST',
          headers: { ...hvo.headers, 'content-type': 'text/csv' },
          body: csv(capacity),
        }),
      );
    const responses = await Promise.all([upload(31), upload(32)]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await Promise.all(responses.map((r) => r.text()));
    const versions = (await createRepositories(executor).shelter.records('CAPACITY', ['ams-roggeveen-crisis'], { history: true })).filter(
      (r) => r.periodStart === '2026-11-01' && r.unitKind === 'PLACES',
    );
    expect(versions).toHaveLength(2);
    expect(versions.filter((r) => r.current)).toHaveLength(1);
  });

  it('10 steps by two agencies at once on one household: each agency gets one notice of involvement, not one per step', async () => {
    const householdId = await register('AMS-RACE-NOTICE');
    const sent = await gql(
      app,
      SEND_REFERRAL,
      {
        input: {
          householdId,
          fromAgencyId: 'ams-som',
          toAgencyId: 'ams-maatschappelijke-dienstverlening',
          purpose: 'Huisbezoek',
          sentOn: '2024-02-03',
        },
      },
      coordinator.headers,
    );
    expect(sent.data.sendReferral.__typename, JSON.stringify(sent)).toBe('Referral');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql(
          app,
          RECORD_EVENT,
          { input: { householdId, kind: 'CONTACT', occurredOn: '2024-02-05' } },
          i % 2 ? som.headers : receiver.headers,
        ),
      ),
    );
    expect(results.map((r) => r.data?.recordEvent?.__typename ?? JSON.stringify(r.errors))).toEqual(Array(10).fill('HouseholdEvent'));
    const recipients = await executor.read((tx) => tx.run(noticeRecipients, { householdId }));
    expect(recipients.map((r) => r.agencyId).sort()).toEqual(['ams-maatschappelijke-dienstverlening', 'ams-som']);
  });
});
