// A household followed from the first arrears signal to rehousing and follow-up, through the API alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import {
  HAND_OVER_REGIE,
  RECORD_EVENT,
  REGISTER,
  SEND_REFERRAL,
  TAKE_REGIE,
  TRAJECTORY,
  householdInput,
  referralStep,
} from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

describe('a household through the Amsterdam chain', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  let som: SignedIn;
  let vangnet: SignedIn;
  let hvo: SignedIn;
  let householdId: string;
  const ids: Record<string, string> = {};

  const ok = async (who: SignedIn, query: string, variables: Record<string, unknown>, field: string, typename: string) => {
    const { data, errors } = await gql(app, query, variables, who.headers);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    expect(data[field], JSON.stringify(data[field])).toMatchObject({ __typename: typename });
    return data[field];
  };
  const event = (who: SignedIn, input: Record<string, unknown>) =>
    ok(who, RECORD_EVENT, { input: { householdId, ...input } }, 'recordEvent', 'HouseholdEvent');

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    som = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    vangnet = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-ggd-vangnet-advies' });
    hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
  });
  afterAll(() => executor.close());

  it('records every step, each by the agency that takes it', async () => {
    const household = await ok(
      coordinator,
      REGISTER,
      { input: householdInput({ reference: 'AMS-CHAIN-001' }) },
      'registerHousehold',
      'Household',
    );
    householdId = household.id;
    expect(household.members).toHaveLength(2);

    ids.signal = (
      await event(coordinator, {
        kind: 'EARLY_WARNING_SIGNAL',
        occurredOn: '2024-02-01',
        agencyId: 'ams-woningcorporaties',
        arrearsMonths: 2,
      })
    ).id;
    await ok(
      coordinator,
      TAKE_REGIE,
      { householdId, stage: 'REPORTED', agencyId: 'ams-som', from: '2024-02-01' },
      'takeRegie',
      'RegieAssignment',
    );

    const referral = await ok(
      som,
      SEND_REFERRAL,
      {
        input: {
          householdId,
          toAgencyId: 'ams-maatschappelijke-dienstverlening',
          purpose: 'Huisbezoek en inventarisatie',
          sentOn: '2024-02-03',
          followsFromIds: [ids.signal],
        },
      },
      'sendReferral',
      'Referral',
    );
    expect(referral).toMatchObject({ status: 'SENT', respondBy: '2024-02-17', from: { id: 'ams-som' } });
    ids.referral = referral.id;
    await ok(coordinator, referralStep('accept'), { id: ids.referral, on: '2024-02-10' }, 'acceptReferral', 'Referral');
    await event(coordinator, { kind: 'HOME_VISIT', occurredOn: '2024-02-12', agencyId: 'ams-maatschappelijke-dienstverlening' });
    await event(coordinator, { kind: 'SUMMONS', occurredOn: '2024-05-01', agencyId: 'ams-rechter', arrearsMonths: 5 });
    await event(coordinator, { kind: 'VERDICT', occurredOn: '2024-06-01', agencyId: 'ams-rechter', verdictKind: 'EVICTION' });
    await event(coordinator, { kind: 'EVICTION_PLANNED', occurredOn: '2024-06-15', agencyId: 'ams-deurwaarders' });
    await event(coordinator, { kind: 'EVICTION_EXECUTED', occurredOn: '2024-07-01', agencyId: 'ams-deurwaarders', destination: 'UNKNOWN' });
    await ok(
      coordinator,
      TAKE_REGIE,
      { householdId, stage: 'EVICTED', agencyId: 'ams-ggd-vangnet-advies', from: '2024-07-01' },
      'takeRegie',
      'RegieAssignment',
    );

    await event(vangnet, { kind: 'SHELTER_APPLICATION', occurredOn: '2024-07-02', facilityId: 'ams-roggeveen-24uur' });
    await event(vangnet, { kind: 'WAITING_LIST_ENTRY', occurredOn: '2024-07-03', facilityId: 'ams-roggeveen-24uur', priority: 1 });
    await event(hvo, {
      kind: 'WAITING_LIST_EXIT',
      occurredOn: '2024-07-20',
      facilityId: 'ams-roggeveen-24uur',
      waitingListOutcome: 'PLACED',
    });
    await event(hvo, { kind: 'PLACEMENT', occurredOn: '2024-07-20', facilityId: 'ams-roggeveen-24uur' });
    // Regie passes from Vangnet en Advies to the shelter at placement (L1400-1408).
    await ok(
      vangnet,
      HAND_OVER_REGIE,
      { householdId, stage: 'EVICTED', toAgencyId: 'ams-hvo-querido', toStage: 'PLACED', on: '2024-07-20' },
      'handOverRegie',
      'RegieAssignment',
    );
    await event(hvo, { kind: 'SHELTER_EXIT', occurredOn: '2025-07-20', facilityId: 'ams-roggeveen-24uur', destination: 'NEW_TENANCY' });
    await event(hvo, { kind: 'REHOUSING', occurredOn: '2025-07-21', rehousingKind: 'URGENCY' });
    await event(hvo, { kind: 'FOLLOW_UP_CONTACT', occurredOn: '2025-09-01' });
  });

  it('returns the trajectory in time order with state, regie and durations per step', async () => {
    const { data } = await gql(app, TRAJECTORY, { id: householdId }, coordinator.headers);
    const trajectory = data.household.trajectory;
    const kinds = trajectory.steps.map((s: any) => s.event.kind);
    expect(kinds).toEqual([
      'EARLY_WARNING_SIGNAL',
      'REGIE_TAKEN',
      'REFERRAL_SENT',
      'REFERRAL_ACCEPTED',
      'HOME_VISIT',
      'SUMMONS',
      'VERDICT',
      'EVICTION_PLANNED',
      'EVICTION_EXECUTED',
      'REGIE_TAKEN',
      'SHELTER_APPLICATION',
      'WAITING_LIST_ENTRY',
      'WAITING_LIST_EXIT',
      'PLACEMENT',
      'REGIE_HANDED_OVER',
      'SHELTER_EXIT',
      'REHOUSING',
      'FOLLOW_UP_CONTACT',
    ]);
    const dates = trajectory.steps.map((s: any) => s.event.occurredOn);
    expect(dates).toEqual([...dates].sort());

    const step = (kind: string) => trajectory.steps.find((s: any) => s.event.kind === kind);
    expect(step('EARLY_WARNING_SIGNAL').stateAfter).toBe('REPORTED');
    expect(step('EVICTION_EXECUTED').stateAfter).toBe('EVICTED');
    expect(step('PLACEMENT').stateAfter).toBe('PLACED');
    expect(trajectory.currentState).toBe('AFTERCARE');

    const holders = (kind: string) =>
      step(kind)
        .regie.map((r: any) => `${r.stage}:${r.holder.id}`)
        .sort();
    expect(holders('EARLY_WARNING_SIGNAL')).toEqual(['REPORTED:ams-som']);
    expect(holders('SHELTER_APPLICATION')).toEqual(['EVICTED:ams-ggd-vangnet-advies', 'REPORTED:ams-som']);
    expect(holders('PLACEMENT')).toEqual(['PLACED:ams-hvo-querido', 'REPORTED:ams-som']);
    expect(trajectory.currentRegie.map((r: any) => r.holder.id).sort()).toEqual(['ams-hvo-querido', 'ams-som']);

    expect(step('REFERRAL_ACCEPTED').daysSinceReferralSent).toBe(7);
    expect(step('SUMMONS').daysSincePrevious).toBe(79);

    const edgeKinds = new Set(trajectory.edges.map((e: any) => e.kind));
    for (const kind of ['NEXT', 'FOLLOWS_FROM', 'ACTED_IN', 'CONCERNS', 'SENT_BY', 'SENT_TO', 'AT_FACILITY', 'HOLDS_REGIE'])
      expect(edgeKinds).toContain(kind);
    const nodeIds = new Set(trajectory.nodes.map((n: any) => n.id));
    for (const edge of trajectory.edges) {
      expect(nodeIds.has(edge.source), edge.id).toBe(true);
      expect(nodeIds.has(edge.target), edge.id).toBe(true);
    }
    const referralSent = step('REFERRAL_SENT').event.id;
    expect(trajectory.edges).toContainEqual(
      expect.objectContaining({ kind: 'FOLLOWS_FROM', source: `event:${referralSent}`, target: `event:${ids.signal}` }),
    );
  });

  it('lets each agency see the household only on its own grounds', async () => {
    const shelterView = await gql(
      app,
      `query($id: ID!) { householdAccess(id: $id) { allowed basis missing } }`,
      { id: householdId },
      hvo.headers,
    );
    expect(shelterView.data.householdAccess).toMatchObject({ allowed: true });
    expect(shelterView.data.householdAccess.basis).toMatch(/ams-roggeveen-24uur/);
    const somView = await gql(app, `query($id: ID!) { householdAccess(id: $id) { allowed basis } }`, { id: householdId }, som.headers);
    expect(somView.data.householdAccess.basis).toMatch(/^referral ref_\w+ \(accepted\) under consent con_\w+ \(chain_coordination\)$/);
  });
});
