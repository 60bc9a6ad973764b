// A household's own facts for its trajectory, read in one transaction: events, referrals, regie and the refusals
// shelters reported. Four statements in one read transaction rather than four transactions: Grafeo 0.6 ends every
// transaction on the server's one thread and waits there for the statements other requests run in the store, so
// under concurrent load each transaction end costs more than a statement (tests/bench/profile-server.ts). The same
// four statements as before, side by side in the one transaction (one after the other was slower); one snapshot
// serves them all.
import type { EventRecord, ReferralRecord, RegieRecord } from '@ketenkaart/schema';
import type { RepositoryDeps } from './bind.js';
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
  return executor.read(async (tx) => {
    const [events, referrals, regie, shelterRefusals] = await Promise.all([
      eventsOfHouseholdsIn(tx, ids),
      referralsOfHouseholdsIn(tx, ids),
      regieOfHouseholdsIn(tx, ids),
      shelterRefusalsOfHouseholdsIn(tx, ids),
    ]);
    return { events, referrals, regie, shelterRefusals };
  });
}

export const trajectoryFactsRepository = { trajectoryFactsOfHouseholds };
