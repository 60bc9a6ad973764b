// A household's own facts for its trajectory, read in one transaction: events, referrals, regie and the refusals
// shelters reported. Four statements in one read transaction rather than four transactions: Grafeo 0.6 ends every
// transaction on the server's one thread and waits there for the statements other requests run in the store, so
// under concurrent load each transaction end costs more than a statement (tests/bench/profile-server.ts). The same
// four statements as before, side by side in the one transaction (one after the other was slower); one snapshot
// serves them all.
import type { EventRecord, ReferralRecord, RegieRecord } from '@ketenkaart/schema';
import type { CypherTx } from '../db/executor.js';
import { accessFactsIn, type AccessFactsRow, type AccessFactsScope } from './access-repository.js';
import type { RepositoryDeps } from './bind.js';
import { groupedByKey } from './rows.js';
import { eventsOfHouseholdsIn } from './event-repository.js';
import { referralsOfHouseholdsIn } from './referral-repository.js';
import { regieOfHouseholdsIn } from './regie-repository.js';
import { shelterRefusalsOfHouseholdsIn, type ShelterRecord } from './shelter-repository.js';

export interface TrajectoryFacts {
  events: EventRecord[];
  referrals: ReferralRecord[];
  regie: RegieRecord[];
  shelterRefusals: ShelterRecord[];
}

/** The facts of these households, each kind in the statement's order, all households together. */
export function trajectoryFactsOfHouseholds({ executor }: RepositoryDeps, ids: readonly string[]): Promise<TrajectoryFacts> {
  return executor.read((tx) => trajectoryFactsIn(tx, ids));
}

/**
 * The households' access facts and the trajectory facts of `trajectoryIds` among them, side by side in one read
 * transaction: a trajectory request ends one statement's wait sooner (tests/bench/run.ts, the access-checked read),
 * and its data come from the snapshot its access was decided on. The caller decides on the facts and drops the
 * trajectory of every household it refuses, unread.
 */
export function accessFactsWithTrajectories(
  { executor, now }: RepositoryDeps,
  ids: readonly string[],
  accountId: string,
  scope: AccessFactsScope,
  trajectoryIds: readonly string[],
): Promise<{ facts: AccessFactsRow[]; trajectories: TrajectoryFacts }> {
  return executor.read(async (tx) => {
    const [facts, trajectories] = await Promise.all([
      accessFactsIn(tx, ids, accountId, scope, now()),
      trajectoryFactsIn(tx, trajectoryIds),
    ]);
    return { facts, trajectories };
  });
}

function trajectoryFactsIn(tx: CypherTx, ids: readonly string[]): Promise<TrajectoryFacts> {
  return Promise.all([
    eventsOfHouseholdsIn(tx, ids),
    referralsOfHouseholdsIn(tx, ids),
    regieOfHouseholdsIn(tx, ids),
    shelterRefusalsOfHouseholdsIn(tx, ids),
  ]).then(([events, referrals, regie, shelterRefusals]) => ({ events, referrals, regie, shelterRefusals }));
}

/** The facts of each household, in the ids' order; rows of a household not among them are left out. */
export function trajectoryFactsPerHousehold(ids: readonly string[], facts: TrajectoryFacts): TrajectoryFacts[] {
  const ofHousehold = (row: { householdId?: string | null }) => row.householdId ?? '';
  const events = groupedByKey(ids, facts.events, ofHousehold);
  const referrals = groupedByKey(ids, facts.referrals, ofHousehold);
  const regie = groupedByKey(ids, facts.regie, ofHousehold);
  const shelterRefusals = groupedByKey(ids, facts.shelterRefusals, ofHousehold);
  return ids.map((_id, i) => ({ events: events[i]!, referrals: referrals[i]!, regie: regie[i]!, shelterRefusals: shelterRefusals[i]! }));
}

export const trajectoryFactsRepository = { trajectoryFactsOfHouseholds, accessFactsWithTrajectories };
