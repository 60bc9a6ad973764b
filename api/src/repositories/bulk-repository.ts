// Bulk loads of household paths (synthetic data, imports): UNWIND batches, one transaction per batch, MERGE by id.
import { referenceKey, writeHouseholds, writeMembers } from './household-repository.js';
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
import { writeEventRows } from './event-repository.js';
import { writeReferrals } from './referral-repository.js';
import { writeRegieAssignments } from './regie-repository.js';
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
        await tx.run(writeHouseholds, {
          rows: paths.map((p) => withoutNulls({ ...p.household, referenceKey: referenceKey(p.household.reference) })),
          provenance: prov,
          recordedAt,
        });
        await tx.run(writeMembers, {
          rows: paths.flatMap((p) =>
            p.members.map((m) => ({
              householdId: p.household.id,
              personId: m.personId,
              from: m.from,
              to: m.to,
              person: withoutNulls({ label: m.label, birthYear: m.birthYear }),
              membership: withoutNulls({ role: m.role, compositionSource: m.compositionSource }),
            })),
          ),
          provenance: prov,
          recordedAt,
        });
        const referrals = paths.flatMap((p) => p.referrals.map((r) => ({ ...r, householdId: p.household.id })));
        await tx.run(writeReferrals, {
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
        // After the referrals: an event that concerns one links to it.
        await writeEventRows(
          tx,
          events.map(({ occurredOn, followsFromIds, ...rest }) => ({
            id: rest.id,
            householdId: rest.householdId,
            occurredOn,
            props: withoutNulls(rest),
            agencyId: rest.agencyId,
            facilityId: rest.facilityId,
            referralId: rest.referralId,
            supersedesId: rest.supersedesId,
            followsFromIds,
          })),
          prov,
          recordedAt,
        );
        const regie = paths.flatMap((p) => p.regie.map((g) => ({ ...g, householdId: p.household.id })));
        await tx.run(writeRegieAssignments, {
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
