// A household's stage path (analytics/chain-flow.ts `stagePath`), stored on the household in the transaction that
// writes its events, for one event (insertEvent, corrections) and for the bulk loader alike: the chain flow then
// aggregates stored paths in the store instead of reading and ordering every event of a region (issue #21).
// The path is derived, never a fact: it comes from the household's effective events as this transaction sees them
// (h.stagePathDerivedAt says when), and the writers of events hold the household's write lock while they write it.
import { EventKind, VerdictKind } from '@ketenkaart/schema';
import { z } from 'zod';
import { stagePath } from '../analytics/chain-flow.js';
import { cypher, statement } from '../db/cypher.js';
import type { CypherTx } from '../db/executor.js';
import { instant, opt } from './rows.js';

/** What a stage path is derived from: a household's effective event, as both the writer and the chain flow read it. */
export const StagePathEventRow = z.object({
  householdId: z.string(),
  id: z.string(),
  kind: EventKind,
  verdictKind: opt(VerdictKind),
  occurredOn: z.string(),
  recordedAt: instant,
});

// Expanded from each household's HAD edges: only the events of the households being written are read.
const stagePathEvents = statement(
  'stagePathEventsOfHouseholds',
  cypher`
MATCH (h:Household) WHERE h.id IN $householdIds
MATCH (h)-[:HAD]->(e:Event)
WHERE NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN h.id AS householdId, e.id AS id, e.kind AS kind, e.verdictKind AS verdictKind,
  toString(e.occurredOn) AS occurredOn, toString(e.recordedAt) AS recordedAt`,
  StagePathEventRow,
);

// Parallel lists (a list property holds one type and no nulls on Neo4j): state i was entered on day i, was a loop
// back or not, and lasted days[i] whole days until state i + 1 (days has one entry fewer than states).
const writeStagePaths = statement(
  'writeStagePaths',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId})
SET h.stageStates = row.states, h.stageEnteredOn = row.enteredOn, h.stageLoopedBack = row.loopedBack,
  h.stageDays = row.days, h.stagePathDerivedAt = datetime($derivedAt)
RETURN count(h) AS n`,
  z.object({ n: z.number().int() }),
);

/** Derives and stores the stage paths of households whose events this transaction has just written. */
export async function refreshStagePaths(tx: CypherTx, householdIds: readonly string[], derivedAt: string): Promise<void> {
  const ids = [...new Set(householdIds)];
  if (ids.length === 0) return;
  const events = new Map(ids.map((id) => [id, [] as z.infer<typeof StagePathEventRow>[]]));
  for (const event of await tx.run(stagePathEvents, { householdIds: ids })) events.get(event.householdId)?.push(event);
  await tx.run(writeStagePaths, {
    rows: [...events].map(([householdId, own]) => ({ householdId, ...stagePath(own) })),
    derivedAt,
  });
}
