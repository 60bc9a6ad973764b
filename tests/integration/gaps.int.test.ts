// Gaps over the API: thresholds per city from the covenants, findings refreshed on every change, access and suppression.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGapService, createRepositories, cypher, statement, type App, type CypherExecutor } from '@ketenkaart/api';
import { loadSyntheticFamilies, seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { RECORD_EVENT, REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const findingTimes = statement('testGapFindingTimes', cypher`
MATCH (g:GapFinding) RETURN g.id AS id, toString(g.evaluatedAt) AS at ORDER BY id`, z.object({ id: z.string(), at: z.string() }));

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

describe('gaps', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  let policy: SignedIn;
  let worker: SignedIn;

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    policy = await signIn(app, executor, 'POLICY_MAKER');
    worker = await signIn(app, executor, 'AGENCY_WORKER', { agencyId: 'ams-som' });
  });
  afterAll(() => executor.close());

  it('takes thresholds from the city covenant, and switches a rule off where the norm is unknown', async () => {
    const RULES = `query($id: ID!) { gapRules(centrumgemeenteId: $id) { id enabled days settingSource ruleSource } }`;
    const amsterdam = (await gql(app, RULES, { id: 'amsterdam' })).data.gapRules;
    expect(amsterdam.find((r: any) => r.id === 'FEEDBACK_INTERIM_MISSING')).toMatchObject({ enabled: true, days: 14 });
    expect(amsterdam.find((r: any) => r.id === 'FEEDBACK_FINAL_MISSING')).toMatchObject({ enabled: true, days: 28 });
    expect(amsterdam.find((r: any) => r.id === 'FEEDBACK_INTERIM_MISSING').settingSource).toMatch(/tussenmelding by day 14/);
    const utrecht = (await gql(app, RULES, { id: 'utrecht' })).data.gapRules;
    expect(utrecht.find((r: any) => r.id === 'FEEDBACK_INTERIM_MISSING')).toMatchObject({ enabled: false, days: null });
    expect(utrecht.every((r: any) => r.ruleSource.startsWith('DOMAIN.md'))).toBe(true);
  });

  it('finds a gap as soon as it is recorded, with its evidence, and drops it when the missing step is recorded', async () => {
    const registered = await gql(app, REGISTER, { input: householdInput({ reference: 'AMS-GAP-1' }) }, coordinator.headers);
    const householdId = registered.data.registerHousehold.id;
    const signal = await gql(app, RECORD_EVENT, { input: { householdId, kind: 'EARLY_WARNING_SIGNAL', occurredOn: daysAgo(20), agencyId: 'ams-woningcorporaties', arrearsMonths: 2 } }, coordinator.headers);
    const GAPS = `query($id: ID!) { household(id: $id) { ... on Household { gaps { rule severity stage detectedOn evidenceNodes evidenceEdges { source target kind } agencies { id } } } } }`;
    const gaps = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household.gaps;
    const interim = gaps.find((g: any) => g.rule === 'FEEDBACK_INTERIM_MISSING');
    expect(interim).toMatchObject({ stage: 'REPORTED', detectedOn: daysAgo(5), agencies: [{ id: 'ams-woningcorporaties' }] });
    expect(interim.evidenceNodes).toContain(`event:${signal.data.recordEvent.id}`);
    expect(interim.evidenceEdges).toContainEqual({ source: 'agency:ams-woningcorporaties', target: `event:${signal.data.recordEvent.id}`, kind: 'ACTED_IN' });
    expect(gaps.map((g: any) => g.rule)).not.toContain('FEEDBACK_FINAL_MISSING');

    await gql(app, RECORD_EVENT, { input: { householdId, kind: 'HOME_VISIT', occurredOn: daysAgo(10), agencyId: 'ams-maatschappelijke-dienstverlening' } }, coordinator.headers);
    const after = (await gql(app, GAPS, { id: householdId }, coordinator.headers)).data.household.gaps;
    expect(after.map((g: any) => g.rule)).not.toContain('FEEDBACK_INTERIM_MISSING');
  });

  it('lists a region\'s gaps for its coordinator, filtered; others get counts or nothing', async () => {
    await loadSyntheticFamilies(executor, { families: 200, regions: 4, seed: 3, asOf: '2026-06-30' });
    const service = createGapService(createRepositories(executor));
    for (const city of ['amsterdam', 'utrecht', 'leeuwarden', 'oss']) await service.evaluateCity(city);

    const LIST = `query($rules: [GapRuleId!], $severities: [GapSeverity!]) { gaps(first: 100, rules: $rules, severities: $severities) {
      edges { node { rule severity household { id centrumgemeente { id } } } } } }`;
    const all = (await gql(app, LIST, {}, coordinator.headers)).data.gaps.edges.map((e: any) => e.node);
    expect(all.length).toBeGreaterThan(10);
    expect(all.every((g: any) => g.household.centrumgemeente.id === 'amsterdam')).toBe(true);
    expect(new Set(all.map((g: any) => g.rule)).size).toBeGreaterThan(4);
    const high = (await gql(app, LIST, { severities: ['HIGH'] }, coordinator.headers)).data.gaps.edges.map((e: any) => e.node);
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((g: any) => g.severity === 'HIGH')).toBe(true);
    const outOfSight = (await gql(app, LIST, { rules: ['OUT_OF_SIGHT_AFTER_EVICTION'] }, coordinator.headers)).data.gaps.edges;
    expect(outOfSight.every((e: any) => e.node.rule === 'OUT_OF_SIGHT_AFTER_EVICTION')).toBe(true);

    expect((await gql(app, LIST, {}, worker.headers)).errors?.[0]?.message).toMatch(/sees gaps through households/);
    expect((await gql(app, `{ gaps(centrumgemeenteId: "utrecht") { edges { node { rule } } } }`, {}, coordinator.headers)).errors?.[0]?.message).toMatch(/own region/);

    const COUNTS = `{ gapCounts(centrumgemeenteIds: ["amsterdam", "utrecht", "leeuwarden", "oss"]) { centrumgemeente { id } rule households suppressed } }`;
    const counts = (await gql(app, COUNTS, {}, policy.headers)).data.gapCounts;
    expect(counts).toHaveLength(4 * 14);
    for (const c of counts) {
      if (c.suppressed) expect(c.households).toBeNull();
      else expect(c.households === 0 || c.households >= 5).toBe(true);
    }
    expect(counts.some((c: any) => c.households >= 5)).toBe(true);
  });

  it('re-evaluates a city writing only the households whose findings changed, the same in small pages as in one', async () => {
    const repos = createRepositories(executor);
    const amsterdamFindings = async () =>
      (await repos.gaps.findings({ cityIds: ['amsterdam'] }, 5_000, null)).items.map((f) => JSON.stringify(f)).sort();
    const evaluatedAt = () => executor.read((tx) => tx.run(findingTimes, {}));
    const before = { findings: await amsterdamFindings(), times: await evaluatedAt() };
    expect(before.findings.length).toBeGreaterThan(10);

    // Nothing happened since the last run: nothing is written, not even the evaluation time.
    const again = await createGapService(repos).evaluateCity('amsterdam', 7);
    expect(again.households).toBeGreaterThan(7 * 3);
    expect(again.changedHouseholds).toBe(0);
    expect(await evaluatedAt()).toEqual(before.times);

    // Two months on, deadlines have passed for some households and not for others.
    const later = () => new Date(Date.now() + 60 * 86_400_000);
    const inPages = await createGapService(repos, later).evaluateCity('amsterdam', 7);
    expect(inPages.changedHouseholds).toBeGreaterThan(0);
    expect(inPages.changedHouseholds).toBeLessThan(inPages.households);
    const afterPages = await amsterdamFindings();
    expect(afterPages).not.toEqual(before.findings);
    // One big page finds exactly what the small, overlapped pages wrote.
    const inOnePage = await createGapService(repos, later).evaluateCity('amsterdam', 10_000);
    expect(inOnePage).toMatchObject({ households: inPages.households, findings: inPages.findings, changedHouseholds: 0 });
    expect(await amsterdamFindings()).toEqual(afterPages);
  });

  it('maps regie per city: the published model beside recorded regie, handovers and departures', async () => {
    const MAP = `query($id: ID!) { regieMap(centrumgemeenteId: $id) {
      publishedStages { order regieHolder { id } } stagesWithoutRegie
      recorded { stage holder { id } households { value suppressed } }
      handovers { from { id } to { id } toStage households { value } }
      departures { kind agency { id } detail } } }`;
    for (const city of ['amsterdam', 'utrecht', 'leeuwarden', 'oss']) {
      const coordinatorOf = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: city });
      const { data, errors } = await gql(app, MAP, { id: city }, coordinatorOf.headers);
      expect(errors).toBeUndefined();
      const map = data.regieMap;
      expect(map.publishedStages.length).toBeGreaterThan(0);
      expect(map.stagesWithoutRegie).toBe(map.publishedStages.filter((s: any) => !s.regieHolder).length);
      expect(map.recorded.length).toBeGreaterThan(0);
      expect(map.departures.length).toBeGreaterThan(0);
    }
    const amsterdam = (await gql(app, MAP, { id: 'amsterdam' }, coordinator.headers)).data.regieMap;
    // The synthetic paths hand regie from Vangnet en Advies to HVO Querido at placement, as L1400-1408 describes.
    expect(amsterdam.handovers).toContainEqual(expect.objectContaining({ from: { id: 'ams-ggd-vangnet-advies' }, to: { id: 'ams-hvo-querido' }, toStage: 'PLACED' }));
    expect(amsterdam.departures).toContainEqual(expect.objectContaining({ kind: 'RECORDED_NOT_PUBLISHED', agency: { id: 'ams-hvo-querido' } }));
    expect((await gql(app, MAP, { id: 'utrecht' }, coordinator.headers)).errors?.[0]?.message).toMatch(/coordinator of the region/);
    const forPolicy = (await gql(app, MAP, { id: 'amsterdam' }, policy.headers)).data.regieMap;
    for (const r of forPolicy.recorded) expect(r.households.value === null ? r.households.suppressed : r.households.value >= 5).toBe(true);
  });

  it('gives flow figures per city and period, suppressed for policy makers', async () => {
    const FLOW = `query($id: ID!) { chainFlow(centrumgemeenteId: $id, from: "2024-01-01", to: "2026-06-30") {
      stages { state entered { value suppressed } movedOn { value } medianDays p90Days }
      transitions { from to households { value } } referralLinks { sent { value } accepted { value } medianResponseDays } suppressedEdges } }`;
    const full = (await gql(app, FLOW, { id: 'amsterdam' }, coordinator.headers)).data.chainFlow;
    const reported = full.stages.find((s: any) => s.state === 'REPORTED');
    expect(reported.entered.value).toBeGreaterThan(10);
    expect(reported.medianDays).not.toBeNull();
    expect(full.transitions.length).toBeGreaterThan(3);
    expect(full.suppressedEdges).toBe(0);
    const suppressed = (await gql(app, FLOW, { id: 'amsterdam' }, policy.headers)).data.chainFlow;
    expect(suppressed.transitions.every((t: any) => t.households.value >= 5)).toBe(true);
    expect(suppressed.suppressedEdges).toBe(full.transitions.filter((t: any) => t.households.value < 5).length + full.referralLinks.filter((l: any) => l.sent.value < 5).length);
    expect((await gql(app, FLOW, { id: 'amsterdam' }, worker.headers)).errors?.[0]?.message).toMatch(/policy makers and the coordinator/);
  });
});
