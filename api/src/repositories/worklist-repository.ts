// The candidate items of a worklist, one read per role: what is overdue or due soon, for the viewer's region or agency.
import { z } from 'zod';
import { GapRuleId, GapSeverity } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { opt } from './rows.js';

/** One worklist item as a statement returns it, before itemsFromCandidates gives it its action. */
export const CandidateRow = z.object({
  kind: z.string(),
  id: z.string(),
  householdId: z.string(),
  dueOn: z.string(),
  severity: opt(GapSeverity),
  ruleId: opt(GapRuleId),
  agencyIds: z.array(z.string()),
  facilityId: opt(z.string()),
  detail: opt(z.string()),
});
export type WorklistCandidate = z.infer<typeof CandidateRow>;

const CountRow = z.object({ kind: z.string(), count: z.number(), late: z.number() });
export type WorklistKindCount = z.infer<typeof CountRow>;

/** How many items share a kind, a due day and a rank (0, 1, 2: HIGH, MEDIUM, LOW), and whether they are overdue. */
const BlockRow = z.object({ kind: z.string(), day: z.string(), rank: z.number().int(), overdue: z.boolean(), count: z.number().int() });
type WorklistBlock = z.infer<typeof BlockRow>;

// The worklist is counted and paged in the store in two statements over the same sources, each in its own UNION
// branch that starts at an indexed property, working out an item's due day, severity and whether it is overdue as
// itemsFromCandidates shows them. Unanswered referrals come from the referrals themselves (with their respond-by
// day), not from the REFERRAL_UNANSWERED gap, which says the same later. A break-glass use is due on the day of its
// instant. The order: due day, severity (HIGH first), then kind and id in code-point order as a stable tiebreak; by
// severity the first two swap.
//
// Grafeo 0.6 gives no order from an index: ORDER BY ... LIMIT sorts every row before it cuts, and a range predicate
// on an indexed property reads the whole label, so a stored sort key with a range index would not give the first
// page without reading the rest (measured, tests/bench/worklist-profile.ts). What it does cheaply is aggregate. So
// the first statement counts the items per block (kind, due day and rank: the first two keys of the order), which
// gives the counts per kind and, summed in the page's order, the blocks that hold the page; the second reads only
// the items of those blocks, sorts them and cuts the page, so no sort runs over the whole region. Neo4j 5 would plan
// the same: a NodeIndexSeek per branch (the indexes in README's table), an aggregation for the blocks and a filter
// and a small sort for the page.
const coordinatorBlocks = statement(
  'worklistCoordinatorBlocks',
  cypher`
CALL () {
  // Grouped on the stored worklistDay and severity, so that each group, not each finding, works out its day and rank.
  MATCH (g:GapFinding) WHERE g.centrumgemeenteId = $cityId AND g.ruleId <> 'REFERRAL_UNANSWERED' AND g.detectedOn <= date($horizon)
  WITH g.worklistDay AS worklistDay, g.severity AS severity, count(*) AS count
  WITH substring(worklistDay, size($cityId) + 1) AS day, severity, count
  RETURN 'GAP' AS kind, day, CASE severity WHEN 'HIGH' THEN 0 WHEN 'LOW' THEN 2 ELSE 1 END AS rank, day < $today AS overdue, count
  UNION ALL
  // Only the region's referrals awaiting an answer, through their index (see the page).
  MATCH (r:Referral) WHERE r.awaitingAnswerIn = $cityId AND r.respondBy <= date($horizon)
  WITH toString(r.respondBy) AS day, r.respondBy < date($today) AS overdue
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, day, CASE WHEN overdue THEN 0 ELSE 1 END AS rank, overdue, count(*) AS count
  UNION ALL
  MATCH (q:AccessRequest) WHERE q.centrumgemeenteId = $cityId AND q.status = 'PENDING'
  RETURN 'ACCESS_REQUEST' AS kind, toString(q.requestedOn) AS day, 1 AS rank, false AS overdue, count(*) AS count
  UNION ALL
  MATCH (b:BreakGlassGrant)-[:BREAK_GLASS_FOR]->(h:Household)
  WHERE h.centrumgemeenteId = $cityId AND b.reviewed = false
  RETURN 'BREAK_GLASS_USE' AS kind, substring(toString(b.at), 0, 10) AS day, 1 AS rank, false AS overdue, count(*) AS count
}
RETURN kind, day, rank, overdue, count`,
  BlockRow,
);

// The page: the items whose block (rank and due day in the page's order, as one string: days are ISO dates, ranks
// one digit) lies between the first and the last block that hold the page, with the filters applied, carrying the
// node itself; sorted in the page's order and cut, and only the page's rows read the columns the worklist shows
// (rank 0, 1, 2 stands for the severity HIGH, MEDIUM, LOW). $skip counts from the first of those blocks.
const coordinatorPage = statement(
  'worklistCoordinatorPage',
  cypher`
CALL () {
  // Only the findings of the page's days, through their index (gap_finding_worklist_day).
  MATCH (g:GapFinding) WHERE g.worklistDay IN $gapDays AND g.ruleId <> 'REFERRAL_UNANSWERED' AND g.detectedOn <= date($horizon)
  WITH g, coalesce(g.dueOn, toString(g.detectedOn)) AS dueOn, CASE g.severity WHEN 'HIGH' THEN 0 WHEN 'LOW' THEN 2 ELSE 1 END AS rank
  WITH g, dueOn, rank, CASE WHEN $bySeverity THEN toString(rank) + dueOn ELSE dueOn + toString(rank) END AS block
  WHERE block >= $fromBlock AND block <= $toBlock AND (dueOn < $today OR NOT $overdueOnly) AND ($kinds IS NULL OR 'GAP' IN $kinds)
  RETURN 'GAP' AS kind, g AS item, g.id AS id, dueOn, rank, block
  UNION ALL
  // Only the region's referrals awaiting an answer, through awaitingAnswerIn (its index, migration 0016, holds only
  // those): from the region's households the plan walked every household and its referrals (16,000 households for
  // Amsterdam in the national year), from Referral.status every referral awaiting an answer in the country (about
  // 35,000). The status is not checked again: awaitingAnswerIn is written with it, and Grafeo 0.6 would read both
  // indexes (every referral awaiting an answer in the country) for the two equalities. Neo4j 5 plans a
  // NodeIndexSeek on awaitingAnswerIn.
  MATCH (r:Referral) WHERE r.awaitingAnswerIn = $cityId AND r.respondBy <= date($horizon)
  WITH r, toString(r.respondBy) AS dueOn, CASE WHEN r.respondBy < date($today) THEN 0 ELSE 1 END AS rank
  WITH r, dueOn, rank, CASE WHEN $bySeverity THEN toString(rank) + dueOn ELSE dueOn + toString(rank) END AS block
  WHERE block >= $fromBlock AND block <= $toBlock AND (rank = 0 OR NOT $overdueOnly) AND ($kinds IS NULL OR 'REFERRAL_AWAITING_ANSWER' IN $kinds)
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, r AS item, r.id AS id, dueOn, rank, block
  UNION ALL
  MATCH (q:AccessRequest)
  WHERE q.centrumgemeenteId = $cityId AND q.status = 'PENDING' AND NOT $overdueOnly AND ($kinds IS NULL OR 'ACCESS_REQUEST' IN $kinds)
  WITH q, toString(q.requestedOn) AS dueOn
  WITH q, dueOn, CASE WHEN $bySeverity THEN '1' + dueOn ELSE dueOn + '1' END AS block
  WHERE block >= $fromBlock AND block <= $toBlock
  RETURN 'ACCESS_REQUEST' AS kind, q AS item, q.id AS id, dueOn, 1 AS rank, block
  UNION ALL
  // Break-glass uses (and granted requests) in the region that nobody has reviewed yet.
  MATCH (b:BreakGlassGrant)-[:BREAK_GLASS_FOR]->(h:Household)
  WHERE h.centrumgemeenteId = $cityId AND b.reviewed = false AND NOT $overdueOnly AND ($kinds IS NULL OR 'BREAK_GLASS_USE' IN $kinds)
  WITH b, substring(toString(b.at), 0, 10) AS dueOn
  WITH b, dueOn, CASE WHEN $bySeverity THEN '1' + dueOn ELSE dueOn + '1' END AS block
  WHERE block >= $fromBlock AND block <= $toBlock
  RETURN 'BREAK_GLASS_USE' AS kind, b AS item, b.id AS id, dueOn, 1 AS rank, block
}
WITH kind, item, id, dueOn, rank, block
ORDER BY block, kind, id
SKIP $skip LIMIT $limit
RETURN kind, id, item.householdId AS householdId, dueOn, CASE rank WHEN 0 THEN 'HIGH' WHEN 1 THEN 'MEDIUM' ELSE 'LOW' END AS severity,
  CASE kind WHEN 'GAP' THEN item.ruleId ELSE null END AS ruleId,
  CASE kind WHEN 'GAP' THEN item.agencyIds WHEN 'REFERRAL_AWAITING_ANSWER' THEN [item.toAgencyId, item.fromAgencyId]
    ELSE CASE WHEN item.agencyId IS NULL THEN [] ELSE [item.agencyId] END END AS agencyIds,
  null AS facilityId,
  // A gap with no term (an event or a state) has no due day: the day it arose is shown as "since".
  CASE kind WHEN 'GAP' THEN CASE WHEN item.dueOn IS NULL THEN dueOn ELSE null END
    WHEN 'REFERRAL_AWAITING_ANSWER' THEN item.purpose ELSE item.reason END AS detail`,
  CandidateRow,
);

// An agency worker's items start at the agency (its id) and follow its own edges: referrals it received (SENT_TO)
// and sent (SENT_BY), notices for it (NOTICE_TO). Started at Referral.status, a branch read the whole country's
// referrals of that status (every answered one, for REFERRAL_ANSWERED); InvolvementNotice.agencyId has no index on
// Grafeo (README, "Indexes and the statements that need them"). Now the cost grows with the agency's own work.
const workerCounts = statement(
  'worklistWorkerCounts',
  cypher`
CALL () {
  MATCH (:Agency {id: $agencyId})<-[:SENT_TO]-(r:Referral) WHERE r.status = 'SENT'
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, r.respondBy < date($today) AS overdue
  UNION ALL
  MATCH (:Agency {id: $agencyId})<-[:SENT_BY]-(r:Referral) WHERE r.status = 'INFO_REQUESTED'
  RETURN 'REFERRAL_INFO_REQUESTED' AS kind, false AS overdue
  UNION ALL
  MATCH (:Agency {id: $agencyId})<-[:SENT_BY]-(r:Referral) WHERE r.status IN ['ACCEPTED', 'REFUSED'] AND r.respondedOn >= date($answeredSince)
  RETURN 'REFERRAL_ANSWERED' AS kind, false AS overdue
  UNION ALL
  MATCH (g:GapFinding) WHERE g.centrumgemeenteId = $cityId AND g.ruleId IN $owedRules AND $agencyId IN g.agencyIds AND g.detectedOn <= date($horizon)
  RETURN 'GAP' AS kind, coalesce(g.dueOn, toString(g.detectedOn)) < $today AS overdue
  UNION ALL
  MATCH (:Agency {id: $agencyId})<-[:NOTICE_TO]-(n:InvolvementNotice) WHERE n.acknowledgedAt IS NULL
  RETURN 'INVOLVEMENT_NOTICE' AS kind, false AS overdue
}
WITH kind, overdue WHERE overdue OR NOT $overdueOnly
RETURN kind, count(*) AS count, sum(CASE WHEN overdue THEN 1 ELSE 0 END) AS late`,
  CountRow,
);

const workerPage = statement(
  'worklistWorkerPage',
  cypher`
CALL () {
  MATCH (:Agency {id: $agencyId})<-[:SENT_TO]-(r:Referral) WHERE r.status = 'SENT'
  WITH r, r.respondBy < date($today) AS overdue
  WHERE (overdue OR NOT $overdueOnly) AND ($kinds IS NULL OR 'REFERRAL_AWAITING_ANSWER' IN $kinds)
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, r AS item, r.id AS id, toString(r.respondBy) AS dueOn, CASE WHEN overdue THEN 0 ELSE 1 END AS rank
  ORDER BY CASE WHEN $bySeverity THEN rank ELSE 0 END, dueOn, rank, id LIMIT $top
  UNION ALL
  MATCH (:Agency {id: $agencyId})<-[:SENT_BY]-(r:Referral)
  WHERE r.status = 'INFO_REQUESTED' AND NOT $overdueOnly AND ($kinds IS NULL OR 'REFERRAL_INFO_REQUESTED' IN $kinds)
  RETURN 'REFERRAL_INFO_REQUESTED' AS kind, r AS item, r.id AS id, toString(r.infoRequestedOn) AS dueOn, 1 AS rank
  ORDER BY dueOn, id LIMIT $top
  UNION ALL
  MATCH (:Agency {id: $agencyId})<-[:SENT_BY]-(r:Referral)
  WHERE r.status IN ['ACCEPTED', 'REFUSED'] AND r.respondedOn >= date($answeredSince) AND NOT $overdueOnly
    AND ($kinds IS NULL OR 'REFERRAL_ANSWERED' IN $kinds)
  RETURN 'REFERRAL_ANSWERED' AS kind, r AS item, r.id AS id, toString(r.respondedOn) AS dueOn, 2 AS rank
  ORDER BY dueOn, id LIMIT $top
  UNION ALL
  // The agency's own region: findings are looked up by region (indexed), not by rule across the country.
  MATCH (g:GapFinding) WHERE g.centrumgemeenteId = $cityId AND g.ruleId IN $owedRules AND $agencyId IN g.agencyIds AND g.detectedOn <= date($horizon)
  WITH g, coalesce(g.dueOn, toString(g.detectedOn)) AS dueOn, CASE g.severity WHEN 'HIGH' THEN 0 WHEN 'LOW' THEN 2 ELSE 1 END AS rank
  WHERE (dueOn < $today OR NOT $overdueOnly) AND ($kinds IS NULL OR 'GAP' IN $kinds)
  RETURN 'GAP' AS kind, g AS item, g.id AS id, dueOn, rank
  ORDER BY CASE WHEN $bySeverity THEN rank ELSE 0 END, dueOn, rank, id LIMIT $top
  UNION ALL
  MATCH (:Agency {id: $agencyId})<-[:NOTICE_TO]-(n:InvolvementNotice)
  WHERE n.acknowledgedAt IS NULL AND NOT $overdueOnly AND ($kinds IS NULL OR 'INVOLVEMENT_NOTICE' IN $kinds)
  RETURN 'INVOLVEMENT_NOTICE' AS kind, n AS item, n.id AS id, toString(n.on) AS dueOn, 2 AS rank
  ORDER BY dueOn, id LIMIT $top
}
WITH kind, item, id, dueOn, rank
ORDER BY CASE WHEN $bySeverity THEN rank ELSE 0 END, dueOn, rank, kind, id
SKIP $skip LIMIT $limit
RETURN kind, id, item.householdId AS householdId, dueOn, CASE rank WHEN 0 THEN 'HIGH' WHEN 1 THEN 'MEDIUM' ELSE 'LOW' END AS severity,
  CASE kind WHEN 'GAP' THEN item.ruleId ELSE null END AS ruleId,
  CASE kind WHEN 'GAP' THEN [$agencyId] WHEN 'REFERRAL_AWAITING_ANSWER' THEN [item.toAgencyId, item.fromAgencyId]
    WHEN 'INVOLVEMENT_NOTICE' THEN [item.otherAgencyId] ELSE [item.fromAgencyId, item.toAgencyId] END AS agencyIds,
  null AS facilityId,
  CASE kind WHEN 'REFERRAL_AWAITING_ANSWER' THEN item.purpose WHEN 'REFERRAL_INFO_REQUESTED' THEN item.infoQuestion
    WHEN 'REFERRAL_ANSWERED' THEN item.status ELSE null END AS detail`,
  CandidateRow,
);

const FacilityEventRow = z.object({
  id: z.string(),
  kind: z.string(),
  householdId: z.string(),
  facilityId: z.string(),
  occurredOn: z.string(),
  recordedAt: z.string(),
});

// Every current event at the agency's own facilities that opens or closes an application or a waiting-list entry;
// which are still open is worked out per household and facility in TypeScript.
const shelterEvents = statement(
  'worklistShelterEvents',
  cypher`
MATCH (f:Facility {agencyId: $agencyId})<-[:AT_FACILITY]-(e:Event)
WHERE e.kind IN ['SHELTER_APPLICATION', 'WAITING_LIST_ENTRY', 'WAITING_LIST_EXIT', 'REFUSAL', 'PLACEMENT']
  AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN e.id AS id, e.kind AS kind, e.householdId AS householdId, f.id AS facilityId, toString(e.occurredOn) AS occurredOn,
  toString(e.recordedAt) AS recordedAt`,
  FacilityEventRow,
);

const noticesFor = statement(
  'worklistNoticesFor',
  cypher`
MATCH (:Agency {id: $agencyId})<-[:NOTICE_TO]-(n:InvolvementNotice) WHERE n.acknowledgedAt IS NULL
RETURN 'INVOLVEMENT_NOTICE' AS kind, n.id AS id, n.householdId AS householdId, toString(n.on) AS dueOn, null AS severity,
  null AS ruleId, [n.otherAgencyId] AS agencyIds, null AS facilityId, null AS detail`,
  CandidateRow,
);

/** Gap rules whose missing step the agency named on the finding owes: contact and feedback after a signal, an intake. */
export const OWED_GAP_RULES: GapRuleId[] = ['FEEDBACK_INTERIM_MISSING', 'FEEDBACK_FINAL_MISSING', 'REFERRAL_NO_INTAKE'];

/**
 * Terms for shelter staff (Ketenkaart defaults, not from a covenant): a decision on an application within 7 days,
 * and a waiting-list entry looked at again every 28 days until it has an outcome.
 */
export const SHELTER_DECISION_DAYS = 7;
export const WAITING_LIST_REVIEW_DAYS = 28;

/** Which items a page shows: the filter and the order the user chose. */
export interface WorklistQuery {
  kinds: string[] | null;
  overdueOnly: boolean;
  bySeverity: boolean;
  /** The day the worklist is made for: what is due before it is overdue. */
  today: string;
}

/** Where the page sits in the filtered list, worked out from the counts (a backward page needs the total). */
export type PlacePage = (counts: WorklistKindCount[]) => { skip: number; limit: number };

/**
 * The blocks that hold the page [skip, skip + limit) of the filtered list, in the page's order (a block: all items
 * of one due day and rank), where the page starts counted from the first of them, and the due days of the gap
 * findings in them. Blocks are compared as the page statement compares them: rank and day (by severity) or day and
 * rank as one string, in code-point order. Null when the list ends before the page.
 */
export function blocksOfPage(
  blocks: WorklistBlock[],
  query: Pick<WorklistQuery, 'kinds' | 'overdueOnly' | 'bySeverity'>,
  skip: number,
  limit: number,
): { fromBlock: string; toBlock: string; skip: number; gapDays: string[] } | null {
  const keyOf = (block: WorklistBlock) => (query.bySeverity ? `${block.rank}${block.day}` : `${block.day}${block.rank}`);
  const listed = blocks.filter((block) => (block.overdue || !query.overdueOnly) && (!query.kinds || query.kinds.includes(block.kind)));
  const perBlock = new Map<string, number>();
  for (const block of listed) perBlock.set(keyOf(block), (perBlock.get(keyOf(block)) ?? 0) + block.count);
  const ordered = [...perBlock].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  let before = 0;
  let first = 0;
  while (first < ordered.length && before + ordered[first]![1] <= skip) before += ordered[first++]![1];
  if (first === ordered.length) return null;
  let through = before + ordered[first]![1];
  let last = first;
  while (last + 1 < ordered.length && through < skip + limit) through += ordered[++last]![1];
  const [fromBlock, toBlock] = [ordered[first]![0], ordered[last]![0]];
  const gapDays = listed
    .filter((block) => block.kind === 'GAP' && keyOf(block) >= fromBlock && keyOf(block) <= toBlock)
    .map((block) => block.day);
  return { fromBlock, toBlock, skip: skip - before, gapDays: [...new Set(gapDays)] };
}

export function createWorklistRepository(executor: CypherExecutor) {
  // Counts and page in one read transaction, so that the page sits where the counts say.
  const countThenPage = <P extends Record<string, unknown>>(
    counts: typeof workerCounts,
    page: typeof workerPage,
    params: P,
    query: WorklistQuery,
    place: PlacePage,
  ) =>
    executor.read(async (tx) => {
      const perKind = await tx.run(counts, { ...params, today: query.today, overdueOnly: query.overdueOnly });
      const { skip, limit } = place(perKind);
      const rows =
        limit > 0
          ? await tx.run(page, { ...params, ...query, kinds: query.kinds?.length ? query.kinds : null, skip, limit, top: skip + limit })
          : [];
      return { counts: perKind, rows };
    });
  // The coordinator's: the blocks counted, then only the page's blocks read, in one read transaction.
  const blocksThenPage = (params: { cityId: string; horizon: string }, query: WorklistQuery, place: PlacePage) =>
    executor.read(async (tx) => {
      const blocks = await tx.run(coordinatorBlocks, { ...params, today: query.today });
      const perKind = new Map<string, WorklistKindCount>();
      for (const block of blocks) {
        if (query.overdueOnly && !block.overdue) continue;
        const count = perKind.get(block.kind) ?? { kind: block.kind, count: 0, late: 0 };
        perKind.set(block.kind, {
          kind: block.kind,
          count: count.count + block.count,
          late: count.late + (block.overdue ? block.count : 0),
        });
      }
      const counts = [...perKind.values()];
      const { skip, limit } = place(counts);
      const kinds = query.kinds?.length ? query.kinds : null;
      const span = limit > 0 ? blocksOfPage(blocks, { ...query, kinds }, skip, limit) : null;
      const rows = span
        ? await tx.run(coordinatorPage, {
            ...params,
            ...query,
            kinds,
            fromBlock: span.fromBlock,
            toBlock: span.toBlock,
            skip: span.skip,
            limit,
            gapDays: span.gapDays.map((day) => `${params.cityId}|${day}`),
          })
        : [];
      return { counts, rows };
    });
  return {
    /** The coordinator's items in the region: counts per kind and one page. */
    coordinator: (cityId: string, horizon: string, query: WorklistQuery, place: PlacePage) =>
      blocksThenPage({ cityId, horizon }, query, place),
    /** An agency worker's items: its referrals, the steps it owes in its region, its notices; counts and one page. */
    worker: (agencyId: string, cityId: string, horizon: string, answeredSince: string, query: WorklistQuery, place: PlacePage) =>
      countThenPage(workerCounts, workerPage, { agencyId, cityId, horizon, answeredSince, owedRules: OWED_GAP_RULES }, query, place),
    /** Events at the agency's facilities, and its notices of involvement, read in parallel. */
    shelter: (agencyId: string) =>
      Promise.all([executor.readStatement(shelterEvents, { agencyId }), executor.readStatement(noticesFor, { agencyId })]),
    /** Only the events at the agency's facilities: what the shelter page counts with the worklist's own rule. */
    shelterEvents: (agencyId: string) => executor.readStatement(shelterEvents, { agencyId }),
  };
}

export type WorklistRepository = ReturnType<typeof createWorklistRepository>;
export type ShelterEventRecord = z.infer<typeof FacilityEventRow>;
