// Shelter reporting through the real app: CSV upload (dry run, errors with lines, encodings, idempotence),
// forms, export, scope, and the unmet-demand figures a coordinator and a policy maker see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { factDigest } from '../support/digest.js';
import { RECORD_EVENT, REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

interface Report {
  type: 'report';
  rows: number;
  dryRun: boolean;
  problems: { line: number; column: string | null; code: string; params: Record<string, string | number>; message: string }[];
  totalProblems: number;
  problemCap: number;
  written: { created: number; unchanged: number; superseded: number } | null;
}

async function upload(
  app: App,
  who: SignedIn,
  kind: string,
  body: string | Uint8Array<ArrayBuffer>,
  query: Record<string, string> = {},
): Promise<{ status: number; error: any; progress: number[]; report: Report }> {
  const params = new URLSearchParams({ kind, ...query });
  const response = await app.fetch(
    new Request(`http://ketenkaart.test/shelter/import?${params}`, {
      method: 'POST',
      headers: { ...who.headers, 'content-type': 'text/csv' },
      body,
    }),
  );
  if (response.headers.get('content-type')?.startsWith('application/problem+json'))
    return { status: response.status, error: await response.json(), progress: [], report: null as unknown as Report };
  const lines = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  return {
    status: response.status,
    error: lines.find((l) => l.type === 'error') ?? null,
    progress: lines.filter((l) => l.type === 'progress').map((l) => l.rows as number),
    report: lines.find((l) => l.type === 'report') as Report,
  };
}

const CAPACITY_CSV = [
  'facility_id,unit_kind,target_group,period_start,period_end,capacity,note',
  'ams-roggeveen-crisis,FAMILY_UNITS,FAMILIES,2026-10-01,2026-10-31,12,',
  'ams-roggeveen-crisis,PLACES,FAMILIES,2026-10-01,2026-10-31,30,beds in family units',
  'ams-alexandria,PLACES,WOMEN_WITH_CHILDREN,2026-10-01,2026-10-31,20,',
].join('\n');

const REFUSALS_CSV = [
  'facility_id,case_ref,household_id,target_group,refused_on,reason,alternative,alternative_agency_id,note',
  'ams-roggeveen-crisis,HVO-2026-101,,FAMILIES,2026-10-03,NO_CAPACITY,NONE,,',
  'ams-roggeveen-crisis,HVO-2026-102,,FAMILIES,2026-10-04,NO_CAPACITY,ONWARD_REFERRAL,ams-leger-des-heils,',
  'ams-roggeveen-crisis,HVO-2026-103,,TWO_PARENT_FAMILIES,2026-10-05,HOUSEHOLD_COMPOSITION,NONE,,father not admitted',
  'ams-alexandria,HVO-2026-104,,FAMILIES,2026-10-06,OUTSIDE_REGION,OTHER_ALTERNATIVE,,sent to home region',
  'ams-alexandria,HVO-2026-105,,WOMEN_WITH_CHILDREN,2026-09-20,NO_CAPACITY,NONE,,',
].join('\n');

describe('shelter reporting', () => {
  let executor: CypherExecutor;
  let app: App;
  let hvo: SignedIn;
  let zienn: SignedIn;
  let coordinator: SignedIn;
  let policy: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
    zienn = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'lwd-zienn' });
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    policy = await signIn(app, executor, 'POLICY_MAKER');
  });
  afterAll(() => executor.close());

  it('checks a file in a dry run and writes nothing', async () => {
    const before = await factDigest(executor);
    const { report } = await upload(app, hvo, 'capacity', CAPACITY_CSV, { dryRun: 'true' });
    expect(report).toMatchObject({ dryRun: true, rows: 3, totalProblems: 0, written: null });
    expect(await factDigest(executor)).toBe(before);
  });

  it('says a negative count must be 0 or more, the same for a file row and a form, and writes nothing', async () => {
    const before = await factDigest(executor);
    const file = ['facility_id,unit_kind,target_group,date,occupied,available,blocked', 'ams-reina,PLACES,FAMILIES,2026-10-01,-3,2,0'];
    const { report } = await upload(app, hvo, 'occupancy', file.join('\n'));
    expect(report.problems).toEqual([
      { line: 2, column: 'occupied', code: 'TOO_SMALL', params: { minimum: 0 }, message: 'must be 0 or more' },
    ]);
    const REPORT = `mutation($rows: [OccupancySnapshotInput!]!) { reportOccupancy(rows: $rows) {
      __typename ... on ValidationError { fields { path code params { name value } } } } }`;
    const row = {
      facilityId: 'ams-reina',
      unitKind: 'PLACES',
      targetGroup: 'FAMILIES',
      date: '2026-10-01',
      occupied: -3,
      available: 2,
      blocked: 0,
    };
    expect((await gql(app, REPORT, { rows: [row] }, hvo.headers)).data.reportOccupancy.fields).toEqual([
      { path: ['rows', '0', 'occupied'], code: 'TOO_SMALL', params: [{ name: 'minimum', value: '0' }] },
    ]);
    expect(await factDigest(executor)).toBe(before);
  });

  it('reports a month of capacity and refusals by file; the coordinator sees unmet demand by cause', async () => {
    expect((await upload(app, hvo, 'capacity', CAPACITY_CSV)).report.written).toMatchObject({ created: 3, unchanged: 0 });
    expect((await upload(app, hvo, 'refusals', REFUSALS_CSV)).report.written).toMatchObject({ created: 5 });

    const FIGURES = `query($id: ID!, $from: Date!, $to: Date!) { shelterFigures(centrumgemeenteId: $id, from: $from, to: $to) {
      facilitiesReporting suppressed
      capacity { unitKind targetGroup capacity facilities }
      refusalsByReason { reason meaning count { value suppressed } withoutAlternative { value suppressed } }
      unmetDemand { cause count { value suppressed } withoutAlternative { value suppressed } } } }`;
    const october = { id: 'amsterdam', from: '2026-10-01', to: '2026-10-31' };
    const figures = (await gql(app, FIGURES, october, coordinator.headers)).data.shelterFigures;
    expect(figures.facilitiesReporting).toBe(2);
    expect(figures.capacity).toEqual([
      { unitKind: 'FAMILY_UNITS', targetGroup: 'FAMILIES', capacity: 12, facilities: 1 },
      { unitKind: 'PLACES', targetGroup: 'FAMILIES', capacity: 30, facilities: 1 },
      { unitKind: 'PLACES', targetGroup: 'WOMEN_WITH_CHILDREN', capacity: 20, facilities: 1 },
    ]);
    const cause = (name: string) => figures.unmetDemand.find((u: any) => u.cause === name);
    expect(cause('CAPACITY_EXISTED_BUT_REFUSED')).toMatchObject({ count: { value: 2 }, withoutAlternative: { value: 1 } });
    expect(cause('NO_ELIGIBLE_CAPACITY_IN_REGION')).toMatchObject({ count: { value: 1 }, withoutAlternative: { value: 1 } });
    expect(cause('CAPACITY_ELSEWHERE')).toMatchObject({ count: { value: 1 }, withoutAlternative: { value: 0 } });
    expect(cause('CAPACITY_NOT_REPORTED')).toMatchObject({ count: { value: 0 } });
    expect(figures.refusalsByReason.find((r: any) => r.reason === 'HOUSEHOLD_COMPOSITION')).toMatchObject({
      meaning: 'STRUCTURALLY_NOT_SERVED',
      count: { value: 1 },
    });

    // September had a refusal but no capacity report: the cause is unknown, never "no capacity".
    const september = (await gql(app, FIGURES, { id: 'amsterdam', from: '2026-09-01', to: '2026-09-30' }, coordinator.headers)).data
      .shelterFigures;
    expect(september.unmetDemand.find((u: any) => u.cause === 'CAPACITY_NOT_REPORTED').count.value).toBe(1);
    expect(september.capacity).toEqual([]);

    const suppressed = (await gql(app, FIGURES, october, policy.headers)).data.shelterFigures;
    expect(suppressed.suppressed).toBe(true);
    expect(suppressed.unmetDemand.every((u: any) => u.count.value === null || u.count.value === 0)).toBe(true);
    expect(suppressed.unmetDemand.filter((u: any) => u.count.suppressed)).toHaveLength(3);
    const otherCoordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    expect((await gql(app, FIGURES, october, otherCoordinator.headers)).errors?.[0]?.message).toMatch(/coordinator of the region/);
  });

  it('re-importing the same file changes nothing; a changed figure is a new version and the old one is kept', async () => {
    const before = await factDigest(executor);
    expect((await upload(app, hvo, 'capacity', CAPACITY_CSV)).report.written).toMatchObject({ created: 0, unchanged: 3, superseded: 0 });
    expect(await factDigest(executor)).toBe(before);

    const corrected = CAPACITY_CSV.replace('2026-10-31,12,', '2026-10-31,14,corrected count');
    expect((await upload(app, hvo, 'capacity', corrected)).report.written).toMatchObject({ created: 1, unchanged: 2, superseded: 1 });
    const HISTORY = `query { facility(id: "ams-roggeveen-crisis") { capacityReports(history: true) { capacity current unitKind supersededById }
      reportedCapacity(on: "2026-10-15") { unitKind capacity } } }`;
    const facility = (await gql(app, HISTORY, {}, hvo.headers)).data.facility;
    const familyUnits = facility.capacityReports.filter((r: any) => r.unitKind === 'FAMILY_UNITS');
    expect(familyUnits.map((r: any) => [r.capacity, r.current])).toEqual(
      expect.arrayContaining([
        [12, false],
        [14, true],
      ]),
    );
    expect(familyUnits.find((r: any) => !r.current).supersededById).toBeTruthy();
    // Places and family units stay apart: 30 places and 14 family units, never 44 of anything.
    expect(facility.reportedCapacity).toEqual([
      { unitKind: 'FAMILY_UNITS', capacity: 14 },
      { unitKind: 'PLACES', capacity: 30 },
    ]);
  });

  it('reports every malformed row with its line and column and writes none of the file', async () => {
    const before = await factDigest(executor);
    const file = [
      'facility_id,case_ref,household_id,target_group,date_on,priority,date_off,outcome',
      'ams-reina,HVO-2026-201,,FAMILIES,2026-10-02,2,,',
      'ams-reina,HVO-2026-202,,FAMILIES,2026-13-02,2,,',
      'ams-reina,HVO-2026-203,,FAMILIES,2026-10-02,two,,',
      'ams-reina,HVO-2026-204,,PETS,2026-10-02,1,,',
      'ams-reina,Jan de Vries,,FAMILIES,2026-10-02,1,,',
      'ams-reina,HVO-2026-206,,FAMILIES,2026-10-02,1,2026-10-01,PLACED',
      'ams-reina,HVO-2026-207,,FAMILIES,2026-10-02,1,2026-10-09,',
      'lwd-blijenhof,ZN-2026-1,,FAMILIES,2026-10-02,1,,',
      'no-such-facility,HVO-2026-209,,FAMILIES,2026-10-02,1,,',
      'ams-reina,HVO-2026-210,no-such-household,FAMILIES,2026-10-02,1,,',
      'ams-reina,HVO-2026-201,,FAMILIES,2026-10-02,3,,',
    ].join('\n');
    const { report } = await upload(app, hvo, 'waiting-list', file);
    expect(report.written).toBeNull();
    const at = (line: number) => report.problems.filter((p) => p.line === line);
    expect(at(2)).toEqual([]);
    expect(at(3)[0]).toMatchObject({ column: 'date_on' });
    expect(at(4)[0]).toMatchObject({
      column: 'priority',
      code: 'NOT_WHOLE_NUMBER',
      params: { value: 'two' },
      message: expect.stringMatching(/whole number/),
    });
    expect(at(5)[0]).toMatchObject({ column: 'target_group' });
    expect(at(6)[0]).toMatchObject({ column: 'case_ref', code: 'CASE_REF_FORMAT', message: expect.stringMatching(/never a name/) });
    expect(at(7)[0]).toMatchObject({ column: 'date_off' });
    expect(at(8)[0]).toMatchObject({ column: 'outcome' });
    expect(at(9)[0]).toMatchObject({
      column: 'facility_id',
      code: 'NOT_YOUR_FACILITY',
      message: expect.stringMatching(/not a facility of your organisation/),
    });
    expect(at(10)[0]).toMatchObject({ column: 'facility_id', code: 'NO_SUCH', params: { entity: 'facility', value: 'no-such-facility' } });
    expect(at(11)[0]).toMatchObject({ column: 'household_id' });
    expect(at(12)[0]).toMatchObject({ code: 'SAME_KEY_AS_LINE', params: { key: 'facility_id, case_ref, date_on', other: 2 } });
    expect(await factDigest(executor)).toBe(before);
  });

  it('reads UTF-8 with a byte-order mark and semicolons, refuses Windows-1252 read as UTF-8, and reads it when told', async () => {
    const before = await factDigest(executor);
    const header = 'facility_id;case_ref;household_id;target_group;refused_on;reason;alternative;alternative_agency_id;note';
    const row = 'ams-reina;HVO-2026-301;;FAMILIES;2026-10-07;TOO_LIGHT;NONE;;advies: Zoë-project';
    const latin1 = Uint8Array.from(Buffer.from(`${header}\n${row}\n`, 'latin1'));
    const wrong = await upload(app, hvo, 'refusals', latin1);
    expect(wrong.report.written).toBeNull();
    expect(wrong.report.problems[0]).toMatchObject({
      line: 2,
      code: 'NOT_UTF8',
      message: expect.stringMatching(/not UTF-8.*Windows-1252/),
    });
    expect(await factDigest(executor)).toBe(before);

    const told = await upload(app, hvo, 'refusals', latin1, { encoding: 'windows-1252' });
    expect(told.report.written).toMatchObject({ created: 1 });
    const withBom = await upload(app, hvo, 'refusals', Uint8Array.from(Buffer.from(`\uFEFF${header}\n${row}\n`, 'utf8')));
    // The same row, now as UTF-8 with a BOM: read as the same fact, so nothing new.
    expect(withBom.report).toMatchObject({ totalProblems: 0, written: { created: 0, unchanged: 1 } });
    const REFUSALS = `query { facility(id: "ams-reina") { refusals { caseRef note reason meaning } } }`;
    const refusals = (await gql(app, REFUSALS, {}, hvo.headers)).data.facility.refusals;
    expect(refusals).toEqual([
      { caseRef: 'HVO-2026-301', note: 'advies: Zoë-project', reason: 'TOO_LIGHT', meaning: 'STRUCTURALLY_NOT_SERVED' },
    ]);
  });

  it('stops at a huge field, a broken quote, a wrong header or an empty file, and says where', async () => {
    const before = await factDigest(executor);
    const header = 'facility_id,case_ref,household_id,target_group,refused_on,reason,alternative,alternative_agency_id,note';
    const huge = await upload(app, hvo, 'refusals', `${header}\nams-reina,HVO-1,,FAMILIES,2026-10-07,OTHER,NONE,,${'x'.repeat(10_000)}\n`);
    expect(huge.report.problems[0]).toMatchObject({ code: 'ROW_TOO_LONG', params: { maximum: 4096 } });
    const quote = await upload(app, hvo, 'refusals', `${header}\nams-reina,HVO-1,,FAMILIES,2026-10-07,OTHER,NONE,,"never closed\n`);
    expect(quote.report.problems[0]).toMatchObject({ code: 'QUOTE_NOT_CLOSED' });
    const wrongHeader = await upload(app, hvo, 'refusals', 'facility,case\nams-reina,HVO-1\n');
    expect(wrongHeader.report.problems[0]).toMatchObject({ line: 1, code: 'UNKNOWN_COLUMNS', params: { columns: 'facility, case' } });
    // A long file with a wrong header stops at the header instead of reading (or hanging on) the rest.
    const longWrong = await upload(app, hvo, 'refusals', `facility,case\n${'ams-reina,HVO-1\n'.repeat(200_000)}`);
    expect(longWrong.report.problems.map((problem) => problem.line)).toEqual([1, 1]);
    expect(longWrong.report.problems.map((problem) => problem.code)).toEqual(['UNKNOWN_COLUMNS', 'MISSING_COLUMNS']);
    const empty = await upload(app, hvo, 'refusals', '');
    expect(empty.report.problems[0]).toMatchObject({ code: 'FILE_EMPTY' });
    const fields = await upload(app, hvo, 'refusals', `${header}\nams-reina,HVO-1,,FAMILIES\n`);
    expect(fields.report.problems[0]).toMatchObject({ line: 2, code: 'FIELD_COUNT', params: { found: 4, expected: 9 } });
    expect(fields.report.problemCap).toBe(500);
    for (const attempt of [huge, quote, wrongHeader, longWrong, empty, fields]) expect(attempt.report.written).toBeNull();
    expect(await factDigest(executor)).toBe(before);
  });

  it('streams progress for a large file and writes it in one go', async () => {
    const lines = ['facility_id,unit_kind,target_group,date,occupied,available,blocked'];
    const start = Date.parse('2020-01-01');
    for (let day = 0; day < 2_400; day += 1) {
      const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
      for (const facility of ['ams-roggeveen-crisis', 'ams-roggeveen-24uur', 'ams-alexandria', 'ams-reina', 'ams-roggeveen-ambulant']) {
        lines.push(`${facility},FAMILY_UNITS,FAMILIES,${date},${day % 12},${12 - (day % 12)},0`);
      }
    }
    const { report, progress } = await upload(app, hvo, 'occupancy', lines.join('\n'));
    expect(progress).toEqual([5_000, 10_000, 12_000]);
    expect(report.written).toMatchObject({ created: 12_000 });
    const OCCUPANCY = `query { facility(id: "ams-reina") { occupancy(from: "2026-07-01", to: "2026-07-03") { date occupied available } } }`;
    const occupancy = (await gql(app, OCCUPANCY, {}, coordinator.headers)).data.facility.occupancy;
    expect(occupancy.map((o: any) => o.date)).toEqual(['2026-07-01', '2026-07-02', '2026-07-03']);
  });

  it('keeps waiting lists and refusals to the shelter, and files to shelter staff of the facility', async () => {
    const WAITING = `query { facility(id: "ams-reina") { waitingList { caseRef } } }`;
    expect((await gql(app, WAITING, {}, coordinator.headers)).errors?.[0]?.message).toMatch(/staff of the facility/);
    expect((await gql(app, WAITING, {}, zienn.headers)).errors?.[0]?.message).toMatch(/staff of the facility/);
    expect((await gql(app, WAITING, {}, hvo.headers)).errors).toBeUndefined();
    expect((await upload(app, coordinator, 'capacity', CAPACITY_CSV)).status).toBe(403);
    expect(
      (await upload(app, zienn, 'capacity', CAPACITY_CSV)).report.problems.every((p) =>
        /not a facility of your organisation/.test(p.message),
      ),
    ).toBe(true);
    const anonymous = await app.fetch(new Request('http://ketenkaart.test/shelter/export?kind=refusals'));
    expect(anonymous.status).toBe(401);
  });

  it("offers a template per kind that passes the check as it is, with one of the shelter's own facilities", async () => {
    for (const kind of ['capacity', 'occupancy', 'waiting-list', 'refusals']) {
      const response = await app.fetch(new Request(`http://ketenkaart.test/shelter/template?kind=${kind}`, { headers: hvo.headers }));
      expect(response.status).toBe(200);
      const template = (await response.text()).replace(/^\uFEFF/, '');
      expect(template.trim().split('\n')).toHaveLength(2);
      expect(template.split('\n')[1]).toMatch(/^ams-/);
      const checked = await upload(app, hvo, kind, template, { dryRun: 'true' });
      expect(checked.report, kind).toMatchObject({ rows: 1, totalProblems: 0 });
    }
  });

  it('exports in the upload format, so that an export uploads again without change', async () => {
    const response = await app.fetch(
      new Request('http://ketenkaart.test/shelter/export?kind=refusals&format=csv', { headers: hvo.headers }),
    );
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="ketenkaart-refusal-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.startsWith('facility_id,case_ref,')).toBe(true);
    expect(csv.split('\n').filter(Boolean)).toHaveLength(1 + 5 + 1);
    const again = await upload(app, hvo, 'refusals', bytes);
    expect(again.report.written).toMatchObject({ created: 0, unchanged: 6 });
    const json = await (
      await app.fetch(new Request('http://ketenkaart.test/shelter/export?kind=capacity&format=json&history=true', { headers: hvo.headers }))
    ).json();
    expect(json.records.filter((r: any) => !r.current)).toHaveLength(1);
    expect(json.records.every((r: any) => r.provenanceKind === 'AGENCY_REPORT' && r.recordedBy === hvo.accountId)).toBe(true);
  });

  it('takes a report by form with the same checks, and waiting times follow', async () => {
    const REPORT = `mutation($rows: [WaitingListEntryInput!]!) { reportWaitingList(rows: $rows) {
      __typename ... on ShelterReportResult { created superseded } ... on ValidationError { fields { path code params { name value } } } } }`;
    const bad = await gql(
      app,
      REPORT,
      { rows: [{ facilityId: 'ams-reina', caseRef: 'HVO-9', targetGroup: 'FAMILIES', dateOn: '2026-10-01', dateOff: '2026-10-11' }] },
      hvo.headers,
    );
    expect(bad.data.reportWaitingList.fields).toEqual([
      { path: ['rows', '0', 'outcome'], code: 'GIVE_TOGETHER', params: [{ name: 'other', value: 'date_off' }] },
    ]);
    const rows = [
      { facilityId: 'ams-reina', caseRef: 'HVO-9', targetGroup: 'FAMILIES', dateOn: '2026-10-01' },
      {
        facilityId: 'ams-reina',
        caseRef: 'HVO-10',
        targetGroup: 'FAMILIES',
        dateOn: '2026-10-05',
        dateOff: '2026-10-15',
        outcome: 'PLACED',
      },
    ];
    expect((await gql(app, REPORT, { rows }, hvo.headers)).data.reportWaitingList).toMatchObject({ created: 2, superseded: 0 });
    const placed = [{ ...rows[0], dateOff: '2026-10-21', outcome: 'PLACED' }];
    expect((await gql(app, REPORT, { rows: placed }, hvo.headers)).data.reportWaitingList).toMatchObject({ created: 1, superseded: 1 });
    const TIMES = `query { facility(id: "ams-reina") { waitingTimes(on: "2026-10-31") { entries { value } left { value } waiting { value } medianDaysToLeave } } }`;
    expect((await gql(app, TIMES, {}, hvo.headers)).data.facility.waitingTimes).toEqual({
      entries: { value: 2 },
      left: { value: 2 },
      waiting: { value: 0 },
      medianDaysToLeave: 15,
    });
    const asCoordinator = await gql(app, REPORT, { rows }, coordinator.headers);
    expect(asCoordinator.data.reportWaitingList.__typename).toBe('ForbiddenError');
  });

  it("counts waiting-list entries recorded on households' trajectories as the worklist does, apart from the register", async () => {
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
    const FIGURES = `query { facility(id: "ams-alexandria") {
      waitingOnHouseholds { waiting overdue longestSince } waitingTimes { waiting { value } entries { value } } } }`;
    const figures = async () => (await gql(app, FIGURES, {}, hvo.headers)).data.facility;
    const WORKLIST = `query { worklist(filter: { kinds: [WAITING_LIST_ENTRY] }) { counts { kind count overdue } items { facility { id } detail } } }`;
    const before = await figures();
    expect(before.waitingOnHouseholds).toEqual({ waiting: 0, overdue: 0, longestSince: null });
    for (const [reference, on] of [
      ['AMS-WAITING-1', daysAgo(40)],
      ['AMS-WAITING-2', daysAgo(3)],
    ] as const) {
      const householdId = (await gql(app, REGISTER, { input: householdInput({ reference }) }, coordinator.headers)).data.registerHousehold
        .id;
      const entry = { householdId, kind: 'WAITING_LIST_ENTRY', occurredOn: on, facilityId: 'ams-alexandria', agencyId: 'ams-hvo-querido' };
      expect((await gql(app, RECORD_EVENT, { input: entry }, coordinator.headers)).data.recordEvent.__typename).toBe('HouseholdEvent');
    }
    const after = await figures();
    // Two families wait on their trajectories; the register (what the shelter itself reported) holds none of them.
    expect(after.waitingOnHouseholds).toEqual({ waiting: 2, overdue: 1, longestSince: daysAgo(40) });
    expect(after.waitingTimes).toEqual(before.waitingTimes);
    // The worklist tells the same: two entries at this facility, one late.
    const items = (await gql(app, WORKLIST, {}, hvo.headers)).data.worklist.items.filter((i: any) => i.facility?.id === 'ams-alexandria');
    expect(items.map((i: any) => i.detail).sort()).toEqual([daysAgo(40), daysAgo(3)]);
    // Staff of another shelter are refused, as for the register's figures.
    const other = await gql(app, FIGURES, {}, zienn.headers);
    expect(other.data?.facility?.waitingOnHouseholds ?? null).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("puts a refusal the shelter reported without an alternative on the family's gaps for its coordinator", async () => {
    const registered = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-SHELTER-GAP' }) }, coordinator.headers);
    const householdId = registered.data.registerHousehold.id;
    const refusedOn = new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10);
    // The family applied: only then may the shelter link its refusal to the household.
    const appliedOn = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
    await gql(
      app,
      RECORD_EVENT,
      { input: { householdId, kind: 'SHELTER_APPLICATION', occurredOn: appliedOn, facilityId: 'ams-roggeveen-crisis' } },
      coordinator.headers,
    );
    const file = [
      'facility_id,case_ref,household_id,target_group,refused_on,reason,alternative,alternative_agency_id,note',
      `ams-roggeveen-crisis,HVO-2026-900,${householdId},FAMILIES,${refusedOn},NO_CAPACITY,NONE,,`,
    ].join('\n');
    expect((await upload(app, hvo, 'refusals', file)).report.written).toMatchObject({ created: 1 });
    const GAPS = `query($id: ID!) { household(id: $id) { ... on Household { gaps { rule summary evidenceNodes agencies { id } } } } }`;
    const gaps = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household.gaps;
    const refusal = gaps.find((g: any) => g.rule === 'REFUSAL_WITHOUT_ALTERNATIVE');
    expect(refusal.summary).toMatch(/reported by the shelter without an alternative/);
    expect(refusal.evidenceNodes.some((n: string) => n.startsWith('shelter-record:'))).toBe(true);
    expect(refusal.agencies).toEqual([{ id: 'ams-hvo-querido' }]);
    // The trace shows the register's refusal beside the path, so the gap's evidence can be drawn.
    const TRACE = `query($id: ID!) { household(id: $id) { ... on Household { trajectory { nodes { id kind label date } edges { source target kind label } } } } }`;
    const graph = (await gql(app, TRACE, { id: householdId }, coordinator.headers)).data.household.trajectory;
    const node = graph.nodes.find((n: any) => n.kind === 'SHELTER_REFUSAL');
    expect(node).toMatchObject({ label: 'NO_CAPACITY', date: refusedOn });
    expect(refusal.evidenceNodes).toContain(node.id);
    expect(graph.edges).toContainEqual({ source: 'facility:ams-roggeveen-crisis', target: node.id, kind: 'REPORTED', label: 'NONE' });
  });
});
