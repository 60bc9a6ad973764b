// Households and their members over time; the reference is unique within a region. All writes atomic.
import {
  HouseholdRow,
  MembershipRow,
  type CompositionSource,
  type HouseholdRecord,
  type LandlordType,
  type MemberRole,
  type MembershipRecord,
} from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, joinCypher, statement, type CypherText } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import type { RepositoryDeps } from './bind.js';
import { newConsentId, writeConsent, type NewConsent } from './consent-write.js';
import { bareEvent, insertEvent } from './event-repository.js';
import { lockExistingHousehold } from './household-lock.js';
import { newId } from './ids.js';
import { provenance, type Actor } from './provenance.js';
import { Refusal, refusable, type Result } from './result.js';
import { type Page, pageOf, readPage } from './rows.js';
import { requireAgencies } from './write-checks.js';

const householdsByIdsQuery = statement(
  'householdsByIds',
  cypher`
MATCH (h:Household) WHERE h.id IN $ids
RETURN h { .id, .reference, .centrumgemeenteId, .municipality, .landlordType, .synthetic, .recordedBy, .provenanceKind, registeredAt: toString(h.recordedAt) } AS row`,
  z.object({ row: HouseholdRow }),
);

// Every list of households starts from the caller's scope: a region (household_region) or the households an agency
// is involved with (household_id_lookup), each a statement of its own. Grafeo 0.6 uses an index for
// `h.centrumgemeenteId IN $cityIds` or `h.id IN $ids`, but not behind `$cityIds IS NULL OR`: that read every
// household of the store (9.8 against 0.8 ms for one region of a 50,000-household store, growing with the store;
// tests/bench/household-scope.ts). Neo4j plans a NodeIndexSeek for either start.
const inRegion = cypher`
MATCH (h:Household)
WHERE h.centrumgemeenteId IN $cityIds`;
const ofHouseholds = cypher`
MATCH (h:Household)
WHERE h.id IN $ids`;

/** Two registrations of one statement: from the region, and from the given households. */
function scoped<Row>(name: string, rest: CypherText, row: z.ZodType<Row>) {
  return {
    region: statement(`${name}InRegion`, joinCypher(inRegion, rest), row),
    ids: statement(`${name}OfHouseholds`, joinCypher(ofHouseholds, rest), row),
  };
}

/** Where a list of households starts: a coordinator's region, or an agency's households. */
export type HouseholdScope = { cityIds: string[]; ids: null } | { cityIds: null; ids: string[] };

/** The statement of the caller's scope, with the one parameter it starts from. */
function inScope<Row>(statements: ReturnType<typeof scoped<Row>>, scope: HouseholdScope) {
  return scope.ids !== null
    ? ({ statement: statements.ids, start: { ids: scope.ids } } as const)
    : ({ statement: statements.region, start: { cityIds: scope.cityIds } } as const);
}

const householdsPageQuery = scoped(
  'householdsPage',
  cypher`
  AND ($reference IS NULL OR h.referenceKey STARTS WITH $reference)
  AND ($after IS NULL OR h.id > $after)
// Cut to the page before the columns are read: Grafeo builds a row's columns before it sorts (7.2 against 2.4 ms for
// a region of 1,220 households).
WITH h
ORDER BY h.id
LIMIT $limit
RETURN h { .id, .reference, .centrumgemeenteId, .municipality, .landlordType, .synthetic, .recordedBy, .provenanceKind, registeredAt: toString(h.recordedAt) } AS row`,
  z.object({ row: HouseholdRow }),
);

// References are unique per city: the city guards them.
const lockCentrumgemeente = statement(
  'lockCentrumgemeente',
  cypher`
MATCH (c:Centrumgemeente {id: $id})
SET c._lock = true
WITH c
SET c._version = coalesce(c._version, 0) + 1
REMOVE c._lock
RETURN c.id AS id`,
  z.object({ id: z.string() }),
);

// Search by anything a worker has: any part of the reference, a shelter's case number, a referral id. The term comes
// folded (lower case, without spaces and the separators - . _ /) and the stored values are folded the same way in the
// statement, so "gzn 2024 0173" finds "GZN-2024-0173".
// CONTAINS cannot use a range index: each statement starts from the caller's region (household_region) or households
// (household_id_lookup), and the API asks for at least 3 characters, so a search never scans the whole store.
const householdIdsByReferencePart = scoped(
  'householdIdsByReferencePart',
  cypher`
  AND replace(replace(replace(replace(replace(h.referenceKey, ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') CONTAINS $term
  AND ($after IS NULL OR h.id > $after)
RETURN h.id AS id
ORDER BY id
LIMIT $limit`,
  z.object({ id: z.string() }),
);

// A case number is matched only in the records of the caller's own agency (coordinators: any agency in the region):
// another shelter's case numbers are not the caller's to search with.
const householdIdsByCaseRef = scoped(
  'householdIdsByShelterCaseRef',
  cypher`
  AND ($after IS NULL OR h.id > $after)
MATCH (h)<-[:CONCERNS]-(r:ShelterRecord)
WHERE r.pending IS NULL AND ($agencyId IS NULL OR r.reportingAgencyId = $agencyId)
  AND r.caseRef IS NOT NULL AND replace(replace(replace(replace(replace(toLower(r.caseRef), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') CONTAINS $term
RETURN DISTINCT h.id AS id
ORDER BY id
LIMIT $limit`,
  z.object({ id: z.string() }),
);

// From the caller's households along REFERRAL_FOR to their referrals, never a scan of every referral. (A lookup by
// r.householdId per household measured about 4 times slower on Grafeo than the relationship.)
const householdIdsByReferralId = scoped(
  'householdIdsByReferralId',
  cypher`
  AND ($after IS NULL OR h.id > $after)
MATCH (h)<-[:REFERRAL_FOR]-(r:Referral)
WHERE replace(replace(replace(replace(replace(toLower(r.id), ' ', ''), '-', ''), '.', ''), '_', ''), '/', '') CONTAINS $term
RETURN DISTINCT h.id AS id
ORDER BY id
LIMIT $limit`,
  z.object({ id: z.string() }),
);

const referenceCheck = statement(
  'householdReferenceChecks',
  cypher`
OPTIONAL MATCH (c:Centrumgemeente {id: $cityId})
OPTIONAL MATCH (same:Household {referenceKey: $referenceKey, centrumgemeenteId: $cityId})
RETURN c IS NOT NULL AS cityFound, same IS NOT NULL AS referenceTaken`,
  z.object({ cityFound: z.boolean(), referenceTaken: z.boolean() }),
);

/** Households by id: one from register, a batch from the bulk loader (MERGE keeps a re-load idempotent). */
export const writeHouseholds = statement(
  'writeHouseholds',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.centrumgemeenteId})
MERGE (h:Household {id: row.id})
SET h += row, h += $provenance, h.recordedAt = datetime($recordedAt)
MERGE (h)-[:IN_REGION]->(c)
RETURN count(h) AS n`,
  z.object({ n: z.number().int() }),
);

/** People with their membership of a household: from register and addMember, or a batch from the bulk loader. */
export const writeMembers = statement(
  'writeMembers',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
MERGE (p:Person {id: row.personId})
SET p += row.person, p += $provenance, p.recordedAt = datetime($recordedAt)
MERGE (p)-[r:MEMBER_OF]->(h)
SET r += row.membership, r += $provenance, r.from = date(row.from),
  r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, r.recordedAt = datetime($recordedAt)
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

const membershipsByHouseholdQuery = statement(
  'membershipsByHousehold',
  cypher`
// Written from the household: Grafeo starts a pattern at its first node, and the household is the indexed one.
MATCH (h:Household)<-[r:MEMBER_OF]-(p:Person)
WHERE h.id IN $ids
RETURN h.id AS householdId, p.id AS personId, p.label AS label, p.birthYear AS birthYear, r.role AS role,
  toString(r.from) AS from, toString(r.to) AS to, r.compositionSource AS compositionSource
ORDER BY householdId, from, personId`,
  MembershipRow,
);

const closeMembership = statement(
  'closeMembership',
  cypher`
MATCH (p:Person {id: $personId})-[r:MEMBER_OF]->(h:Household {id: $householdId})
WHERE r.to IS NULL
SET r.to = date($to), r.closedAt = datetime($recordedAt), r.closedBy = $recordedBy
RETURN p.id AS id`,
  z.object({ id: z.string() }),
);

export interface NewMember {
  label: string;
  birthYear: number | null;
  role: MemberRole;
  from: string;
  compositionSource: CompositionSource;
}

export interface NewHousehold {
  id?: string;
  reference: string;
  centrumgemeenteId: string;
  municipality: string | null;
  landlordType: LandlordType;
  members: NewMember[];
  /** The consent the family gave at registration, written in the same transaction. */
  consent?: Omit<NewConsent, 'id' | 'householdId'> | null;
}

/** A search term folded as the search statements fold stored values: lower case, no white space or - . _ / */
export function foldedSearchTerm(term: string): string {
  return term.toLowerCase().replace(/[\s\-._/]+/g, '');
}

/** The reference as typed by a worker, folded so that "GZN-0173" and "gzn-0173" are the same household. */
export function referenceKey(reference: string): string {
  return reference.trim().toLowerCase();
}

export async function householdsByIds({ executor }: RepositoryDeps, ids: readonly string[]) {
  return (await executor.readStatement(householdsByIdsQuery, { ids: [...ids] })).map((r) => r.row);
}

export async function householdsPage(
  { executor }: RepositoryDeps,
  filter: HouseholdScope & { reference: string | null },
  first: number,
  after: string | null,
): Promise<Page<HouseholdRecord>> {
  const { statement: pageQuery, start } = inScope(householdsPageQuery, filter);
  const reference = filter.reference ? referenceKey(filter.reference) : null;
  return readPage(executor, pageQuery, { ...start, reference }, first, after, (r) => r.row);
}

/**
 * Households matching a folded search term by reference part, case number or referral id, within the caller's
 * candidates; ids in order, one page (first + 1 to tell whether there is more). The three reads run in parallel.
 */
export async function searchHouseholdIds(
  { executor }: RepositoryDeps,
  filter: HouseholdScope & { caseRefAgencyId: string | null },
  term: string,
  first: number,
  after: string | null,
): Promise<Page<string>> {
  const params = { term: foldedSearchTerm(term), after, limit: first + 1 };
  const byReferencePart = inScope(householdIdsByReferencePart, filter);
  const byCaseRefOf = inScope(householdIdsByCaseRef, filter);
  const byReferralId = inScope(householdIdsByReferralId, filter);
  const [byReference, byCaseRef, byReferral] = await Promise.all([
    executor.readStatement(byReferencePart.statement, { ...byReferencePart.start, ...params }),
    executor.readStatement(byCaseRefOf.statement, { ...byCaseRefOf.start, ...params, agencyId: filter.caseRefAgencyId }),
    executor.readStatement(byReferralId.statement, { ...byReferralId.start, ...params }),
  ]);
  const ids = [...new Set([...byReference, ...byCaseRef, ...byReferral].map((r) => r.id))].sort();
  return pageOf(ids, first);
}

export function membershipsByHousehold({ executor }: RepositoryDeps, ids: readonly string[]) {
  return executor.readStatement(membershipsByHouseholdQuery, { ids: [...ids] });
}

/** Registers a household with its members; the reference is unique within the region. */
export function register({ executor, now }: RepositoryDeps, input: NewHousehold, actor: Actor): Promise<Result<HouseholdRecord>> {
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
      await tx.run(writeHouseholds, {
        rows: [
          withoutNulls({
            id,
            reference: input.reference.trim(),
            referenceKey: key,
            centrumgemeenteId: input.centrumgemeenteId,
            municipality: input.municipality,
            landlordType: input.landlordType,
            ...props,
          }),
        ],
        provenance: {},
        recordedAt,
      });
      await tx.run(writeMembers, {
        rows: input.members.map((member) => memberRow(id, newId('person'), member, props)),
        provenance: {},
        recordedAt,
      });
      if (input.consent) {
        await requireAgencies(tx, input.consent.recipientAgencyIds);
        await writeConsent(tx, { id: newConsentId(), householdId: id, ...input.consent }, actor, at);
      }
      return (await tx.run(householdsByIdsQuery, { ids: [id] }))[0]!.row;
    }),
  );
}

function memberRow(householdId: string, personId: string, member: NewMember, props: ReturnType<typeof provenance>['props']) {
  return {
    householdId,
    personId,
    from: member.from,
    to: null,
    person: withoutNulls({ id: personId, label: member.label, birthYear: member.birthYear, ...props }),
    membership: { role: member.role, compositionSource: member.compositionSource, ...withoutNulls(props) },
  };
}

export function addMember(
  { executor, now }: RepositoryDeps,
  householdId: string,
  member: NewMember,
  actor: Actor,
): Promise<Result<MembershipRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      await lockExistingHousehold(tx, householdId);
      const at = now();
      const { recordedAt, props } = provenance(actor, at);
      const personId = newId('person');
      await tx.run(writeMembers, { rows: [memberRow(householdId, personId, member, props)], provenance: {}, recordedAt });
      await insertEvent(tx, actor, at, { ...bareEvent(householdId, 'MEMBER_JOINED', member.from, actor.agencyId), personId });
      const rows = await tx.run(membershipsByHouseholdQuery, { ids: [householdId] });
      return rows.find((row) => row.personId === personId)!;
    }),
  );
}

export function memberLeft(
  { executor, now }: RepositoryDeps,
  householdId: string,
  personId: string,
  on: string,
  actor: Actor,
): Promise<Result<MembershipRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      await lockExistingHousehold(tx, householdId);
      const current = (await tx.run(membershipsByHouseholdQuery, { ids: [householdId] })).find(
        (m) => m.personId === personId && m.to === null,
      );
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
}

export const householdRepository = {
  householdsByIds,
  householdsPage,
  searchHouseholdIds,
  membershipsByHousehold,
  register,
  addMember,
  memberLeft,
};
