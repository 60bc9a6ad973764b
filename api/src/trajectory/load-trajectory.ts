// Fetches what a trajectory is built from, in as few round trips as the data allows: the household's own facts
// at once, then the names of the agencies and facilities they mention at once. The GraphQL resolver passes
// DataLoaders; the benchmark passes the repositories, to measure what GraphQL adds on top.
import { type EventRecord, type ReferralRecord, type RegieRecord } from '@ketenkaart/schema';
import type { ShelterRecord } from '../repositories/shelter-repository.js';
import { buildTrajectory, type Trajectory } from './build-trajectory.js';

export interface TrajectorySources {
  events(householdId: string): Promise<EventRecord[]>;
  referrals(householdId: string): Promise<ReferralRecord[]>;
  regie(householdId: string): Promise<RegieRecord[]>;
  shelterRefusals(householdId: string): Promise<ShelterRecord[]>;
  /** Names by id; an id without a name is shown as itself. */
  agencyNames(ids: string[]): Promise<Map<string, string>>;
  facilityNames(ids: string[]): Promise<Map<string, string>>;
}

export async function loadTrajectory(householdId: string, sources: TrajectorySources): Promise<Trajectory> {
  const [events, referrals, regie, shelterRefusals] = await Promise.all([
    sources.events(householdId),
    sources.referrals(householdId),
    sources.regie(householdId),
    sources.shelterRefusals(householdId),
  ]);
  const agencyIds = presentIds([
    ...events.map((e) => e.agencyId),
    ...referrals.flatMap((r) => [r.fromAgencyId, r.toAgencyId]),
    ...regie.map((g) => g.agencyId),
  ]);
  const facilityIds = presentIds([...events.map((e) => e.facilityId), ...shelterRefusals.map((r) => r.facilityId)]);
  const [agencyNames, facilityNames] = await Promise.all([sources.agencyNames(agencyIds), sources.facilityNames(facilityIds)]);
  return buildTrajectory(
    householdId,
    events,
    referrals,
    regie,
    { agency: (id) => agencyNames.get(id) ?? id, facility: (id) => facilityNames.get(id) ?? id },
    shelterRefusals,
  );
}

function presentIds(ids: (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}
