// Requests for access to a household, sent to the region's coordinator, who grants them for a few hours or declines.
import { dayOf } from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { newId } from './ids.js';
import { Refusal, refusable, type Result } from './result.js';
import { instant, opt } from './rows.js';

/** A granted request allows reading for at most this long: the need is answered, the access does not last. */
export const MAX_GRANT_HOURS = 72;
/** Open requests one account may have at a time: a request is for a case at hand, not a way to list households. */
export const MAX_PENDING_REQUESTS = 5;

const RequestRow = z.object({
  id: z.string(),
  householdId: z.string(),
  /** Absent for a request about a household that does not exist: stored, answered alike, shown to nobody. */
  centrumgemeenteId: opt(z.string()),
  accountId: z.string(),
  agencyId: opt(z.string()),
  reason: z.string(),
  status: z.enum(['PENDING', 'GRANTED', 'DECLINED']),
  requestedAt: instant,
  decidedBy: opt(z.string()),
  grantId: opt(z.string()),
  until: opt(instant),
});
export type AccessRequestRecord = z.infer<typeof RequestRow>;

// The household node is locked first: two requests of one account for one household cannot both pass the check.
const lockHousehold = statement(
  'accessRequestLockHousehold',
  cypher`
MATCH (h:Household {id: $householdId})
SET h._lock = $lock
RETURN h.centrumgemeenteId AS cityId`,
  z.object({ cityId: z.string() }),
);

const pendingOfAccount = statement(
  'accessRequestsPendingOfAccount',
  cypher`
MATCH (q:AccessRequest {accountId: $accountId}) WHERE q.status = 'PENDING'
RETURN q.householdId AS householdId`,
  z.object({ householdId: z.string() }),
);

const createRequest = statement(
  'createAccessRequest',
  cypher`
MATCH (h:Household {id: $householdId})
CREATE (q:AccessRequest)
SET q += $request, q.requestedAt = datetime($now), q.requestedOn = date($today)
CREATE (q)-[:ACCESS_REQUEST_FOR]->(h)
RETURN q.id AS id`,
  z.object({ id: z.string() }),
);

// A request about an id that names no household is kept like any other, so that the answer does not tell whether
// the household exists; it has no region, so no coordinator ever sees or grants it.
const createUnmatchedRequest = statement(
  'createUnmatchedAccessRequest',
  cypher`
CREATE (q:AccessRequest)
SET q += $request, q.requestedAt = datetime($now), q.requestedOn = date($today)
RETURN q.id AS id`,
  z.object({ id: z.string() }),
);

const lockRequest = statement(
  'accessRequestLock',
  cypher`
MATCH (q:AccessRequest {id: $id})
SET q._lock = $lock
RETURN q.id AS id, q.householdId AS householdId, q.centrumgemeenteId AS centrumgemeenteId, q.accountId AS accountId,
  q.agencyId AS agencyId, q.reason AS reason, q.status AS status, toString(q.requestedAt) AS requestedAt, q.decidedBy AS decidedBy,
  q.grantId AS grantId, toString(q.until) AS until`,
  RequestRow,
);

const decideRequest = statement(
  'decideAccessRequest',
  cypher`
MATCH (q:AccessRequest {id: $id}) WHERE q.status = 'PENDING'
SET q.status = $status, q.decidedBy = $decidedBy, q.decidedAt = datetime($now), q.decisionNote = $note
RETURN q.id AS id`,
  z.object({ id: z.string() }),
);

// A granted request becomes a break-glass grant of the requester: the same time-bound, flagged and reviewed path.
const grantFromRequest = statement(
  'grantFromAccessRequest',
  cypher`
MATCH (q:AccessRequest {id: $id}), (h:Household {id: q.householdId})
CREATE (b:BreakGlassGrant)
SET b += $grant, b.at = datetime($now), b.until = datetime($until), b.reviewed = false
CREATE (b)-[:BREAK_GLASS_FOR]->(h)
SET q.grantId = b.id, q.until = datetime($until)
RETURN b.id AS id`,
  z.object({ id: z.string() }),
);

export function createAccessRequestRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  return {
    /** Sends a request; refused while the account has one open for the same household, or too many open. */
    request(input: {
      householdId: string;
      accountId: string;
      agencyId: string | null;
      reason: string;
    }): Promise<Result<AccessRequestRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          const at = now();
          const [household] = await tx.run(lockHousehold, { householdId: input.householdId, lock: at.toISOString() });
          const pending = await tx.run(pendingOfAccount, { accountId: input.accountId });
          if (pending.some((p) => p.householdId === input.householdId)) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['householdId'], code: 'ACCESS_ALREADY_ASKED' }] });
          }
          if (pending.length >= MAX_PENDING_REQUESTS) {
            throw new Refusal({
              kind: 'VALIDATION',
              fields: [{ path: ['householdId'], code: 'TOO_MANY_OPEN_REQUESTS', params: { maximum: MAX_PENDING_REQUESTS } }],
            });
          }
          const id = newId('event').replace(/^ev_/, 'ar_');
          const request = {
            id,
            householdId: input.householdId,
            ...(household ? { centrumgemeenteId: household.cityId } : {}),
            accountId: input.accountId,
            ...(input.agencyId ? { agencyId: input.agencyId } : {}),
            reason: input.reason,
            status: 'PENDING',
          };
          if (household) await tx.run(createRequest, { householdId: input.householdId, request, now: at.toISOString(), today: dayOf(at) });
          else await tx.run(createUnmatchedRequest, { request, now: at.toISOString(), today: dayOf(at) });
          return (await tx.run(lockRequest, { id, lock: at.toISOString() }))[0]!;
        }),
      );
    },

    /**
     * The coordinator of the request's region grants (for `hours`, at most MAX_GRANT_HOURS) or declines. A request
     * outside the coordinator's region is "not found": its existence is not the coordinator's to learn.
     */
    decide(input: {
      id: string;
      cityId: string;
      coordinatorId: string;
      grant: boolean;
      hours: number;
      note: string | null;
    }): Promise<Result<AccessRequestRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          const at = now();
          const [request] = await tx.run(lockRequest, { id: input.id, lock: at.toISOString() });
          if (!request || request.centrumgemeenteId !== input.cityId)
            throw new Refusal({ kind: 'NOT_FOUND', entity: 'AccessRequest', id: input.id });
          if (request.status !== 'PENDING') {
            throw new Refusal({ kind: 'INVALID_TRANSITION', from: request.status, action: input.grant ? 'GRANT' : 'DECLINE', allowed: [] });
          }
          if (request.accountId === input.coordinatorId)
            throw new Refusal({ kind: 'FORBIDDEN', reason: 'nobody decides on their own request' });
          await tx.run(decideRequest, {
            id: input.id,
            status: input.grant ? 'GRANTED' : 'DECLINED',
            decidedBy: input.coordinatorId,
            note: input.note,
            now: at.toISOString(),
          });
          if (input.grant) {
            const hours = Math.min(input.hours, MAX_GRANT_HOURS);
            await tx.run(grantFromRequest, {
              id: input.id,
              grant: {
                id: newId('event').replace(/^ev_/, 'bg_'),
                householdId: request.householdId,
                accountId: request.accountId,
                ...(request.agencyId ? { agencyId: request.agencyId } : {}),
                reason: `access request ${request.id}, granted by coordinator ${input.coordinatorId}: ${request.reason}`,
                viaRequestId: request.id,
              },
              now: at.toISOString(),
              until: new Date(at.getTime() + hours * 3600_000).toISOString(),
            });
          }
          return (await tx.run(lockRequest, { id: input.id, lock: at.toISOString() }))[0]!;
        }),
      );
    },
  };
}

export type AccessRequestRepository = ReturnType<typeof createAccessRequestRepository>;
