// Aggregates over a region's recorded paths: who held regie at which stage, who acted, and the handovers.
import { z } from 'zod';
import { ChainState, EventKind, ReferralStatus, RefusalReason, VerdictKind } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { instant, opt } from './rows.js';

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

const outcomeEvents = statement(
  'outcomeEventsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE e.kind IN $kinds AND e.occurredOn >= date($from) AND e.occurredOn <= date($to)
  AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN e.kind AS kind, count(e) AS events, count(DISTINCT h) AS households`,
  z.object({ kind: EventKind, events: z.number().int(), households: z.number().int() }),
);

const refusalReasons = statement(
  'refusalReasonsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event {kind: 'REFUSAL'})
WHERE e.occurredOn >= date($from) AND e.occurredOn <= date($to) AND e.refusalReason IS NOT NULL
  AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN e.refusalReason AS reason, count(DISTINCT h) AS households`,
  z.object({ reason: RefusalReason, households: z.number().int() }),
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

// The chain flow (analytics/chain-flow.ts) needs of each event only what orders it and the state it leads to, and
// of each referral only its link, outcome and days: these reads carry no more than that, and drop superseded events
// in the store, so a region's flow reads a fraction of what the trajectory's full records would.
const flowEvents = statement(
  'chainFlowEventsInRegion',
  cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN h.id AS householdId, e.id AS id, e.kind AS kind, e.verdictKind AS verdictKind,
  toString(e.occurredOn) AS occurredOn, toString(e.recordedAt) AS recordedAt`,
  z.object({
    householdId: z.string(),
    id: z.string(),
    kind: EventKind,
    verdictKind: opt(VerdictKind),
    occurredOn: z.string(),
    recordedAt: instant,
  }),
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
    recordedRegie: (cityId: string) => executor.read((tx) => tx.run(recordedRegie, { cityId })),
    actorsByKind: (cityId: string) => executor.read((tx) => tx.run(actorsByKind, { cityId })),
    handovers: (cityId: string) => executor.read((tx) => tx.run(handovers, { cityId })),
    /** Recorded outcomes of a region in a period: events per kind (and refusal reason), referrals, waiting-list steps. */
    outcomes: (cityId: string, kinds: readonly string[], from: string, to: string) =>
      executor.read(async (tx) => ({
        events: await tx.run(outcomeEvents, { cityId, kinds: [...kinds], from, to }),
        refusalReasons: await tx.run(refusalReasons, { cityId, from, to }),
        referrals: (await tx.run(referralsSent, { cityId, from, to }))[0] ?? { referrals: 0, households: 0 },
        waiting: await tx.run(waitingListSteps, { cityId, to }),
      })),
    /** The effective events of a region's households, with only what the chain flow needs (in no order). */
    flowEvents: (cityId: string) => executor.read((tx) => tx.run(flowEvents, { cityId })),
    /** The referrals of a region sent in a period, with only what the chain flow's links need. */
    flowReferrals: (cityId: string, from: string, to: string) => executor.read((tx) => tx.run(flowReferrals, { cityId, from, to })),
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
