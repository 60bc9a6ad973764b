// Regie: which agency holds a household's case at each stage, taken and handed over (overdracht) by day.
import { RegieRow, stepOrderViolation, type ChainState, type RegieRecord } from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import { withoutNulls } from '../db/values.js';
import type { CypherTx } from '../db/executor.js';
import type { RepositoryDeps } from './bind.js';
import { bareEvent, insertEvent } from './event-repository.js';
import { lockExistingHousehold } from './household-lock.js';
import { newId } from './ids.js';
import { provenance, type Actor } from './provenance.js';
import { Refusal, refusable, type Result } from './result.js';
import { refuseOutOfOrder, requireAgencies } from './write-checks.js';

const regieByHouseholdQuery = statement(
  'regieByHousehold',
  cypher`
// Over the household's edges: no index on RegieAssignment.householdId (migration 0013); Neo4j plans the same expand.
MATCH (h:Household)<-[:REGIE_OVER]-(g:RegieAssignment) WHERE h.id IN $ids
RETURN g.id AS id, g.householdId AS householdId, g.agencyId AS agencyId, g.stage AS stage, toString(g.from) AS from,
  toString(g.to) AS to, g.handedOverToId AS handedOverToId, toString(g.recordedAt) AS recordedAt, g.recordedBy AS recordedBy,
  g.synthetic AS synthetic
ORDER BY householdId, from, id`,
  RegieRow,
);

/** Regie intervals by id: one from takeRegie or handOverRegie, a batch from the bulk loader (MERGE keeps a re-load idempotent). */
export const writeRegieAssignments = statement(
  'writeRegieAssignments',
  cypher`
UNWIND $rows AS row
MATCH (h:Household {id: row.householdId}), (a:Agency {id: row.agencyId})
MERGE (g:RegieAssignment {id: row.id})
SET g += row.props, g += $provenance, g.from = date(row.from),
  g.to = CASE WHEN row.to IS NULL THEN null ELSE date(row.to) END, g.recordedAt = datetime($recordedAt)
MERGE (g)-[:REGIE_OVER]->(h)
MERGE (g)-[:HELD_BY]->(a)
RETURN count(g) AS n`,
  z.object({ n: z.number().int() }),
);

const closeRegie = statement(
  'closeRegie',
  cypher`
MATCH (g:RegieAssignment), (next:RegieAssignment {id: $nextId})
WHERE g.id = $id AND g.to IS NULL
SET g.to = date($to), g.handedOverToId = $nextId
CREATE (g)-[:HANDED_OVER_TO]->(next)
RETURN g.id AS id`,
  z.object({ id: z.string() }),
);

export function regieByHousehold({ executor }: RepositoryDeps, ids: readonly string[]) {
  return executor.read((tx) => regieOfHouseholdsIn(tx, ids));
}

/** The regie assignments of these households, in the caller's transaction. */
export function regieOfHouseholdsIn(tx: CypherTx, ids: readonly string[]): Promise<RegieRecord[]> {
  return tx.run(regieByHouseholdQuery, { ids: [...ids] });
}

/** Takes regie at a stage. Refused while another agency holds it there: that calls for a handover. */
export function takeRegie(
  { executor, now }: RepositoryDeps,
  householdId: string,
  agencyId: string,
  stage: ChainState,
  from: string,
  actor: Actor,
): Promise<Result<RegieRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      await lockExistingHousehold(tx, householdId);
      await requireAgencies(tx, [agencyId]);
      const atStage = (await tx.run(regieByHouseholdQuery, { ids: [householdId] })).filter((g) => g.stage === stage);
      const open = atStage.filter((g) => g.to === null);
      if (open.length > 0) {
        throw new Refusal({
          kind: 'VALIDATION',
          fields: [{ path: ['input', 'stage'], code: 'REGIE_HELD', params: { agency: open[0]!.agencyId } }],
        });
      }
      // Taking regie at a stage follows the last handover there: an earlier day would make two holders at once.
      const lastEnd = atStage
        .map((g) => g.to!)
        .sort()
        .at(-1);
      refuseOutOfOrder(stepOrderViolation({ step: 'REGIE_TAKEN', on: from }, lastEnd ? { step: 'REGIE_HANDED_OVER', on: lastEnd } : null), [
        'input',
        'from',
      ]);
      const at = now();
      const { recordedAt, props } = provenance(actor, at);
      const id = newId('regie');
      await tx.run(writeRegieAssignments, {
        rows: [{ id, householdId, agencyId, from, to: null, props: withoutNulls({ id, householdId, agencyId, stage, ...props }) }],
        provenance: {},
        recordedAt,
      });
      await insertEvent(tx, actor, at, { ...bareEvent(householdId, 'REGIE_TAKEN', from, agencyId), regieStage: stage });
      return (await tx.run(regieByHouseholdQuery, { ids: [householdId] })).find((g) => g.id === id)!;
    }),
  );
}

/** Hands regie over (overdracht): the current interval closes on the day the next one starts. */
export function handOverRegie(
  { executor, now }: RepositoryDeps,
  householdId: string,
  stage: ChainState,
  toAgencyId: string,
  toStage: ChainState,
  on: string,
  actor: Actor,
): Promise<Result<RegieRecord>> {
  return refusable(() =>
    executor.write(async (tx) => {
      await lockExistingHousehold(tx, householdId);
      await requireAgencies(tx, [toAgencyId]);
      const current = (await tx.run(regieByHouseholdQuery, { ids: [householdId] })).find((g) => g.to === null && g.stage === stage);
      if (!current) throw new Refusal({ kind: 'NOT_FOUND', entity: 'RegieAssignment', id: `${householdId}/${stage}` });
      if (actor.agencyId && actor.agencyId !== current.agencyId) {
        throw new Refusal({ kind: 'FORBIDDEN', reason: 'only the agency holding regie can hand it over' });
      }
      refuseOutOfOrder(stepOrderViolation({ step: 'REGIE_HANDED_OVER', on }, { step: 'REGIE_TAKEN', on: current.from }), ['input', 'on']);
      const at = now();
      const { recordedAt, props } = provenance(actor, at);
      const nextId = newId('regie');
      await tx.run(writeRegieAssignments, {
        rows: [
          {
            id: nextId,
            householdId,
            agencyId: toAgencyId,
            from: on,
            to: null,
            props: withoutNulls({ id: nextId, householdId, agencyId: toAgencyId, stage: toStage, ...props }),
          },
        ],
        provenance: {},
        recordedAt,
      });
      await tx.run(closeRegie, { id: current.id, nextId, to: on });
      await insertEvent(tx, actor, at, {
        ...bareEvent(householdId, 'REGIE_HANDED_OVER', on, current.agencyId),
        regieStage: toStage,
        note: `to ${toAgencyId}`,
      });
      return (await tx.run(regieByHouseholdQuery, { ids: [householdId] })).find((g) => g.id === nextId)!;
    }),
  );
}

export const regieRepository = { regieByHousehold, takeRegie, handOverRegie };
