// Bulk loads of household paths (synthetic data, imports): UNWIND batches, one transaction per batch, MERGE by id.
import { referenceKey } from './household-repository.js';
import { z } from 'zod';
import {
  checkEventDetails,
  RecordableEventKind,
  type EventDetails,
  type EventRecord,
  type MembershipRecord,
  type ReferralRecord,
  type RegieRecord,
} from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import type { CypherExecutor } from '../db/executor.js';

/** One household with its whole path, as a generator or an importer produces it. */
export interface HouseholdPath {
  household: { id: string; reference: string; centrumgemeenteId: string; municipality: string | null; landlordType: string };
  members: Omit<MembershipRecord, 'householdId'>[];
  events: Omit<EventRecord, 'householdId' | 'recordedAt' | 'recordedBy' | 'synthetic' | 'supersededById'>[];
  referrals: Omit<ReferralRecord, 'householdId' | 'recordedAt' | 'recordedBy' | 'synthetic'>[];
  regie: Omit<RegieRecord, 'householdId' | 'recordedAt' | 'recordedBy' | 'synthetic'>[];
  consents: { id: string; purpose: string; recipientAgencyIds: string[]; from: string; to: string }[];
}

export interface BulkProvenance {
  recordedBy: string;
  provenanceKind: 'SYNTHETIC' | 'AGENCY_REPORT';
  recordedAt: string;
}

const counted = z.object({ n: z.number().int() });

const bulkHouseholds = statement(
  'bulkHouseholds',
  cypher`
UNWIND $rows AS row
MATCH (c:Centrumgemeente {id: row.centrumgemeenteId})
MERGE (h:Household {id: row.id})
SET h += row, h += $provenance, h.recordedAt = datetime($recordedAt)
MERGE (h)-[:IN_REGION]->(c)
RETURN count(h) AS n`,
  counted,
);

const bulkMembers = statement(
  'bulkMembers',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
MERGE (p:Person {id: row.personId})
SET p.label = row.label, p.birthYear = row.birthYear, p += $provenance, p.recordedAt = datetime($recordedAt)
MERGE (p)-[r:MEMBER_OF]->(h)
SET r.role = row.role, r.compositionSource = row.compositionSource, r.from = date(row.from),
  r.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, r += $provenance
RETURN count(r) AS n`,
  counted,
);

const bulkEvents = statement(
  'bulkEvents',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
MERGE (e:Event {id: row.id})
SET e += row.props, e += $provenance, e.occurredOn = date(row.occurredOn), e.recordedAt = datetime($recordedAt)
MERGE (h)-[:HAD]->(e)
RETURN count(e) AS n`,
  counted,
);

const bulkEventAgencies = statement(
  'bulkEventAgencies',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (a:Agency {id: row.agencyId})
// Written from the event's side: an agency has thousands of events, an event one agency.
MERGE (e)<-[:ACTED_IN]-(a)
RETURN count(e) AS n`,
  counted,
);

const bulkEventFacilities = statement(
  'bulkEventFacilities',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (f:Facility {id: row.facilityId})
MERGE (e)-[:AT_FACILITY]->(f)
RETURN count(e) AS n`,
  counted,
);

const bulkEventCauses = statement(
  'bulkEventCauses',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (cause:Event {id: row.causeId})
MERGE (e)-[:FOLLOWS_FROM]->(cause)
RETURN count(e) AS n`,
  counted,
);

const bulkReferrals = statement(
  'bulkReferrals',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (from:Agency {id: row.fromAgencyId}), (to:Agency {id: row.toAgencyId})
MERGE (r:Referral {id: row.id})
SET r += row.props, r += $provenance, r.sentOn = date(row.sentOn), r.respondBy = date(row.respondBy),
  r.respondedOn = CASE WHEN row.respondedOn IS NULL THEN null ELSE date(row.respondedOn) END,
  r.closedOn = CASE WHEN row.closedOn IS NULL THEN null ELSE date(row.closedOn) END,
  r.recordedAt = datetime($recordedAt)
MERGE (r)-[:REFERRAL_FOR]->(h)
MERGE (r)-[:SENT_BY]->(from)
MERGE (r)-[:SENT_TO]->(to)
RETURN count(r) AS n`,
  counted,
);

const bulkReferralEvents = statement(
  'bulkReferralEvents',
  cypher`
UNWIND $rows AS row
MATCH (e:Event {id: row.id}), (r:Referral {id: row.referralId})
MERGE (e)-[:CONCERNS]->(r)
RETURN count(e) AS n`,
  counted,
);

const bulkRegie = statement(
  'bulkRegie',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (a:Agency {id: row.agencyId})
MERGE (g:RegieAssignment {id: row.id})
SET g += row.props, g += $provenance, g.from = date(row.from),
  g.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, g.recordedAt = datetime($recordedAt)
MERGE (g)-[:REGIE_OVER]->(h)
MERGE (g)-[:HELD_BY]->(a)
RETURN count(g) AS n`,
  counted,
);

const bulkHandovers = statement(
  'bulkHandovers',
  cypher`
UNWIND $rows AS row
MATCH (g:RegieAssignment {id: row.id}), (next:RegieAssignment {id: row.nextId})
MERGE (g)-[:HANDED_OVER_TO]->(next)
RETURN count(g) AS n`,
  counted,
);

const bulkConsents = statement(
  'bulkConsents',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
MERGE (c:Consent {id: row.id})
SET c.householdId = row.householdId, c.purpose = row.purpose, c.recipientAgencyIds = row.recipientAgencyIds,
  c.from = date(row.from), c.to = date(row.to), c += $provenance, c.recordedAt = datetime($recordedAt)
MERGE (c)-[:CONSENT_FOR]->(h)
RETURN count(c) AS n`,
  counted,
);

export class BulkValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`bulk load refused: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
  }
}

/** Checks a batch before anything is written: event details per kind, dates in order, references inside the batch. */
export function validatePaths(paths: HouseholdPath[]): string[] {
  const problems: string[] = [];
  for (const path of paths) {
    const eventIds = new Set(path.events.map((e) => e.id));
    for (const event of path.events) {
      const recordable = RecordableEventKind.safeParse(event.kind);
      if (recordable.success) {
        const details: EventDetails = {
          facilityId: event.facilityId,
          arrearsMonths: event.arrearsMonths,
          refusalReason: event.refusalReason,
          verdictKind: event.verdictKind,
          waitingListOutcome: event.waitingListOutcome,
          rehousingKind: event.rehousingKind,
          destination: event.destination,
          priority: event.priority,
        };
        for (const problem of checkEventDetails(recordable.data, details))
          problems.push(`${path.household.id}/${event.id}: ${problem.field} ${problem.message}`);
      }
      for (const cause of event.followsFromIds) if (!eventIds.has(cause)) problems.push(`${event.id}: cause ${cause} is not in the path`);
    }
    for (const referral of path.referrals) {
      if (referral.respondBy < referral.sentOn) problems.push(`${referral.id}: respondBy before sentOn`);
    }
  }
  return problems;
}

export function createBulkRepository(executor: CypherExecutor) {
  return {
    /** Writes a batch of household paths in one transaction; a batch that does not validate writes nothing. */
    async loadPaths(paths: HouseholdPath[], provenance: BulkProvenance): Promise<{ households: number; events: number }> {
      const problems = validatePaths(paths);
      if (problems.length > 0) throw new BulkValidationError(problems);
      const prov = {
        recordedBy: provenance.recordedBy,
        provenanceKind: provenance.provenanceKind,
        synthetic: provenance.provenanceKind === 'SYNTHETIC',
      };
      const recordedAt = provenance.recordedAt;
      const events = paths.flatMap((p) => p.events.map((e) => ({ ...e, householdId: p.household.id })));
      await executor.write(async (tx) => {
        await tx.run(bulkHouseholds, {
          rows: paths.map((p) => withoutNulls({ ...p.household, referenceKey: referenceKey(p.household.reference) })),
          provenance: prov,
          recordedAt,
        });
        await tx.run(bulkMembers, {
          rows: paths.flatMap((p) => p.members.map((m) => ({ ...m, householdId: p.household.id }))),
          provenance: prov,
          recordedAt,
        });
        await tx.run(bulkEvents, {
          rows: events.map(({ occurredOn, followsFromIds: _causes, ...rest }) => ({
            id: rest.id,
            householdId: rest.householdId,
            occurredOn,
            props: withoutNulls(rest),
          })),
          provenance: prov,
          recordedAt,
        });
        await tx.run(bulkEventAgencies, { rows: events.filter((e) => e.agencyId).map((e) => ({ id: e.id, agencyId: e.agencyId })) });
        await tx.run(bulkEventFacilities, {
          rows: events.filter((e) => e.facilityId).map((e) => ({ id: e.id, facilityId: e.facilityId })),
        });
        await tx.run(bulkEventCauses, { rows: events.flatMap((e) => e.followsFromIds.map((causeId) => ({ id: e.id, causeId }))) });
        const referrals = paths.flatMap((p) => p.referrals.map((r) => ({ ...r, householdId: p.household.id })));
        await tx.run(bulkReferrals, {
          rows: referrals.map(({ sentOn, respondBy, respondedOn, closedOn, ...rest }) => ({
            id: rest.id,
            householdId: rest.householdId,
            fromAgencyId: rest.fromAgencyId,
            toAgencyId: rest.toAgencyId,
            sentOn,
            respondBy,
            respondedOn,
            closedOn,
            props: withoutNulls(rest),
          })),
          provenance: prov,
          recordedAt,
        });
        await tx.run(bulkReferralEvents, { rows: events.filter((e) => e.referralId).map((e) => ({ id: e.id, referralId: e.referralId })) });
        const regie = paths.flatMap((p) => p.regie.map((g) => ({ ...g, householdId: p.household.id })));
        await tx.run(bulkRegie, {
          rows: regie.map(({ from, to, ...rest }) => ({
            id: rest.id,
            householdId: rest.householdId,
            agencyId: rest.agencyId,
            from,
            to,
            props: withoutNulls(rest),
          })),
          provenance: prov,
          recordedAt,
        });
        await tx.run(bulkHandovers, { rows: regie.filter((g) => g.handedOverToId).map((g) => ({ id: g.id, nextId: g.handedOverToId })) });
        await tx.run(bulkConsents, {
          rows: paths.flatMap((p) => p.consents.map((c) => ({ ...c, householdId: p.household.id }))),
          provenance: prov,
          recordedAt,
        });
      });
      return { households: paths.length, events: events.length };
    },
  };
}

export type BulkRepository = ReturnType<typeof createBulkRepository>;
