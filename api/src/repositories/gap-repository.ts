// Gap rule settings per city, and the findings: derived data, replaced per household whenever its facts change.
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AgencyType,
  ChainState,
  Destination,
  EventKind,
  RefusalReason,
  VerdictKind,
  WaitingListOutcome,
  GapRuleId,
  GapSeverity,
  type GapRuleSetting,
  dayOf,
  type EarlyWarningTerms,
  type GapFinding,
} from '@ketenkaart/schema';
import { cypher, joinCypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { instant, list, opt, type Page, readPage } from './rows.js';

const SettingRow = z.object({
  cityId: z.string(),
  ruleId: GapRuleId,
  enabled: z.boolean(),
  days: opt(z.number().int()),
  severity: GapSeverity,
  source: z.string(),
});

const upsertSettings = statement(
  'upsertGapRuleSettings',
  cypher`
UNWIND $rows AS row
MERGE (s:GapRuleSetting {id: row.id})
SET s += row.props, s.recordedAt = datetime($now), s.recordedBy = $recordedBy
RETURN count(s) AS n`,
  z.object({ n: z.number().int() }),
);

const settingsByCity = statement(
  'gapRuleSettingsByCity',
  cypher`
MATCH (s:GapRuleSetting) WHERE s.cityId IN $cityIds
RETURN s.cityId AS cityId, s.ruleId AS ruleId, s.enabled AS enabled, s.days AS days, s.severity AS severity, s.source AS source
ORDER BY cityId, ruleId`,
  SettingRow,
);

const deleteFindings = statement(
  'deleteGapFindings',
  cypher`
// Over the household's edges: no index on GapFinding.householdId (migration 0013); Neo4j plans the same expand.
MATCH (h:Household)<-[:GAP_OF]-(g:GapFinding) WHERE h.id IN $householdIds
DETACH DELETE g
RETURN count(*) AS n`,
  z.object({ n: z.number().int() }),
);

const createFindings = statement(
  'createGapFindings',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
CREATE (g:GapFinding)
// worklistDay: the region and the day the worklist shows the finding under, for its index (migration 0015). Worked
// out here, not in the row, so that a finding's fingerprint stays what it was.
SET g += row, g.detectedOn = date(row.detectedOn), g.evaluatedAt = datetime($now),
  g.worklistDay = row.centrumgemeenteId + '|' + coalesce(row.dueOn, row.detectedOn)
CREATE (g)-[:GAP_OF]->(h)
RETURN count(g) AS n`,
  z.object({ n: z.number().int() }),
);

const StoredEvaluationRow = z.object({
  householdId: z.string(),
  reviewOn: opt(z.string()),
  factsVersion: opt(z.number().int()),
  fingerprints: z.array(z.string()),
});
type StoredEvaluation = z.infer<typeof StoredEvaluationRow>;

// What the last evaluation left per household: its findings' fingerprints, its review day and the household's
// write version when it read the facts. These are the gap service's bookkeeping on the household, not facts about it. The review day
// (h.gapReviewOn) is absent until the first evaluation, NOTHING_DUE when only a new fact can change the findings.
const storedEvaluations = statement(
  'gapStoredEvaluations',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
RETURN h.id AS householdId, toString(h.gapReviewOn) AS reviewOn, h.gapFactsVersion AS factsVersion,
  [(h)<-[:GAP_OF]-(g:GapFinding) | coalesce(g.fingerprint, '')] AS fingerprints`,
  StoredEvaluationRow,
);

// The households' write locks (db/executor.ts), and their stored evaluations read under them, in one statement:
// each row's SET takes the household's lock before its RETURN reads the findings, and every write of findings
// holds that lock (Neo4j plans the same: a row is projected after its SET, or all after an Eager, both under the lock).
const lockedStoredEvaluations = statement(
  'gapStoredEvaluationsLocked',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
SET h._lock = true
WITH h
SET h._version = coalesce(h._version, 0) + 1
REMOVE h._lock
RETURN h.id AS householdId, toString(h.gapReviewOn) AS reviewOn, h.gapFactsVersion AS factsVersion,
  [(h)<-[:GAP_OF]-(g:GapFinding) | coalesce(g.fingerprint, '')] AS fingerprints`,
  StoredEvaluationRow,
);

// Every write to a household's facts increments h._version under its lock: the store's own order of writes.
const writeVersions = statement(
  'householdWriteVersions',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
RETURN h.id AS householdId, coalesce(h._version, 0) AS version`,
  z.object({ householdId: z.string(), version: z.number().int() }),
);

const setBookkeeping = statement(
  'setGapBookkeeping',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
SET h.gapReviewOn = date(row.reviewOn), h.gapFactsVersion = row.factsVersion
RETURN count(h) AS n`,
  z.object({ n: z.number().int() }),
);

const forgetReviewDays = statement(
  'forgetGapReviewDays',
  cypher`
MATCH (h:Household) WHERE h.centrumgemeenteId IN $cityIds AND h.gapReviewOn IS NOT NULL
REMOVE h.gapReviewOn
RETURN count(h) AS n`,
  z.object({ n: z.number().int() }),
);

const recordSweep = statement(
  'recordGapSweep',
  cypher`
CREATE (r:GapSweepRun {id: $id})
SET r += $run, r.at = datetime($now)
RETURN r.id AS id`,
  z.object({ id: z.string() }),
);

const lastSweep = statement(
  'lastGapSweep',
  cypher`
MATCH (r:GapSweepRun)
RETURN toString(r.at) AS at, r.households AS households, r.changedHouseholds AS changedHouseholds
ORDER BY r.at DESC
LIMIT 1`,
  z.object({ at: instant, households: z.number().int(), changedHouseholds: z.number().int() }),
);

// A finding that an evaluation no longer finds is kept as a (:ResolvedGap): when, and by what change, it went away.
// Written in the same transaction that deletes the finding, so a gap is never lost between the two.
const resolveFindings = statement(
  'resolveGapFindings',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})<-[:GAP_OF]-(g:GapFinding)
WHERE NOT g.id IN row.keptIds
CREATE (r:ResolvedGap)
SET r.id = g.id + '@' + $now, r.findingId = g.id, r.ruleId = g.ruleId, r.householdId = g.householdId,
  r.centrumgemeenteId = g.centrumgemeenteId, r.severity = g.severity, r.detectedOn = g.detectedOn, r.summary = g.summary,
  r.agencyIds = g.agencyIds, r.evidenceNodes = g.evidenceNodes, r.resolvedAt = datetime($now), r.resolvedOn = date($today),
  r.resolvedByKind = $causeKind, r.resolvedByEventId = $causeEventId
CREATE (r)-[:RESOLVED_GAP_OF]->(h)
RETURN count(r) AS n`,
  z.object({ n: z.number().int() }),
);

const ResolvedRow = z.object({
  id: z.string(),
  findingId: z.string(),
  ruleId: GapRuleId,
  householdId: z.string(),
  severity: GapSeverity,
  detectedOn: z.string(),
  resolvedOn: z.string(),
  resolvedAt: instant,
  resolvedByKind: z.string(),
  resolvedByEventId: opt(z.string()),
  evidenceNodes: z.array(z.string()),
  summary: z.string(),
});
export type ResolvedGapRecord = z.infer<typeof ResolvedRow>;

// Through the household node (its id index), newest first: a family's history, never a region-wide scan. At most
// $perHousehold each, so that one household's long history cannot crowd out the others of a batch.
const resolvedOfHouseholds = statement(
  'resolvedGapsOfHouseholds',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
CALL (h) {
  MATCH (h)<-[:RESOLVED_GAP_OF]-(r:ResolvedGap)
  RETURN r
  ORDER BY r.resolvedAt DESC, r.id
  LIMIT $perHousehold
}
RETURN r.id AS id, r.findingId AS findingId, r.ruleId AS ruleId, r.householdId AS householdId, r.severity AS severity,
  toString(r.detectedOn) AS detectedOn, toString(r.resolvedOn) AS resolvedOn, toString(r.resolvedAt) AS resolvedAt,
  r.resolvedByKind AS resolvedByKind, r.resolvedByEventId AS resolvedByEventId, r.evidenceNodes AS evidenceNodes, r.summary AS summary
ORDER BY householdId, resolvedAt DESC, id`,
  ResolvedRow,
);

/** What changed when findings went away: the change a mutation made, or a re-evaluation (sweep, new thresholds). */
export const GapResolutionKind = z.enum([
  'EVENT_RECORDED',
  'EVENT_CORRECTED',
  'REFERRAL_SENT',
  'REFERRAL_ANSWERED',
  'REGIE_TAKEN',
  'REGIE_HANDED_OVER',
  'SHELTER_REPORT',
  'HOUSEHOLD_CHANGED',
  'REEVALUATION',
]);
export type GapResolutionKind = z.infer<typeof GapResolutionKind>;
export interface GapResolutionCause {
  kind: GapResolutionKind;
  eventId?: string | null;
}

/** Stored as the review day of a household whose findings only a new fact can change. */
export const NOTHING_DUE = '9999-12-31';

const FindingRow = z.object({
  id: z.string(),
  ruleId: GapRuleId,
  householdId: z.string(),
  centrumgemeenteId: z.string(),
  severity: GapSeverity,
  stage: opt(ChainState),
  detectedOn: z.string(),
  dueOn: opt(z.string()),
  agencyIds: z.array(z.string()),
  evidenceNodes: z.array(z.string()),
  evidenceEdgesJson: z.string(),
  summary: z.string(),
});

/** A finding's columns, as FindingRow reads them. */
const findingColumns = cypher`
RETURN g.id AS id, g.ruleId AS ruleId, g.householdId AS householdId, g.centrumgemeenteId AS centrumgemeenteId, g.severity AS severity,
  g.stage AS stage, toString(g.detectedOn) AS detectedOn, g.dueOn AS dueOn, g.agencyIds AS agencyIds, g.evidenceNodes AS evidenceNodes,
  g.evidenceEdgesJson AS evidenceEdgesJson, g.summary AS summary`;

// A region's findings, filtered: the plan starts at the region (gap_finding_region).
const findingsPage = statement(
  'gapFindingsPage',
  joinCypher(
    cypher`
MATCH (g:GapFinding)
WHERE g.centrumgemeenteId IN $cityIds
  AND ($ruleIds IS NULL OR g.ruleId IN $ruleIds)
  AND ($severities IS NULL OR g.severity IN $severities)
  AND ($agencyId IS NULL OR $agencyId IN g.agencyIds)
  AND ($from IS NULL OR g.detectedOn >= date($from))
  AND ($to IS NULL OR g.detectedOn <= date($to))
  AND ($after IS NULL OR g.id > $after)
// Cut to the page before the columns are read (Grafeo builds a row's columns before it sorts).
WITH g
ORDER BY g.id
LIMIT $limit`,
    findingColumns,
  ),
  FindingRow,
);

// A household's open findings over its GAP_OF edges, at most $perHousehold each. Not on GapFinding.householdId:
// Grafeo 0.6 read every finding in the store for `g.householdId IN $ids` (17 ms a household on a 50,000-household
// store, growing with the store; 0.13 ms over the edges: tests/bench/property-match-growth.ts). Neo4j expands the
// same edges from the Household id constraint.
const findingsOfHouseholds = statement(
  'gapFindingsOfHouseholds',
  joinCypher(
    cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
CALL (h) {
  MATCH (h)<-[:GAP_OF]-(g:GapFinding)
  RETURN g
  ORDER BY g.id
  LIMIT $perHousehold
}`,
    findingColumns,
    cypher`
ORDER BY householdId, id`,
  ),
  FindingRow,
);

const findingCounts = statement(
  'gapFindingCounts',
  cypher`
MATCH (g:GapFinding)
WHERE g.centrumgemeenteId IN $cityIds
  AND ($from IS NULL OR g.detectedOn >= date($from))
  AND ($to IS NULL OR g.detectedOn <= date($to))
RETURN g.centrumgemeenteId AS cityId, g.ruleId AS ruleId, count(DISTINCT g.householdId) AS households, count(g) AS findings
ORDER BY cityId, ruleId`,
  z.object({ cityId: z.string(), ruleId: GapRuleId, households: z.number().int(), findings: z.number().int() }),
);

const agencyTypes = statement(
  'agencyTypesAndFacilityOperators',
  cypher`
CALL () {
  MATCH (a:Agency) RETURN collect([a.id, a.type]) AS agencies
}
CALL () {
  MATCH (f:Facility) WHERE f.agencyId IS NOT NULL RETURN collect([f.id, f.agencyId]) AS facilities
}
RETURN agencies, facilities`,
  z.object({ agencies: z.array(z.tuple([z.string(), AgencyType])), facilities: z.array(z.tuple([z.string(), z.string()])) }),
);

// The terms of each city's early-warning arrangement that the signal rules need (thresholds are data, 002 L729-731).
const earlyWarningTerms = statement(
  'earlyWarningTermsForGaps',
  cypher`
MATCH (w:EarlyWarningArrangement)
RETURN w.centrumgemeenteId AS cityId, w.reportAfterMonthsArrears AS reportAfterMonthsArrears, w.reportedToAgencyIds AS reportedToAgencyIds
ORDER BY cityId`,
  z.object({ cityId: z.string(), reportAfterMonthsArrears: opt(z.number()), reportedToAgencyIds: list(z.string()) }),
);

const householdIdsDueInCity = statement(
  'householdIdsDueInCity',
  cypher`
MATCH (h:Household)
WHERE h.centrumgemeenteId = $cityId AND ($after IS NULL OR h.id > $after)
  AND (h.gapReviewOn IS NULL OR h.gapReviewOn <= date($today))
RETURN h.id AS id
ORDER BY h.id
LIMIT $limit`,
  z.object({ id: z.string() }),
);

const householdIdsOfCity = statement(
  'householdIdsOfCity',
  cypher`
MATCH (h:Household)
WHERE h.centrumgemeenteId = $cityId AND ($after IS NULL OR h.id > $after)
RETURN h.id AS id
ORDER BY h.id
LIMIT $limit`,
  z.object({ id: z.string() }),
);

// The events of a page of households, as the gap rules read them: only the fields they use, each event one list
// rather than a map of 23 columns (the full evaluation's largest read; decoding maps was most of its time).
// Pattern comprehension, not OPTIONAL MATCH, for the correction that superseded an event: see eventsByHousehold.
const eventsForGapRules = statement(
  'eventsForGapRules',
  cypher`
MATCH (h:Household)-[:HAD]->(e:Event)
WHERE h.id IN $householdIds
WITH e, [(e)<-[:SUPERSEDES]-(newer:Event) | newer.id] AS supersededBy
RETURN [e.id, e.kind, e.householdId, toString(e.occurredOn), toString(e.recordedAt), e.agencyId, e.facilityId, e.referralId,
  e.arrearsMonths, e.refusalReason, e.verdictKind, e.waitingListOutcome, e.destination, supersededBy[0]] AS fields`,
  z.object({
    fields: z.tuple([
      z.string(),
      EventKind,
      z.string(),
      z.string(),
      instant,
      z.string().nullable(),
      z.string().nullable(),
      z.string().nullable(),
      z.number().nullable(),
      RefusalReason.nullable(),
      VerdictKind.nullable(),
      WaitingListOutcome.nullable(),
      Destination.nullable(),
      z.string().nullable(),
    ]),
  }),
);

/** One household's evaluation: what the rules found, and the day they could find otherwise (null: never by time alone). */
export interface HouseholdEvaluation {
  householdId: string;
  findings: GapFinding[];
  reviewOn: string | null;
  /**
   * The household's write version (h._version) read before its facts: orders evaluations of one household by
   * a value the store writes, never by a machine's clock (several API instances have several clocks).
   */
  factsVersion: number;
}

export type FindingRecord = Omit<GapFinding, 'evidenceEdges'> & { evidenceEdges: GapFinding['evidenceEdges'] };

function findingOfRow({ evidenceEdgesJson, ...row }: z.infer<typeof FindingRow>): FindingRecord {
  return { ...row, evidenceEdges: JSON.parse(evidenceEdgesJson) as FindingRecord['evidenceEdges'] };
}

export function createGapRepository(executor: CypherExecutor, now: () => Date = () => new Date()) {
  return {
    /** New thresholds make every household of those cities due for the next sweep. */
    async upsertSettings(settings: GapRuleSetting[], recordedBy: string): Promise<void> {
      await executor.write(async (tx) => {
        await tx.run(upsertSettings, {
          rows: settings.map((s) => ({
            id: `${s.cityId}:${s.ruleId}`,
            props: Object.fromEntries(Object.entries(s).filter(([, v]) => v !== null)),
          })),
          now: now().toISOString(),
          recordedBy,
        });
        await tx.run(forgetReviewDays, { cityIds: [...new Set(settings.map((s) => s.cityId))] });
      });
    },

    settingsByCity: (cityIds: readonly string[]) => executor.readStatement(settingsByCity, { cityIds: [...cityIds] }),

    /**
     * Stores what an evaluation found, in one transaction: findings are derived, never facts. A household whose
     * findings came out the same as stored keeps them (and their evaluatedAt, the time they took this form), so a
     * re-evaluation that changes nothing writes nothing. A household whose stored findings come from facts read
     * after this evaluation read them is left alone: a sweep that read just before a step was recorded must not
     * put back the gap that the step's own refresh has just closed. The refresh after a change (`markRead`)
     * therefore always records the version it read. Households to write are locked, and compared again, first.
     */
    async replaceFindings(
      evaluations: HouseholdEvaluation[],
      options: { markRead?: boolean; cause?: GapResolutionCause } = {},
    ): Promise<{ changedHouseholds: number }> {
      const fingerprinted = evaluations.map((e) => ({
        ...e,
        rows: e.findings.map(({ evidenceEdges, stage, dueOn, ...f }) => {
          const row = { ...f, ...(stage ? { stage } : {}), ...(dueOn ? { dueOn } : {}), evidenceEdgesJson: JSON.stringify(evidenceEdges) };
          return { ...row, fingerprint: createHash('sha256').update(JSON.stringify(row)).digest('base64url') };
        }),
      }));
      // What to write, given the stored evaluations as this transaction read them.
      const plan = (stored: StoredEvaluation[]) => {
        const before = new Map(stored.map((row) => [row.householdId, row]));
        // Households that exist (and were read), and whose stored findings are not newer than this evaluation.
        const current = fingerprinted.filter((e) => {
          const row = before.get(e.householdId);
          return row !== undefined && (row.factsVersion === null || row.factsVersion <= e.factsVersion);
        });
        const changed = current.filter(
          (e) =>
            !sameMembers(
              before.get(e.householdId)!.fingerprints,
              e.rows.map((row) => row.fingerprint),
            ),
        );
        const changedIds = new Set(changed.map((e) => e.householdId));
        const marked = current
          .filter(
            (e) => options.markRead || changedIds.has(e.householdId) || before.get(e.householdId)!.reviewOn !== (e.reviewOn ?? NOTHING_DUE),
          )
          .map((e) => ({ householdId: e.householdId, reviewOn: e.reviewOn ?? NOTHING_DUE, factsVersion: e.factsVersion }));
        // Only a household that had findings has any to resolve or delete (none has on its first evaluation).
        const hadFindings = changed.filter((e) => before.get(e.householdId)!.fingerprints.length > 0);
        return { changed, marked, hadFindings };
      };
      return executor.write(async (tx) => {
        // A first look without locks: when nothing is to be written, nothing is (a re-evaluation that finds what
        // is stored writes nothing). Skipping on a stale look is safe: whichever write changed the household
        // after it refreshes the household itself, with a newer version.
        const first = plan(await tx.run(storedEvaluations, { householdIds: evaluations.map((e) => e.householdId) }));
        const touched = [...new Set([...first.changed, ...first.marked].map((e) => e.householdId))].sort();
        if (touched.length === 0) return { changedHouseholds: 0 };
        // Something to write: lock those households (db/executor.ts) and decide again from what is stored now.
        // Households the first look did not touch stay out: they were not to be written either way.
        const { changed, marked, hadFindings } = plan(await tx.run(lockedStoredEvaluations, { householdIds: touched }));
        if (hadFindings.length > 0) {
          const at = now();
          await tx.run(resolveFindings, {
            rows: hadFindings.map((e) => ({ householdId: e.householdId, keptIds: e.rows.map((row) => row.id) })),
            now: at.toISOString(),
            today: dayOf(at),
            causeKind: options.cause?.kind ?? 'REEVALUATION',
            causeEventId: options.cause?.eventId ?? null,
          });
          await tx.run(deleteFindings, { householdIds: hadFindings.map((e) => e.householdId) });
        }
        const written = changed.flatMap((e) => e.rows);
        if (written.length > 0) await tx.run(createFindings, { rows: written, now: now().toISOString() });
        if (marked.length > 0) await tx.run(setBookkeeping, { rows: marked });
        return { changedHouseholds: changed.length };
      });
    },

    async findings(
      filter: {
        cityIds: string[];
        ruleIds?: string[] | null;
        severities?: string[] | null;
        agencyId?: string | null;
        from?: string | null;
        to?: string | null;
      },
      first: number,
      after: string | null,
    ): Promise<Page<FindingRecord>> {
      const { cityIds, ruleIds = null, severities = null, agencyId = null, from = null, to = null } = filter;
      return readPage(executor, findingsPage, { cityIds, ruleIds, severities, agencyId, from, to }, first, after, findingOfRow);
    },

    /** The open findings of these households, at most perHousehold each, grouped by household in id order. */
    async findingsOfHouseholds(householdIds: readonly string[], perHousehold: number): Promise<FindingRecord[]> {
      const rows = await executor.readStatement(findingsOfHouseholds, { householdIds: [...householdIds], perHousehold });
      return rows.map(findingOfRow);
    },

    /** The events of these households with the fields the gap rules read (GapEvent in gaps/detect-gaps.ts). */
    async eventsForGapRules(householdIds: readonly string[]) {
      const rows = await executor.readStatement(eventsForGapRules, { householdIds: [...householdIds] });
      return rows.map(
        ({
          fields: [
            id,
            kind,
            householdId,
            occurredOn,
            recordedAt,
            agencyId,
            facilityId,
            referralId,
            arrearsMonths,
            refusalReason,
            verdictKind,
            waitingListOutcome,
            destination,
            supersededById,
          ],
        }) => ({
          id,
          kind,
          householdId,
          occurredOn,
          recordedAt,
          agencyId,
          facilityId,
          referralId,
          arrearsMonths,
          refusalReason,
          verdictKind,
          waitingListOutcome,
          destination,
          supersededById,
        }),
      );
    },

    /** Each household's write version; read before its facts, so an evaluation knows how new its facts are at least. */
    async writeVersions(householdIds: readonly string[]): Promise<Map<string, number>> {
      const rows = await executor.readStatement(writeVersions, { householdIds: [...householdIds] });
      return new Map(rows.map((row) => [row.householdId, row.version]));
    },

    /** Gaps that went away on these households, at most perHousehold each, newest first per household. */
    resolved: (householdIds: readonly string[], perHousehold: number) =>
      executor.readStatement(resolvedOfHouseholds, { householdIds: [...householdIds], perHousehold }),

    counts: (cityIds: string[], from: string | null, to: string | null) => executor.readStatement(findingCounts, { cityIds, from, to }),

    async lookups() {
      const [[row], terms] = await executor.read(async (tx) => [await tx.run(agencyTypes), await tx.run(earlyWarningTerms, {})] as const);
      return {
        agencyTypes: new Map(row?.agencies ?? []),
        facilityOperators: new Map(row?.facilities ?? []),
        earlyWarnings: new Map<string, EarlyWarningTerms>(terms.map(({ cityId, ...t }) => [cityId, t])),
      };
    },

    /** Leaves a (:GapSweepRun) with its counts: when the time-based gaps were last brought up to date. */
    async recordSweep(run: { cities: number; households: number; changedHouseholds: number }): Promise<void> {
      await executor.write((tx) => tx.run(recordSweep, { id: randomUUID(), run, now: now().toISOString() }));
    },

    lastSweep: async () => (await executor.readStatement(lastSweep, {}))[0] ?? null,

    /** A city's households whose review day has come by `today`, or that were never evaluated. */
    async householdIdsDueInCity(cityId: string, today: string, after: string | null, limit: number): Promise<string[]> {
      return (await executor.readStatement(householdIdsDueInCity, { cityId, today, after, limit })).map((r) => r.id);
    },

    async householdIdsOfCity(cityId: string, after: string | null, limit: number): Promise<string[]> {
      return (await executor.readStatement(householdIdsOfCity, { cityId, after, limit })).map((r) => r.id);
    },
  };
}

export type GapRepository = ReturnType<typeof createGapRepository>;

function sameMembers(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((value, index) => value === sorted[index]);
}
