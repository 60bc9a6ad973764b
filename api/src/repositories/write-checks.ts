// Checks inside a write transaction that refuse it: referenced agencies and facilities exist, steps keep their order.
import type { StepOrderViolation } from '@ketenkaart/schema';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherTx } from '../db/executor.js';
import { Refusal } from './result.js';

const existingAgencies = statement(
  'existingAgencies',
  cypher`
MATCH (a:Agency) WHERE a.id IN $ids
RETURN collect(a.id) AS ids`,
  z.object({ ids: z.array(z.string()) }),
);

const existingFacilities = statement(
  'existingFacilities',
  cypher`
MATCH (f:Facility) WHERE f.id IN $ids
RETURN collect(f.id) AS ids`,
  z.object({ ids: z.array(z.string()) }),
);

export async function requireAgencies(tx: CypherTx, ids: (string | null | undefined)[]): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return;
  const [row] = await tx.run(existingAgencies, { ids: wanted });
  const missing = wanted.filter((id) => !row?.ids.includes(id));
  if (missing.length > 0) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Agency', id: missing.join(', ') });
}

export async function requireFacility(tx: CypherTx, id: string | null | undefined): Promise<void> {
  if (!id) return;
  const [row] = await tx.run(existingFacilities, { ids: [id] });
  if (!row?.ids.includes(id)) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Facility', id });
}

export function refuseOutOfOrder(violation: StepOrderViolation | null, path: string[]): void {
  if (violation) throw new Refusal({ kind: 'STEP_ORDER', path, ...violation });
}
