// Fetches what a trajectory is built from, in as few round trips as the data allows: the household's own facts
// at once, then the names of the agencies and facilities they mention at once. The GraphQL resolver passes
// DataLoaders; the benchmark passes the repositories, to measure what GraphQL adds on top.
import type { TrajectoryFacts } from '../repositories/trajectory-facts.js';
import { buildTrajectory, type Trajectory } from './build-trajectory.js';

export interface TrajectorySources {
  /** The household's events, referrals, regie and shelter refusals (one read transaction: trajectory-facts.ts). */
  facts(householdId: string): Promise<TrajectoryFacts>;
  /** Names by id; an id without a name is shown as itself. */
  agencyNames(ids: string[]): Promise<Map<string, string>>;
  facilityNames(ids: string[]): Promise<Map<string, string>>;
}

export async function loadTrajectory(householdId: string, sources: TrajectorySources): Promise<Trajectory> {
  const { events, referrals, regie, shelterRefusals } = await sources.facts(householdId);
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
