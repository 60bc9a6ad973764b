// The facts access decisions rest on (care relations, consent, legal grounds, break-glass), and the append-only access log.
import { z } from 'zod';
import { AccessAction, AccessOutcome, ConsentPurpose, Role, type AccessLogEntry } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { addDays, dayOf } from './household-repository.js';
import { newId } from './ids.js';
import { instant, opt } from './rows.js';

const AccessFactsRow = z.object({
  householdId: z.string(),
  cityId: z.string(),
  registeredByAgencyId: opt(z.string()),
  referrals: z.array(z.object({ id: z.string(), status: z.string(), fromAgencyId: z.string(), toAgencyId: z.string() })),
  regie: z.array(z.object({ id: z.string(), agencyId: z.string(), stage: z.string() })),
  facilityEvents: z.array(
    z.object({ id: z.string(), kind: z.string(), facilityId: z.string(), facilityAgencyId: opt(z.string()), occurredOn: z.string() }),
  ),
  recentAgencyEvents: z.array(z.object({ id: z.string(), agencyId: z.string(), occurredOn: z.string() })),
  consents: z.array(
    z.object({
      id: z.string(),
      purpose: ConsentPurpose,
      recipientAgencyIds: z.array(z.string()),
      from: z.string(),
      to: z.string(),
      withdrawnOn: opt(z.string()),
    }),
  ),
  grounds: z.array(z.object({ id: z.string(), basis: z.string(), agencyIds: z.array(z.string()), from: z.string(), to: z.string() })),
  grants: z.array(z.object({ id: z.string(), reason: z.string(), until: z.string() })),
});
export type AccessFacts = z.infer<typeof AccessFactsRow>;
/** CARE: every fact a decision can rest on; REGION: the household's region and break-glass grants only. */
export type AccessFactsScope = 'REGION' | 'CARE';

// Each fact kind in its own subquery, so that one household's rows do not multiply each other. MATCH, not
// OPTIONAL MATCH: an aggregate over no rows gives [] on both engines, while Grafeo projects a missing node as a
// map of nulls.
const accessFacts = statement('accessFacts', cypher`
MATCH (h:Household) WHERE h.id IN $ids
CALL (h) {
  MATCH (r:Referral {householdId: h.id}) WHERE r.status IN ['SENT', 'ACCEPTED']
  RETURN collect(r { .id, .status, .fromAgencyId, .toAgencyId }) AS referrals
}
CALL (h) {
  MATCH (g:RegieAssignment {householdId: h.id}) WHERE g.to IS NULL
  RETURN collect(g { .id, .agencyId, .stage }) AS regie
}
CALL (h) {
  MATCH (e:Event {householdId: h.id})-[:AT_FACILITY]->(f:Facility)
  WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
  RETURN collect(e { .id, .kind, .facilityId, facilityAgencyId: f.agencyId, occurredOn: toString(e.occurredOn) }) AS facilityEvents
}
CALL (h) {
  MATCH (e:Event {householdId: h.id})
  WHERE e.agencyId IS NOT NULL AND e.occurredOn >= date($recentSince)
  RETURN collect(e { .id, .agencyId, occurredOn: toString(e.occurredOn) }) AS recentAgencyEvents
}
CALL (h) {
  MATCH (c:Consent {householdId: h.id})
  RETURN collect(c { .id, .purpose, .recipientAgencyIds, from: toString(c.from), to: toString(c.to), withdrawnOn: toString(c.withdrawnOn) }) AS consents
}
CALL (h) {
  MATCH (l:LegalGround {householdId: h.id})
  RETURN collect(l { .id, .basis, .agencyIds, from: toString(l.from), to: toString(l.to) }) AS grounds
}
CALL (h) {
  MATCH (b:BreakGlassGrant {householdId: h.id, accountId: $accountId})
  WHERE b.until > datetime($now)
  RETURN collect(b { .id, .reason, until: toString(b.until) }) AS grants
}
RETURN h.id AS householdId, h.centrumgemeenteId AS cityId, h.reportingAgencyId AS registeredByAgencyId,
  referrals, regie, facilityEvents, recentAgencyEvents, consents, grounds, grants`, AccessFactsRow);

/**
 * The facts a coordinator's decision rests on (region and break-glass): a third of the full statement's cost, and
 * the chain coordinator is the one who traces households all day. The care-relation lists are left empty.
 */
const regionAccessFacts = statement('regionAccessFacts', cypher`
MATCH (h:Household) WHERE h.id IN $ids
CALL (h) {
  MATCH (b:BreakGlassGrant {householdId: h.id, accountId: $accountId})
  WHERE b.until > datetime($now)
  RETURN collect(b { .id, .reason, until: toString(b.until) }) AS grants
}
RETURN h.id AS householdId, h.centrumgemeenteId AS cityId, h.reportingAgencyId AS registeredByAgencyId,
  [] AS referrals, [] AS regie, [] AS facilityEvents, [] AS recentAgencyEvents, [] AS consents, [] AS grounds, grants`, AccessFactsRow);

/** Households an agency is involved with: the candidates an agency worker's list and search start from. */
const involvedHouseholds = statement('involvedHouseholds', cypher`
// Each branch starts at an indexed property or at the agency's own facilities: an OR across two properties, or
// a pattern starting at Event, would scan every referral or event on Grafeo.
CALL () {
  MATCH (r:Referral {toAgencyId: $agencyId}) WHERE r.status IN ['SENT', 'ACCEPTED']
  RETURN r.householdId AS householdId
  UNION
  MATCH (r:Referral {fromAgencyId: $agencyId}) WHERE r.status IN ['SENT', 'ACCEPTED']
  RETURN r.householdId AS householdId
  UNION
  MATCH (g:RegieAssignment {agencyId: $agencyId}) WHERE g.to IS NULL
  RETURN g.householdId AS householdId
  UNION
  MATCH (f:Facility {agencyId: $agencyId})<-[:AT_FACILITY]-(e:Event)
  RETURN e.householdId AS householdId
  UNION
  MATCH (a:Agency {id: $agencyId})-[:ACTED_IN]->(e:Event) WHERE e.occurredOn >= date($recentSince)
  RETURN e.householdId AS householdId
}
RETURN collect(DISTINCT householdId) AS ids`, z.object({ ids: z.array(z.string()) }));

const createConsent = statement('createConsent', cypher`
MATCH (h:Household {id: $householdId})
CREATE (c:Consent)
SET c += $consent, c.from = date($from), c.to = date($to), c.recordedAt = datetime($now)
CREATE (c)-[:CONSENT_FOR]->(h)
WITH c
UNWIND $consent.recipientAgencyIds AS agencyId
MATCH (a:Agency {id: agencyId})
CREATE (c)-[:CONSENT_TO]->(a)
RETURN DISTINCT c.id AS id`, z.object({ id: z.string() }));

const withdrawConsent = statement('withdrawConsent', cypher`
MATCH (c:Consent {id: $id})
WHERE c.withdrawnOn IS NULL
SET c.withdrawnOn = date($on), c.withdrawnBy = $recordedBy, c.withdrawnRecordedAt = datetime($now)
RETURN c.id AS id, c.householdId AS householdId`, z.object({ id: z.string(), householdId: z.string() }));

const consentById = statement('consentById', cypher`
MATCH (c:Consent {id: $id})
RETURN c.id AS id, c.householdId AS householdId, c.purpose AS purpose, c.recipientAgencyIds AS recipientAgencyIds,
  toString(c.from) AS from, toString(c.to) AS to, toString(c.withdrawnOn) AS withdrawnOn`,
  z.object({
    id: z.string(), householdId: z.string(), purpose: ConsentPurpose, recipientAgencyIds: z.array(z.string()),
    from: z.string(), to: z.string(), withdrawnOn: opt(z.string()),
  }));

const createLegalGround = statement('createLegalGround', cypher`
MATCH (h:Household {id: $householdId})
CREATE (l:LegalGround)
SET l += $ground, l.from = date($from), l.to = date($to), l.recordedAt = datetime($now)
CREATE (l)-[:GROUND_FOR]->(h)
RETURN l.id AS id`, z.object({ id: z.string() }));

const createBreakGlass = statement('createBreakGlass', cypher`
MATCH (h:Household {id: $householdId})
CREATE (b:BreakGlassGrant)
SET b += $grant, b.at = datetime($now), b.until = datetime($until), b.reviewed = false
CREATE (b)-[:BREAK_GLASS_FOR]->(h)
RETURN b.id AS id`, z.object({ id: z.string() }));

// The log has a create statement and read statements only: there is no way to change or remove an entry.
const appendLog = statement('appendAccessLog', cypher`
UNWIND $entries AS entry
CREATE (l:AccessLogEntry)
SET l += entry, l.at = datetime(entry.at)
RETURN count(l) AS written`, z.object({ written: z.number().int() }));

const LogRow = z.object({
  id: z.string(),
  at: instant,
  accountId: opt(z.string()),
  role: opt(Role),
  agencyId: opt(z.string()),
  action: AccessAction,
  operation: z.string(),
  householdId: opt(z.string()),
  searchTerms: opt(z.string()),
  basis: opt(z.string()),
  outcome: AccessOutcome,
  breakGlass: z.boolean(),
  requestId: opt(z.string()),
});

const logPage = statement('accessLogPage', cypher`
MATCH (l:AccessLogEntry)
WHERE ($householdId IS NULL OR l.householdId = $householdId)
  AND ($accountId IS NULL OR l.accountId = $accountId)
  AND ($breakGlass IS NULL OR l.breakGlass = $breakGlass)
  AND ($after IS NULL OR l.id < $after)
RETURN l.id AS id, toString(l.at) AS at, l.accountId AS accountId, l.role AS role, l.agencyId AS agencyId, l.action AS action,
  l.operation AS operation, l.householdId AS householdId, l.searchTerms AS searchTerms, l.basis AS basis, l.outcome AS outcome,
  l.breakGlass AS breakGlass, l.requestId AS requestId
ORDER BY l.id DESC
LIMIT $limit`, LogRow);

export type AccessLogRecord = z.infer<typeof LogRow>;

/** Log ids sort by time: a zero-padded millisecond clock and a random tail. */
function logId(at: Date): string {
  return `log_${at.getTime().toString().padStart(14, '0')}_${newId('event').slice(3, 15)}`;
}

export const RECENT_INVOLVEMENT_DAYS = 90;

export function createAccessRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  const recentSince = () => addDays(dayOf(now()), -RECENT_INVOLVEMENT_DAYS);
  return {
    /** Facts for access decisions: all of them, or (REGION) only those a region-wide decision needs. */
    facts: (householdIds: readonly string[], accountId: string, scope: AccessFactsScope = 'CARE') =>
      executor.read((tx) =>
        scope === 'REGION'
          ? tx.run(regionAccessFacts, { ids: [...householdIds], accountId, now: now().toISOString() })
          : tx.run(accessFacts, { ids: [...householdIds], accountId, now: now().toISOString(), recentSince: recentSince() }),
      ),

    async involvedHouseholds(agencyId: string): Promise<string[]> {
      const [row] = await executor.read((tx) => tx.run(involvedHouseholds, { agencyId, recentSince: recentSince() }));
      return row?.ids ?? [];
    },

    async addConsent(input: { householdId: string; purpose: z.infer<typeof ConsentPurpose>; recipientAgencyIds: string[]; from: string; to: string }, recordedBy: string) {
      const id = newId('event').replace(/^ev_/, 'con_');
      await executor.write((tx) =>
        tx.run(createConsent, {
          householdId: input.householdId,
          consent: { id, householdId: input.householdId, purpose: input.purpose, recipientAgencyIds: input.recipientAgencyIds, recordedBy },
          from: input.from,
          to: input.to,
          now: now().toISOString(),
        }),
      );
      return id;
    },

    consentById: async (id: string) => (await executor.read((tx) => tx.run(consentById, { id })))[0] ?? null,

    async withdrawConsent(id: string, on: string, recordedBy: string) {
      const [row] = await executor.write((tx) => tx.run(withdrawConsent, { id, on, recordedBy, now: now().toISOString() }));
      return row ?? null;
    },

    async addLegalGround(input: { householdId: string; basis: string; agencyIds: string[]; from: string; to: string }, recordedBy: string) {
      const id = newId('event').replace(/^ev_/, 'lg_');
      await executor.write((tx) =>
        tx.run(createLegalGround, {
          householdId: input.householdId,
          ground: { id, householdId: input.householdId, basis: input.basis, agencyIds: input.agencyIds, recordedBy },
          from: input.from,
          to: input.to,
          now: now().toISOString(),
        }),
      );
      return id;
    },

    async breakGlass(householdId: string, accountId: string, reason: string, hours: number) {
      const at = now();
      const id = newId('event').replace(/^ev_/, 'bg_');
      await executor.write((tx) =>
        tx.run(createBreakGlass, {
          householdId,
          grant: { id, householdId, accountId, reason },
          now: at.toISOString(),
          until: new Date(at.getTime() + hours * 3600_000).toISOString(),
        }),
      );
      return id;
    },

    async append(entries: Omit<AccessLogEntry, 'id' | 'at'>[]): Promise<void> {
      if (entries.length === 0) return;
      const at = now();
      const rows = entries.map((entry) => ({
        ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null)),
        id: logId(at),
        at: at.toISOString(),
      }));
      await executor.write((tx) => tx.run(appendLog, { entries: rows }));
    },

    log: (filter: { householdId?: string | null; accountId?: string | null; breakGlass?: boolean | null }, first: number, after: string | null) =>
      executor.read((tx) =>
        tx.run(logPage, {
          householdId: filter.householdId ?? null,
          accountId: filter.accountId ?? null,
          breakGlass: filter.breakGlass ?? null,
          after,
          limit: first + 1,
        }),
      ),
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
