// What became of early-warning signals, per city and signalling agency: exact for the region's coordinator,
// suppressed and rounded for policy makers, each figure with its definition and source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cypher, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const FOLLOW_UP = `query($id: ID!, $from: Date!, $to: Date!) {
  earlyWarningFollowUp(centrumgemeenteId: $id, from: $from, to: $to) {
    termDays termSource thresholdMonths thresholdSource thresholdBasis { months arrangementName report lines }
    medianDefinition medianSource
    total { signals { value suppressed } contacted { value suppressed } medianDaysToFirstContact
      figures { measure count { value suppressed } share definition source } }
    bySignallingAgency { signallingAgency { id } signals { value suppressed } medianDaysToFirstContact
      figures { measure count { value suppressed } share } }
  }
}`;

const logOf = statement(
  'testFigureLogOf',
  cypher`
MATCH (l:AccessLogEntry) WHERE l.accountId = $accountId
RETURN l.outcome AS outcome, l.basis AS basis`,
  z.object({ outcome: z.string(), basis: z.string().nullable() }),
);

describe('early-warning follow-up', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;

  const path = async (steps: Record<string, unknown>[]) => {
    const householdId = (await gql(app, REGISTER, { input: householdInput() }, coordinator.headers)).data.registerHousehold.id;
    for (const step of steps) {
      const { data } = await gql(app, RECORD_EVENT, { input: { householdId, ...step } }, coordinator.headers);
      expect(data.recordEvent.__typename).toBe('HouseholdEvent');
    }
  };
  const signal = (occurredOn: string, arrearsMonths = 2, agencyId = 'ams-woningcorporaties') => ({
    kind: 'EARLY_WARNING_SIGNAL',
    occurredOn,
    agencyId,
    arrearsMonths,
  });

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    // Contact after 9 days, then a debt arrangement.
    await path([
      signal('2024-03-01'),
      { kind: 'CONTACT', occurredOn: '2024-03-10', agencyId: 'ams-maatschappelijke-dienstverlening' },
      { kind: 'DEBT_ARRANGEMENT', occurredOn: '2024-04-01', agencyId: 'ams-schuldhulp-amw' },
    ]);
    // No contact; summons and eviction; then a repeat signal, contacted after 40 days.
    await path([
      signal('2024-03-05'),
      { kind: 'SUMMONS', occurredOn: '2024-05-01', agencyId: 'ams-rechter' },
      { kind: 'EVICTION_EXECUTED', occurredOn: '2024-07-01', agencyId: 'ams-deurwaarders', destination: 'UNKNOWN' },
      signal('2024-08-01'),
      { kind: 'CONTACT', occurredOn: '2024-09-10', agencyId: 'ams-maatschappelijke-dienstverlening' },
    ]);
    // Half a month's arrears: below Vroeg Eropaf's two months (002 L729-731), not the arrangement's signal.
    await path([signal('2024-03-01', 0.5)]);
    // Another signaller; contact on day 14, the last day of the term (002 L736-738: tussenmelding after fourteen days).
    await path([
      signal('2024-04-01', 3, 'ams-politie'),
      { kind: 'HOME_VISIT', occurredOn: '2024-04-15', agencyId: 'ams-maatschappelijke-dienstverlening' },
    ]);
    // Outside the period.
    await path([signal('2023-06-01')]);
  });
  afterAll(() => executor.close());

  const figure = (row: any, measure: string) => row.figures.find((f: any) => f.measure === measure);

  it("counts per signalling agency what followed each signal, with the arrangement's term and threshold and their sources", async () => {
    const { data, errors } = await gql(app, FOLLOW_UP, { id: 'amsterdam', from: '2024-01-01', to: '2024-12-31' }, coordinator.headers);
    expect(errors).toBeUndefined();
    const result = data.earlyWarningFollowUp;
    expect(result).toMatchObject({ termDays: 14, thresholdMonths: 2 });
    expect(result.termSource).toMatch(/tussenmelding by day 14 \(002 L736-740\)/);
    expect(result.thresholdSource).toMatch(/Vroeg Eropaf: reported at 2 months' arrears \(002 L699/);
    expect(result.thresholdBasis).toEqual({ months: 2, arrangementName: 'Vroeg Eropaf', report: '002', lines: 'L699-764, L1186-1194' });
    const total = result.total;
    expect(total.signals).toEqual({ value: 4, suppressed: false });
    expect(total.contacted.value).toBe(3);
    expect(total.medianDaysToFirstContact).toBe(14);
    const counts = Object.fromEntries(total.figures.map((f: any) => [f.measure, f.count.value]));
    expect(counts).toEqual({ CONTACT_WITHIN_TERM: 2, DEBT_ARRANGEMENT: 1, SUMMONS: 1, EVICTION: 1, REPEAT_SIGNAL: 1 });
    expect(figure(total, 'CONTACT_WITHIN_TERM').share).toBe(0.5);
    for (const f of total.figures) {
      expect(f.definition.length).toBeGreaterThan(20);
      expect(f.source.length).toBeGreaterThan(5);
    }
    expect(figure(total, 'CONTACT_WITHIN_TERM').definition).toMatch(/within 14 days/);

    const byAgency = Object.fromEntries(result.bySignallingAgency.map((r: any) => [r.signallingAgency.id, r]));
    expect(Object.keys(byAgency).sort()).toEqual(['ams-politie', 'ams-woningcorporaties']);
    expect(byAgency['ams-woningcorporaties'].signals.value).toBe(3);
    expect(figure(byAgency['ams-woningcorporaties'], 'CONTACT_WITHIN_TERM').count.value).toBe(1);
    expect(byAgency['ams-woningcorporaties'].medianDaysToFirstContact).toBe(24.5);
    expect(figure(byAgency['ams-politie'], 'CONTACT_WITHIN_TERM')).toMatchObject({ count: { value: 1 }, share: 1 });
  });

  it('uses the labelled Ketenkaart default as the term where the city states none (Oss)', async () => {
    const oss = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'oss' });
    const { data } = await gql(app, FOLLOW_UP, { id: 'oss', from: '2024-01-01', to: '2024-12-31' }, oss.headers);
    expect(data.earlyWarningFollowUp).toMatchObject({ termDays: 28, total: { signals: { value: 0 } } });
    expect(data.earlyWarningFollowUp.termSource).toMatch(/^Ketenkaart default/);
    // Oss's arrangements have no name (002 L4034-4054): the basis says so as a null, for the web app to put in words.
    expect(data.earlyWarningFollowUp.thresholdBasis).toEqual({
      months: 2,
      arrangementName: null,
      report: '002',
      lines: expect.stringMatching(/^L4034-4054/),
    });
    expect(data.earlyWarningFollowUp.thresholdSource).not.toMatch(/^early-warning arrangement:/);
  });

  it('suppresses small cells for policy makers and refuses everyone else', async () => {
    const policy = await signIn(app, executor, 'POLICY_MAKER');
    const { data } = await gql(app, FOLLOW_UP, { id: 'amsterdam', from: '2024-01-01', to: '2024-12-31' }, policy.headers);
    const total = data.earlyWarningFollowUp.total;
    expect(total.signals).toEqual({ value: null, suppressed: true });
    expect(total.medianDaysToFirstContact).toBeNull();
    for (const f of total.figures) expect(f.share).toBeNull();
    for (const row of data.earlyWarningFollowUp.bySignallingAgency) {
      for (const f of row.figures) expect(f.count.value === null || f.count.value === 0 || f.count.value % 5 === 0).toBe(true);
    }
    const worker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
    expect(
      (await gql(app, FOLLOW_UP, { id: 'amsterdam', from: '2024-01-01', to: '2024-12-31' }, worker.headers)).errors?.[0]?.message,
    ).toMatch(/policy makers and the coordinator/);
    const utrecht = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    expect(
      (await gql(app, FOLLOW_UP, { id: 'amsterdam', from: '2024-01-01', to: '2024-12-31' }, utrecht.headers)).errors?.[0]?.message,
    ).toMatch(/policy makers and the coordinator/);
    expect(
      (await gql(app, FOLLOW_UP, { id: 'amsterdam', from: '2024-12-31', to: '2024-01-01' }, coordinator.headers)).errors?.[0]?.message,
    ).toMatch(/before/);
  });

  it('refuses a period that ends before it begins, for every figure query alike, at the field `to`', async () => {
    const queries: [string, Record<string, unknown>][] = [
      [FOLLOW_UP, { id: 'amsterdam' }],
      [
        'query($id: ID!, $from: Date!, $to: Date!) { chainFlow(centrumgemeenteId: $id, from: $from, to: $to) { __typename } }',
        { id: 'amsterdam' },
      ],
      [
        'query($id: ID!, $from: Date!, $to: Date!) { shelterFigures(centrumgemeenteId: $id, from: $from, to: $to) { __typename } }',
        { id: 'amsterdam' },
      ],
      [
        'query($ids: [ID!]!, $from: Date!, $to: Date!) { cityComparison(centrumgemeenteIds: $ids, from: $from, to: $to) { __typename } }',
        { ids: ['amsterdam'] },
      ],
    ];
    for (const [query, variables] of queries) {
      const { data, errors } = await gql(app, query, { ...variables, from: '2024-12-31', to: '2024-01-01' }, coordinator.headers);
      expect(data ?? null, query).toBeNull();
      expect(errors?.[0]?.extensions?.code, query).toBe('VALIDATION');
      expect(errors?.[0]?.message, query).toMatch(/to: is before from/);
    }
  });

  it('logs a figure read only once its input is valid, and a refusal whatever the input', async () => {
    const reader = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    const outsider = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    const queries = [
      [FOLLOW_UP, { id: 'amsterdam' }],
      [
        'query($id: ID!, $from: Date!, $to: Date!) { chainFlow(centrumgemeenteId: $id, from: $from, to: $to) { __typename } }',
        { id: 'amsterdam' },
      ],
      [
        'query($id: ID!, $from: Date!, $to: Date!) { shelterFigures(centrumgemeenteId: $id, from: $from, to: $to) { __typename } }',
        { id: 'amsterdam' },
      ],
      [
        'query($ids: [ID!]!, $from: Date!, $to: Date!) { cityComparison(centrumgemeenteIds: $ids, from: $from, to: $to) { __typename } }',
        { ids: ['amsterdam'] },
      ],
    ] as const;
    const entries = async (account: SignedIn) => executor.read((tx) => tx.run(logOf, { accountId: account.accountId }));
    for (const [query, variables] of queries) {
      expect(
        (await gql(app, query, { ...variables, from: '2024-12-31', to: '2024-01-01' }, reader.headers)).errors?.[0]?.extensions?.code,
        query,
      ).toBe('VALIDATION');
      expect(
        (await gql(app, query, { ...variables, from: '2024-12-31', to: '2024-01-01' }, outsider.headers)).errors?.[0]?.extensions?.code,
        query,
      ).toBe('FORBIDDEN');
    }
    expect((await entries(reader)).filter((entry) => entry.basis?.startsWith('figures of'))).toEqual([]);
    expect((await entries(outsider)).filter((entry) => entry.outcome === 'REFUSED')).toHaveLength(queries.length);
    // A valid period is read and logged.
    await gql(app, queries[1][0], { ...queries[1][1], from: '2024-01-01', to: '2024-12-31' }, reader.headers);
    expect(
      (await entries(reader)).filter((entry) => entry.outcome === 'ALLOWED' && entry.basis?.startsWith('figures of amsterdam')),
    ).toHaveLength(1);
  });
});
