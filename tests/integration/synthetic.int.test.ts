// The synthetic generator: reproducible from a seed, valid by the same rules as the API, with the failure patterns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingExecutor, validatePaths, type App, type CypherExecutor, type HouseholdPath } from '@ketenkaart/api';
import {
  cityRoles,
  generateFamilies,
  loadSyntheticFamilies,
  seedReferenceData,
  syntheticProfile,
  syntheticRegionRoles,
} from '@ketenkaart/seed';
import { signIn } from '../support/accounts.js';
import { factDigest } from '../support/digest.js';
import { TRAJECTORY } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

const asOf = '2026-06-30';
const families = (seed: number, count: number): HouseholdPath[] => [
  ...generateFamilies({ seed, families: count, regions: cityRoles, asOf }),
];

describe('synthetic families', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(JSON.stringify(families(7, 50))).toBe(JSON.stringify(families(7, 50)));
    expect(JSON.stringify(families(8, 50))).not.toBe(JSON.stringify(families(7, 50)));
  });

  it('pass the rules every recorded path must pass, in time order and never after the as-of day', () => {
    const paths = families(11, 600);
    expect(validatePaths(paths)).toEqual([]);
    for (const path of paths) {
      const days = path.events.map((e) => e.occurredOn);
      expect(days).toEqual([...days].sort());
      expect(days.every((day) => day <= asOf)).toBe(true);
      expect(path.household.reference).toMatch(/^SYN-/);
      expect(path.members.some((m) => m.role === 'CHILD')).toBe(true);
    }
  });

  it('include the failure patterns of the report: refusals, lost contact, unanswered referrals, no regie', () => {
    const paths = families(11, 600);
    const kinds = paths.flatMap((p) => p.events.map((e) => e.kind));
    expect(kinds.filter((k) => k === 'REFUSAL').length).toBeGreaterThan(5);
    expect(kinds.filter((k) => k === 'LOST_CONTACT').length).toBeGreaterThan(5);
    expect(paths.filter((p) => p.referrals.some((r) => r.status === 'SENT')).length).toBeGreaterThan(20);
    expect(paths.filter((p) => p.regie.length === 0).length).toBeGreaterThan(10);
    expect(
      paths.filter((p) => p.events.some((e) => e.kind === 'EVICTION_EXECUTED') && !p.events.some((e) => e.kind === 'SHELTER_APPLICATION'))
        .length,
    ).toBeGreaterThan(5);
    expect(new Set(paths.map((p) => p.household.centrumgemeenteId))).toEqual(new Set(['amsterdam', 'utrecht', 'leeuwarden', 'oss']));
  });
});

describe('the national profile', () => {
  // The 43 regions of a national run: the four cities and 39 synthetic ones.
  const regions = [...cityRoles, ...Array.from({ length: 39 }, (_, i) => syntheticRegionRoles(cityRoles.length + i + 1))];
  const national = [...generateFamilies({ seed: 12, families: 6_000, regions, asOf, profile: 'national' })];
  const count = (kind: string) => national.reduce((n, p) => n + p.events.filter((e) => e.kind === kind).length, 0);
  const perHousehold = (n: number) => n / national.length;

  it('has the proportions of a national year: repeat signals, about 5.7 events a household, court for few', () => {
    // Issue #10: 1,000,000 signals on 700,000 households (1.43 each) and about 4,000,000 events (5.7 each).
    expect(perHousehold(count('EARLY_WARNING_SIGNAL'))).toBeGreaterThan(1.3);
    expect(perHousehold(count('EARLY_WARNING_SIGNAL'))).toBeLessThan(1.5);
    expect(national.filter((p) => p.events.filter((e) => e.kind === 'EARLY_WARNING_SIGNAL').length > 1).length).toBeGreaterThan(1_000);
    const events = national.reduce((n, p) => n + p.events.length, 0);
    expect(perHousehold(events)).toBeGreaterThan(5.2);
    expect(perHousehold(events)).toBeLessThan(6.2);
    // About 7,000 eviction judgments and 3,000 evictions on 700,000 households: 1% and 0.4%.
    const judgments = national.filter((p) => p.events.some((e) => e.kind === 'VERDICT' && e.verdictKind === 'EVICTION')).length;
    expect(perHousehold(judgments)).toBeGreaterThan(0.005);
    expect(perHousehold(judgments)).toBeLessThan(0.02);
    expect(perHousehold(count('EVICTION_EXECUTED'))).toBeGreaterThan(0.001);
    expect(perHousehold(count('EVICTION_EXECUTED'))).toBeLessThan(0.008);
    // Most households with arrears are not reached by a referral, and not all have children.
    expect(perHousehold(count('REFERRAL_SENT'))).toBeLessThan(0.35);
    expect(national.some((p) => !p.members.some((m) => m.role === 'CHILD'))).toBe(true);
  });

  it('keeps the failure patterns, passes the path rules, and is reproducible from its seed', () => {
    expect(validatePaths(national)).toEqual([]);
    expect(national.filter((p) => p.regie.length === 0).length).toBeGreaterThan(100);
    expect(national.filter((p) => p.referrals.some((r) => r.status === 'SENT')).length).toBeGreaterThan(50);
    expect(national.filter((p) => p.referrals.some((r) => r.status === 'REFUSED')).length).toBeGreaterThan(20);
    expect(
      national.filter((p) => p.events.some((e) => e.kind === 'EARLY_WARNING_SIGNAL') && !p.events.some((e) => e.kind === 'CONTACT')).length,
    ).toBeGreaterThan(300);
    for (const path of national) {
      const days = path.events.map((e) => e.occurredOn);
      expect(days).toEqual([...days].sort());
      expect(days.every((day) => day <= asOf)).toBe(true);
    }
    const again = [...generateFamilies({ seed: 12, families: 200, regions, asOf, profile: 'national' })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(national.slice(0, 200)));
    expect(JSON.stringify(again)).not.toBe(JSON.stringify([...generateFamilies({ seed: 12, families: 200, regions, asOf })]));
  });

  it('is named by a flag or BENCH_PROFILE; an unknown name is refused with the names there are', () => {
    expect(syntheticProfile('national')).toBe('national');
    expect(() => syntheticProfile('nationaal')).toThrow('synthetic profile must be one of chain, national, not "nationaal"');
  });
});

describe('loading synthetic families', () => {
  let executor: CypherExecutor;
  let app: App;
  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
  });
  afterAll(() => executor.close());

  it('streams them in batches, labelled synthetic, and loading the same seed again changes nothing', async () => {
    const progress: number[] = [];
    const total = await loadSyntheticFamilies(executor, {
      families: 120,
      regions: 4,
      seed: 5,
      asOf,
      batchSize: 50,
      onProgress: (p) => progress.push(p.households),
    });
    expect(total.households).toBe(120);
    expect(total.signals).toBe(
      families(5, 120)
        .flatMap((p) => p.events)
        .filter((e) => e.kind === 'EARLY_WARNING_SIGNAL').length,
    );
    expect(progress).toEqual([50, 100, 120]);
    const before = await factDigest(executor);
    await loadSyntheticFamilies(executor, { families: 120, regions: 4, seed: 5, asOf, batchSize: 50 });
    expect(await factDigest(executor)).toBe(before);

    const coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    const { data } = await gql(
      app,
      `{ households(first: 100) { edges { node { id synthetic centrumgemeente { id } } } } }`,
      {},
      coordinator.headers,
    );
    const listed = data.households.edges.map((e: any) => e.node);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed.every((h: any) => h.synthetic && h.centrumgemeente.id === 'amsterdam')).toBe(true);
    const trajectory = (await gql(app, TRAJECTORY, { id: listed[0].id }, coordinator.headers)).data.household.trajectory;
    expect(trajectory.steps[0].event.kind).toBe('EARLY_WARNING_SIGNAL');
  });

  it('lists households with their members and trajectories without a statement per household (no N+1)', async () => {
    const counted = countingExecutor(executor);
    const countedApp = testApp(counted);
    const coordinator = await signIn(countedApp, executor, 'COORDINATOR', { centrumgemeenteId: 'utrecht' });
    const LIST = `query($first: Int) { households(first: $first) { edges { node { id members { label } referrals { status to { name } }
      trajectory { steps { event { kind agency { name } facility { name } } regie { holder { name } } } } } } } }`;
    const fewest = async (first: number) => {
      const counts: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        counted.reset();
        const { data, errors } = await gql(countedApp, LIST, { first }, coordinator.headers);
        expect(errors).toBeUndefined();
        expect(data.households.edges.length).toBe(first);
        counts.push(counted.count());
      }
      return Math.min(...counts);
    };
    const forFive = await fewest(5);
    const forTwenty = await fewest(20);
    expect(forTwenty).toBeLessThanOrEqual(forFive + 2);
    expect(forTwenty).toBeLessThan(20);
  });

  it('adds synthetic regions beyond the four cities, clearly named as such', async () => {
    await loadSyntheticFamilies(executor, { families: 30, regions: 6, seed: 6, asOf });
    const { data } = await gql(app, `{ centrumgemeenten { id name regionDescription } }`);
    const synthetic = data.centrumgemeenten.filter((c: any) => c.id.startsWith('syn-region-'));
    expect(synthetic.map((c: any) => c.id).sort()).toEqual(['syn-region-05', 'syn-region-06']);
    expect(synthetic.every((c: any) => /Synthetic region/.test(c.regionDescription))).toBe(true);
  });
});
