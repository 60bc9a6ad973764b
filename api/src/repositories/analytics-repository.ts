// Aggregates over a region's recorded paths: who held regie at which stage, who acted, and the handovers.
import { z } from 'zod';
import { ChainState, EventKind } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';

const recordedRegie = statement('recordedRegieByRegion', cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REGIE_OVER]-(g:RegieAssignment)
RETURN g.stage AS stage, g.agencyId AS agencyId, count(g) AS assignments,
  sum(CASE WHEN g.to IS NULL THEN 1 ELSE 0 END) AS open, count(DISTINCT h) AS households
ORDER BY stage, households DESC`,
  z.object({ stage: ChainState, agencyId: z.string(), assignments: z.number().int(), open: z.number().int(), households: z.number().int() }));

const actorsByKind = statement('actorsByEventKindInRegion', cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})-[:HAD]->(e:Event)
WHERE e.agencyId IS NOT NULL AND NOT EXISTS { MATCH (:Event)-[:SUPERSEDES]->(e) }
RETURN e.kind AS kind, e.agencyId AS agencyId, count(e) AS events, count(DISTINCT h) AS households`,
  z.object({ kind: EventKind, agencyId: z.string(), events: z.number().int(), households: z.number().int() }));

const handovers = statement('regieHandoversInRegion', cypher`
MATCH (h:Household {centrumgemeenteId: $cityId})<-[:REGIE_OVER]-(a:RegieAssignment)-[:HANDED_OVER_TO]->(b:RegieAssignment)
RETURN a.agencyId AS fromAgencyId, a.stage AS fromStage, b.agencyId AS toAgencyId, b.stage AS toStage, count(DISTINCT h) AS households
ORDER BY households DESC`,
  z.object({ fromAgencyId: z.string(), fromStage: ChainState, toAgencyId: z.string(), toStage: ChainState, households: z.number().int() }));

export function createAnalyticsRepository(executor: CypherExecutor) {
  return {
    recordedRegie: (cityId: string) => executor.read((tx) => tx.run(recordedRegie, { cityId })),
    actorsByKind: (cityId: string) => executor.read((tx) => tx.run(actorsByKind, { cityId })),
    handovers: (cityId: string) => executor.read((tx) => tx.run(handovers, { cityId })),
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
