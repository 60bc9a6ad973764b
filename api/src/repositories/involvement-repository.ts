// Notices of involvement (in the manner of the Verwijsindex): two agencies learn that both work with one household,
// and nothing else about each other's work.
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { lockExistingHousehold } from './household-lock.js';

// The notices a household already has, read under its lock: which agencies have one still unread, and which
// (agency, other agency) pairs were ever noticed. Over the household's NOTICE_ABOUT edges: Grafeo 0.6 has no index
// on householdId left (one index per property name across labels: migration 0013 dropped it with event_household),
// so a match on the property read every notice.
const noticesOfHousehold = statement(
  'involvementNoticesOfHousehold',
  cypher`
MATCH (:Household {id: $householdId})<-[:NOTICE_ABOUT]-(n:InvolvementNotice)
RETURN n.id AS id, n.agencyId AS agencyId, n.acknowledgedAt IS NULL AS unread`,
  z.object({ id: z.string(), agencyId: z.string(), unread: z.boolean() }),
);

const createNotices = statement(
  'createInvolvementNotices',
  cypher`
// Each notice hangs from its household (NOTICE_ABOUT) and from the agency it is for (NOTICE_TO), the edges its reads
// go over; the agency's edge only where the agency exists, as before.
UNWIND $notices AS notice
MATCH (h:Household {id: notice.householdId})
CREATE (n:InvolvementNotice)
SET n += notice, n.on = date($on), n.createdAt = datetime($now)
CREATE (n)-[:NOTICE_ABOUT]->(h)
WITH n
OPTIONAL MATCH (a:Agency {id: n.agencyId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (n)-[:NOTICE_TO]->(a))
RETURN n.id AS id, n.agencyId AS agencyId, n.otherAgencyId AS otherAgencyId`,
  z.object({ id: z.string(), agencyId: z.string(), otherAgencyId: z.string() }),
);

const acknowledge = statement(
  'acknowledgeInvolvementNotice',
  cypher`
MATCH (n:InvolvementNotice)
WHERE n.id = $id AND n.agencyId = $agencyId AND n.acknowledgedAt IS NULL
SET n.acknowledgedAt = datetime($now), n.acknowledgedBy = $accountId
RETURN n.id AS id, n.householdId AS householdId`,
  z.object({ id: z.string(), householdId: z.string() }),
);

export function noticeId(agencyId: string, otherAgencyId: string, householdId: string): string {
  return `inv_${agencyId}_${otherAgencyId}_${householdId}`;
}

export function createInvolvementRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  return {
    /**
     * Notices both ways between the acting agency and each other involved agency; returns those that are new. An
     * agency gets at most one unread notice per household (a worklist line, not one per step or per other agency),
     * and never a second one about the same other agency. Check-then-write: the household's lock comes first, so
     * parallel steps on one household cannot both find "no notice yet" and both create one.
     */
    async notify(householdId: string, actingAgencyId: string, otherAgencyIds: string[], on: string) {
      if (otherAgencyIds.length === 0) return [];
      const candidates = otherAgencyIds.flatMap((other) => [
        { id: noticeId(actingAgencyId, other, householdId), agencyId: actingAgencyId, otherAgencyId: other, householdId },
        { id: noticeId(other, actingAgencyId, householdId), agencyId: other, otherAgencyId: actingAgencyId, householdId },
      ]);
      return executor.write(async (tx) => {
        await lockExistingHousehold(tx, householdId);
        const existing = await tx.run(noticesOfHousehold, { householdId });
        const noticed = new Set(existing.map((n) => n.id));
        const hasUnread = new Set(existing.filter((n) => n.unread).map((n) => n.agencyId));
        const notices = candidates.filter((notice) => {
          if (noticed.has(notice.id) || hasUnread.has(notice.agencyId)) return false;
          hasUnread.add(notice.agencyId);
          return true;
        });
        if (notices.length === 0) return [];
        return tx.run(createNotices, { notices, on, now: now().toISOString() });
      });
    },

    async acknowledge(id: string, agencyId: string, accountId: string) {
      const [row] = await executor.write((tx) => tx.run(acknowledge, { id, agencyId, accountId, now: now().toISOString() }));
      return row ?? null;
    },
  };
}

export type InvolvementRepository = ReturnType<typeof createInvolvementRepository>;
