// Paging a region's worklist that is longer than a page, as the store counts and cuts it: pages are disjoint,
// together complete, in the order the user sees (due day, severity, then kind and id), and the counts per kind and
// the total equal the items paged through; the same backward, by severity, per kind and for overdue items only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cypher, migrations, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, SEND_REFERRAL, householdInput, referralStep } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const WORKLIST = `query($filter: WorklistFilter, $sort: WorklistSort, $first: Int, $after: String, $last: Int, $before: String) {
  worklist(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    counts { kind count overdue }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    items { id kind subjectId dueOn overdue severity household { id } }
  }
}`;
const REQUEST_ACCESS = `mutation($householdId: ID!, $reason: String!) {
  requestAccess(householdId: $householdId, reason: $reason) { __typename ... on AccessRequest { id } }
}`;

type Item = { id: string; kind: string; subjectId: string; dueOn: string; overdue: boolean; severity: string };
type Page = {
  totalCount: number;
  counts: { kind: string; count: number; overdue: number }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  items: Item[];
};

// A finding as stored before migration 0015 gave it the day the coordinator's worklist reads it by.
const forgetWorklistDays = statement(
  'testForgetGapWorklistDays',
  cypher`MATCH (g:GapFinding) REMOVE g.worklistDay RETURN count(g) AS n`,
  z.object({ n: z.number().int() }),
);

// A referral as stored before migration 0016 gave it its region while it awaits an answer.
const forgetAwaitingRegions = statement(
  'testForgetReferralAwaitingRegions',
  cypher`MATCH (r:Referral) REMOVE r.awaitingAnswerIn RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);
const awaitingRegionOf = statement(
  'testReferralAwaitingRegion',
  cypher`MATCH (r:Referral {id: $id}) RETURN r.status AS status, r.awaitingAnswerIn AS region`,
  z.object({ status: z.string(), region: z.string().nullable() }),
);
const REQUEST_INFO = `mutation($id: ID!, $on: Date!, $message: String!) {
  requestReferralInfo(id: $id, on: $on, message: $message) { __typename ... on Referral { status } }
}`;
const PROVIDE_INFO = `mutation($id: ID!, $on: Date!, $message: String!) {
  provideReferralInfo(id: $id, on: $on, message: $message) { __typename ... on Referral { status respondBy } }
}`;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const RANK: Record<string, number> = { HIGH: 0, MEDIUM: 1, LOW: 2 };
const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order the worklist promises, written out apart from the code: due day or severity first, then kind and id. */
const inOrder = (sort: 'DUE' | 'SEVERITY') => (a: Item, b: Item) => {
  const due = codePoints(a.dueOn, b.dueOn);
  const severity = RANK[a.severity]! - RANK[b.severity]!;
  return (sort === 'DUE' ? due || severity : severity || due) || codePoints(a.kind, b.kind) || codePoints(a.subjectId, b.subjectId);
};

describe('worklist paging in the store', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  let vangnet: SignedIn;
  let police: SignedIn;
  let som: SignedIn;

  async function worklist(who: SignedIn, variables: Record<string, unknown>): Promise<Page> {
    const { data, errors } = await gql(app, WORKLIST, variables, who.headers);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data.worklist as Page;
  }

  /** Every page forward from the start, and every page backward from the end, with the first page's counts. */
  async function pagesOf(who: SignedIn, variables: Record<string, unknown>, size: number) {
    const first = await worklist(who, { ...variables, first: size });
    const forward: Item[][] = [first.items];
    for (let page = first; page.pageInfo.hasNextPage;) {
      expect(page.items.length).toBe(size);
      page = await worklist(who, { ...variables, first: size, after: page.pageInfo.endCursor });
      expect(page.items.length).toBeLessThanOrEqual(size);
      expect(page.pageInfo.hasPreviousPage).toBe(true);
      expect(page.totalCount).toBe(first.totalCount);
      forward.push(page.items);
    }
    const end = await worklist(who, { ...variables, last: size });
    const backward: Item[][] = [end.items];
    for (let page = end; page.pageInfo.hasPreviousPage;) {
      page = await worklist(who, { ...variables, last: size, before: page.pageInfo.startCursor });
      backward.unshift(page.items);
    }
    return { forward, backward, first };
  }

  /** Pages are disjoint and complete, in order, and the totals equal what was paged through. */
  function expectSound(pages: { forward: Item[][]; backward: Item[][]; first: Page }, sort: 'DUE' | 'SEVERITY', kinds: string[] | null) {
    const items = pages.forward.flat();
    const ids = items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.length).toBe(pages.first.totalCount);
    expect(ids).toEqual([...items].sort(inOrder(sort)).map((i) => i.id));
    expect(pages.backward.flat().map((i) => i.id)).toEqual(ids);
    for (const count of pages.first.counts) {
      if (kinds && !kinds.includes(count.kind)) continue;
      const ofKind = items.filter((i) => i.kind === count.kind);
      expect(count).toEqual({ kind: count.kind, count: ofKind.length, overdue: ofKind.filter((i) => i.overdue).length });
    }
    const counted = pages.first.counts.filter((c) => !kinds || kinds.includes(c.kind));
    expect(counted.reduce((sum, c) => sum + c.count, 0)).toBe(items.length);
    return items;
  }

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    vangnet = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-ggd-vangnet-advies' });
    police = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    som = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    // 24 referrals to one agency: groups of four on the same respond-by day, so that due day and severity tie and
    // the id decides; some overdue, some due within the coordinator's horizon, some beyond it.
    for (let n = 0; n < 24; n += 1) {
      const registered = await gql(app, REGISTER, { input: householdInput({ reference: `WLP-${n}` }) }, coordinator.headers);
      const householdId = registered.data.registerHousehold.id as string;
      // A signal long before the referral, which nobody followed up in its term: a gap on the coordinator's list.
      if (n % 4 === 1) {
        const signal = await gql(
          app,
          RECORD_EVENT,
          {
            input: { householdId, kind: 'EARLY_WARNING_SIGNAL', occurredOn: day(-90), agencyId: 'ams-woningcorporaties', arrearsMonths: 3 },
          },
          coordinator.headers,
        );
        expect(signal.data.recordEvent.__typename).toBe('HouseholdEvent');
      }
      const sent = await gql(
        app,
        SEND_REFERRAL,
        {
          input: {
            householdId,
            fromAgencyId: 'ams-som',
            toAgencyId: 'ams-ggd-vangnet-advies',
            purpose: 'Schuldhulp en begeleiding',
            sentOn: day(-12),
            respondWithinDays: 2 + 4 * Math.floor(n / 4),
          },
        },
        coordinator.headers,
      );
      expect(sent.data.sendReferral.__typename).toBe('Referral');
      // Three requests for access (one account may keep a few open), which the coordinator lists as well.
      if (n % 9 === 0) {
        const asked = await gql(
          app,
          REQUEST_ACCESS,
          { householdId, reason: 'Melding van overlast bij de woning, gezin met kinderen' },
          police.headers,
        );
        expect(asked.data.requestAccess.__typename).toBe('AccessRequest');
      }
    }
  });
  afterAll(() => executor.close());

  it("pages through a coordinator's region: disjoint, complete, ordered, and counted, by due day and by severity", async () => {
    const byDue = expectSound(await pagesOf(coordinator, {}, 5), 'DUE', null);
    expect(byDue.length).toBeGreaterThan(15);
    expect(new Set(byDue.map((i) => i.kind))).toEqual(new Set(['GAP', 'REFERRAL_AWAITING_ANSWER', 'ACCESS_REQUEST']));
    const bySeverity = expectSound(await pagesOf(coordinator, { sort: 'SEVERITY' }, 4), 'SEVERITY', null);
    expect(new Set(bySeverity.map((i) => i.id))).toEqual(new Set(byDue.map((i) => i.id)));
  });

  it('pages one kind and the overdue items only, with the counts of every kind before the kind filter', async () => {
    const all = (await worklist(coordinator, { first: 100 })).items;
    const referrals = expectSound(await pagesOf(coordinator, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] } }, 3), 'DUE', [
      'REFERRAL_AWAITING_ANSWER',
    ]);
    expect(referrals.map((i) => i.id)).toEqual(all.filter((i) => i.kind === 'REFERRAL_AWAITING_ANSWER').map((i) => i.id));
    const overdue = await pagesOf(coordinator, { filter: { overdueOnly: true }, sort: 'SEVERITY' }, 4);
    const overdueItems = expectSound(overdue, 'SEVERITY', null);
    expect(overdueItems.length).toBeGreaterThan(0);
    expect(overdueItems.every((i) => i.overdue)).toBe(true);
    expect(overdueItems.length).toBe(all.filter((i) => i.overdue).length);
  });

  it('reads gap findings by the worklist day written with them, and migration 0015 gives it to findings stored before', async () => {
    const listed = (await pagesOf(coordinator, {}, 5)).forward.flat();
    expect(listed.some((i) => i.kind === 'GAP')).toBe(true);
    const [forgotten] = await executor.write((tx) => tx.run(forgetWorklistDays));
    expect(forgotten!.n).toBeGreaterThan(0);
    for (const migrationStatement of migrations.find((m) => m.name.startsWith('0015-'))!.statements) {
      await executor.write((tx) => tx.run(migrationStatement));
    }
    const after = expectSound(await pagesOf(coordinator, {}, 5), 'DUE', null);
    expect(after.map((i) => i.id)).toEqual(listed.map((i) => i.id));
  });

  it("pages through an agency worker's incoming referrals the same way", async () => {
    const items = expectSound(await pagesOf(vangnet, {}, 7), 'DUE', null);
    expect(items.filter((i) => i.kind === 'REFERRAL_AWAITING_ANSWER')).toHaveLength(24);
    expectSound(await pagesOf(vangnet, { sort: 'SEVERITY' }, 5), 'SEVERITY', null);
  });
  // Last: it answers referrals that the tests above count as awaiting an answer.
  it("reads a coordinator's referrals awaiting an answer by the region written with their status, and migration 0016 gives it to referrals stored before", async () => {
    const awaiting = async () => (await pagesOf(coordinator, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] } }, 5)).forward.flat();
    const listed = await awaiting();
    expect(listed.length).toBeGreaterThan(3);
    const regionOf = async (id: string) => (await executor.read((tx) => tx.run(awaitingRegionOf, { id })))[0];
    expect(await regionOf(listed[0]!.subjectId)).toEqual({ status: 'SENT', region: 'amsterdam' });

    // Answered: off the list in the same write, its region gone.
    const [accepted, asked] = [listed[0]!.subjectId, listed[1]!.subjectId];
    expect((await gql(app, referralStep('accept'), { id: accepted, on: day(0) }, vangnet.headers)).data.acceptReferral.status).toBe(
      'ACCEPTED',
    );
    const question = { id: asked, on: day(0), message: 'Welke schulden zijn er?' };
    expect((await gql(app, REQUEST_INFO, question, vangnet.headers)).data.requestReferralInfo.status).toBe('INFO_REQUESTED');
    expect(await regionOf(accepted)).toEqual({ status: 'ACCEPTED', region: null });
    expect(await regionOf(asked)).toEqual({ status: 'INFO_REQUESTED', region: null });
    const afterAnswers = expectSound(await pagesOf(coordinator, {}, 5), 'DUE', null);
    expect(afterAnswers.map((i) => i.subjectId)).not.toContain(accepted);
    expect(afterAnswers.map((i) => i.subjectId)).not.toContain(asked);
    expect(await awaiting()).toEqual(listed.slice(2));

    // The sender answers the question: awaiting an answer again, with a new term, and back on the list.
    const answered = await gql(app, PROVIDE_INFO, { ...question, message: 'Huurschuld van drie maanden' }, som.headers);
    expect(answered.data.provideReferralInfo.status).toBe('SENT');
    expect(await regionOf(asked)).toEqual({ status: 'SENT', region: 'amsterdam' });
    const again = await awaiting();
    expect(again.find((i) => i.subjectId === asked)).toMatchObject({ dueOn: answered.data.provideReferralInfo.respondBy });
    expect(again.map((i) => i.subjectId)).not.toContain(accepted);

    // Stored before migration 0016: no referral on the list until the migration gives each its region.
    const [forgotten] = await executor.write((tx) => tx.run(forgetAwaitingRegions));
    expect(forgotten!.n).toBeGreaterThan(0);
    expect(await awaiting()).toEqual([]);
    for (const migrationStatement of migrations.find((m) => m.name.startsWith('0016-'))!.statements) {
      await executor.write((tx) => tx.run(migrationStatement));
    }
    expect(await awaiting()).toEqual(again);
    expect(await regionOf(accepted)).toEqual({ status: 'ACCEPTED', region: null });
  });
});
