// The write locks on a household (see the locking rule in db/executor.ts): each is the first statement of its transaction.
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherTx } from '../db/executor.js';
import { Refusal } from './result.js';

const lockHousehold = statement(
  'lockHousehold',
  cypher`
MATCH (h:Household {id: $id})
SET h._lock = true
WITH h
SET h._version = coalesce(h._version, 0) + 1
REMOVE h._lock
RETURN h.id AS id`,
  z.object({ id: z.string() }),
);

// A referral's household never changes, so finding it before the lock reads nothing a concurrent step can change.
export const lockHouseholdOfReferral = statement(
  'lockHouseholdOfReferral',
  cypher`
MATCH (r:Referral {id: $referralId})
MATCH (h:Household {id: r.householdId})
SET h._lock = true
WITH h
SET h._version = coalesce(h._version, 0) + 1
REMOVE h._lock
RETURN h.id AS id`,
  z.object({ id: z.string() }),
);

/** The first statement of every write to a household's facts: its write lock, and the check that it exists. */
export async function lockExistingHousehold(tx: CypherTx, householdId: string): Promise<void> {
  const [locked] = await tx.run(lockHousehold, { id: householdId });
  if (!locked) throw new Refusal({ kind: 'NOT_FOUND', entity: 'Household', id: householdId });
}
