// Aggregates over a region's recorded paths: who held regie at which stage, who acted, and the handovers.
import { z } from 'zod';
import { ChainState, EventKind, ReferralStatus, RefusalReason } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { opt } from './rows.js';
import { StagePathEventRow } from './stage-path-write.js';

const recordedRegie = statement(
  'recordedRegieByRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REGIE_OVER]-(g:RegieAssignment)
RETURN g.stage AS stage, g.agencyId AS agencyId, count(g) AS assignments,
  sum(CASE WHEN g.to IS NULL THEN 1 ELSE 0 END) AS open, count(DISTINCT h) AS households
ORDER BY stage, households DESC`,
  z.object({
    stage: ChainState,
    agencyId: z.string(),
    assignments: z.number().int(),
    open: z.number().int(),
    households: z.number().int(),
  }),
);

const actorsByKind = statement(
  'actorsByEventKindInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE e.agencyId IS NOT NULL AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN e.kind AS kind, e.agencyId AS agencyId, count(e) AS events, count(DISTINCT h) AS households`,
  z.object({ kind: EventKind, agencyId: z.string(), events: z.number().int(), households: z.number().int() }),
);

const handovers = statement(
  'regieHandoversInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REGIE_OVER]-(a:RegieAssignment)-[:HANDED_OVER_TO]->(b:RegieAssignment)
RETURN a.agencyId AS fromAgencyId, a.stage AS fromStage, b.agencyId AS toAgencyId, b.stage AS toStage, count(DISTINCT h) AS households
ORDER BY households DESC`,
  z.object({ fromAgencyId: z.string(), fromStage: ChainState, toAgencyId: z.string(), toStage: ChainState, households: z.number().int() }),
);

// A region's outcome events of a period in one pass over its events: per kind, and per household the refusal
// reasons it had (none for other kinds; collect leaves nulls out). Grouped by kind and reason set, each household
// falls in one row per kind, so the rows add up to households per kind and, over the rows whose set holds a reason,
// per refusal reason (a household refused for two reasons counts under both). Until 2026-11-30 the reasons were a
// second statement and a second pass over the same events; one pass took 14-18 ms against 22-36 ms for Amsterdam
// at 100,000 households.
const outcomeEvents = statement(
  'outcomeEventsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE e.kind IN $kinds AND e.occurredOn >= date($from) AND e.occurredOn <= date($to)
  AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
WITH e.kind AS kind, h, count(e) AS events,
  collect(DISTINCT CASE WHEN e.kind = 'REFUSAL' THEN e.refusalReason END) AS refusalReasons
RETURN kind, refusalReasons, sum(events) AS events, count(h) AS households`,
  z.object({ kind: EventKind, refusalReasons: z.array(RefusalReason), events: z.number().int(), households: z.number().int() }),
);

const referralsSent = statement(
  'referralsSentInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REFERRAL_FOR]-(r:Referral)
WHERE r.sentOn >= date($from) AND r.sentOn <= date($to)
RETURN count(r) AS referrals, count(DISTINCT h) AS households`,
  z.object({ referrals: z.number().int(), households: z.number().int() }),
);

const waitingListSteps = statement(
  'waitingListStepsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE e.kind IN ['WAITING_LIST_ENTRY', 'WAITING_LIST_EXIT'] AND e.occurredOn <= date($to)
  AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN h.id AS householdId, e.kind AS kind, toString(e.occurredOn) AS on
ORDER BY householdId, on, kind`,
  z.object({ householdId: z.string(), kind: z.enum(['WAITING_LIST_ENTRY', 'WAITING_LIST_EXIT']), on: z.string() }),
);

// The chain flow aggregates the households' stored stage paths (repositories/stage-path-write.ts) in the store: one
// row per stage and one per pair of stages come back, however many households the region has. A household's
// stage i counts when it entered it in the period; distinct households per cell, as analytics/chain-flow.ts counts.
// Both statements start from the region's households (household_region) and read their path lists; Neo4j plans the
// same (a NodeIndexSeek on Household.centrumgemeenteId, then UNWIND per row). The region stands in the WHERE beside
// the null test: written inline, Grafeo 0.6 read every household of the country (tests/dialect/plans.test.ts).
const stagePathTotals = statement(
  'chainFlowStageTotalsInRegion',
  cypher`
MATCH (h:Household)
WHERE h.centrumgemeenteId = $cityId AND h.stageStates IS NOT NULL
UNWIND range(0, size(h.stageStates) - 1) AS i
WITH h, i, h.stageStates[i] AS state, h.stageStates[i + 1] AS next
WHERE h.stageEnteredOn[i] >= $from AND h.stageEnteredOn[i] <= $to
RETURN state, count(DISTINCT h) AS entered,
  count(DISTINCT CASE WHEN next IS NOT NULL THEN h END) AS movedOn,
  count(DISTINCT CASE WHEN next IN ['LOST_FROM_VIEW', 'DROPPED_OUT'] THEN h END) AS droppedOut,
  count(DISTINCT CASE WHEN h.stageLoopedBack[i] THEN h END) AS loopedBack,
  collect(h.stageDays[i]) AS days`,
  z.object({
    state: ChainState,
    entered: z.number().int(),
    movedOn: z.number().int(),
    droppedOut: z.number().int(),
    loopedBack: z.number().int(),
    days: z.array(z.number().int()),
  }),
);

const stagePathTransitions = statement(
  'chainFlowTransitionsInRegion',
  cypher`
MATCH (h:Household)
WHERE h.centrumgemeenteId = $cityId AND h.stageStates IS NOT NULL
UNWIND range(0, size(h.stageStates) - 2) AS i
WITH h, i, h.stageStates[i] AS from, h.stageStates[i + 1] AS to
WHERE h.stageEnteredOn[i] >= $from AND h.stageEnteredOn[i] <= $to
RETURN from, to, count(DISTINCT h) AS households`,
  z.object({ from: ChainState, to: ChainState, households: z.number().int() }),
);

// Households whose events were written before stage paths were stored have none: for them the flow reads what it
// needs of each effective event (no more), and derives their paths as it did before paths were stored.
const flowEvents = statement(
  'chainFlowEventsWithoutStagePathInRegion',
  cypher`
MATCH (h:Household)
WHERE h.centrumgemeenteId = $cityId AND h.stageStates IS NULL
MATCH (h)-[:HAD]->(e:Event)
WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN h.id AS householdId, e.id AS id, e.kind AS kind, e.verdictKind AS verdictKind,
  toString(e.occurredOn) AS occurredOn, toString(e.recordedAt) AS recordedAt`,
  StagePathEventRow,
);

const flowReferrals = statement(
  'chainFlowReferralsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REFERRAL_FOR]-(r:Referral)
WHERE r.sentOn >= date($from) AND r.sentOn <= date($to)
RETURN h.id AS householdId, r.fromAgencyId AS fromAgencyId, r.toAgencyId AS toAgencyId, r.status AS status,
  toString(r.sentOn) AS sentOn, toString(r.respondedOn) AS respondedOn, r.refusalReason AS refusalReason`,
  z.object({
    householdId: z.string(),
    fromAgencyId: z.string(),
    toAgencyId: z.string(),
    status: ReferralStatus,
    sentOn: z.string(),
    respondedOn: opt(z.string()),
    refusalReason: opt(RefusalReason),
  }),
);

export function createAnalyticsRepository(executor: CypherExecutor) {
  return {
    recordedRegie: (cityId: string) => executor.readStatement(recordedRegie, { cityId }),
    actorsByKind: (cityId: string) => executor.readStatement(actorsByKind, { cityId }),
    handovers: (cityId: string) => executor.readStatement(handovers, { cityId }),
    /** Recorded outcomes of a region in a period: events per kind (and refusal reason), referrals, waiting-list steps. */
    outcomes: (cityId: string, kinds: readonly string[], from: string, to: string) =>
      executor.read(async (tx) => ({
        ...outcomeCounts(await tx.run(outcomeEvents, { cityId, kinds: [...kinds], from, to })),
        referrals: (await tx.run(referralsSent, { cityId, from, to }))[0] ?? { referrals: 0, households: 0 },
        waiting: await tx.run(waitingListSteps, { cityId, to }),
      })),
    /**
     * What a region's chain flow in a period is made of, read in one transaction (so a household's path is counted
     * once, whether it is stored or not yet): the stored stage paths' totals and transitions (no household ids), the
     * effective events of households without a stored path, and the period's referrals.
     */
    flowInputs: (cityId: string, from: string, to: string) =>
      executor.read(async (tx) => ({
        stages: await tx.run(stagePathTotals, { cityId, from, to }),
        transitions: await tx.run(stagePathTransitions, { cityId, from, to }),
        eventsWithoutStagePath: await tx.run(flowEvents, { cityId }),
        referrals: await tx.run(flowReferrals, { cityId, from, to }),
      })),
  };
}

/** Households and events per kind, and households per refusal reason, from the rows of outcomeEventsInRegion. */
function outcomeCounts(rows: readonly z.infer<typeof outcomeEvents.row>[]) {
  const perKind = new Map<EventKind, { kind: EventKind; events: number; households: number }>();
  const perReason = new Map<RefusalReason, { reason: RefusalReason; households: number }>();
  for (const row of rows) {
    const kind = perKind.get(row.kind) ?? { kind: row.kind, events: 0, households: 0 };
    kind.events += row.events;
    kind.households += row.households;
    perKind.set(row.kind, kind);
    for (const reason of row.refusalReasons) {
      const counted = perReason.get(reason) ?? { reason, households: 0 };
      counted.households += row.households;
      perReason.set(reason, counted);
    }
  }
  return { events: [...perKind.values()], refusalReasons: [...perReason.values()] };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
