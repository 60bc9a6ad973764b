// Misuse: shelter staff linking rows to households they have nothing to do with, probing ids through a dry run,
// and keeping access to a household long after the family left or was refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { REGISTER, RECORD_EVENT, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const REFUSALS = `mutation($rows: [ShelterRefusalInput!]!) {
  reportRefusals(rows: $rows) { __typename ... on ShelterReportResult { created } ... on ValidationError { fields { path message } } ... on Error { message } }
}`;
const WAITING = `mutation($rows: [WaitingListEntryInput!]!) {
  reportWaitingList(rows: $rows) { __typename ... on ShelterReportResult { created } ... on ValidationError { fields { path message } } ... on Error { message } }
}`;
const CONFIRM = `mutation($householdId: ID!, $facilityId: ID!) {
  confirmShelterLink(householdId: $householdId, facilityId: $facilityId) { __typename ... on ShelterLinkConfirmation { householdId facilityId confirmedBy } ... on Error { message } }
}`;
const EXPLAIN = `query($id: ID!) { householdAccess(id: $id) { allowed missing } }`;
const REFUSALS_OF = `query($id: ID!) { facility(id: $id) { refusals { caseRef householdId } } }`;

const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
const refusal = (householdId: string | null, caseRef: string, facilityId = 'ams-roggeveen-crisis') => ({
  facilityId,
  caseRef,
  householdId,
  targetGroup: 'FAMILIES',
  refusedOn: day(3),
  reason: 'NO_CAPACITY',
  alternative: 'NONE',
});

async function upload(app: App, who: SignedIn, kind: string, csv: string, dryRun: boolean) {
  const response = await app.fetch(
    new Request(`http://ketenkaart.test/shelter/import?kind=${kind}&dryRun=${dryRun}`, {
      method: 'POST',
      headers: { ...who.headers, 'content-type': 'text/csv' },
      body: csv,
    }),
  );
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return lines.find((l) => l.type === 'report');
}

describe('shelter links misuse', () => {
  let executor: CypherExecutor;
  let app: App;
  let applied: string;
  let stranger: string;
  let utrecht: string;
  const who = {} as Record<'coordinator' | 'utrechtCoordinator' | 'hvo' | 'admin', SignedIn>;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    who.coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    who.utrechtCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    who.hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    who.admin = await signIn(app, executor, 'ADMIN');
    const register = async (input: Record<string, unknown>, headers: Record<string, string>) =>
      (await gql(app, REGISTER, { input: householdInput(input) }, headers)).data.registerHousehold.id as string;
    applied = await register({ reference: 'AMS-SL-1' }, who.coordinator.headers);
    await gql(
      app,
      RECORD_EVENT,
      { input: { householdId: applied, kind: 'SHELTER_APPLICATION', occurredOn: day(10), facilityId: 'ams-roggeveen-crisis' } },
      who.coordinator.headers,
    );
    stranger = await register({ reference: 'AMS-SL-2' }, who.coordinator.headers);
    utrecht = await register(
      { reference: 'UTR-SL-1', centrumgemeenteId: 'utrecht', municipality: 'Utrecht', consent: null },
      who.utrechtCoordinator.headers,
    );
  });
  afterAll(() => executor.close());

  it('refuses, per row and writing nothing, a refusal or waiting-list row naming a household the shelter has no relation with', async () => {
    const mixed = (await gql(app, REFUSALS, { rows: [refusal(applied, 'SL-1'), refusal(stranger, 'SL-2')] }, who.hvo.headers)).data
      .reportRefusals;
    expect(mixed.__typename).toBe('ValidationError');
    expect(mixed.fields).toHaveLength(1);
    expect(mixed.fields[0].path).toEqual(['rows', '1', 'household_id']);
    const waiting = (
      await gql(
        app,
        WAITING,
        { rows: [{ facilityId: 'ams-roggeveen-crisis', caseRef: 'SL-3', householdId: stranger, targetGroup: 'FAMILIES', dateOn: day(2) }] },
        who.hvo.headers,
      )
    ).data.reportWaitingList;
    expect(waiting.__typename).toBe('ValidationError');
    const csv = [
      'facility_id,case_ref,household_id,target_group,refused_on,reason,alternative,alternative_agency_id,note',
      `ams-roggeveen-crisis,SL-4,${stranger},FAMILIES,${day(3)},NO_CAPACITY,NONE,,`,
    ].join('\n');
    const report = await upload(app, who.hvo, 'refusals', csv, false);
    expect(report.written).toBeNull();
    expect(report.problems).toEqual([expect.objectContaining({ line: 2, column: 'household_id' })]);
    const rows = (await gql(app, REFUSALS_OF, { id: 'ams-roggeveen-crisis' }, who.hvo.headers)).data.facility.refusals;
    expect(rows.filter((r: any) => r.householdId === stranger)).toEqual([]);
    expect(rows.map((r: any) => r.caseRef)).not.toContain('SL-1');

    expect((await gql(app, REFUSALS, { rows: [refusal(applied, 'SL-1')] }, who.hvo.headers)).data.reportRefusals.__typename).toBe(
      'ShelterReportResult',
    );
  });

  it("accepts a link once the family's coordinator confirmed it, within the region only", async () => {
    expect(
      (await gql(app, CONFIRM, { householdId: utrecht, facilityId: 'ams-roggeveen-crisis' }, who.coordinator.headers)).data
        .confirmShelterLink.__typename,
    ).toBe('ForbiddenError');
    expect(
      (await gql(app, CONFIRM, { householdId: stranger, facilityId: 'utr-boka' }, who.coordinator.headers)).data.confirmShelterLink
        .__typename,
    ).not.toBe('ShelterLinkConfirmation');
    expect(
      (await gql(app, CONFIRM, { householdId: stranger, facilityId: 'ams-roggeveen-crisis' }, who.hvo.headers)).data.confirmShelterLink
        .__typename,
    ).toBe('ForbiddenError');
    const confirmed = (await gql(app, CONFIRM, { householdId: stranger, facilityId: 'ams-roggeveen-crisis' }, who.coordinator.headers)).data
      .confirmShelterLink;
    expect(confirmed).toMatchObject({
      __typename: 'ShelterLinkConfirmation',
      householdId: stranger,
      facilityId: 'ams-roggeveen-crisis',
      confirmedBy: who.coordinator.accountId,
    });
    expect((await gql(app, REFUSALS, { rows: [refusal(stranger, 'SL-5')] }, who.hvo.headers)).data.reportRefusals.__typename).toBe(
      'ShelterReportResult',
    );
  });

  it('gives a dry run the same answer for an id that does not exist and one that is not linked', async () => {
    const csv = [
      'facility_id,case_ref,household_id,target_group,refused_on,reason,alternative,alternative_agency_id,note',
      `ams-roggeveen-crisis,SL-6,${utrecht},FAMILIES,${day(3)},NO_CAPACITY,NONE,,`,
      `ams-roggeveen-crisis,SL-7,hh_doesnotexist000000,FAMILIES,${day(3)},NO_CAPACITY,NONE,,`,
    ].join('\n');
    const report = await upload(app, who.hvo, 'refusals', csv, true);
    const [existing, missing] = report.problems.filter((p: any) => p.column === 'household_id');
    expect(existing).toBeDefined();
    expect(missing).toBeDefined();
    expect(existing.message).toBe(missing.message);
    // The access log keeps the difference.
    const LOG = `query($account: ID!) { accessLog(accountId: $account, first: 20) { entries { action basis } } }`;
    const entries = (await gql(app, LOG, { account: who.hvo.accountId }, who.admin.headers)).data.accessLog.entries;
    expect(entries.find((e: any) => e.action === 'IMPORT').basis).toMatch(/1 unknown household id/);
  });

  it("ends a shelter's access a set term after the relation ended", async () => {
    const ended = (await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-SL-3' }) }, who.coordinator.headers)).data
      .registerHousehold.id;
    await gql(
      app,
      RECORD_EVENT,
      { input: { householdId: ended, kind: 'SHELTER_APPLICATION', occurredOn: day(400), facilityId: 'ams-roggeveen-crisis' } },
      who.coordinator.headers,
    );
    await gql(
      app,
      RECORD_EVENT,
      {
        input: {
          householdId: ended,
          kind: 'REFUSAL',
          occurredOn: day(399),
          facilityId: 'ams-roggeveen-crisis',
          refusalReason: 'NO_CAPACITY',
        },
      },
      who.coordinator.headers,
    );
    const refused = (await gql(app, EXPLAIN, { id: ended }, who.hvo.headers)).data.householdAccess;
    expect(refused.allowed).toBe(false);
    expect(refused.missing).toMatch(/ended on/);
    // A longer term, set in configuration, keeps it open.
    const { testConfig } = await import('../support/store.js');
    const patient = testApp(executor, testConfig({ KETENKAART_SHELTER_ACCESS_DAYS: '500' }));
    expect((await gql(patient, EXPLAIN, { id: ended }, who.hvo.headers)).data.householdAccess.allowed).toBe(true);
    // A family still applying is still the shelter's.
    expect((await gql(app, EXPLAIN, { id: applied }, who.hvo.headers)).data.householdAccess.allowed).toBe(true);
  });
});
