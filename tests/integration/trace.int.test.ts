// The trace's API: gaps that went away keep when and by what; a family is found by anything a worker has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, SEND_REFERRAL, TAKE_REGIE, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';
import { dayOf } from '@ketenkaart/schema';

// Days as the service counts them (its day turns at midnight in Amsterdam), so the test holds at any hour.
const daysAgo = (n: number) => dayOf(new Date(Date.now() - n * 86_400_000));
const today = () => daysAgo(0);

const GAPS = `query($id: ID!) { household(id: $id) { __typename ... on Household {
  gaps { id rule }
  resolvedGaps { findingId rule detectedOn resolvedOn resolvedBy resolvedByEvent { id kind } evidenceNodes }
} } }`;
const SEARCH = `query($search: String, $after: String) { households(search: $search, first: 2, after: $after) {
  edges { node { id reference } } pageInfo { hasNextPage endCursor } } }`;

describe('trace', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  let utrecht: SignedIn;
  let worker: SignedIn;
  let hvo: SignedIn;
  let admin: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    utrecht = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    worker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    admin = await signIn(app, executor, 'ADMIN');
  });
  afterAll(() => executor.close());

  const register = async (reference: string, by = coordinator, region: Record<string, unknown> = {}) =>
    (await gql(app, REGISTER, { input: householdInput({ reference, ...region }) }, by.headers)).data.registerHousehold.id as string;

  describe('resolved gaps', () => {
    it('keeps a gap that a recorded step closed, with the day and the event that closed it', async () => {
      const householdId = await register('AMS-RES-1');
      const signal = await gql(
        app,
        RECORD_EVENT,
        {
          input: {
            householdId,
            kind: 'EARLY_WARNING_SIGNAL',
            occurredOn: daysAgo(20),
            agencyId: 'ams-woningcorporaties',
            arrearsMonths: 2,
          },
        },
        coordinator.headers,
      );
      const open = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household;
      const interim = open.gaps.find((g: any) => g.rule === 'FEEDBACK_INTERIM_MISSING');
      expect(interim).toBeDefined();
      expect(open.resolvedGaps).toEqual([]);

      const report = await gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'INTERIM_REPORT', occurredOn: daysAgo(8), agencyId: 'ams-maatschappelijke-dienstverlening' } },
        coordinator.headers,
      );
      const after = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household;
      expect(after.gaps.map((g: any) => g.id)).not.toContain(interim.id);
      expect(after.resolvedGaps).toEqual([
        {
          findingId: interim.id,
          rule: 'FEEDBACK_INTERIM_MISSING',
          detectedOn: daysAgo(5),
          resolvedOn: today(),
          resolvedBy: 'EVENT_RECORDED',
          resolvedByEvent: { id: report.data.recordEvent.id, kind: 'INTERIM_REPORT' },
          evidenceNodes: expect.arrayContaining([`event:${signal.data.recordEvent.id}`]),
        },
      ]);
    });

    it('names regie taken as what closed a missing-regie gap, and a second unchanged step adds nothing', async () => {
      const householdId = await register('AMS-RES-2');
      await gql(
        app,
        RECORD_EVENT,
        {
          input: {
            householdId,
            kind: 'EARLY_WARNING_SIGNAL',
            occurredOn: daysAgo(10),
            agencyId: 'ams-woningcorporaties',
            arrearsMonths: 2,
          },
        },
        coordinator.headers,
      );
      await gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'HOME_VISIT', occurredOn: daysAgo(5), agencyId: 'ams-maatschappelijke-dienstverlening' } },
        coordinator.headers,
      );
      const before = await gql(app, GAPS, { id: householdId }, coordinator.headers);
      expect(
        before.data.household.gaps.map((g: any) => g.rule),
        JSON.stringify(before),
      ).toContain('REGIE_MISSING');
      const taken = await gql(
        app,
        TAKE_REGIE,
        { householdId, stage: 'PREVENTION_TRAJECTORY', agencyId: 'ams-maatschappelijke-dienstverlening', from: today() },
        coordinator.headers,
      );
      expect(taken.data?.takeRegie.__typename, JSON.stringify(taken)).toBe('RegieAssignment');
      await gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'CONTACT', occurredOn: today(), agencyId: 'ams-maatschappelijke-dienstverlening' } },
        coordinator.headers,
      );
      const resolved = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household.resolvedGaps;
      expect(resolved.filter((g: any) => g.rule === 'REGIE_MISSING')).toEqual([
        expect.objectContaining({ resolvedBy: 'REGIE_TAKEN', resolvedByEvent: null }),
      ]);
    });

    it('resolves "children not seen" when the eviction is cancelled, naming the cancellation as why (the path of 000038)', async () => {
      const householdId = await register('AMS-RES-CANCEL');
      const step = (input: Record<string, unknown>) => gql(app, RECORD_EVENT, { input: { householdId, ...input } }, coordinator.headers);
      await step({ kind: 'SUMMONS', occurredOn: daysAgo(60), agencyId: 'ams-woningcorporaties' });
      await step({ kind: 'VERDICT', occurredOn: daysAgo(40), agencyId: 'ams-rechter', verdictKind: 'EVICTION' });
      await step({ kind: 'EVICTION_PLANNED', occurredOn: daysAgo(20), agencyId: 'ams-deurwaarders' });
      const open = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household;
      const children = open.gaps.find((g: any) => g.rule === 'CHILDREN_NOT_SEEN');
      expect(children).toBeDefined();

      const cancelled = await step({ kind: 'EVICTION_CANCELLED', occurredOn: daysAgo(5), agencyId: 'ams-woningcorporaties' });
      expect(cancelled.data.recordEvent.__typename).toBe('HouseholdEvent');
      const after = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household;
      expect(after.gaps.map((g: any) => g.rule)).not.toContain('CHILDREN_NOT_SEEN');
      expect(after.resolvedGaps).toContainEqual(
        expect.objectContaining({
          findingId: children.id,
          rule: 'CHILDREN_NOT_SEEN',
          resolvedBy: 'EVENT_RECORDED',
          resolvedByEvent: { id: cancelled.data.recordEvent.id, kind: 'EVICTION_CANCELLED' },
        }),
      );
    });

    it('shows resolved gaps only to those who may see the household', async () => {
      const householdId = await register('AMS-RES-3');
      const asUtrecht = await gql(app, GAPS, { id: householdId }, utrecht.headers);
      expect(asUtrecht.data.household.__typename).toMatch(/ForbiddenError|NotFoundError/);
    });
  });

  describe('due days', () => {
    const WORKLIST = `{ worklist(first: 100) { items { kind subjectId dueOn openSince } } }`;
    const DUE = `query($id: ID!) { household(id: $id) { ... on Household { gaps { id rule dueOn detectedOn } } } }`;

    it("gives the same due day for a gap in the worklist as in the trace: the term's last day (002 L736-740: tussenmelding by day 14)", async () => {
      const householdId = await register('AMS-DUE-1');
      await gql(
        app,
        RECORD_EVENT,
        {
          input: {
            householdId,
            kind: 'EARLY_WARNING_SIGNAL',
            occurredOn: daysAgo(40),
            agencyId: 'ams-woningcorporaties',
            arrearsMonths: 2,
          },
        },
        coordinator.headers,
      );
      await gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'SUMMONS', occurredOn: daysAgo(35), agencyId: 'ams-woningcorporaties' } },
        coordinator.headers,
      );
      await gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'VERDICT', occurredOn: daysAgo(30), agencyId: 'ams-rechter', verdictKind: 'EVICTION' } },
        coordinator.headers,
      );
      await gql(
        app,
        RECORD_EVENT,
        { input: { householdId, kind: 'EVICTION_PLANNED', occurredOn: daysAgo(25), agencyId: 'ams-deurwaarders' } },
        coordinator.headers,
      );
      const gaps: { id: string; rule: string; dueOn: string | null; detectedOn: string }[] = (
        await gql(app, DUE, { id: householdId }, coordinator.headers)
      ).data.household.gaps;
      const byRule = Object.fromEntries(gaps.map((g) => [g.rule, g]));
      expect(byRule.FEEDBACK_INTERIM_MISSING).toMatchObject({ dueOn: daysAgo(26), detectedOn: daysAgo(25) });
      expect(byRule.FEEDBACK_FINAL_MISSING).toMatchObject({ dueOn: daysAgo(12), detectedOn: daysAgo(11) });
      expect(byRule.CHILDREN_NOT_SEEN).toMatchObject({ dueOn: null, detectedOn: daysAgo(25) });

      const items: { kind: string; subjectId: string; dueOn: string; openSince: string | null }[] = (
        await gql(app, WORKLIST, {}, coordinator.headers)
      ).data.worklist.items;
      for (const gap of gaps) {
        const item = items.find((i) => i.kind === 'GAP' && i.subjectId === gap.id);
        expect(item, gap.rule).toBeDefined();
        expect({ rule: gap.rule, dueOn: item!.dueOn, openSince: item!.openSince }).toEqual({
          rule: gap.rule,
          dueOn: gap.dueOn ?? gap.detectedOn,
          openSince: gap.dueOn ? null : gap.detectedOn,
        });
      }
    });
  });

  describe('search', () => {
    let second: string;
    let caseHousehold: string;
    let referralHousehold: string;
    let referralId: string;

    beforeAll(async () => {
      await register('GZN-2024-0173');
      second = await register('GZN-2024-0174');
      await register('UTR-ZOEK-0173', utrecht, { centrumgemeenteId: 'utrecht', municipality: 'Utrecht' });
      caseHousehold = await register('AMS-CASE-1');
      // A shelter links only a family placed with it (or applying, or referred to it).
      const placed = await gql(
        app,
        RECORD_EVENT,
        {
          input: {
            householdId: caseHousehold,
            kind: 'PLACEMENT',
            occurredOn: daysAgo(1),
            agencyId: 'ams-hvo-querido',
            facilityId: 'ams-reina',
          },
        },
        coordinator.headers,
      );
      expect(placed.data.recordEvent.__typename).toBe('HouseholdEvent');
      const entry = await gql(
        app,
        `mutation($rows: [WaitingListEntryInput!]!) { reportWaitingList(rows: $rows) { __typename ... on ValidationError { fields { path message } } } }`,
        {
          rows: [
            { facilityId: 'ams-reina', caseRef: 'HVO-77-31', householdId: caseHousehold, targetGroup: 'FAMILIES', dateOn: daysAgo(3) },
          ],
        },
        hvo.headers,
      );
      expect(entry.data.reportWaitingList).toEqual({ __typename: 'ShelterReportResult' });
      referralHousehold = await register('AMS-REF-1');
      const sent = await gql(
        app,
        SEND_REFERRAL,
        {
          input: {
            householdId: referralHousehold,
            fromAgencyId: 'ams-ggd-vangnet-advies',
            toAgencyId: 'ams-som',
            purpose: 'schulden',
            sentOn: today(),
          },
        },
        coordinator.headers,
      );
      referralId = sent.data.sendReferral.id;
    });

    const references = async (search: string, who: SignedIn) => {
      const result = await gql(app, SEARCH, { search }, who.headers);
      return result.data?.households.edges.map((e: any) => e.node.reference) ?? result;
    };

    it("finds any part of the reference, whatever the case and spaces, in the caller's region only", async () => {
      expect((await references('2024-017', coordinator)).sort()).toEqual(['GZN-2024-0173', 'GZN-2024-0174']);
      expect(await references(' gzn 2024-0174 ', coordinator)).toEqual(['GZN-2024-0174']);
      expect(await references('0173', coordinator)).toEqual(['GZN-2024-0173']);
      expect(await references('0173', utrecht)).toEqual(['UTR-ZOEK-0173']);
    });

    it('finds a family by a shelter case number and by a referral id', async () => {
      expect(await references(' hvo-77-3 ', coordinator)).toEqual(['AMS-CASE-1']);
      expect(await references(referralId.toUpperCase(), coordinator)).toEqual(['AMS-REF-1']);
      expect(await references('HVO-77', hvo)).toEqual(['AMS-CASE-1']);
      expect(await references(referralId, utrecht)).toEqual([]);
      const zienn = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'lwd-zienn' });
      expect(await references('HVO 77', zienn)).toEqual([]);
    });

    it('shows a worker only the households it may see, and says nothing about the others', async () => {
      expect(await references('GZN-2024', worker)).toEqual([]);
      expect(await references(referralId.slice(-8), worker)).toEqual(['AMS-REF-1']);
    });

    it("pages both a region's matches and refuses a term too short to search with", async () => {
      const first = (await gql(app, SEARCH, { search: 'ams-' }, coordinator.headers)).data.households;
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const next = (await gql(app, SEARCH, { search: 'ams-', after: first.pageInfo.endCursor }, coordinator.headers)).data.households;
      const seen = [...first.edges, ...next.edges].map((e: any) => e.node.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).not.toContain(second);
      const short = await gql(app, SEARCH, { search: ' g z ' }, coordinator.headers);
      expect(short.errors?.[0]?.message ?? JSON.stringify(short)).toMatch(/search: needs at least 3 characters/);
    });

    it('logs every search with its terms and what was shown', async () => {
      await references(' HVO-77-31', coordinator);
      const log = await gql(
        app,
        `query($id: ID!) { accessLog(accountId: $id, first: 50) { entries { action searchTerms basis outcome } } }`,
        { id: coordinator.accountId },
        admin.headers,
      );
      expect(log.data.accessLog.entries).toContainEqual({
        action: 'SEARCH',
        searchTerms: 'hvo7731',
        basis: '1 shown of 1 candidates',
        outcome: 'ALLOWED',
      });
    });
  });
});
