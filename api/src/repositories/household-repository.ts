// Households on their path through the chain: members over time, dated events, referrals and regie. All writes atomic.
import { z } from 'zod';
import {
  CompositionSource,
  Destination,
  EventKind,
  LandlordType,
  MemberRole,
  RefusalReason,
  RehousingKind,
  ReferralStatus,
  VerdictKind,
  WaitingListOutcome,
  ChainState,
  RecordableEventKind,
  actingSide,
  checkEventDetails,
  isOpen,
  eventStepFollowed,
  latestCause,
  referralStepFollowed,
  stepOrderViolation,
  referralEventKind,
  referralTransition,
  type EventDetails,
  type ProvenanceKind,
  type ReferralAction,
  type StepOrderViolation,
} from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor, CypherTx } from '../db/executor.js';
import { newId } from './ids.js';
import { Refusal, refusable, type Result } from './result.js';
import { instant, opt, type Page, pageOf } from './rows.js';

/** Who records a fact: a pseudonymous account, the agency it works for, and whether the data are synthetic. */
export interface Actor {
  accountId: string;
  agencyId: string | null;
  provenanceKind: ProvenanceKind;
}

const HouseholdRow = z.object({
  id: z.string(),
  reference: z.string(),
  centrumgemeenteId: z.string(),
  municipality: opt(z.string()),
  landlordType: LandlordType,
  synthetic: z.boolean(),
  registeredAt: instant,
  recordedBy: z.string(),
  provenanceKind: z.string(),
});
export type HouseholdRecord = z.infer<typeof HouseholdRow>;

const MembershipRow = z.object({
  householdId: z.string(),
  personId: z.string(),
  label: z.string(),
  birthYear: opt(z.number().int()),
  role: MemberRole,
  from: z.string(),
  to: opt(z.string()),
  compositionSource: CompositionSource,
});
export type MembershipRecord = z.infer<typeof MembershipRow>;

const EventRow = z.object({
  id: z.string(),
  kind: EventKind,
  householdId: z.string(),
  occurredOn: z.string(),
  agencyId: opt(z.string()),
  facilityId: opt(z.string()),
  referralId: opt(z.string()),
  arrearsMonths: opt(z.number()),
  refusalReason: opt(RefusalReason),
  verdictKind: opt(VerdictKind),
  waitingListOutcome: opt(WaitingListOutcome),
  rehousingKind: opt(RehousingKind),
  destination: opt(Destination),
  priority: opt(z.number().int()),
  note: opt(z.string()),
  personId: opt(z.string()),
  regieStage: opt(ChainState),
  followsFromIds: z.array(z.string()),
  supersedesId: opt(z.string()),
  supersededById: opt(z.string()),
  recordedAt: instant,
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type EventRecord = z.infer<typeof EventRow>;

const ReferralRow = z.object({
  id: z.string(),
  householdId: z.string(),
  fromAgencyId: z.string(),
  toAgencyId: z.string(),
  status: ReferralStatus,
  purpose: z.string(),
  sentOn: z.string(),
  respondBy: z.string(),
  respondedOn: opt(z.string()),
  closedOn: opt(z.string()),
  refusalReason: opt(RefusalReason),
  refusalText: opt(z.string()),
  // Optional in the type: referrals built in bulk (seed) never carry a question.
  infoQuestion: opt(z.string()).optional(),
  recordedAt: instant,
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type ReferralRecord = z.infer<typeof ReferralRow>;

const RegieRow = z.object({
  id: z.string(),
  householdId: z.string(),
  agencyId: z.string(),
  stage: ChainState,
  from: z.string(),
  to: opt(z.string()),
  handedOverToId: opt(z.string()),
  recordedAt: instant,
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type RegieRecord = z.infer<typeof RegieRow>;

const householdsByIds = statement('householdsByIds', cypher`
MATCH (h:Household) WHERE h.id IN $ids
RETURN h { .id, .reference, .centrumgemeenteId, .municipality, .landlordType, .synthetic, .recordedBy, .provenanceKind, registeredAt: toString(h.recordedAt) } AS row`,
  z.object({ row: HouseholdRow }));

const householdsPage = statement('householdsPage', cypher`
MATCH (h:Household)
WHERE ($cityIds IS NULL OR h.centrumgemeenteId IN $cityIds)
  AND ($ids IS NULL OR h.id IN $ids)
  AND ($reference IS NULL OR h.referenceKey STARTS WITH $reference)
  AND ($after IS NULL OR h.id > $after)
RETURN h { .id, .reference, .centrumgemeenteId, .municipality, .landlordType, .synthetic, .recordedBy, .provenanceKind, registeredAt: toString(h.recordedAt) } AS row
ORDER BY h.id
LIMIT $limit`, z.object({ row: HouseholdRow }));

// The write locks (see the locking rule in db/executor.ts): each is the first statement of its transaction.
const lockHousehold = statement('lockHousehold', cypher`
MATCH (h:Household {id: $id})
SET h._lock = true
WITH h
SET h._version = coalesce(h._version, 0) + 1
REMOVE h._lock
RETURN h.id AS id`, z.object({ id: z.string() }));

// A referral's household never changes, so finding it before the lock reads nothing a concurrent step can change.
const lockHouseholdOfReferral = statement('lockHouseholdOfReferral', cypher`
MATCH (r:Referral {id: $referralId})
MATCH (h:Household {id: r.householdId})
SET h._lock = true
WITH h
SET h._version = coalesce(h._version, 0) + 1
REMOVE h._lock
RETURN h.id AS id`, z.object({ id: z.string() }));

// References are unique per city: the city guards them.
const lockCentrumgemeente = statement('lockCentrumgemeente', cypher`
MATCH (c:Centrumgemeente {id: $id})
SET c._lock = true
WITH c
SET c._version = coalesce(c._version, 0) + 1
REMOVE c._lock
RETURN c.id AS id`, z.object({ id: z.string() }));

// Search by anything a worker has: any part of the reference, a shelter's case number, a referral id. The term comes
// folded (lower case, without spaces and the separators - . _ /) and the stored values are folded the same way in the
// statement, so "gzn 2024 0173" finds "GZN-2024-0173".
// CONTAINS cannot use a range index: each statement starts from the caller's region (household_region) or households
// (household_id_lookup), and the API asks for at least 3 characters, so a search never scans the whole store.
const householdIdsByReferencePart = statement('householdIdsByReferencePart', cypher`
MATCH (h:Household)
WHERE ($cityIds IS NULL OR h.centrumgemeenteId IN $cityIds)
  AND ($ids IS NULL OR h.id IN $ids)
  AND replace(replace(replace(replace(replace(h.referenceKey, ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') CONTAINS $term
  AND ($after IS NULL OR h.id > $after)
RETURN h.id AS id
ORDER BY id
LIMIT $limit`, z.object({ id: z.string() }));

// A case number is matched only in the records of the caller's own agency (coordinators: any agency in the region):
// another shelter's case numbers are not the caller's to search with.
const householdIdsByCaseRef = statement('householdIdsByShelterCaseRef', cypher`
MATCH (h:Household)
WHERE ($cityIds IS NULL OR h.centrumgemeenteId IN $cityIds)
  AND ($ids IS NULL OR h.id IN $ids)
  AND ($after IS NULL OR h.id > $after)
MATCH (h)<-[:CONCERNS]-(r:ShelterRecord)
WHERE ($agencyId IS NULL OR r.reportingAgencyId = $agencyId)
  AND r.caseRef IS NOT NULL AND replace(replace(replace(replace(replace(toLower(r.caseRef), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') CONTAINS $term
RETURN DISTINCT h.id AS id
ORDER BY id
LIMIT $limit`, z.object({ id: z.string() }));

// From the caller's households along REFERRAL_FOR to their referrals, never a scan of every referral. (A lookup by
// r.householdId per household measured about 4 times slower on Grafeo than the relationship.)
const householdIdsByReferralId = statement('householdIdsByReferralId', cypher`
MATCH (h:Household)
WHERE ($cityIds IS NULL OR h.centrumgemeenteId IN $cityIds)
  AND ($ids IS NULL OR h.id IN $ids)
  AND ($after IS NULL OR h.id > $after)
MATCH (h)<-[:REFERRAL_FOR]-(r:Referral)
WHERE replace(replace(replace(replace(replace(toLower(r.id), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') CONTAINS $term
RETURN DISTINCT h.id AS id
ORDER BY id
LIMIT $limit`, z.object({ id: z.string() }));

const referenceCheck = statement('householdReferenceChecks', cypher`
OPTIONAL MATCH (c:Centrumgemeente {id: $cityId})
OPTIONAL MATCH (same:Household {referenceKey: $referenceKey, centrumgemeenteId: $cityId})
RETURN c IS NOT NULL AS cityFound, same IS NOT NULL AS referenceTaken`, z.object({ cityFound: z.boolean(), referenceTaken: z.boolean() }));

const createHousehold = statement('createHousehold', cypher`
MATCH (c:Centrumgemeente {id: $household.centrumgemeenteId})
CREATE (h:Household)
SET h += $household, h.recordedAt = datetime($recordedAt)
CREATE (h)-[:IN_REGION]->(c)
WITH h
UNWIND $members AS m
CREATE (p:Person)
SET p += m.person, p.recordedAt = datetime($recordedAt)
CREATE (p)-[r:MEMBER_OF]->(h)
SET r += m.membership, r.from = date(m.from), r.recordedAt = datetime($recordedAt)
RETURN h.id AS id, count(p) AS members`, z.object({ id: z.string(), members: z.number().int() }));

const membershipsByHousehold = statement('membershipsByHousehold', cypher`
// Written from the household: Grafeo starts a pattern at its first node, and the household is the indexed one.
MATCH (h:Household)<-[r:MEMBER_OF]-(p:Person)
WHERE h.id IN $ids
RETURN h.id AS householdId, p.id AS personId, p.label AS label, p.birthYear AS birthYear, r.role AS role,
  toString(r.from) AS from, toString(r.to) AS to, r.compositionSource AS compositionSource
ORDER BY householdId, from, personId`, MembershipRow);

const addMember = statement('addMember', cypher`
MATCH (h:Household {id: $householdId})
CREATE (p:Person)
SET p += $person, p.recordedAt = datetime($recordedAt)
CREATE (p)-[r:MEMBER_OF]->(h)
SET r += $membership, r.from = date($from), r.recordedAt = datetime($recordedAt)
RETURN p.id AS id`, z.object({ id: z.string() }));

const closeMembership = statement('closeMembership', cypher`
MATCH (p:Person {id: $personId})-[r:MEMBER_OF]->(h:Household {id: $householdId})
WHERE r.to IS NULL
SET r.to = date($to), r.closedAt = datetime($recordedAt), r.closedBy = $recordedBy
RETURN p.id AS id`, z.object({ id: z.string() }));

const existingAgencies = statement('existingAgencies', cypher`
MATCH (a:Agency) WHERE a.id IN $ids
RETURN collect(a.id) AS ids`, z.object({ ids: z.array(z.string()) }));

const existingFacilities = statement('existingFacilities', cypher`
MATCH (f:Facility) WHERE f.id IN $ids
RETURN collect(f.id) AS ids`, z.object({ ids: z.array(z.string()) }));

const createEvent = statement('createEvent', cypher`
MATCH (h:Household {id: $householdId})
CREATE (e:Event)
SET e += $event, e.occurredOn = date($occurredOn), e.recordedAt = datetime($recordedAt)
CREATE (h)-[:HAD]->(e)
WITH e
OPTIONAL MATCH (a:Agency {id: $agencyId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | CREATE (a)-[:ACTED_IN]->(e))
WITH e
OPTIONAL MATCH (f:Facility {id: $facilityId})
FOREACH (_ IN CASE WHEN f IS NULL THEN [] ELSE [1] END | CREATE (e)-[:AT_FACILITY]->(f))
WITH e
OPTIONAL MATCH (r:Referral {id: $referralId})
FOREACH (_ IN CASE WHEN r IS NULL THEN [] ELSE [1] END | CREATE (e)-[:CONCERNS]->(r))
WITH e
OPTIONAL MATCH (old:Event {id: $supersedesId})
FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END | CREATE (e)-[:SUPERSEDES]->(old))
WITH e
// A list filter, not UNWIND + a lookup by a row variable: Grafeo scans for the latter.
OPTIONAL MATCH (cause:Event) WHERE cause.id IN $followsFromIds AND cause.householdId = $householdId
FOREACH (_ IN CASE WHEN cause IS NULL THEN [] ELSE [1] END | CREATE (e)-[:FOLLOWS_FROM]->(cause))
RETURN DISTINCT e.id AS id`, z.object({ id: z.string() }));

const eventsByHousehold = statement('eventsByHousehold', cypher`
MATCH (h:Household)-[:HAD]->(e:Event)
WHERE h.id IN $ids
// Pattern comprehensions, not OPTIONAL MATCH: Grafeo 0.6 plans an OPTIONAL MATCH from a bound node as a scan of
// every Event, which made this read grow with the store; a comprehension expands from e on both engines.
WITH e, [(e)<-[:SUPERSEDES]-(newer:Event) | newer.id] AS supersededBy, [(e)-[:FOLLOWS_FROM]->(cause:Event) | cause.id] AS followsFromIds
RETURN e.id AS id, e.kind AS kind, e.householdId AS householdId, toString(e.occurredOn) AS occurredOn,
  e.agencyId AS agencyId, e.facilityId AS facilityId, e.referralId AS referralId, e.arrearsMonths AS arrearsMonths,
  e.refusalReason AS refusalReason, e.verdictKind AS verdictKind, e.waitingListOutcome AS waitingListOutcome,
  e.rehousingKind AS rehousingKind, e.destination AS destination, e.priority AS priority, e.note AS note,
  e.personId AS personId, e.regieStage AS regieStage, followsFromIds, e.supersedesId AS supersedesId,
  supersededBy[0] AS supersededById, toString(e.recordedAt) AS recordedAt, e.recordedBy AS recordedBy, e.synthetic AS synthetic
ORDER BY householdId, occurredOn, recordedAt, id`, EventRow);

const eventsByIds = statement('eventsByIds', cypher`
MATCH (e:Event) WHERE e.id IN $ids
RETURN e.id AS id, e.kind AS kind, e.householdId AS householdId, [(e)<-[:SUPERSEDES]-(newer:Event) | newer.id][0] AS supersededById`,
  z.object({ id: z.string(), kind: EventKind, householdId: z.string(), supersededById: opt(z.string()) }));


const referralsByHousehold = statement('referralsByHousehold', cypher`
MATCH (r:Referral) WHERE r.householdId IN $ids
RETURN r.id AS id, r.householdId AS householdId, r.fromAgencyId AS fromAgencyId, r.toAgencyId AS toAgencyId,
  r.status AS status, r.purpose AS purpose, toString(r.sentOn) AS sentOn, toString(r.respondBy) AS respondBy,
  toString(r.respondedOn) AS respondedOn, toString(r.closedOn) AS closedOn, r.refusalReason AS refusalReason,
  r.refusalText AS refusalText, r.infoQuestion AS infoQuestion, toString(r.recordedAt) AS recordedAt, r.recordedBy AS recordedBy, r.synthetic AS synthetic
ORDER BY householdId, sentOn, id`, ReferralRow);

const referralsByIds = statement('referralsByIds', cypher`
MATCH (r:Referral) WHERE r.id IN $ids
RETURN r.id AS id, r.householdId AS householdId, r.fromAgencyId AS fromAgencyId, r.toAgencyId AS toAgencyId,
  r.status AS status, r.purpose AS purpose, toString(r.sentOn) AS sentOn, toString(r.respondBy) AS respondBy,
  toString(r.respondedOn) AS respondedOn, toString(r.closedOn) AS closedOn, r.refusalReason AS refusalReason,
  r.refusalText AS refusalText, r.infoQuestion AS infoQuestion, toString(r.recordedAt) AS recordedAt, r.recordedBy AS recordedBy, r.synthetic AS synthetic`,
  ReferralRow);

const createReferral = statement('createReferral', cypher`
MATCH (h:Household {id: $householdId}), (from:Agency {id: $fromAgencyId}), (to:Agency {id: $toAgencyId})
CREATE (r:Referral)
SET r += $referral, r.sentOn = date($sentOn), r.respondBy = date($respondBy), r.recordedAt = datetime($recordedAt)
CREATE (r)-[:REFERRAL_FOR]->(h), (r)-[:SENT_BY]->(from), (r)-[:SENT_TO]->(to)
RETURN r.id AS id`, z.object({ id: z.string() }));

// Runs under the household's lock, so the status read before it is still the status; the WHERE is a second guard.
const moveReferral = statement('moveReferral', cypher`
MATCH (r:Referral {id: $id})
WHERE r.status = $expectedStatus
SET r.status = $status,
  r.respondedOn = CASE WHEN $responded THEN date($on) ELSE r.respondedOn END,
  r.closedOn = CASE WHEN $closes THEN date($on) ELSE r.closedOn END,
  r.respondBy = CASE WHEN $respondBy IS NULL THEN r.respondBy ELSE date($respondBy) END,
  r.refusalReason = $refusalReason, r.refusalText = $refusalText,
  r.infoQuestion = CASE WHEN $infoQuestion IS NULL THEN r.infoQuestion ELSE $infoQuestion END,
  r.infoRequestedOn = CASE WHEN $infoQuestion IS NULL THEN r.infoRequestedOn ELSE date($on) END
RETURN r.id AS id`, z.object({ id: z.string() }));

const regieByHousehold = statement('regieByHousehold', cypher`
MATCH (g:RegieAssignment) WHERE g.householdId IN $ids
RETURN g.id AS id, g.householdId AS householdId, g.agencyId AS agencyId, g.stage AS stage, toString(g.from) AS from,
  toString(g.to) AS to, g.handedOverToId AS handedOverToId, toString(g.recordedAt) AS recordedAt, g.recordedBy AS recordedBy,
  g.synthetic AS synthetic
ORDER BY householdId, from, id`, RegieRow);

const createRegie = statement('createRegie', cypher`
MATCH (h:Household {id: $householdId}), (a:Agency {id: $agencyId})
CREATE (g:RegieAssignment)
SET g += $assignment, g.from = date($from), g.recordedAt = datetime($recordedAt)
CREATE (g)-[:REGIE_OVER]->(h), (g)-[:HELD_BY]->(a)
RETURN g.id AS id`, z.object({ id: z.string() }));

const closeRegie = statement('closeRegie', cypher`
MATCH (g:RegieAssignment {id: $id}), (next:RegieAssignment {id: $nextId})
WHERE g.to IS NULL
SET g.to = date($to), g.handedOverToId = $nextId
CREATE (g)-[:HANDED_OVER_TO]->(next)
RETURN g.id AS id`, z.object({ id: z.string() }));

/** Calendar days between two ISO dates; Cypher's duration.between is outside the common dialect. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
  return dayOf(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

/** The ISO date (UTC) of an instant: "today" is dayOf(now()). */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Events in the order they happened: by day, then by when they were recorded, then by id (recorded in one millisecond). */
export function inOrderOfOccurrence(a: EventRecord, b: EventRecord): number {
  return a.occurredOn.localeCompare(b.occurredOn) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id);
}

export interface NewMember {
  label: string;
  birthYear: number | null;
  role: z.infer<typeof MemberRole>;
  from: string;
  compositionSource: z.infer<typeof CompositionSource>;
}

export interface NewHousehold {
  id?: string;
  reference: string;
  centrumgemeenteId: string;
  municipality: string | null;
  landlordType: z.infer<typeof LandlordType>;
  members: NewMember[];
}

export interface NewEvent extends EventDetails {
  id?: string;
  householdId: string;
  kind: RecordableEventKind;
  occurredOn: string;
  agencyId: string | null;
  followsFromIds?: string[];
}

/** A search term folded as the search statements fold stored values: lower case, no white space or - . _ / */
export function foldedSearchTerm(term: string): string {
  return term.toLowerCase().replace(/[\s\-._/]+/g, '');
}

/** The reference as typed by a worker, folded so that "GZN-0173" and "gzn-0173" are the same household. */
export function referenceKey(reference: string): string {
  return reference.trim().toLowerCase();
}

function stripNulls<T extends object>(row: T): Partial<T> {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
}

function provenance(actor: Actor, now: Date) {
  return {
    recordedAt: now.toISOString(),
    props: {
      recordedBy: actor.accountId,
      reportingAgencyId: actor.agencyId,
      provenanceKind: actor.provenanceKind,
      synthetic: actor.provenanceKind === 'SYNTHETIC',
    },
  };
}

export function createHouseholdRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  async function requireAgencies(tx: CypherTx, ids: (string | null | undefined)[]): Promise<void> {
    const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
    if (wanted.length === 0) return;
    const [row] = await tx.run(existingAgencies, { ids: wanted });
    const missing = wanted.filter((id) => !row?.ids.includes(id));
    if (missing.length > 0) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Agency', id: missing.join(', ') });
  }

  async function requireFacility(tx: CypherTx, id: string | null | undefined): Promise<void> {
    if (!id) return;
    const [row] = await tx.run(existingFacilities, { ids: [id] });
    if (!row?.ids.includes(id)) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Facility', id });
  }

  function refuseOutOfOrder(violation: StepOrderViolation | null, path: string[]): void {
    if (violation) throw new Refusal({ kind: 'STEP_ORDER', path, ...violation });
  }

  async function householdEvents(tx: CypherTx, householdId: string): Promise<EventRecord[]> {
    return tx.run(eventsByHousehold, { ids: [householdId] });
  }

  /** The first statement of every write to a household's facts: its write lock, and the check that it exists. */
  async function lockExistingHousehold(tx: CypherTx, householdId: string): Promise<void> {
    const [locked] = await tx.run(lockHousehold, { id: householdId });
    if (!locked) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Household', id: householdId });
  }

  async function insertEvent(
    tx: CypherTx,
    actor: Actor,
    at: Date,
    event: Omit<EventRecord, 'recordedAt' | 'recordedBy' | 'synthetic' | 'supersededById' | 'followsFromIds'> & { followsFromIds?: string[] },
  ): Promise<string> {
    const { recordedAt, props } = provenance(actor, at);
    const { occurredOn, followsFromIds = [], ...rest } = event;
    await tx.run(createEvent, {
      householdId: event.householdId,
      event: stripNulls({ ...rest, ...props }),
      occurredOn,
      recordedAt,
      agencyId: event.agencyId,
      facilityId: event.facilityId,
      referralId: event.referralId,
      supersedesId: event.supersedesId,
      followsFromIds,
    });
    return event.id;
  }

  function bareEvent(householdId: string, kind: z.infer<typeof EventKind>, occurredOn: string, agencyId: string | null) {
    return {
      id: newId('event'),
      kind,
      householdId,
      occurredOn,
      agencyId,
      facilityId: null,
      referralId: null,
      arrearsMonths: null,
      refusalReason: null,
      verdictKind: null,
      waitingListOutcome: null,
      rehousingKind: null,
      destination: null,
      priority: null,
      note: null,
      personId: null,
      regieStage: null,
      supersedesId: null,
    };
  }

  return {
    householdsByIds: (ids: readonly string[]) =>
      executor.read(async (tx) => (await tx.run(householdsByIds, { ids: [...ids] })).map((r) => r.row)),

    async householdsPage(
      filter: { cityIds: string[] | null; ids: string[] | null; reference: string | null },
      first: number,
      after: string | null,
    ): Promise<Page<HouseholdRecord>> {
      const rows = await executor.read((tx) =>
        tx.run(householdsPage, {
          cityIds: filter.cityIds,
          ids: filter.ids,
          reference: filter.reference ? referenceKey(filter.reference) : null,
          after,
          limit: first + 1,
        }),
      );
      return pageOf(rows.map((r) => r.row), first);
    },

    /**
     * Households matching a folded search term by reference part, case number or referral id, within the caller's
     * candidates; ids in order, one page (first + 1 to tell whether there is more). The three reads run in parallel.
     */
    async searchHouseholdIds(
      filter: { cityIds: string[] | null; ids: string[] | null; caseRefAgencyId: string | null },
      term: string,
      first: number,
      after: string | null,
    ): Promise<Page<string>> {
      const params = { cityIds: filter.cityIds, ids: filter.ids, term: foldedSearchTerm(term), after, limit: first + 1 };
      const [byReference, byCaseRef, byReferral] = await Promise.all([
        executor.read((tx) => tx.run(householdIdsByReferencePart, params)),
        executor.read((tx) => tx.run(householdIdsByCaseRef, { ...params, agencyId: filter.caseRefAgencyId })),
        executor.read((tx) => tx.run(householdIdsByReferralId, params)),
      ]);
      const ids = [...new Set([...byReference, ...byCaseRef, ...byReferral].map((r) => r.id))].sort();
      return pageOf(ids, first);
    },

    membershipsByHousehold: (ids: readonly string[]) => executor.read((tx) => tx.run(membershipsByHousehold, { ids: [...ids] })),
    eventsByHousehold: (ids: readonly string[]) => executor.read((tx) => tx.run(eventsByHousehold, { ids: [...ids] })),
    referralsByHousehold: (ids: readonly string[]) => executor.read((tx) => tx.run(referralsByHousehold, { ids: [...ids] })),
    eventsById: (ids: readonly string[]) => executor.read((tx) => tx.run(eventsByIds, { ids: [...ids] })),
    referralsByIds: (ids: readonly string[]) => executor.read((tx) => tx.run(referralsByIds, { ids: [...ids] })),
    regieByHousehold: (ids: readonly string[]) => executor.read((tx) => tx.run(regieByHousehold, { ids: [...ids] })),

    /** Registers a household with its members; the reference is unique within the region. */
    register(input: NewHousehold, actor: Actor): Promise<Result<HouseholdRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          const key = referenceKey(input.reference);
          await tx.run(lockCentrumgemeente, { id: input.centrumgemeenteId });
          const [check] = await tx.run(referenceCheck, { cityId: input.centrumgemeenteId, referenceKey: key });
          if (!check?.cityFound) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Centrumgemeente', id: input.centrumgemeenteId });
          if (check.referenceTaken) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'reference'], code: 'TAKEN' }] });
          }
          const at = now();
          const { recordedAt, props } = provenance(actor, at);
          const id = input.id ?? newId('household');
          await tx.run(createHousehold, {
            household: stripNulls({
              id,
              reference: input.reference.trim(),
              referenceKey: key,
              centrumgemeenteId: input.centrumgemeenteId,
              municipality: input.municipality,
              landlordType: input.landlordType,
              ...props,
            }),
            recordedAt,
            members: input.members.map((member) => ({
              person: stripNulls({ id: newId('person'), label: member.label, birthYear: member.birthYear, ...props }),
              membership: { role: member.role, compositionSource: member.compositionSource, ...stripNulls(props) },
              from: member.from,
            })),
          });
          return (await tx.run(householdsByIds, { ids: [id] }))[0]!.row;
        }),
      );
    },

    addMember(householdId: string, member: NewMember, actor: Actor): Promise<Result<MembershipRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          await lockExistingHousehold(tx, householdId);
          const at = now();
          const { recordedAt, props } = provenance(actor, at);
          const personId = newId('person');
          await tx.run(addMember, {
            householdId,
            person: stripNulls({ id: personId, label: member.label, birthYear: member.birthYear, ...props }),
            membership: { role: member.role, compositionSource: member.compositionSource, ...stripNulls(props) },
            from: member.from,
            recordedAt,
          });
          await insertEvent(tx, actor, at, { ...bareEvent(householdId, 'MEMBER_JOINED', member.from, actor.agencyId), personId });
          const rows = await tx.run(membershipsByHousehold, { ids: [householdId] });
          return rows.find((row) => row.personId === personId)!;
        }),
      );
    },

    memberLeft(householdId: string, personId: string, on: string, actor: Actor): Promise<Result<MembershipRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          await lockExistingHousehold(tx, householdId);
          const current = (await tx.run(membershipsByHousehold, { ids: [householdId] })).find((m) => m.personId === personId && m.to === null);
          if (!current) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Membership', id: personId });
          if (on < current.from) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['on'], code: 'BEFORE_JOINED', params: { date: current.from } }] });
          }
          const at = now();
          await tx.run(closeMembership, { personId, householdId, to: on, recordedAt: at.toISOString(), recordedBy: actor.accountId });
          await insertEvent(tx, actor, at, { ...bareEvent(householdId, 'MEMBER_LEFT', on, actor.agencyId), personId });
          return { ...current, to: on };
        }),
      );
    },

    /** Records a dated event after checking its details against its kind and the household's open waiting lists. */
    recordEvent(input: NewEvent, actor: Actor, supersedesId: string | null = null): Promise<Result<EventRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          const { householdId, kind, occurredOn, agencyId, followsFromIds = [], id, ...details } = input;
          const problems = checkEventDetails(kind, details);
          if (problems.length > 0) {
            throw new Refusal({ kind: 'VALIDATION', fields: problems.map((p) => ({ path: ['input', p.field], code: p.code, params: { kind } })) });
          }
          await lockExistingHousehold(tx, householdId);
          await requireAgencies(tx, [agencyId]);
          await requireFacility(tx, details.facilityId);
          const events = await householdEvents(tx, householdId);
          const missingCause = followsFromIds.find((cause) => !events.some((e) => e.id === cause));
          if (missingCause) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Event', id: missingCause });
          // correctEvent checked this before the lock; a concurrent correction may have come first.
          const corrected = supersedesId ? events.find((e) => e.id === supersedesId) : undefined;
          if (corrected?.supersededById) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['eventId'], code: 'ALREADY_CORRECTED', params: { other: corrected.supersededById } }] });
          }
          const next = { step: kind, on: occurredOn };
          refuseOutOfOrder(stepOrderViolation(next, latestCause(events.filter((e) => followsFromIds.includes(e.id)))), ['input', 'occurredOn']);
          refuseOutOfOrder(stepOrderViolation(next, eventStepFollowed({ kind, occurredOn, facilityId: details.facilityId ?? null }, events, supersedesId)), ['input', 'occurredOn']);
          if (kind === 'WAITING_LIST_EXIT' && !supersedesId) {
            const effective = events.filter((e) => e.supersededById === null && e.facilityId === details.facilityId);
            const open = effective.filter((e) => e.kind === 'WAITING_LIST_ENTRY').length - effective.filter((e) => e.kind === 'WAITING_LIST_EXIT').length;
            if (open <= 0) {
              throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'facilityId'], code: 'NOT_ON_WAITING_LIST' }] });
            }
          }
          const at = now();
          const eventId = id ?? newId('event');
          await insertEvent(tx, actor, at, {
            ...bareEvent(householdId, kind, occurredOn, agencyId),
            ...stripNulls(details),
            id: eventId,
            supersedesId,
            followsFromIds,
          });
          return (await householdEvents(tx, householdId)).find((e) => e.id === eventId)!;
        }),
      );
    },

    /** A correction is a new event of the same kind that supersedes the old one; the old one stays for the record. */
    async correctEvent(eventId: string, replacement: Omit<NewEvent, 'householdId' | 'kind'>, actor: Actor): Promise<Result<EventRecord>> {
      const [original] = await executor.read((tx) => tx.run(eventsByIds, { ids: [eventId] }));
      if (!original) return { ok: false, failure: { kind: 'NOT_FOUND', entity: 'Event', id: eventId } };
      if (original.supersededById) {
        return { ok: false, failure: { kind: 'VALIDATION', fields: [{ path: ['eventId'], code: 'ALREADY_CORRECTED', params: { other: original.supersededById } }] } };
      }
      const recordable = RecordableEventKind.safeParse(original.kind);
      if (!recordable.success) {
        return { ok: false, failure: { kind: 'VALIDATION', fields: [{ path: ['eventId'], code: 'CORRECTED_ELSEWHERE', params: { kind: original.kind } }] } };
      }
      return this.recordEvent({ ...replacement, householdId: original.householdId, kind: recordable.data }, actor, eventId);
    },

    sendReferral(
      input: { householdId: string; fromAgencyId: string; toAgencyId: string; purpose: string; sentOn: string; respondWithinDays: number; followsFromIds?: string[] },
      actor: Actor,
    ): Promise<Result<ReferralRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          await lockExistingHousehold(tx, input.householdId);
          await requireAgencies(tx, [input.fromAgencyId, input.toAgencyId]);
          if (input.fromAgencyId === input.toAgencyId) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'toAgencyId'], code: 'SELF_REFERRAL' }] });
          }
          const at = now();
          const { recordedAt, props } = provenance(actor, at);
          const id = newId('referral');
          await tx.run(createReferral, {
            householdId: input.householdId,
            fromAgencyId: input.fromAgencyId,
            toAgencyId: input.toAgencyId,
            referral: stripNulls({
              id,
              householdId: input.householdId,
              fromAgencyId: input.fromAgencyId,
              toAgencyId: input.toAgencyId,
              status: 'SENT',
              purpose: input.purpose,
              ...props,
            }),
            sentOn: input.sentOn,
            respondBy: addDays(input.sentOn, input.respondWithinDays),
            recordedAt,
          });
          const events = await householdEvents(tx, input.householdId);
          const causes = input.followsFromIds ?? [];
          const missingCause = causes.find((cause) => !events.some((e) => e.id === cause));
          if (missingCause) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Event', id: missingCause });
          refuseOutOfOrder(stepOrderViolation({ step: 'REFERRAL_SENT', on: input.sentOn }, latestCause(events.filter((e) => causes.includes(e.id)))), ['input', 'sentOn']);
          await insertEvent(tx, actor, at, {
            ...bareEvent(input.householdId, 'REFERRAL_SENT', input.sentOn, input.fromAgencyId),
            referralId: id,
            followsFromIds: input.followsFromIds ?? [],
          });
          return (await tx.run(referralsByIds, { ids: [id] }))[0]!;
        }),
      );
    },

    /**
     * One step of the referral lifecycle. The receiver accepts, refuses or completes; the sender withdraws;
     * expiry is the system's, once the respond-by date has passed.
     */
    moveReferral(
      referralId: string,
      action: ReferralAction,
      input: { on: string; refusalReason?: z.infer<typeof RefusalReason> | null; refusalText?: string | null; message?: string | null },
      actor: Actor,
    ): Promise<Result<ReferralRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          const [locked] = await tx.run(lockHouseholdOfReferral, { referralId });
          if (!locked) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Referral', id: referralId });
          const [referral] = await tx.run(referralsByIds, { ids: [referralId] });
          if (!referral) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Referral', id: referralId });
          const step = referralTransition(referral.status, action);
          if (!step.ok) throw new Refusal({ kind: 'INVALID_TRANSITION', from: step.from, action: step.action, allowed: step.allowed });
          const side = actingSide(action);
          const actingAgency = side === 'RECEIVER' ? referral.toAgencyId : side === 'SENDER' ? referral.fromAgencyId : null;
          if (actingAgency && actor.agencyId && actor.agencyId !== actingAgency) {
            throw new Refusal({ kind: 'FORBIDDEN', reason: `only ${side === 'RECEIVER' ? 'the receiving' : 'the sending'} agency may ${action.toLowerCase()} this referral` });
          }
          refuseOutOfOrder(stepOrderViolation({ step: referralEventKind[action], on: input.on }, referralStepFollowed(referral)), ['input', 'on']);
          if (action === 'REFUSE' && !input.refusalReason) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'refusalReason'], code: 'REASON_NEEDED' }] });
          }
          if (action !== 'REFUSE' && (input.refusalReason || input.refusalText)) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'refusalReason'], code: 'REASON_NOT_USED' }] });
          }
          const asksOrAnswers = action === 'REQUEST_INFO' || action === 'PROVIDE_INFO';
          if (asksOrAnswers && !input.message) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'message'], code: action === 'REQUEST_INFO' ? 'INFO_QUESTION_NEEDED' : 'INFO_ANSWER_NEEDED' }] });
          }
          if (!asksOrAnswers && input.message) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'message'], code: 'MESSAGE_NOT_USED' }] });
          }
          if (action === 'EXPIRE' && input.on <= referral.respondBy) {
            throw new Refusal({ kind: 'VALIDATION', fields: [{ path: ['input', 'on'], code: 'NOT_AFTER_DEADLINE', params: { date: referral.respondBy } }] });
          }
          const moved = await tx.run(moveReferral, {
            id: referralId,
            expectedStatus: referral.status,
            status: step.to,
            responded: action === 'ACCEPT' || action === 'REFUSE',
            closes: !isOpen(step.to),
            on: input.on,
            refusalReason: input.refusalReason ?? null,
            refusalText: input.refusalText ?? null,
            // The answer to a question restarts the receiver's response term, as long as it was at first.
            respondBy: action === 'PROVIDE_INFO' ? addDays(input.on, Math.max(1, daysBetween(referral.sentOn, referral.respondBy))) : null,
            infoQuestion: action === 'REQUEST_INFO' ? input.message! : null,
          });
          if (moved.length === 0) {
            throw new Refusal({ kind: 'INVALID_TRANSITION', from: 'CHANGED_MEANWHILE', action, allowed: [] });
          }
          await insertEvent(tx, actor, now(), {
            ...bareEvent(referral.householdId, referralEventKind[action], input.on, actingAgency),
            referralId,
            refusalReason: input.refusalReason ?? null,
            note: input.refusalText ?? input.message ?? null,
          });
          return (await tx.run(referralsByIds, { ids: [referralId] }))[0]!;
        }),
      );
    },

    /** Takes regie at a stage. Refused while another agency holds it there: that calls for a handover. */
    takeRegie(householdId: string, agencyId: string, stage: z.infer<typeof ChainState>, from: string, actor: Actor): Promise<Result<RegieRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          await lockExistingHousehold(tx, householdId);
          await requireAgencies(tx, [agencyId]);
          const atStage = (await tx.run(regieByHousehold, { ids: [householdId] })).filter((g) => g.stage === stage);
          const open = atStage.filter((g) => g.to === null);
          if (open.length > 0) {
            throw new Refusal({
              kind: 'VALIDATION',
              fields: [{ path: ['input', 'stage'], code: 'REGIE_HELD', params: { agency: open[0]!.agencyId } }],
            });
          }
          // Taking regie at a stage follows the last handover there: an earlier day would make two holders at once.
          const lastEnd = atStage.map((g) => g.to!).sort().at(-1);
          refuseOutOfOrder(stepOrderViolation({ step: 'REGIE_TAKEN', on: from }, lastEnd ? { step: 'REGIE_HANDED_OVER', on: lastEnd } : null), ['input', 'from']);
          const at = now();
          const { recordedAt, props } = provenance(actor, at);
          const id = newId('regie');
          await tx.run(createRegie, {
            householdId,
            agencyId,
            assignment: stripNulls({ id, householdId, agencyId, stage, ...props }),
            from,
            recordedAt,
          });
          await insertEvent(tx, actor, at, { ...bareEvent(householdId, 'REGIE_TAKEN', from, agencyId), regieStage: stage });
          return (await tx.run(regieByHousehold, { ids: [householdId] })).find((g) => g.id === id)!;
        }),
      );
    },

    /** Hands regie over (overdracht): the current interval closes on the day the next one starts. */
    handOverRegie(
      householdId: string,
      stage: z.infer<typeof ChainState>,
      toAgencyId: string,
      toStage: z.infer<typeof ChainState>,
      on: string,
      actor: Actor,
    ): Promise<Result<RegieRecord>> {
      return refusable(() =>
        executor.write(async (tx) => {
          await lockExistingHousehold(tx, householdId);
          await requireAgencies(tx, [toAgencyId]);
          const current = (await tx.run(regieByHousehold, { ids: [householdId] })).find((g) => g.to === null && g.stage === stage);
          if (!current) throw new Refusal({ kind: 'NOT_FOUND', entity: 'RegieAssignment', id: `${householdId}/${stage}` });
          if (actor.agencyId && actor.agencyId !== current.agencyId) {
            throw new Refusal({ kind: 'FORBIDDEN', reason: 'only the agency holding regie can hand it over' });
          }
          refuseOutOfOrder(stepOrderViolation({ step: 'REGIE_HANDED_OVER', on }, { step: 'REGIE_TAKEN', on: current.from }), ['input', 'on']);
          const at = now();
          const { recordedAt, props } = provenance(actor, at);
          const nextId = newId('regie');
          await tx.run(createRegie, {
            householdId,
            agencyId: toAgencyId,
            assignment: stripNulls({ id: nextId, householdId, agencyId: toAgencyId, stage: toStage, ...props }),
            from: on,
            recordedAt,
          });
          await tx.run(closeRegie, { id: current.id, nextId, to: on });
          await insertEvent(tx, actor, at, { ...bareEvent(householdId, 'REGIE_HANDED_OVER', on, current.agencyId), regieStage: toStage, note: `to ${toAgencyId}` });
          return (await tx.run(regieByHousehold, { ids: [householdId] })).find((g) => g.id === nextId)!;
        }),
      );
    },
  };
}


export type HouseholdRepository = ReturnType<typeof createHouseholdRepository>;
