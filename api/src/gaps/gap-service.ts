// Evaluates the gap rules for households (after each change) and for whole cities (in pages), and stores the findings.
import { dayOf, type GapFinding, type GapRuleSetting } from '@ketenkaart/schema';
import type { Repositories } from '../repositories/index.js';
import { defaultSetting, detectGapsWithReview } from './detect-gaps.js';
import type { GapResolutionCause, HouseholdEvaluation } from '../repositories/gap-repository.js';

type Lookups = Awaited<ReturnType<Repositories['gaps']['lookups']>>;

/** Rows of many households, grouped by household in one pass. */
function byHousehold<T extends { householdId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.householdId);
    if (group) group.push(row);
    else groups.set(row.householdId, [row]);
  }
  return groups;
}

/** Household ids listed at a time by a city evaluation (a few hundred kB): many pages. */
const IDS_PER_LISTING = 20_000;

export function createGapService(repos: Repositories, now: () => Date = () => new Date()) {
  type Shared = { lookups: Lookups; settings: GapRuleSetting[] };

  /** cause: the change that made this refresh necessary; gaps it closes are kept as resolved by it. */
  async function refresh(householdIds: string[], cause?: GapResolutionCause): Promise<GapFinding[]> {
    const evaluations = await evaluationsOf(householdIds);
    await repos.gaps.replaceFindings(evaluations, { markRead: true, ...(cause ? { cause } : {}) });
    return evaluations.flatMap((e) => e.findings);
  }

  /** Reads the households' subgraphs and applies the rules; writes nothing. */
  async function evaluationsOf(householdIds: string[], shared?: Shared): Promise<HouseholdEvaluation[]> {
    return evaluate(await factsOf(householdIds, shared));
  }

  /** The households' subgraphs as stored, with the write versions they are at least as new as. */
  async function factsOf(householdIds: string[], shared?: Shared) {
    if (householdIds.length === 0) return null;
    // Read before the facts, and by itself: the facts are then at least as new as these versions say.
    const versions = await repos.gaps.writeVersions(householdIds);
    const [households, members, events, referrals, regie, shelterRefusals, lookups] = await Promise.all([
      repos.households.householdsByIds(householdIds),
      repos.households.membershipsByHousehold(householdIds),
      repos.gaps.eventsForGapRules(householdIds),
      repos.referrals.referralsByHousehold(householdIds),
      repos.regie.regieByHousehold(householdIds),
      repos.shelter.refusalsOfHouseholds(householdIds),
      shared?.lookups ?? repos.gaps.lookups(),
    ]);
    const settingRows = shared?.settings ?? (await repos.gaps.settingsByCity([...new Set(households.map((h) => h.centrumgemeenteId))]));
    return { householdIds, versions, households, members, events, referrals, regie, shelterRefusals, lookups, settingRows };
  }

  /** Applies the rules to facts read by factsOf. */
  function evaluate(facts: Awaited<ReturnType<typeof factsOf>>): HouseholdEvaluation[] {
    if (facts === null) return [];
    const { householdIds, versions, households, members, events, referrals, regie, shelterRefusals, lookups, settingRows } = facts;
    const settings = new Map<string, GapRuleSetting>();
    for (const s of settingRows) settings.set(`${s.cityId}:${s.ruleId}`, s);
    const today = dayOf(now());
    const [membersOf, eventsOf, referralsOf, regieOf] = [
      byHousehold(members),
      byHousehold(events),
      byHousehold(referrals),
      byHousehold(regie),
    ];
    const refusalsOf = byHousehold(shelterRefusals.flatMap((r) => (r.householdId ? [{ ...r, householdId: r.householdId }] : [])));
    const evaluated = new Map(
      households.map((household) => {
        const subgraph = {
          household,
          members: membersOf.get(household.id) ?? [],
          events: eventsOf.get(household.id) ?? [],
          referrals: referralsOf.get(household.id) ?? [],
          regie: regieOf.get(household.id) ?? [],
          shelterRefusals: refusalsOf.get(household.id) ?? [],
        };
        const detection = detectGapsWithReview(subgraph, {
          today,
          earlyWarning: lookups.earlyWarnings.get(household.centrumgemeenteId) ?? null,
          settings: (ruleId) =>
            settings.get(`${household.centrumgemeenteId}:${ruleId}`) ?? defaultSetting(household.centrumgemeenteId, ruleId),
          agencyType: (id) => lookups.agencyTypes.get(id) ?? null,
          facilityOperator: (id) => lookups.facilityOperators.get(id) ?? null,
        });
        return [household.id, detection] as const;
      }),
    );
    // A household that was not found gets nothing stored (replaceFindings skips it).
    return householdIds.map((householdId) => ({
      householdId,
      factsVersion: versions.get(householdId) ?? 0,
      ...(evaluated.get(householdId) ?? { findings: [], reviewOn: null }),
    }));
  }

  return {
    /** Incremental: re-evaluates the households a change touched, after the change is committed. */
    refresh,

    /** What the rules find for these households today and when that could change; stores nothing. */
    preview: (householdIds: string[]) => evaluationsOf(householdIds),

    /** The facts an evaluation of these households reads, without the rules: what reading alone costs (benchmarks). */
    readFacts: (householdIds: string[]) => factsOf(householdIds),

    /**
     * Whole city, a page of households at a time; says how many households' findings changed. dueOnly: only the
     * households whose review day has come (a deadline passed, an event left a window) or that were never
     * evaluated: the gap sweep. Every other household is current, because each change refreshes it.
     */
    async evaluateCity(
      cityId: string,
      options: { pageSize?: number; dueOnly?: boolean } = {},
    ): Promise<{ households: number; findings: number; changedHouseholds: number }> {
      const pageSize = options.pageSize ?? 500;
      // Reference lookups and the city's settings are the same for every page: read them once.
      const shared = { lookups: await repos.gaps.lookups(), settings: await repos.gaps.settingsByCity([cityId]) };
      const total = { households: 0, findings: 0, changedHouseholds: 0 };
      // The next page's facts are read while this page is evaluated, and a page's findings are written while the
      // next page is read: the store reads and writes on its own threads, the rules run on this one.
      // The city's households are listed in chunks of many pages: each listing sorts the city's households, so one
      // a page would make a large city cost its size times its pages.
      const today = dayOf(now());
      async function* pagesOfIds() {
        for (let after: string | null = null; ;) {
          const ids: string[] = options.dueOnly
            ? await repos.gaps.householdIdsDueInCity(cityId, today, after, IDS_PER_LISTING)
            : await repos.gaps.householdIdsOfCity(cityId, after, IDS_PER_LISTING);
          for (let from = 0; from < ids.length; from += pageSize) yield ids.slice(from, from + pageSize);
          if (ids.length < IDS_PER_LISTING) return;
          after = ids.at(-1)!;
        }
      }
      const pages = pagesOfIds();
      const readPage = async () => {
        const page = await pages.next();
        return page.done ? null : factsOf(page.value, shared);
      };
      let reading = readPage();
      let writing: Promise<unknown> = Promise.resolve();
      // Either may fail while the other is awaited; each failure surfaces at its own next await.
      reading.catch(() => undefined);
      for (;;) {
        const facts = await reading;
        if (facts === null) break;
        reading = readPage();
        reading.catch(() => undefined);
        const evaluations = evaluate(facts);
        const findings = evaluations.flatMap((e) => e.findings);
        await writing;
        writing = repos.gaps.replaceFindings(evaluations).then(({ changedHouseholds }) => (total.changedHouseholds += changedHouseholds));
        writing.catch(() => undefined);
        total.findings += findings.length;
        total.households += facts.householdIds.length;
      }
      await writing;
      return total;
    },
  };
}

export type GapService = ReturnType<typeof createGapService>;
