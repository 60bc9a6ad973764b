// The chain flow from stored stage paths equals the flow derived from the households' events, over random households
// written by the bulk loader and then changed one event at a time (new steps and corrections), for random periods.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStageTotals, chainFlow, chainFlowOf, createRepositories, type CypherExecutor } from '@ketenkaart/api';
import { eventRules, type EventRecord, type ProvenanceKind, type RecordableEventKind } from '@ketenkaart/schema';
import { loadSyntheticFamilies, seedReferenceData } from '@ketenkaart/seed';
import { openTestStore } from '../support/store.js';

const CITIES = ['amsterdam', 'utrecht', 'leeuwarden', 'oss'];
const actor = { accountId: 'test:chain-flow-paths', agencyId: null, provenanceKind: 'SYNTHETIC' as ProvenanceKind };
const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

let executor: CypherExecutor;
let repos: ReturnType<typeof createRepositories>;

beforeAll(async () => {
  executor = await openTestStore();
  await seedReferenceData(executor);
  repos = createRepositories(executor);
});
afterAll(() => executor.close());

/** A region's flow as it was computed before paths were stored: every household's events and referrals, folded here. */
async function flowFromEvents(cityId: string, period: { from: string; to: string }) {
  const ids = await repos.gaps.householdIdsOfCity(cityId, null, 100_000);
  const [events, referrals] = await Promise.all([repos.events.eventsByHousehold(ids), repos.referrals.referralsByHousehold(ids)]);
  return chainFlow(
    ids.map((id) => ({ events: events.filter((e) => e.householdId === id), referrals: referrals.filter((r) => r.householdId === id) })),
    period,
  );
}

/** The details a correction carries over from the event it corrects: those its kind allows. */
function detailsOf(event: EventRecord) {
  const { allows } = eventRules[event.kind as RecordableEventKind];
  return Object.fromEntries(allows.map((name) => [name, event[name]] as const).filter(([, value]) => value !== null));
}

describe('chain flow from stored stage paths', () => {
  it('equals the flow derived from the events, after bulk loads, new steps and corrections (property)', async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 3, max: 25 }),
        fc.array(
          fc.record({
            pick: fc.nat(),
            shift: fc.integer({ min: -60, max: 60 }),
            kind: fc.constantFrom('CONTACT', 'HOME_VISIT', 'LOST_CONTACT', null),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 500 }),
        async (seed, families, changes, start, length) => {
          await loadSyntheticFamilies(executor, { families, regions: 4, seed, asOf: '2026-06-30' });
          const ids = (await Promise.all(CITIES.map((city) => repos.gaps.householdIdsOfCity(city, null, 100_000)))).flat();
          // One event at a time, as the API writes them: a new step on a random day, or a correction that moves one.
          for (const change of changes) {
            const householdId = ids[change.pick % ids.length]!;
            const effective = (await repos.events.eventsByHousehold([householdId])).filter(
              (e) => e.supersededById === null && e.kind in eventRules,
            );
            const target = effective[change.pick % Math.max(1, effective.length)];
            const result =
              change.kind !== null || !target
                ? await repos.events.recordEvent(
                    { householdId, kind: change.kind ?? 'CONTACT', occurredOn: day(change.pick % 900), agencyId: null },
                    actor,
                  )
                : await repos.events.correctEvent(
                    target.id,
                    {
                      occurredOn: day(Math.max(0, (Date.parse(target.occurredOn) - Date.UTC(2024, 0, 1)) / 86_400_000 + change.shift)),
                      agencyId: target.agencyId,
                      ...detailsOf(target),
                    },
                    actor,
                  );
            if (result.ok) changed += 1;
          }
          const period = { from: day(start), to: day(start + length) };
          for (const cityId of CITIES) {
            const inputs = await repos.analytics.flowInputs(cityId, period.from, period.to);
            // Every household written since paths are stored has one: nothing is folded from events here.
            expect(inputs.eventsWithoutStagePath).toEqual([]);
            expect(chainFlowOf(addStageTotals(inputs), inputs.referrals, period)).toEqual(await flowFromEvents(cityId, period));
          }
        },
      ),
      { numRuns: 15, seed: 2126 },
    );
    // The runs changed households one event at a time too, not only through the bulk loader.
    expect(changed).toBeGreaterThan(0);
  });
});
