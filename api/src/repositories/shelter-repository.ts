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

/**
 * Rows per write transaction of an import (one UNWIND statement each). Measured at 100,000 rows with
 * tests/bench/csv-import.ts on a shared 2-core machine: batches of 500, 2,000 and 10,000 wrote 1,042, 1,016 and
 * 1,256 rows/s, within the run's noise; 5,000 keeps each transaction's write set small for Neo4j's log.
 */
export const SHELTER_WRITE_BATCH = 5_000;
/** Rows per statement in the import's last transaction, which publishes the rows and supersedes earlier versions. */
const PUBLISH_BATCH = 10_000;

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

// A batch of an import: new records are written pending (not current, `pending` set), invisible to every read until
// the import's last transaction publishes them. Returns the ids this batch created; the others were already there.
const writeRecords = statement(
  'writeShelterRecords',
  cypher`
UNWIND $rows AS row
MATCH (f:Facility {id: row.facilityId})
MERGE (r:ShelterRecord {id: row.id})
ON CREATE SET r += row.props, r.importId = $importId, r.pending = true, r.current = false, r.recordedAt = datetime($recordedAt)
// Grafeo 0.6 refuses a MERGE straight after ON CREATE SET; the WITH between is a no-op on Neo4j.
WITH r, f
// Written from the record's side: a facility has many records, a record one facility.
MERGE (r)<-[:REPORTED]-(f)
WITH r WHERE r.importId = $importId AND r.pending = true
RETURN r.id AS id`,
  z.object({ id: z.string() }),
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

// The import's last transaction, after the facility locks: each new row becomes current and visible, and the earlier
// current version of its key is superseded (pending rows of other imports are never current, so never superseded).
// One pass per row: the row is found by its id once, the earlier version by the key index.
const publishRecords = statement(
  'publishShelterRecords',
  cypher`
UNWIND $rows AS row
MATCH (r:ShelterRecord {id: row.id}) WHERE r.importId = $importId AND r.pending = true
SET r.current = true
REMOVE r.pending
WITH r, row
CALL (r, row) {
  MATCH (old:ShelterRecord {key: row.key}) WHERE old.current = true AND old.id <> row.id
  SET old.current = false, old.supersededById = row.id
  MERGE (old)-[:SUPERSEDED_BY]->(r)
  RETURN count(old) AS superseded
}
RETURN count(r) AS published, sum(superseded) AS superseded`,
  z.object({ published: z.number().int(), superseded: z.number().int() }),
);

// Rows of this import that an import still pending wrote first: if that one fails, its cleanup removes them, so this
// import cannot count them as already there. The import is refused instead (a rare race; sending again works).
const rowsPendingElsewhere = statement(
  'shelterRowsPendingInOtherImport',
  cypher`
UNWIND $ids AS id
MATCH (r:ShelterRecord {id: id}) WHERE r.pending = true AND r.importId <> $importId
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

// A failed import's pending rows, removed by id in the import's own clean-up (the retention job removes those of an
// import whose process died).
const removePendingRecords = statement(
  'removePendingShelterRecords',
  cypher`
UNWIND $ids AS id
MATCH (r:ShelterRecord {id: id}) WHERE r.importId = $importId AND r.pending = true
DETACH DELETE r
RETURN count(*) AS n`,
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

// The import record: written first (PENDING), flipped in the last transaction (COMMITTED), or FAILED.
const startImport = statement(
  'startShelterImport',
  cypher`
CREATE (i:ShelterImport {id: $importId})
SET i += $summary, i += $provenance, i.status = 'PENDING', i.recordedAt = datetime($recordedAt)
RETURN i.id AS id`,
  z.object({ id: z.string() }),
);

const commitImport = statement(
  'commitShelterImport',
  cypher`
MATCH (i:ShelterImport {id: $importId}) WHERE i.status = 'PENDING'
SET i += $outcome, i.status = 'COMMITTED', i.committedAt = datetime($now)
RETURN i.id AS id`,
  z.object({ id: z.string() }),
);

// An upload that adds nothing leaves no trace in the graph (the access log has the attempt).
const dropEmptyImport = statement(
  'dropEmptyShelterImport',
  cypher`
MATCH (i:ShelterImport {id: $importId}) WHERE i.status = 'PENDING'
WITH i, i.id AS id
DELETE i
RETURN id`,
  z.object({ id: z.string() }),
);

const failImport = statement(
  'failShelterImport',
  cypher`
MATCH (i:ShelterImport {id: $importId}) WHERE i.status = 'PENDING'
SET i.status = 'FAILED', i.failedAt = datetime($now)
RETURN i.id AS id`,
  z.object({ id: z.string() }),
);

// Over the facilities' REPORTED edges from their ids. Not on ShelterRecord.facilityId: Grafeo 0.6 keeps one index per
// property name across labels, and dropping event_facility (migration 0013) took shelter_record_facility's with it,
// so that match read every shelter record (README, "Indexes and the statements that need them"). Neo4j expands the
// same edges from the Facility id constraint.
const recordsOfFacilities = statement(
  'shelterRecordsOfFacilities',
  cypher`
MATCH (f:Facility)-[:REPORTED]->(r:ShelterRecord)
WHERE f.id IN $facilityIds AND r.kind = $kind AND r.pending IS NULL AND ($history OR r.current = true)
  AND ($from IS NULL OR r.day >= $from) AND ($to IS NULL OR r.day <= $to)
RETURN r { .* } AS row
ORDER BY r.facilityId, r.day, r.key, r.recordedAt`,
  z.object({ row: ShelterRecordRow }),
);

// Over the household's CONCERNS edges (every record with a household gets one in the transaction that writes it:
// linkOptional), not on ShelterRecord.householdId: Grafeo 0.6 read every shelter record for `householdId IN $ids`,
// so each trajectory read grew with the occupancy rows imported (21.6 ms a read after 100,000 rows, 0.5 ms before;
// tests/bench/profile-server.ts with PROFILE_CONNECTIONS=1). Neo4j expands the same edges from the id constraint.
const refusalsOfHouseholds = statement(
  'shelterRefusalsOfHouseholds',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
MATCH (h)<-[:CONCERNS]-(r:ShelterRecord)
WHERE r.kind = 'REFUSAL' AND r.current = true
RETURN r { .* } AS row
ORDER BY r.householdId, r.day`,
  z.object({ row: ShelterRecordRow }),
);

/** Current refusals a shelter reported for these households, in the caller's transaction. */
export async function shelterRefusalsOfHouseholdsIn(tx: CypherTx, householdIds: readonly string[]): Promise<ShelterRecord[]> {
  return (await tx.run(refusalsOfHouseholds, { householdIds: [...householdIds] })).map((r) => r.row);
}

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
  MATCH (h)-[:HAD]->(e:Event)-[:AT_FACILITY]->(f:Facility)
  WHERE f.agencyId = $agencyId AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
  RETURN count(e) AS steps
}
CALL (h) {
  MATCH (h)<-[:REFERRAL_FOR]-(r:Referral)
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

export interface ShelterWriteOptions {
  /** Rows per write transaction; SHELTER_WRITE_BATCH unless a benchmark measures another size. */
  batchSize?: number;
  /** Called before each batch's transaction and before the last one (index = number of batches): tests stop or interleave an import there. */
  beforeBatch?: (index: number) => Promise<void>;
}

/** Rows of an import were taken by another import still pending (or removed as abandoned): nothing was written. */
export class ShelterImportConflictError extends Error {
  override name = 'ShelterImportConflictError';
  constructor(readonly rows: number) {
    super(`${rows} rows are pending in another import`);
  }
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
      const [row] = await executor.readStatement(knownIds, ids);
      return {
        facilities: new Set(row?.facilities ?? []),
        agencies: new Set(row?.agencies ?? []),
        households: new Set(row?.households ?? []),
      };
    },

    /** For each existing household among the ids: whether the shelter agency has a relation, and confirmed links. */
    linkable: async (householdIds: string[], agencyId: string) =>
      householdIds.length === 0 ? [] : executor.readStatement(linkableHouseholds, { householdIds, agencyId }),

    /** The regions of a household and a facility, or null when either does not exist. */
    linkRegions: async (householdId: string, facilityId: string) =>
      (await executor.readStatement(householdAndFacilityRegions, { householdId, facilityId }))[0] ?? null,

    /** Records that a coordinator confirmed a household's link to a facility; confirming twice changes nothing. */
    confirmLink: async (householdId: string, facilityId: string, confirmedBy: string, now: Date) =>
      (
        await executor.write((tx) =>
          tx.run(confirmLink, { id: `slc-${householdId}-${facilityId}`, householdId, facilityId, confirmedBy, now: now.toISOString() }),
        )
      )[0]!,

    /**
     * Writes validated rows of one kind: all of them or, on any error, none. The rows go in batches, each in its own
     * transaction, marked pending under an import record (PENDING); no read sees a pending row. The last transaction
     * locks the facilities, supersedes the earlier current versions, publishes the rows and marks the import
     * COMMITTED, at once. On an error the pending rows are removed and the import is marked FAILED; if the process
     * dies first, the retention job removes them (maintenance/retention.ts).
     */
    async write(
      kind: ShelterRecordKind,
      rows: ShelterRow[],
      provenance: ShelterWriteProvenance,
      summary: Record<string, string | number>,
      options: ShelterWriteOptions = {},
    ): Promise<ShelterWriteResult> {
      const importId = `si-${randomUUID()}`;
      const { recordedAt, ...flat } = provenance;
      const prepared = rows.map((row) => {
        const key = naturalKey(kind, row);
        return {
          id: shelterRecordId(kind, row),
          key,
          facilityId: row.facilityId,
          householdId: 'householdId' in row ? row.householdId : null,
          agencyId: 'alternativeAgencyId' in row ? row.alternativeAgencyId : null,
          props: { ...withoutNulls(row), ...withoutNulls(flat), kind, key, day: recordDay(kind, row) },
        };
      });
      const batchSize = options.batchSize ?? SHELTER_WRITE_BATCH;
      const contentHash = createHash('sha256');
      for (const row of prepared) contentHash.update(row.id);
      await executor.write((tx) =>
        tx.run(startImport, {
          importId,
          summary: { ...summary, kind, rows: rows.length, contentHash: contentHash.digest('hex') },
          provenance: flat,
          recordedAt,
        }),
      );
      const created: { id: string; key: string }[] = [];
      try {
        for (let start = 0, index = 0; start < prepared.length; start += batchSize, index += 1) {
          await options.beforeBatch?.(index);
          const batch = prepared.slice(start, start + batchSize);
          const ids = await executor.write(async (tx) => {
            const written = await tx.run(writeRecords, {
              rows: batch.map(({ id, facilityId, props }) => ({ id, facilityId, props })),
              importId,
              recordedAt,
            });
            const createdIds = new Set(written.map((row) => row.id));
            await linkOptional(
              tx,
              batch.filter((row) => createdIds.has(row.id)),
            );
            return createdIds;
          });
          for (const row of batch) if (ids.has(row.id)) created.push({ id: row.id, key: row.key });
        }
        await options.beforeBatch?.(Math.ceil(prepared.length / batchSize));
        return await executor.write(async (tx) => {
          // The facilities guard which version of each of their records is current: locked before any check.
          await tx.run(lockFacilities, { facilityIds: [...new Set(prepared.map((row) => row.facilityId))].sort() });
          const allIds = prepared.map((row) => row.id);
          let elsewhere = 0;
          for (let start = 0; start < allIds.length; start += PUBLISH_BATCH)
            elsewhere += (await tx.run(rowsPendingElsewhere, { ids: allIds.slice(start, start + PUBLISH_BATCH), importId }))[0]?.n ?? 0;
          if (elsewhere > 0) throw new ShelterImportConflictError(elsewhere);
          let superseded = 0;
          let published = 0;
          for (let start = 0; start < created.length; start += PUBLISH_BATCH) {
            const [counts] = await tx.run(publishRecords, { rows: created.slice(start, start + PUBLISH_BATCH), importId });
            published += counts?.published ?? 0;
            superseded += counts?.superseded ?? 0;
          }
          // A pending row removed under this import (the retention job took it for abandoned) fails the import.
          if (published !== created.length) throw new ShelterImportConflictError(created.length - published);
          // The retention job marks an import FAILED that stayed pending too long: then this one may not commit.
          const [committed] =
            created.length > 0
              ? await tx.run(commitImport, { importId, outcome: { created: created.length, superseded }, now: new Date().toISOString() })
              : await tx.run(dropEmptyImport, { importId });
          if (!committed) throw new ShelterImportConflictError(created.length);
          return { importId, created: created.length, unchanged: rows.length - created.length, superseded };
        });
      } catch (error) {
        // If the clean-up fails too, the retention job removes the pending rows; the caller hears the first error.
        await removeFailedImport(
          executor,
          importId,
          created.map((row) => row.id),
        ).catch(() => undefined);
        throw error;
      }
    },

    /** Current refusals a shelter reported for these households (when it linked them), for their gap rules. */
    refusalsOfHouseholds: (householdIds: readonly string[]) => executor.read((tx) => shelterRefusalsOfHouseholdsIn(tx, householdIds)),

    async records(
      kind: ShelterRecordKind,
      facilityIds: readonly string[],
      options: { history?: boolean; from?: string | null; to?: string | null } = {},
    ) {
      const rows = await executor.readStatement(recordsOfFacilities, {
        kind,
        facilityIds: [...facilityIds],
        history: options.history ?? false,
        from: options.from ?? null,
        to: options.to ?? null,
      });
      return rows.map((r) => r.row);
    },
  };
}

/** Removes a failed import's pending rows by id and marks it FAILED; what this misses, the retention job removes. */
async function removeFailedImport(executor: CypherExecutor, importId: string, ids: string[]): Promise<void> {
  for (let start = 0; start < ids.length; start += PUBLISH_BATCH)
    await executor.write((tx) => tx.run(removePendingRecords, { ids: ids.slice(start, start + PUBLISH_BATCH), importId }));
  await executor.write((tx) => tx.run(failImport, { importId, now: new Date().toISOString() }));
}

async function linkOptional(tx: CypherTx, batch: { id: string; householdId: string | null; agencyId: string | null }[]) {
  const households = batch.filter((row) => row.householdId).map(({ id, householdId }) => ({ id, householdId }));
  if (households.length) await tx.run(linkHouseholds, { rows: households });
  const agencies = batch.filter((row) => row.agencyId).map(({ id, agencyId }) => ({ id, agencyId }));
  if (agencies.length) await tx.run(linkAlternatives, { rows: agencies });
}

export type ShelterRepository = ReturnType<typeof createShelterRepository>;
