// Shelter records: capacity, occupancy, waiting list and refusals as (Facility)-[:REPORTED]->(ShelterRecord).
// A record's id is the hash of its content, so writing the same row twice changes nothing; a new row with the
// same natural key is a new version and marks the one before it superseded. Nothing is overwritten.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  naturalKey,
  recordDay,
  RefusalAlternative,
  RefusalReason,
  ShelterRecordKind,
  TargetGroup,
  UnitKind,
  WaitingListOutcome,
  type ShelterRow,
} from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import type { CypherExecutor, CypherTx } from '../db/executor.js';
import { instant, opt } from './rows.js';

/** Rows per UNWIND statement; every batch of one import runs in the same transaction. */
export const SHELTER_WRITE_BATCH = 2_000;

const ShelterRecordRow = z.object({
  id: z.string(),
  key: z.string(),
  kind: ShelterRecordKind,
  facilityId: z.string(),
  day: z.string(),
  current: z.boolean(),
  supersededById: opt(z.string()),
  unitKind: opt(UnitKind),
  targetGroup: opt(TargetGroup),
  periodStart: opt(z.string()),
  periodEnd: opt(z.string()),
  capacity: opt(z.number().int()),
  note: opt(z.string()),
  date: opt(z.string()),
  occupied: opt(z.number().int()),
  available: opt(z.number().int()),
  blocked: opt(z.number().int()),
  caseRef: opt(z.string()),
  householdId: opt(z.string()),
  dateOn: opt(z.string()),
  priority: opt(z.number().int()),
  dateOff: opt(z.string()),
  outcome: opt(WaitingListOutcome),
  refusedOn: opt(z.string()),
  reason: opt(RefusalReason),
  alternative: opt(RefusalAlternative),
  alternativeAgencyId: opt(z.string()),
  importId: z.string(),
  provenanceKind: z.string(),
  reportingAgencyId: opt(z.string()),
  recordedAt: instant,
  recordedBy: z.string(),
});
export type ShelterRecord = z.infer<typeof ShelterRecordRow>;

const writeRecords = statement(
  'writeShelterRecords',
  cypher`
UNWIND $rows AS row
MATCH (f:Facility {id: row.facilityId})
MERGE (r:ShelterRecord {id: row.id})
ON CREATE SET r += row.props, r += $provenance, r.importId = $importId, r.current = true, r.recordedAt = datetime($recordedAt)
// Grafeo 0.6 refuses a MERGE straight after ON CREATE SET; the WITH between is a no-op on Neo4j.
WITH r, f
// Written from the record's side: a facility has many records, a record one facility.
MERGE (r)<-[:REPORTED]-(f)
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

// The write locks (db/executor.ts) of the facilities an import reports for: a facility guards which version of
// each of its records is current, so two imports of one natural key take turns and leave one current version.
const lockFacilities = statement(
  'lockShelterFacilities',
  cypher`
MATCH (f:Facility) WHERE f.id IN $facilityIds
SET f._lock = true
WITH f
SET f._version = coalesce(f._version, 0) + 1
REMOVE f._lock
RETURN count(f) AS n`,
  z.object({ n: z.number().int() }),
);

const supersedeEarlierVersions = statement(
  'supersedeShelterRecords',
  cypher`
UNWIND $rows AS row
MATCH (r:ShelterRecord {id: row.id}) WHERE r.importId = $importId
MATCH (old:ShelterRecord {key: row.key}) WHERE old.current = true AND old.id <> row.id
SET old.current = false, old.supersededById = row.id
MERGE (old)-[:SUPERSEDED_BY]->(r)
RETURN count(old) AS n`,
  z.object({ n: z.number().int() }),
);

const linkHouseholds = statement(
  'linkShelterRecordHouseholds',
  cypher`
UNWIND $rows AS row
MATCH (r:ShelterRecord {id: row.id}), (h:Household {id: row.householdId})
MERGE (r)-[:CONCERNS]->(h)
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

const linkAlternatives = statement(
  'linkShelterRefusalAlternatives',
  cypher`
UNWIND $rows AS row
MATCH (r:ShelterRecord {id: row.id}), (a:Agency {id: row.agencyId})
MERGE (r)-[:REFERRED_ON_TO]->(a)
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

const writeImport = statement(
  'writeShelterImport',
  cypher`
CREATE (i:ShelterImport {id: $importId})
SET i += $summary, i += $provenance, i.recordedAt = datetime($recordedAt)
RETURN i.id AS id`,
  z.object({ id: z.string() }),
);

const newRecordCount = statement(
  'countNewShelterRecords',
  cypher`
MATCH (r:ShelterRecord) WHERE r.importId = $importId
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

const recordsOfFacilities = statement(
  'shelterRecordsOfFacilities',
  cypher`
MATCH (r:ShelterRecord)
WHERE r.facilityId IN $facilityIds AND r.kind = $kind AND ($history OR r.current = true)
  AND ($from IS NULL OR r.day >= $from) AND ($to IS NULL OR r.day <= $to)
RETURN r { .* } AS row
ORDER BY r.facilityId, r.day, r.key, r.recordedAt`,
  z.object({ row: ShelterRecordRow }),
);

const refusalsOfHouseholds = statement(
  'shelterRefusalsOfHouseholds',
  cypher`
MATCH (r:ShelterRecord)
WHERE r.householdId IN $householdIds AND r.kind = 'REFUSAL' AND r.current = true
RETURN r { .* } AS row
ORDER BY r.householdId, r.day`,
  z.object({ row: ShelterRecordRow }),
);

const knownIds = statement(
  'knownShelterReferences',
  cypher`
OPTIONAL MATCH (f:Facility) WHERE f.id IN $facilityIds
WITH collect(DISTINCT f.id) AS facilities
OPTIONAL MATCH (a:Agency) WHERE a.id IN $agencyIds
WITH facilities, collect(DISTINCT a.id) AS agencies
OPTIONAL MATCH (h:Household) WHERE h.id IN $householdIds
RETURN facilities, agencies, collect(DISTINCT h.id) AS households`,
  z.object({ facilities: z.array(z.string()), agencies: z.array(z.string()), households: z.array(z.string()) }),
);

/**
 * Households a shelter may link rows to: an application, placement or other step at one of its facilities, a
 * referral to it, or a link its coordinator confirmed for one facility (ShelterLinkConfirmation).
 */
const linkableHouseholds = statement(
  'linkableShelterHouseholds',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
CALL (h) {
  MATCH (e:Event {householdId: h.id})-[:AT_FACILITY]->(f:Facility)
  WHERE f.agencyId = $agencyId AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
  RETURN count(e) AS steps
}
CALL (h) {
  MATCH (r:Referral {householdId: h.id})
  WHERE r.toAgencyId = $agencyId
  RETURN count(r) AS referrals
}
CALL (h) {
  MATCH (c:ShelterLinkConfirmation {householdId: h.id})
  RETURN collect(c.facilityId) AS confirmedFacilityIds
}
RETURN h.id AS householdId, steps + referrals > 0 AS related, confirmedFacilityIds`,
  z.object({ householdId: z.string(), related: z.boolean(), confirmedFacilityIds: z.array(z.string()) }),
);

const confirmLink = statement(
  'confirmShelterLink',
  cypher`
MATCH (h:Household {id: $householdId}), (f:Facility {id: $facilityId})
MERGE (c:ShelterLinkConfirmation {id: $id})
ON CREATE SET c.householdId = h.id, c.facilityId = f.id, c.confirmedBy = $confirmedBy, c.confirmedAt = datetime($now)
WITH c, h, f
MERGE (c)-[:CONFIRMS_LINK_TO]->(h)
MERGE (c)-[:AT_FACILITY]->(f)
RETURN c.id AS id, c.householdId AS householdId, c.facilityId AS facilityId, c.confirmedBy AS confirmedBy, toString(c.confirmedAt) AS confirmedAt`,
  z.object({ id: z.string(), householdId: z.string(), facilityId: z.string(), confirmedBy: z.string(), confirmedAt: instant }),
);

const householdAndFacilityRegions = statement(
  'shelterLinkRegions',
  cypher`
MATCH (h:Household {id: $householdId}), (f:Facility {id: $facilityId})
RETURN h.centrumgemeenteId AS householdCityId, f.centrumgemeenteId AS facilityCityId`,
  z.object({ householdCityId: z.string(), facilityCityId: opt(z.string()) }),
);

export interface ShelterWriteProvenance {
  recordedBy: string;
  reportingAgencyId: string | null;
  provenanceKind: 'AGENCY_REPORT' | 'SYNTHETIC';
  recordedAt: string;
}

export interface ShelterWriteResult {
  importId: string;
  /** Rows that were new; the rest were already there, identical. */
  created: number;
  unchanged: number;
  /** Earlier versions this write superseded. */
  superseded: number;
}

/** Content-addressed id: the same row always gets the same id, whoever sends it and whenever. */
export function shelterRecordId(kind: ShelterRecordKind, row: ShelterRow): string {
  const canonical = JSON.stringify([
    kind,
    ...Object.keys(row)
      .sort()
      .map((field) => [field, (row as Record<string, unknown>)[field] ?? null]),
  ]);
  return `sr-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

export function createShelterRepository(executor: CypherExecutor) {
  return {
    /** Which of these ids exist, in one statement, for validating a whole file before writing. */
    async known(ids: { facilityIds: string[]; agencyIds: string[]; householdIds: string[] }) {
      const [row] = await executor.read((tx) => tx.run(knownIds, ids));
      return {
        facilities: new Set(row?.facilities ?? []),
        agencies: new Set(row?.agencies ?? []),
        households: new Set(row?.households ?? []),
      };
    },

    /** For each existing household among the ids: whether the shelter agency has a relation, and confirmed links. */
    linkable: async (householdIds: string[], agencyId: string) =>
      householdIds.length === 0 ? [] : executor.read((tx) => tx.run(linkableHouseholds, { householdIds, agencyId })),

    /** The regions of a household and a facility, or null when either does not exist. */
    linkRegions: async (householdId: string, facilityId: string) =>
      (await executor.read((tx) => tx.run(householdAndFacilityRegions, { householdId, facilityId })))[0] ?? null,

    /** Records that a coordinator confirmed a household's link to a facility; confirming twice changes nothing. */
    confirmLink: async (householdId: string, facilityId: string, confirmedBy: string, now: Date) =>
      (
        await executor.write((tx) =>
          tx.run(confirmLink, { id: `slc-${householdId}-${facilityId}`, householdId, facilityId, confirmedBy, now: now.toISOString() }),
        )
      )[0]!,

    /** Writes validated rows of one kind in one transaction: all of them or, on any error, none. */
    async write(
      kind: ShelterRecordKind,
      rows: ShelterRow[],
      provenance: ShelterWriteProvenance,
      summary: Record<string, string | number>,
    ): Promise<ShelterWriteResult> {
      const importId = `si-${randomUUID()}`;
      const prepared = rows.map((row) => ({
        id: shelterRecordId(kind, row),
        key: naturalKey(kind, row),
        facilityId: row.facilityId,
        householdId: 'householdId' in row ? row.householdId : null,
        agencyId: 'alternativeAgencyId' in row ? row.alternativeAgencyId : null,
        props: { ...withoutNulls(row), kind, key: naturalKey(kind, row), day: recordDay(kind, row) },
      }));
      const { recordedAt, ...flat } = provenance;
      return executor.write(async (tx) => {
        await tx.run(lockFacilities, { facilityIds: [...new Set(prepared.map((row) => row.facilityId))].sort() });
        let superseded = 0;
        for (let start = 0; start < prepared.length; start += SHELTER_WRITE_BATCH) {
          const batch = prepared.slice(start, start + SHELTER_WRITE_BATCH);
          await tx.run(writeRecords, {
            rows: batch.map(({ id, facilityId, props }) => ({ id, facilityId, props })),
            provenance: flat,
            importId,
            recordedAt,
          });
          const [result] = await tx.run(supersedeEarlierVersions, { rows: batch.map(({ id, key }) => ({ id, key })), importId });
          superseded += result?.n ?? 0;
          await linkOptional(tx, batch);
        }
        const [createdRow] = await tx.run(newRecordCount, { importId });
        const created = createdRow?.n ?? 0;
        // An upload that adds nothing leaves no trace in the graph (the access log has the attempt).
        if (created > 0)
          await tx.run(writeImport, {
            importId,
            summary: { ...summary, kind, rows: rows.length, created, superseded },
            provenance: flat,
            recordedAt,
          });
        return { importId, created, unchanged: rows.length - created, superseded };
      });
    },

    /** Current refusals a shelter reported for these households (when it linked them), for their gap rules. */
    refusalsOfHouseholds: (householdIds: readonly string[]) =>
      executor.read(async (tx) => (await tx.run(refusalsOfHouseholds, { householdIds: [...householdIds] })).map((r) => r.row)),

    records(
      kind: ShelterRecordKind,
      facilityIds: readonly string[],
      options: { history?: boolean; from?: string | null; to?: string | null } = {},
    ) {
      return executor.read(async (tx) =>
        (
          await tx.run(recordsOfFacilities, {
            kind,
            facilityIds: [...facilityIds],
            history: options.history ?? false,
            from: options.from ?? null,
            to: options.to ?? null,
          })
        ).map((r) => r.row),
      );
    },
  };
}

async function linkOptional(tx: CypherTx, batch: { id: string; householdId: string | null; agencyId: string | null }[]) {
  const households = batch.filter((row) => row.householdId).map(({ id, householdId }) => ({ id, householdId }));
  if (households.length) await tx.run(linkHouseholds, { rows: households });
  const agencies = batch.filter((row) => row.agencyId).map(({ id, agencyId }) => ({ id, agencyId }));
  if (agencies.length) await tx.run(linkAlternatives, { rows: agencies });
}

export type ShelterRepository = ReturnType<typeof createShelterRepository>;
