// Evaluates the gap rules for households (after each change) and for whole cities (in pages), and stores the findings.
import type { GapRuleSetting } from '@ketenkaart/schema';
import type { Repositories } from '../repositories/index.js';
import { defaultSetting, detectGaps, type GapFinding } from './detect-gaps.js';

export function createGapService(repos: Repositories, now: () => Date = () => new Date()) {
  async function evaluate(householdIds: string[]): Promise<GapFinding[]> {
    if (householdIds.length === 0) return [];
    const [households, members, events, referrals, regie, lookups] = await Promise.all([
      repos.households.householdsByIds(householdIds),
      repos.households.membershipsByHousehold(householdIds),
      repos.households.eventsByHousehold(householdIds),
      repos.households.referralsByHousehold(householdIds),
      repos.households.regieByHousehold(householdIds),
      repos.gaps.lookups(),
    ]);
    const settings = new Map<string, GapRuleSetting>();
    for (const s of await repos.gaps.settingsByCity([...new Set(households.map((h) => h.centrumgemeenteId))])) {
      settings.set(`${s.cityId}:${s.ruleId}`, s);
    }
    const today = now().toISOString().slice(0, 10);
    const by = <T extends { householdId: string }>(rows: T[], id: string) => rows.filter((r) => r.householdId === id);
    const findings = households.flatMap((household) =>
      detectGaps(
        { household, members: by(members, household.id), events: by(events, household.id), referrals: by(referrals, household.id), regie: by(regie, household.id) },
        {
          today,
          settings: (ruleId) => settings.get(`${household.centrumgemeenteId}:${ruleId}`) ?? defaultSetting(household.centrumgemeenteId, ruleId),
          agencyType: (id) => lookups.agencyTypes.get(id) ?? null,
          facilityOperator: (id) => lookups.facilityOperators.get(id) ?? null,
        },
      ),
    );
    await repos.gaps.replaceFindings(householdIds, findings);
    return findings;
  }

  return {
    /** Incremental: re-evaluates the households a change touched. */
    refresh: (householdIds: string[]) => evaluate(householdIds),

    /** Whole city, a page of households at a time. */
    async evaluateCity(cityId: string, pageSize = 500): Promise<{ households: number; findings: number }> {
      let after: string | null = null;
      const total = { households: 0, findings: 0 };
      for (;;) {
        const ids = await repos.gaps.householdIdsOfCity(cityId, after, pageSize);
        if (ids.length === 0) return total;
        total.findings += (await evaluate(ids)).length;
        total.households += ids.length;
        after = ids.at(-1)!;
      }
    },
  };
}

export type GapService = ReturnType<typeof createGapService>;
