// Notices of involvement (in the manner of the Verwijsindex): two agencies learn that both work with one household,
// and nothing else about each other's work.
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';

// One notice per agency, other agency and household, ever: MERGE on an id made of the three, so a second step by
// the same agencies tells nobody anything new. `createdBy` tells this write's notices from older ones.
const mergeNotices = statement(
  'mergeInvolvementNotices',
  cypher`
UNWIND $notices AS notice
MERGE (n:InvolvementNotice {id: notice.id})
ON CREATE SET n += notice, n.on = date($on), n.createdAt = datetime($now), n.createdBy = $stamp
RETURN n.id AS id, n.agencyId AS agencyId, n.otherAgencyId AS otherAgencyId, n.createdBy = $stamp AS created`,
  z.object({ id: z.string(), agencyId: z.string(), otherAgencyId: z.string(), created: z.boolean() }),
);

const acknowledge = statement(
  'acknowledgeInvolvementNotice',
  cypher`
MATCH (n:InvolvementNotice {id: $id})
WHERE n.agencyId = $agencyId AND n.acknowledgedAt IS NULL
SET n.acknowledgedAt = datetime($now), n.acknowledgedBy = $accountId
RETURN n.id AS id, n.householdId AS householdId`,
  z.object({ id: z.string(), householdId: z.string() }),
);

export function noticeId(agencyId: string, otherAgencyId: string, householdId: string): string {
  return `inv_${agencyId}_${otherAgencyId}_${householdId}`;
}

export function createInvolvementRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  return {
    /** Notices both ways between the acting agency and each other involved agency; returns those that are new. */
    async notify(householdId: string, actingAgencyId: string, otherAgencyIds: string[], on: string, stamp: string) {
      if (otherAgencyIds.length === 0) return [];
      const notices = otherAgencyIds.flatMap((other) => [
        { id: noticeId(actingAgencyId, other, householdId), agencyId: actingAgencyId, otherAgencyId: other, householdId },
        { id: noticeId(other, actingAgencyId, householdId), agencyId: other, otherAgencyId: actingAgencyId, householdId },
      ]);
      const rows = await executor.write((tx) => tx.run(mergeNotices, { notices, on, now: now().toISOString(), stamp }));
      return rows.filter((row) => row.created);
    },

    async acknowledge(id: string, agencyId: string, accountId: string) {
      const [row] = await executor.write((tx) => tx.run(acknowledge, { id, agencyId, accountId, now: now().toISOString() }));
      return row ?? null;
    },
  };
}

export type InvolvementRepository = ReturnType<typeof createInvolvementRepository>;
