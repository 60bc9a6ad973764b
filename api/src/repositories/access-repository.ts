// The facts access decisions rest on (care relations, consent, legal grounds, break-glass), and the append-only access log.
import { z } from 'zod';
import {
  AccessAction,
  AccessOutcome,
  ConsentMethod,
  ConsentPurpose,
  HouseholdRow,
  Role,
  type AccessLogEntry,
  addDays,
  dayOf,
} from '@ketenkaart/schema';
import { cypher, joinCypher, statement } from '../db/cypher.js';
import type { CypherExecutor, CypherTx } from '../db/executor.js';
import { foldedSearchTerm } from './household-repository.js';
import { newConsentId, writeConsent } from './consent-write.js';
import { newId } from './ids.js';
import { instant, opt } from './rows.js';

const AccessFactsFields = z.object({
  householdId: z.string(),
  cityId: z.string(),
  registeredByAgencyId: opt(z.string()),
  referrals: z.array(z.object({ id: z.string(), status: z.string(), fromAgencyId: z.string(), toAgencyId: z.string() })),
  regie: z.array(z.object({ id: z.string(), agencyId: z.string(), stage: z.string() })),
  facilityEvents: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      facilityId: z.string(),
      facilityAgencyId: opt(z.string()),
      occurredOn: z.string(),
      waitingListOutcome: opt(z.string()),
    }),
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
export type AccessFacts = z.infer<typeof AccessFactsFields>;
// The household record (as householdsByIds reads it) comes with its access facts: one statement per decision.
const AccessFactsRow = AccessFactsFields.extend({ household: HouseholdRow });
export type AccessFactsRow = z.infer<typeof AccessFactsRow>;
/** CARE: every fact a decision can rest on; REGION: the household's region and break-glass grants only. */
export type AccessFactsScope = 'REGION' | 'CARE';

// Referrals, regie, events, consents, legal grounds and break-glass grants are reached over the household's own edges
// (no index on their householdId: migration 0013; Neo4j expands the same edges from the household found by its id
// constraint). Grounds and grants were matched on {householdId, accountId} before: Grafeo 0.6 answered that from the
// nodes carrying those values, the viewer's and the household's access-log entries among them, so every access
// check grew with the viewer's own log (tests/bench/access-check-growth.ts: 0.5 ms with an empty log, 6 ms after
// 10,000 entries, 23 ms after 40,000; flat now). Each fact kind in its own subquery, so that one household's rows do not multiply each other. MATCH, not
// OPTIONAL MATCH: an aggregate over no rows gives [] on both engines, while Grafeo projects a missing node as a
// map of nulls.
const accessFacts = statement(
  'accessFacts',
  cypher`
MATCH (h:Household) WHERE h.id IN $ids
CALL (h) {
  MATCH (h)<-[:REFERRAL_FOR]-(r:Referral) WHERE r.status IN ['SENT', 'INFO_REQUESTED', 'ACCEPTED']
  RETURN collect(r { .id, .status, .fromAgencyId, .toAgencyId }) AS referrals
}
CALL (h) {
  MATCH (h)<-[:REGIE_OVER]-(g:RegieAssignment) WHERE g.to IS NULL
  RETURN collect(g { .id, .agencyId, .stage }) AS regie
}
CALL (h) {
  MATCH (h)-[:HAD]->(e:Event)-[:AT_FACILITY]->(f:Facility)
  WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
  RETURN collect(e { .id, .kind, .facilityId, .waitingListOutcome, facilityAgencyId: f.agencyId, occurredOn: toString(e.occurredOn) }) AS facilityEvents
}
CALL (h) {
  // Involvement counts once the agency acted itself (recorded the step, accepted): a coordinator naming an agency
  // on a step does not open the household to it.
  MATCH (h)-[:HAD]->(e:Event)
  WHERE e.agencyId IS NOT NULL AND e.reportingAgencyId = e.agencyId AND e.occurredOn >= date($recentSince)
  RETURN collect(e { .id, .agencyId, occurredOn: toString(e.occurredOn) }) AS recentAgencyEvents
}
CALL (h) {
  MATCH (h)<-[:CONSENT_FOR]-(c:Consent)
  RETURN collect(c { .id, .purpose, .recipientAgencyIds, from: toString(c.from), to: toString(c.to), withdrawnOn: toString(c.withdrawnOn) }) AS consents
}
CALL (h) {
  MATCH (h)<-[:GROUND_FOR]-(l:LegalGround)
  RETURN collect(l { .id, .basis, .agencyIds, from: toString(l.from), to: toString(l.to) }) AS grounds
}
CALL (h) {
  MATCH (h)<-[:BREAK_GLASS_FOR]-(b:BreakGlassGrant)
  WHERE b.accountId = $accountId AND b.until > datetime($now)
  RETURN collect(b { .id, .reason, until: toString(b.until) }) AS grants
}
RETURN h.id AS householdId, h.centrumgemeenteId AS cityId, h.reportingAgencyId AS registeredByAgencyId,
  h { .id, .reference, .centrumgemeenteId, .municipality, .landlordType, .synthetic, .recordedBy, .provenanceKind, registeredAt: toString(h.recordedAt) } AS household,
  referrals, regie, facilityEvents, recentAgencyEvents, consents, grounds, grants`,
  AccessFactsRow,
);

/**
 * The facts a coordinator's decision rests on (region and break-glass): a third of the full statement's cost, and
 * the chain coordinator is the one who traces households all day. The care-relation lists are left empty.
 */
const regionAccessFacts = statement(
  'regionAccessFacts',
  cypher`
MATCH (h:Household) WHERE h.id IN $ids
CALL (h) {
  MATCH (h)<-[:BREAK_GLASS_FOR]-(b:BreakGlassGrant)
  WHERE b.accountId = $accountId AND b.until > datetime($now)
  RETURN collect(b { .id, .reason, until: toString(b.until) }) AS grants
}
RETURN h.id AS householdId, h.centrumgemeenteId AS cityId, h.reportingAgencyId AS registeredByAgencyId,
  h { .id, .reference, .centrumgemeenteId, .municipality, .landlordType, .synthetic, .recordedBy, .provenanceKind, registeredAt: toString(h.recordedAt) } AS household,
  [] AS referrals, [] AS regie, [] AS facilityEvents, [] AS recentAgencyEvents, [] AS consents, [] AS grounds, grants`,
  AccessFactsRow,
);

/** Days an agency's own steps count as involvement with a household (README, "Access terms"). */
export const RECENT_INVOLVEMENT_DAYS = 90;
const recentSinceOf = (at: Date) => addDays(dayOf(at), -RECENT_INVOLVEMENT_DAYS);

/** The household records with their access facts, in the caller's transaction, as of `at`. */
export function accessFactsIn(
  tx: CypherTx,
  householdIds: readonly string[],
  accountId: string,
  scope: AccessFactsScope,
  at: Date,
): Promise<AccessFactsRow[]> {
  const ids = [...householdIds];
  return scope === 'REGION'
    ? tx.run(regionAccessFacts, { ids, accountId, now: at.toISOString() })
    : tx.run(accessFacts, { ids, accountId, now: at.toISOString(), recentSince: recentSinceOf(at) });
}

/** Households an agency is involved with: the candidates an agency worker's list and search start from. */
const involvedHouseholds = statement(
  'involvedHouseholds',
  cypher`
// Each branch starts at the agency (its id) and follows its own edges: its referrals both ways, the regie it holds,
// its facilities' events and the events it acted in. Neither Referral.toAgencyId/fromAgencyId nor
// RegieAssignment.agencyId has an index (0013; on Grafeo one index per property name, see README): matched on those,
// the regie branch read every regie assignment of the store (187 ms for one agency on 50,000 households) and the
// referral branches every open referral. Now the cost grows with the agency's own work.
CALL () {
  MATCH (:Agency {id: $agencyId})<-[:SENT_TO]-(r:Referral) WHERE r.status IN ['SENT', 'INFO_REQUESTED', 'ACCEPTED']
  RETURN r.householdId AS householdId
  UNION
  MATCH (:Agency {id: $agencyId})<-[:SENT_BY]-(r:Referral) WHERE r.status IN ['SENT', 'INFO_REQUESTED', 'ACCEPTED']
  RETURN r.householdId AS householdId
  UNION
  MATCH (:Agency {id: $agencyId})<-[:HELD_BY]-(g:RegieAssignment) WHERE g.to IS NULL
  RETURN g.householdId AS householdId
  UNION
  MATCH (f:Facility {agencyId: $agencyId})<-[:AT_FACILITY]-(e:Event)
  RETURN e.householdId AS householdId
  UNION
  MATCH (a:Agency {id: $agencyId})-[:ACTED_IN]->(e:Event) WHERE e.occurredOn >= date($recentSince) AND e.reportingAgencyId = $agencyId
  RETURN e.householdId AS householdId
}
RETURN collect(DISTINCT householdId) AS ids`,
  z.object({ ids: z.array(z.string()) }),
);

const withdrawConsent = statement(
  'withdrawConsent',
  cypher`
MATCH (c:Consent)
WHERE c.id = $id AND c.withdrawnOn IS NULL
SET c.withdrawnOn = date($on), c.withdrawnBy = $recordedBy, c.withdrawnRecordedAt = datetime($now)
RETURN c.id AS id, c.householdId AS householdId`,
  z.object({ id: z.string(), householdId: z.string() }),
);

const consentById = statement(
  'consentById',
  cypher`
MATCH (c:Consent {id: $id})
RETURN c.id AS id, c.householdId AS householdId, c.purpose AS purpose, c.recipientAgencyIds AS recipientAgencyIds,
  toString(c.from) AS from, toString(c.to) AS to, toString(c.withdrawnOn) AS withdrawnOn`,
  z.object({
    id: z.string(),
    householdId: z.string(),
    purpose: ConsentPurpose,
    recipientAgencyIds: z.array(z.string()),
    from: z.string(),
    to: z.string(),
    withdrawnOn: opt(z.string()),
  }),
);

const createLegalGround = statement(
  'createLegalGround',
  cypher`
MATCH (h:Household {id: $householdId})
CREATE (l:LegalGround)
SET l += $ground, l.from = date($from), l.to = date($to), l.recordedAt = datetime($now)
CREATE (l)-[:GROUND_FOR]->(h)
RETURN l.id AS id`,
  z.object({ id: z.string() }),
);

const createBreakGlass = statement(
  'createBreakGlass',
  cypher`
MATCH (h:Household {id: $householdId})
CREATE (b:BreakGlassGrant)
SET b += $grant, b.at = datetime($now), b.until = datetime($until), b.reviewed = false
CREATE (b)-[:BREAK_GLASS_FOR]->(h)
RETURN b.id AS id`,
  z.object({ id: z.string() }),
);

/**
 * The write lock a check-then-write takes first, in its own transaction, on the household it guards: two
 * concurrent consents or grants for one household are decided one after the other.
 */
const lockHousehold = statement(
  'lockHouseholdForAccess',
  cypher`
MATCH (h:Household {id: $householdId})
SET h._lock = $lock
RETURN h.id AS id, h.centrumgemeenteId AS cityId`,
  z.object({ id: z.string(), cityId: z.string() }),
);

const BreakGlassUseRow = z.object({
  id: z.string(),
  householdId: z.string(),
  householdReference: z.string(),
  cityId: z.string(),
  accountId: z.string(),
  accountName: opt(z.string()),
  agencyId: opt(z.string()),
  reason: z.string(),
  grantedByName: opt(z.string()),
  startedAt: instant,
  expiresAt: instant,
  reviewed: z.boolean(),
  reviewedBy: opt(z.string()),
  reviewedAt: opt(instant),
  reviewNote: opt(z.string()),
  actions: z.array(z.object({ at: instant, action: AccessAction, operation: z.string(), outcome: AccessOutcome })),
});
export type BreakGlassUse = z.infer<typeof BreakGlassUseRow>;

// Grants are few next to households: a scan of them per region is cheap. Reads and writes under a grant are the
// flagged log entries of its account on its household while it ran. A grant made on an access request shows the
// worker's own reason and the coordinator who granted it (its stored reason is the audit line with both ids).
const breakGlassUses = statement(
  'breakGlassUses',
  cypher`
MATCH (b:BreakGlassGrant)-[:BREAK_GLASS_FOR]->(h:Household)
WHERE h.centrumgemeenteId = $cityId AND ($reviewed IS NULL OR b.reviewed = $reviewed) AND ($after IS NULL OR b.id < $after)
  AND ($ids IS NULL OR b.id IN $ids)
CALL (b, h) {
  MATCH (h)<-[:LOGGED_ABOUT]-(l:AccessLogEntry)
  WHERE l.accountId = b.accountId AND l.breakGlass = true AND l.at >= b.at AND l.at <= b.until
  RETURN collect(l { .action, .operation, .outcome, at: toString(l.at) }) AS actions
}
CALL (b) {
  OPTIONAL MATCH (a:Account {id: b.accountId})
  RETURN a.username AS accountName
}
CALL (b) {
  OPTIONAL MATCH (q:AccessRequest {id: b.viaRequestId})
  OPTIONAL MATCH (c:Account {id: q.decidedBy})
  RETURN q.reason AS requestReason, c.username AS grantedByName
}
RETURN b.id AS id, b.householdId AS householdId, h.reference AS householdReference, h.centrumgemeenteId AS cityId,
  b.accountId AS accountId, accountName, b.agencyId AS agencyId, coalesce(requestReason, b.reason) AS reason, grantedByName,
  toString(b.at) AS startedAt, toString(b.until) AS expiresAt,
  b.reviewed AS reviewed, b.reviewedBy AS reviewedBy, toString(b.reviewedAt) AS reviewedAt, b.reviewNote AS reviewNote, actions
ORDER BY b.id DESC
LIMIT $limit`,
  BreakGlassUseRow,
);

const lockBreakGlass = statement(
  'lockBreakGlassGrant',
  cypher`
MATCH (b:BreakGlassGrant {id: $id})-[:BREAK_GLASS_FOR]->(h:Household)
SET b._lock = $lock
RETURN b.id AS id, h.centrumgemeenteId AS cityId, b.reviewed AS reviewed`,
  z.object({ id: z.string(), cityId: z.string(), reviewed: z.boolean() }),
);

const reviewBreakGlass = statement(
  'reviewBreakGlassGrant',
  cypher`
MATCH (b:BreakGlassGrant {id: $id})
SET b.reviewed = true, b.reviewedBy = $reviewedBy, b.reviewedAt = datetime($now), b.reviewNote = $note
RETURN b.id AS id`,
  z.object({ id: z.string() }),
);

// The log has a create statement and read statements only: there is no way to change or remove an entry. An entry
// about a household that exists gets a LOGGED_ABOUT edge to it, by which the household's log is read (an entry
// about an id that names no household keeps the id only). The household is looked up in a subquery before the
// entry: matched after it, Grafeo 0.6 found the household by scanning the label, not by its id (0.6 -> 34 ms a
// write on 50,000 households), and an OPTIONAL MATCH joined against a scan of every household too. Entries are
// appended (db/appends.ts): journaled on the embedded store, and written again after a crash, so the statement
// is idempotent by the entry's id: MERGE, setting the fields only on creation, and one edge at most. (The WITH
// before FOREACH: Grafeo 0.6 refuses a MERGE straight after MERGE ... ON CREATE SET; a no-op on Neo4j.)
const appendLog = statement(
  'appendAccessLog',
  cypher`
UNWIND $entries AS entry
CALL (entry) {
  MATCH (h:Household {id: entry.householdId})
  RETURN collect(h) AS about
}
MERGE (l:AccessLogEntry {id: entry.id})
ON CREATE SET l += entry, l.at = datetime(entry.at)
WITH l, about
FOREACH (h IN about | MERGE (l)-[:LOGGED_ABOUT]->(h))
RETURN count(l) AS written`,
  z.object({ written: z.number().int() }),
);

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

// A page of the log, newest first, cut before its columns are read (Grafeo builds a row's columns before it sorts).
// About households it goes over their LOGGED_ABOUT edges. On AccessLogEntry.householdId Grafeo 0.6 read the whole
// log: it keeps one index per property name across labels, and dropping event_household (migration 0013) took
// access_log_household's with it (10-16 ms for one household's page with 80,000 entries in the log, growing with
// it). Neo4j expands the same edges from the Household id constraint. The administrator's page over the whole log
// reads every entry that passes the filters.
const logPageRest = cypher`
  AND ($accountId IS NULL OR l.accountId = $accountId)
  AND ($breakGlass IS NULL OR l.breakGlass = $breakGlass)
  AND ($outcome IS NULL OR l.outcome = $outcome)
  AND ($from IS NULL OR l.at >= datetime($from))
  AND ($to IS NULL OR l.at < datetime($to))
  AND ($after IS NULL OR l.id < $after)
WITH l
ORDER BY l.id DESC
LIMIT $limit
RETURN l.id AS id, toString(l.at) AS at, l.accountId AS accountId, l.role AS role, l.agencyId AS agencyId, l.action AS action,
  l.operation AS operation, l.householdId AS householdId, l.searchTerms AS searchTerms, l.basis AS basis, l.outcome AS outcome,
  l.breakGlass AS breakGlass, l.requestId AS requestId`;
const logPageOfHouseholds = statement(
  'accessLogPageOfHouseholds',
  joinCypher(
    cypher`
MATCH (h:Household)<-[:LOGGED_ABOUT]-(l:AccessLogEntry)
WHERE h.id IN $householdIds`,
    logPageRest,
  ),
  LogRow,
);
const logPage = statement(
  'accessLogPage',
  joinCypher(
    cypher`
MATCH (l:AccessLogEntry)
WHERE true`,
    logPageRest,
  ),
  LogRow,
);

// The log shows a household by its reference, so the administrator filters by it: folded as household search folds
// (lower case, no white space or - . _ /), so "syn ams 2009 000038" finds SYN-AMS-2009-000038; the id still works.
// References are unique per region only, so a reference can name one household in each of several regions.
// Administrators see no region; this reads every household's reference, as the administrator's search is rare.
const householdIdsByReferenceOrId = statement(
  'accessLogHouseholdIdsByReferenceOrId',
  cypher`
MATCH (h:Household)
WHERE h.id = $id
  OR replace(replace(replace(replace(replace(h.referenceKey, ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') = $folded
RETURN h.id AS id
LIMIT 50`,
  z.object({ id: z.string() }),
);

/** Who and whom in words: the username of each account and the reference of each household on a page of the log. */
const logAccountNames = statement(
  'accessLogAccountNames',
  cypher`
MATCH (a:Account) WHERE a.id IN $ids
RETURN a.id AS id, a.username AS name`,
  z.object({ id: z.string(), name: z.string() }),
);
const logHouseholdReferences = statement(
  'accessLogHouseholdReferences',
  cypher`
MATCH (h:Household) WHERE h.id IN $ids
RETURN h.id AS id, h.reference AS name`,
  z.object({ id: z.string(), name: z.string() }),
);

export type AccessLogRecord = z.infer<typeof LogRow> & { username?: string | null; householdReference?: string | null };

export interface AccessLogFilter {
  householdId?: string | null;
  /** A household's reference as the log shows it (case and separators folded) or its id. */
  household?: string | null;
  accountId?: string | null;
  breakGlass?: boolean | null;
  outcome?: 'ALLOWED' | 'REFUSED' | null;
  /** From this day (inclusive) to this day (inclusive), as YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
}

/** Log and grant ids sort by time: a zero-padded millisecond clock and a random tail. */
function timeOrderedId(prefix: string, at: Date): string {
  return `${prefix}_${at.getTime().toString().padStart(14, '0')}_${newId('event').slice(3, 15)}`;
}
const logId = (at: Date) => timeOrderedId('log', at);

/** Who recorded a fact: the account and the agency it works for. */
export interface Recorder {
  accountId: string;
  agencyId: string | null;
}

/** A check run inside the write transaction after the household's lock: null allows, a text refuses. */
export type AccessCheck = (facts: AccessFacts | undefined) => string | null;

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export function createAccessRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  return {
    /** Facts for access decisions: all of them, or (REGION) only those a region-wide decision needs. */
    facts: (householdIds: readonly string[], accountId: string, scope: AccessFactsScope = 'CARE') =>
      executor.read((tx) => accessFactsIn(tx, householdIds, accountId, scope, now())),

    async involvedHouseholds(agencyId: string): Promise<string[]> {
      const [row] = await executor.readStatement(involvedHouseholds, { agencyId, recentSince: recentSinceOf(now()) });
      return row?.ids ?? [];
    },

    /**
     * Records the family's consent. With a check, the household is locked and the recorder's access decided from
     * the facts as they are inside this transaction, before anything is written.
     */
    async addConsent(
      input: {
        householdId: string;
        purpose: z.infer<typeof ConsentPurpose>;
        recipientAgencyIds: string[];
        from: string;
        to: string;
        method: z.infer<typeof ConsentMethod>;
      },
      recorder: Recorder,
      check?: AccessCheck,
    ): Promise<Checked<string>> {
      const id = newConsentId();
      const at = now();
      return executor.write(async (tx) => {
        if (check) {
          const [locked] = await tx.run(lockHousehold, { householdId: input.householdId, lock: id });
          const [facts] = locked ? await accessFactsIn(tx, [input.householdId], recorder.accountId, 'CARE', at) : [];
          const refusal = check(facts);
          if (refusal) return { ok: false, reason: refusal };
        }
        await writeConsent(tx, { id, ...input }, recorder, at);
        return { ok: true, value: id };
      });
    },

    consentById: async (id: string) => (await executor.readStatement(consentById, { id }))[0] ?? null,

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

    /**
     * Opens a household under break-glass for some hours. The household is locked first and `allowed` decides on
     * its region (null when there is no such household) inside the same transaction.
     */
    async breakGlass(
      householdId: string,
      recorder: Recorder,
      reason: string,
      hours: number,
      allowed: (household: { cityId: string } | null) => string | null,
    ): Promise<Checked<{ id: string; expiresAt: string }>> {
      const at = now();
      const id = timeOrderedId('bg', at);
      const expiresAt = new Date(at.getTime() + hours * 3600_000).toISOString();
      return executor.write(async (tx) => {
        const [household] = await tx.run(lockHousehold, { householdId, lock: id });
        const refusal = allowed(household ? { cityId: household.cityId } : null);
        if (refusal) return { ok: false, reason: refusal };
        await tx.run(createBreakGlass, {
          householdId,
          grant: { id, householdId, accountId: recorder.accountId, ...(recorder.agencyId ? { agencyId: recorder.agencyId } : {}), reason },
          now: at.toISOString(),
          until: expiresAt,
        });
        return { ok: true, value: { id, expiresAt } };
      });
    },

    /** Break-glass uses on households of a region, newest first, with the reads and writes made under each. */
    async breakGlassUses(filter: { cityId: string; reviewed: boolean | null; ids?: string[] }, first: number, after: string | null) {
      // With the reads made under each grant: every entry appended so far.
      await executor.appendsStored();
      return executor.readStatement(breakGlassUses, {
        cityId: filter.cityId,
        reviewed: filter.reviewed,
        ids: filter.ids ?? null,
        after,
        limit: first + 1,
      });
    },

    /** Marks a use reviewed by a coordinator of its region; the grant is locked while it is checked. */
    async reviewBreakGlassUse(id: string, reviewer: { accountId: string; cityId: string }, note: string | null): Promise<Checked<string>> {
      return executor.write(async (tx) => {
        const [grant] = await tx.run(lockBreakGlass, { id, lock: reviewer.accountId });
        if (!grant || grant.cityId !== reviewer.cityId) return { ok: false, reason: 'NOT_IN_REGION' };
        if (grant.reviewed) return { ok: false, reason: 'ALREADY_REVIEWED' };
        await tx.run(reviewBreakGlass, { id, reviewedBy: reviewer.accountId, now: now().toISOString(), note });
        return { ok: true, value: id };
      });
    },

    async append(entries: Omit<AccessLogEntry, 'id' | 'at'>[]): Promise<void> {
      if (entries.length === 0) return;
      const at = now();
      const rows = entries.map((entry) => ({
        ...Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== null)),
        id: logId(at),
        at: at.toISOString(),
      }));
      // Durable when this resolves; in the store soon after, and before any read of the log (db/appends.ts).
      await executor.append(appendLog, rows);
    },

    /** A page of the log, with every entry appended before the call (db/appends.ts). */
    async log(filter: AccessLogFilter, first: number, after: string | null): Promise<AccessLogRecord[]> {
      await executor.appendsStored();
      return executor.read(async (tx) => {
        const household = filter.household?.trim();
        let householdIds = household
          ? (await tx.run(householdIdsByReferenceOrId, { id: household, folded: foldedSearchTerm(household) })).map((r) => r.id)
          : null;
        if (filter.householdId) householdIds = (householdIds ?? [filter.householdId]).filter((id) => id === filter.householdId);
        const rest = {
          accountId: filter.accountId ?? null,
          breakGlass: filter.breakGlass ?? null,
          outcome: filter.outcome ?? null,
          from: filter.from ? `${filter.from}T00:00:00.000Z` : null,
          to: filter.to ? `${addDays(filter.to, 1)}T00:00:00.000Z` : null,
          after,
          limit: first + 1,
        };
        const rows = householdIds ? await tx.run(logPageOfHouseholds, { householdIds, ...rest }) : await tx.run(logPage, rest);
        const ids = (key: 'accountId' | 'householdId') => [...new Set(rows.flatMap((r) => (r[key] ? [r[key]] : [])))];
        const [accounts, households] = await Promise.all([
          tx.run(logAccountNames, { ids: ids('accountId') }),
          tx.run(logHouseholdReferences, { ids: ids('householdId') }),
        ]);
        const username = new Map(accounts.map((a) => [a.id, a.name]));
        const reference = new Map(households.map((h) => [h.id, h.name]));
        return rows.map((r) => ({
          ...r,
          username: r.accountId ? (username.get(r.accountId) ?? null) : null,
          householdReference: r.householdId ? (reference.get(r.householdId) ?? null) : null,
        }));
      });
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
