// The working day through the API: worklists per role (need-to-know, paging, sorting), referral answers with a
// question back, requests for access (declined, granted, expired, not laundered) and notices of involvement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingExecutor, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REFUSE_REFERRAL, REGISTER, SEND_REFERRAL, householdInput, referralStep } from '../support/operations.js';
import { gql, openTestStore, testApp, testConfig } from '../support/store.js';

const WORKLIST = `query($filter: WorklistFilter, $sort: WorklistSort, $first: Int, $after: String, $last: Int, $before: String) {
  worklist(filter: $filter, sort: $sort, first: $first, after: $after, last: $last, before: $before) {
    totalCount today
    counts { kind count overdue }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    items { id kind subjectId restricted dueOn overdue severity rule action stepKind detail
      household { id reference } owedBy { id } otherAgency { id name } facility { id } referral { id status refusalReason refusalText infoQuestion } }
  }
}`;

const REQUEST_INFO = `mutation($id: ID!, $on: Date!, $message: String!) {
  requestReferralInfo(id: $id, on: $on, message: $message) { __typename ... on Referral { id status infoQuestion } ... on Error { code message } }
}`;
const PROVIDE_INFO = `mutation($id: ID!, $on: Date!, $message: String!) {
  provideReferralInfo(id: $id, on: $on, message: $message) { __typename ... on Referral { id status respondBy } ... on Error { code message } }
}`;
const REQUEST_ACCESS = `mutation($householdId: ID!, $reason: String!) {
  requestAccess(householdId: $householdId, reason: $reason) { __typename ... on AccessRequest { id status until } ... on ValidationError { fields { path message } } ... on Error { code message } }
}`;
const DECIDE_ACCESS = `mutation($id: ID!, $grant: Boolean!, $hours: Int) {
  decideAccessRequest(id: $id, grant: $grant, hours: $hours) { __typename ... on AccessRequest { id status until } ... on Error { code message } }
}`;
const ACKNOWLEDGE = `mutation($id: ID!) { acknowledgeInvolvementNotice(id: $id) { __typename ... on AcknowledgedNotice { id } ... on Error { code message } } }`;
const HOUSEHOLD = `query($id: ID!) { household(id: $id) { __typename ... on Household { id reference } ... on Error { code message } } }`;
const VIEWER_ACCESS = `query($id: ID!) { household(id: $id) { ... on Household { viewerAccess { temporary readOnly canRecord canRefer canTakeRegie canHandOverRegie } } } }`;
const RECORD_CONSENT = `mutation($householdId: ID!, $agencyIds: [ID!]!) {
  recordConsent(householdId: $householdId, purpose: CHAIN_COORDINATION, method: IN_PERSON_SIGNED, recipientAgencyIds: $agencyIds, from: "2024-01-01", to: "2099-12-31") { __typename ... on Error { code message } }
}`;
const ACCESS_LOG = `query($householdId: ID) { accessLog(householdId: $householdId, first: 100) { entries { action outcome basis breakGlass accountId } } }`;

type Item = {
  id: string;
  kind: string;
  subjectId: string;
  restricted: boolean;
  dueOn: string;
  overdue: boolean;
  severity: string;
  action: string;
  stepKind: string | null;
  detail: string | null;
  household: { id: string; reference: string } | null;
  owedBy: { id: string } | null;
  otherAgency: { id: string; name: string } | null;
  referral: { id: string; status: string; refusalReason: string | null; refusalText: string | null; infoQuestion: string | null } | null;
};

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('worklist', () => {
  let executor: CypherExecutor;
  let app: App;
  let clockOffsetMs = 0;
  let coordinator: SignedIn;
  let utrechtCoordinator: SignedIn;
  let som: SignedIn;
  let vangnet: SignedIn;
  let police: SignedIn;
  let shelter: SignedIn;
  let otherShelter: SignedIn;
  let admin: SignedIn;

  async function worklist(who: SignedIn, variables: Record<string, unknown> = {}) {
    const { data, errors } = await gql(app, WORKLIST, variables, who.headers);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data.worklist as {
      totalCount: number;
      counts: { kind: string; count: number; overdue: number }[];
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
      items: Item[];
    };
  }

  async function household(reference: string, consent = true) {
    const { data } = await gql(
      app,
      REGISTER,
      { input: householdInput({ reference, ...(consent ? {} : { consent: null }) }) },
      coordinator.headers,
    );
    return data.registerHousehold.id as string;
  }

  /** The coordinator records a referral between two agencies (which gives both a care relation). */
  async function referral(householdId: string, fromAgencyId: string, toAgencyId: string, sentOn: string, respondWithinDays = 14) {
    const { data } = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, fromAgencyId, toAgencyId, purpose: 'Schuldhulp en begeleiding', sentOn, respondWithinDays } },
      coordinator.headers,
    );
    expect(data.sendReferral.__typename).toBe('Referral');
    return data.sendReferral.id as string;
  }

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor, testConfig(), () => new Date(Date.now() + clockOffsetMs));
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    utrechtCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    som = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    vangnet = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-ggd-vangnet-advies' });
    police = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-politie' });
    shelter = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    otherShelter = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-leger-des-heils' });
    admin = await signIn(app, executor, 'ADMIN');
  });
  afterAll(() => executor.close());

  it('lists an incoming referral for the receiving agency only, and an overdue one for the coordinator of the region only', async () => {
    const householdId = await household('WL-REF-1');
    const overdueId = await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-20), 5);
    const freshId = await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-1), 14);

    const incoming = (await worklist(vangnet, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] } })).items;
    const overdue = incoming.find((i) => i.subjectId === overdueId)!;
    expect(overdue).toMatchObject({
      kind: 'REFERRAL_AWAITING_ANSWER',
      action: 'ANSWER_REFERRAL',
      overdue: true,
      severity: 'HIGH',
      restricted: false,
      owedBy: null,
      household: { reference: 'WL-REF-1' },
      otherAgency: { id: 'ams-som' },
      detail: 'Schuldhulp en begeleiding',
    });
    expect(incoming.find((i) => i.subjectId === freshId)).toMatchObject({ overdue: false, severity: 'MEDIUM', dueOn: day(13) });

    const coordinatorItems = (await worklist(coordinator, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] } })).items;
    expect(coordinatorItems.map((i) => i.subjectId)).toContain(overdueId);
    // Due in 13 days: beyond the coordinator's 7-day horizon.
    expect(coordinatorItems.map((i) => i.subjectId)).not.toContain(freshId);
    expect(coordinatorItems.find((i) => i.subjectId === overdueId)).toMatchObject({
      action: 'OPEN_TRACE',
      owedBy: { id: 'ams-ggd-vangnet-advies' },
    });

    for (const outsider of [police, utrechtCoordinator, shelter]) {
      const items = (await worklist(outsider)).items;
      expect(items.some((i) => i.household?.id === householdId || i.subjectId === overdueId)).toBe(false);
    }
    const refused = await gql(app, WORKLIST, {}, admin.headers);
    expect(refused.errors?.[0]?.message ?? JSON.stringify(refused.data)).toMatch(/no worklist|not authorized/i);
  });

  it('hides the household of an incoming referral whose consent does not name the receiver, and logs the refusal', async () => {
    const householdId = await household('WL-NOCONSENT', false);
    const { data } = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, fromAgencyId: 'ams-som', toAgencyId: 'ams-politie', purpose: 'Signaal overlast', sentOn: day(-2) } },
      coordinator.headers,
    );
    const referralId = data.sendReferral.id as string;
    const item = (await worklist(police)).items.find((i) => i.subjectId === referralId)!;
    expect(item).toMatchObject({ restricted: true, household: null, detail: null, referral: null });
    const log = await gql(app, ACCESS_LOG, { householdId }, admin.headers);
    expect(
      log.data.accessLog.entries.some(
        (e: { accountId: string; outcome: string }) => e.accountId === police.accountId && e.outcome === 'REFUSED',
      ),
    ).toBe(true);
  });

  it('pages forward and back, in due order and in severity order, with counts', async () => {
    const ids: string[] = [];
    for (let n = 0; n < 7; n += 1) {
      const householdId = await household(`WL-PAGE-${n}`);
      ids.push(await referral(householdId, 'ams-ggd-vangnet-advies', 'ams-som', day(-10 + n), 3 + n));
    }
    const all = await worklist(som, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] }, first: 100 });
    expect(all.totalCount).toBe(all.items.length);
    expect(all.items.map((i) => i.dueOn)).toEqual([...all.items.map((i) => i.dueOn)].sort());
    expect(all.counts.find((c) => c.kind === 'REFERRAL_AWAITING_ANSWER')).toMatchObject({ count: all.totalCount });

    const first = await worklist(som, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] }, first: 3 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await worklist(som, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] }, first: 3, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual(all.items.slice(0, 6).map((i) => i.id));
    const back = await worklist(som, { filter: { kinds: ['REFERRAL_AWAITING_ANSWER'] }, last: 3, before: second.pageInfo.startCursor });
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(back.pageInfo.hasPreviousPage).toBe(false);

    const bySeverity = (await worklist(som, { sort: 'SEVERITY', first: 100 })).items;
    const rank = { HIGH: 0, MEDIUM: 1, LOW: 2 } as Record<string, number>;
    expect(bySeverity.map((i) => rank[i.severity])).toEqual([...bySeverity.map((i) => rank[i.severity]!)].sort());

    const overdueOnly = await worklist(som, { filter: { overdueOnly: true }, first: 100 });
    expect(overdueOnly.items.every((i) => i.overdue)).toBe(true);

    const bad = await gql(app, WORKLIST, { after: 'bm9wZQ' }, som.headers);
    expect(bad.errors?.[0]?.message).toBeDefined();
  });

  it('reads a page with a fixed number of statements, whatever its size (no N+1)', async () => {
    for (let n = 0; n < 12; n += 1)
      await referral(await household(`WL-BATCH-${n}`), 'ams-maatschappelijke-dienstverlening', 'ams-ggd-vangnet-advies', day(-3));
    const counted = countingExecutor(executor);
    const countedApp = testApp(counted);
    const worker = await signIn(countedApp, executor, 'AGENCY_WORKER', { agencyId: 'ams-ggd-vangnet-advies' });
    const fewest = async (first: number) => {
      const counts: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        counted.reset();
        const { data, errors } = await gql(countedApp, WORKLIST, { first }, worker.headers);
        expect(errors).toBeUndefined();
        expect(data.worklist.items.length).toBe(first);
        expect(data.worklist.items.every((i: Item) => i.household && i.otherAgency && i.referral)).toBe(true);
        counts.push(counted.count());
      }
      return Math.min(...counts);
    };
    const forThree = await fewest(3);
    expect(await fewest(12)).toBeLessThanOrEqual(forThree + 2);
  });

  it('closes the loop: the receiver accepts, refuses with the alternative, or asks for information, and the sender sees each answer', async () => {
    const householdId = await household('WL-LOOP');
    const [acceptId, refuseId, askId] = [
      await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-3)),
      await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-3)),
      await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-3)),
    ];
    expect((await gql(app, referralStep('accept'), { id: acceptId, on: day(0) }, vangnet.headers)).data.acceptReferral.status).toBe(
      'ACCEPTED',
    );
    const refused = await gql(
      app,
      REFUSE_REFERRAL,
      { id: refuseId, on: day(0), reason: 'NOT_ELIGIBLE', text: 'Alternatief: maatschappelijk werk' },
      vangnet.headers,
    );
    expect(refused.data.refuseReferral.status).toBe('REFUSED');
    const sender = await gql(app, REQUEST_INFO, { id: askId, on: day(0), message: 'Welke schulden zijn er?' }, som.headers);
    expect(sender.data.requestReferralInfo).toMatchObject({ code: 'FORBIDDEN' });
    const noQuestion = await gql(
      app,
      `mutation($id: ID!, $on: Date!) { acceptReferral(id: $id, on: $on) { __typename } }`,
      { id: acceptId, on: day(0) },
      vangnet.headers,
    );
    expect(noQuestion.data.acceptReferral.__typename).toBe('InvalidTransitionError');
    expect(
      (await gql(app, REQUEST_INFO, { id: askId, on: day(0), message: 'Welke schulden zijn er?' }, vangnet.headers)).data
        .requestReferralInfo,
    ).toMatchObject({ status: 'INFO_REQUESTED', infoQuestion: 'Welke schulden zijn er?' });

    const receiver = (await worklist(vangnet, { first: 100 })).items.map((i) => i.subjectId);
    expect(receiver).not.toContain(acceptId);
    expect(receiver).not.toContain(refuseId);
    expect(receiver).not.toContain(askId);

    const senderItems = (await worklist(som, { first: 100 })).items;
    expect(senderItems.find((i) => i.subjectId === acceptId)).toMatchObject({
      kind: 'REFERRAL_ANSWERED',
      detail: 'ACCEPTED',
      referral: { status: 'ACCEPTED' },
    });
    expect(senderItems.find((i) => i.subjectId === refuseId)).toMatchObject({
      kind: 'REFERRAL_ANSWERED',
      detail: 'REFUSED',
      referral: { refusalReason: 'NOT_ELIGIBLE', refusalText: 'Alternatief: maatschappelijk werk' },
    });
    expect(senderItems.find((i) => i.subjectId === askId)).toMatchObject({
      kind: 'REFERRAL_INFO_REQUESTED',
      action: 'PROVIDE_INFO',
      detail: 'Welke schulden zijn er?',
    });

    const answered = await gql(app, PROVIDE_INFO, { id: askId, on: day(0), message: 'Huurschuld van drie maanden' }, som.headers);
    expect(answered.data.provideReferralInfo).toMatchObject({ status: 'SENT', respondBy: day(14) });
    expect((await worklist(som, { first: 100 })).items.map((i) => i.subjectId)).not.toContain(askId);
    expect((await worklist(vangnet, { first: 100 })).items.find((i) => i.subjectId === askId)).toMatchObject({
      kind: 'REFERRAL_AWAITING_ANSWER',
      dueOn: day(14),
    });
  });

  it('lets a worker ask for access; a declined or expired request gives nothing, and a grant cannot be laundered into lasting access', async () => {
    const householdId = await household('WL-ACCESS');
    expect((await gql(app, HOUSEHOLD, { id: householdId }, police.headers)).data.household.code).toBe('FORBIDDEN');

    expect((await gql(app, REQUEST_ACCESS, { householdId, reason: 'kort' }, police.headers)).data.requestAccess.__typename).toBe(
      'ValidationError',
    );
    // No existence oracle: a request about an id that names no household is answered as any other, and granted by nobody.
    const unknown = (
      await gql(
        app,
        REQUEST_ACCESS,
        { householdId: 'hh_missing', reason: 'Melding van overlast bij de woning, gezin met kinderen' },
        police.headers,
      )
    ).data.requestAccess;
    expect(unknown).toMatchObject({ __typename: 'AccessRequest', status: 'PENDING' });
    expect((await gql(app, DECIDE_ACCESS, { id: unknown.id, grant: true }, coordinator.headers)).data.decideAccessRequest.code).toBe(
      'NOT_FOUND',
    );
    const asked = await gql(
      app,
      REQUEST_ACCESS,
      { householdId, reason: 'Melding van overlast bij de woning, gezin met kinderen' },
      police.headers,
    );
    expect(asked.data.requestAccess).toMatchObject({ __typename: 'AccessRequest', status: 'PENDING' });
    const requestId = asked.data.requestAccess.id;
    expect(
      (await gql(app, REQUEST_ACCESS, { householdId, reason: 'Melding van overlast bij de woning, gezin met kinderen' }, police.headers))
        .data.requestAccess.__typename,
    ).toBe('ValidationError');

    expect(
      (await worklist(coordinator, { filter: { kinds: ['ACCESS_REQUEST'] } })).items.find((i) => i.subjectId === requestId),
    ).toMatchObject({ action: 'DECIDE_ACCESS', otherAgency: { id: 'ams-politie' }, household: { reference: 'WL-ACCESS' } });
    expect((await worklist(utrechtCoordinator)).items.some((i) => i.subjectId === requestId)).toBe(false);
    expect((await gql(app, DECIDE_ACCESS, { id: requestId, grant: true }, utrechtCoordinator.headers)).data.decideAccessRequest.code).toBe(
      'NOT_FOUND',
    );
    expect((await gql(app, DECIDE_ACCESS, { id: requestId, grant: true }, police.headers)).data.decideAccessRequest.code).toBe('FORBIDDEN');

    expect((await gql(app, DECIDE_ACCESS, { id: requestId, grant: false }, coordinator.headers)).data.decideAccessRequest.status).toBe(
      'DECLINED',
    );
    expect((await gql(app, HOUSEHOLD, { id: householdId }, police.headers)).data.household.code).toBe('FORBIDDEN');
    expect((await worklist(coordinator, { filter: { kinds: ['ACCESS_REQUEST'] } })).items.some((i) => i.subjectId === requestId)).toBe(
      false,
    );
    expect((await gql(app, DECIDE_ACCESS, { id: requestId, grant: true }, coordinator.headers)).data.decideAccessRequest.code).toBe(
      'INVALID_TRANSITION',
    );

    const again = (
      await gql(app, REQUEST_ACCESS, { householdId, reason: 'Tweede melding, politie moet gezin kunnen bereiken' }, police.headers)
    ).data.requestAccess.id;
    expect((await gql(app, DECIDE_ACCESS, { id: again, grant: true, hours: 500 }, coordinator.headers)).data.decideAccessRequest.code).toBe(
      'VALIDATION',
    );
    const granted = (await gql(app, DECIDE_ACCESS, { id: again, grant: true, hours: 2 }, coordinator.headers)).data.decideAccessRequest;
    expect(granted.status).toBe('GRANTED');
    expect((await gql(app, HOUSEHOLD, { id: householdId }, police.headers)).data.household.reference).toBe('WL-ACCESS');
    // Flagged like break-glass: the coordinator's worklist asks for its review.
    expect(
      (await worklist(coordinator, { filter: { kinds: ['BREAK_GLASS_USE'] } })).items.find((i) => i.household?.id === householdId),
    ).toMatchObject({ action: 'REVIEW_BREAK_GLASS', otherAgency: { id: 'ams-politie' } });

    // The page is told the same rule: read only, no change offered.
    expect((await gql(app, VIEWER_ACCESS, { id: householdId }, police.headers)).data.household.viewerAccess).toEqual({
      temporary: true,
      readOnly: true,
      canRecord: false,
      canRefer: false,
      canTakeRegie: false,
      canHandOverRegie: false,
    });
    // Laundering: a consent naming the police, or a step that would make a care relation, are refused under a grant.
    expect((await gql(app, RECORD_CONSENT, { householdId, agencyIds: ['ams-politie'] }, police.headers)).data.recordConsent.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await gql(app, RECORD_EVENT, { input: { householdId, kind: 'CONTACT', occurredOn: day(0) } }, police.headers)).data.recordEvent.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await gql(
          app,
          SEND_REFERRAL,
          { input: { householdId, toAgencyId: 'ams-som', purpose: 'Doorverwijzing', sentOn: day(0) } },
          police.headers,
        )
      ).data.sendReferral.code,
    ).toBe('FORBIDDEN');

    const log = (await gql(app, ACCESS_LOG, { householdId }, admin.headers)).data.accessLog.entries as {
      action: string;
      outcome: string;
      basis: string;
      breakGlass: boolean;
      accountId: string;
    }[];
    expect(log.some((e) => e.accountId === police.accountId && e.action === 'READ' && e.outcome === 'ALLOWED' && e.breakGlass)).toBe(true);
    expect(log.some((e) => e.accountId === police.accountId && e.action === 'CHANGE' && e.outcome === 'REFUSED')).toBe(true);

    clockOffsetMs = 3 * 3600_000;
    try {
      expect((await gql(app, HOUSEHOLD, { id: householdId }, police.headers)).data.household.code).toBe('FORBIDDEN');
    } finally {
      clockOffsetMs = 0;
    }
  });

  it('gives both agencies a notice of involvement, naming only the other agency, logged, until acknowledged', async () => {
    const householdId = await household('WL-INVOLVED');
    await referral(householdId, 'ams-maatschappelijke-dienstverlening', 'ams-som', day(-2));
    await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-2));
    const step = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'EARLY_WARNING_SIGNAL', occurredOn: day(-1), arrearsMonths: 2 } },
      vangnet.headers,
    );
    expect(step.data.recordEvent.__typename, JSON.stringify(step)).toBe('HouseholdEvent');

    // One unread notice per agency and household, however many other agencies work with it (not one line each).
    const forVangnet = (await worklist(vangnet, { filter: { kinds: ['INVOLVEMENT_NOTICE'] }, first: 100 })).items.filter(
      (i) => i.household?.id === householdId,
    );
    expect(forVangnet.map((i) => i.otherAgency?.id)).toEqual(['ams-maatschappelijke-dienstverlening']);
    expect(forVangnet[0]).toMatchObject({ action: 'ACKNOWLEDGE', detail: null, referral: null });
    const forSom = (await worklist(som, { filter: { kinds: ['INVOLVEMENT_NOTICE'] }, first: 100 })).items.filter(
      (i) => i.household?.id === householdId,
    );
    expect(forSom.map((i) => i.otherAgency?.id)).toEqual(['ams-ggd-vangnet-advies']);

    const log = (await gql(app, ACCESS_LOG, { householdId }, admin.headers)).data.accessLog.entries as { basis: string }[];
    expect(log.filter((e) => e.basis?.startsWith('notice of involvement')).length).toBe(3);

    expect((await gql(app, ACKNOWLEDGE, { id: forSom[0]!.subjectId }, vangnet.headers)).data.acknowledgeInvolvementNotice.code).toBe(
      'NOT_FOUND',
    );
    expect((await gql(app, ACKNOWLEDGE, { id: forSom[0]!.subjectId }, som.headers)).data.acknowledgeInvolvementNotice.id).toBe(
      forSom[0]!.subjectId,
    );
    expect(
      (await worklist(som, { filter: { kinds: ['INVOLVEMENT_NOTICE'] }, first: 100 })).items.some((i) => i.household?.id === householdId),
    ).toBe(false);

    // A second step by the same agency tells nobody anything new.
    await gql(app, RECORD_EVENT, { input: { householdId, kind: 'CONTACT', occurredOn: day(0) } }, vangnet.headers);
    expect(
      (await worklist(som, { filter: { kinds: ['INVOLVEMENT_NOTICE'] }, first: 100 })).items.some((i) => i.household?.id === householdId),
    ).toBe(false);
  });

  it('keeps one unread notice per agency and household when steps arrive in parallel, and a new one after it is read', async () => {
    const householdId = await household('WL-INVOLVED-PARALLEL');
    await referral(householdId, 'ams-som', 'ams-ggd-vangnet-advies', day(-2));
    const steps = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        gql(
          app,
          RECORD_EVENT,
          { input: { householdId, kind: 'CONTACT', occurredOn: day(-1), note: `stap ${i}` } },
          i % 2 ? som.headers : vangnet.headers,
        ),
      ),
    );
    expect(steps.map((s) => s.data.recordEvent.__typename)).toEqual(Array(6).fill('HouseholdEvent'));
    const noticesFor = async (who: SignedIn) =>
      (await worklist(who, { filter: { kinds: ['INVOLVEMENT_NOTICE'] }, first: 100 })).items.filter((i) => i.household?.id === householdId);
    const forSom = await noticesFor(som);
    expect(forSom.map((i) => i.otherAgency?.id)).toEqual(['ams-ggd-vangnet-advies']);
    expect((await noticesFor(vangnet)).map((i) => i.otherAgency?.id)).toEqual(['ams-som']);
    const log = (await gql(app, ACCESS_LOG, { householdId }, admin.headers)).data.accessLog.entries as { basis: string }[];
    expect(log.filter((e) => e.basis?.startsWith('notice of involvement')).length).toBe(2);

    // Read: the same pair tells nothing new; a third agency stepping in does, in one new line.
    await gql(app, ACKNOWLEDGE, { id: forSom[0]!.subjectId }, som.headers);
    await gql(app, RECORD_EVENT, { input: { householdId, kind: 'CONTACT', occurredOn: day(0) } }, vangnet.headers);
    expect(await noticesFor(som)).toEqual([]);
    const toPolice = await gql(
      app,
      SEND_REFERRAL,
      { input: { householdId, toAgencyId: 'ams-politie', purpose: 'Huisbezoek samen', sentOn: day(0) } },
      som.headers,
    );
    expect(toPolice.data.sendReferral.__typename, JSON.stringify(toPolice)).toBe('Referral');
    expect((await noticesFor(som)).map((i) => i.otherAgency?.id)).toEqual(['ams-politie']);
    expect((await noticesFor(vangnet)).map((i) => i.otherAgency?.id)).toEqual(['ams-som']);
  });

  it('lists applications and waiting-list entries without an outcome for the shelter that holds them', async () => {
    const householdId = await household('WL-SHELTER');
    const applied = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'SHELTER_APPLICATION', occurredOn: day(-10), facilityId: 'ams-alexandria' } },
      coordinator.headers,
    );
    const applicationId = applied.data.recordEvent.id;
    const item = (await worklist(shelter, { first: 100 })).items.find((i) => i.subjectId === applicationId);
    expect(item).toMatchObject({
      kind: 'SHELTER_APPLICATION',
      action: 'RECORD_OUTCOME',
      stepKind: 'PLACEMENT',
      overdue: true,
      dueOn: day(-3),
      facility: { id: 'ams-alexandria' },
      household: { reference: 'WL-SHELTER' },
    });
    expect((await worklist(otherShelter, { first: 100 })).items.some((i) => i.subjectId === applicationId)).toBe(false);

    const entry = await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'WAITING_LIST_ENTRY', occurredOn: day(-1), facilityId: 'ams-alexandria' } },
      shelter.headers,
    );
    const items = (await worklist(shelter, { first: 100 })).items;
    expect(items.some((i) => i.subjectId === applicationId)).toBe(false);
    expect(items.find((i) => i.subjectId === entry.data.recordEvent.id)).toMatchObject({
      kind: 'WAITING_LIST_ENTRY',
      stepKind: 'WAITING_LIST_EXIT',
      overdue: false,
    });
  });
});
