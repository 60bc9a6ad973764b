// Leases: a named right, held by one API instance until a moment, that another instance may take once it lapses.
// The migrations and each scheduled job have one, so that several instances on one store take turns.
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';

// Created outside the numbered migrations: the migrations themselves run under a lease.
const leaseConstraint = statement(
  'leaseIdConstraint',
  cypher`
CREATE CONSTRAINT lease_id IF NOT EXISTS FOR (l:Lease) REQUIRE l.id IS UNIQUE`,
  z.record(z.string(), z.unknown()),
);

// Check-then-write under the lease node's write lock (db/executor.ts); MERGE is safe under the unique constraint.
const acquireLease = statement(
  'acquireLease',
  cypher`
MERGE (l:Lease {id: $id})
SET l._lock = true
WITH l
REMOVE l._lock
WITH l, (l.holder IS NULL OR l.holder = $holder OR l.untilMs < $nowMs) AS free
SET l.holder = CASE WHEN free THEN $holder ELSE l.holder END,
  l.untilMs = CASE WHEN free THEN $untilMs ELSE l.untilMs END
RETURN free AS acquired, l.holder AS holder, l.lastRunAtMs AS lastRunAtMs`,
  z.object({ acquired: z.boolean(), holder: z.string(), lastRunAtMs: z.number().int().nullable() }),
);

const releaseLease = statement(
  'releaseLease',
  cypher`
MATCH (l:Lease {id: $id})
WHERE l.holder = $holder
SET l.holder = null, l.untilMs = 0
RETURN l.id AS id`,
  z.object({ id: z.string() }),
);

const recordLeaseRun = statement(
  'recordLeaseRun',
  cypher`
MATCH (l:Lease {id: $id})
WHERE l.holder = $holder
SET l.lastRunAtMs = $atMs
RETURN l.id AS id`,
  z.object({ id: z.string() }),
);

export interface LeaseState {
  acquired: boolean;
  holder: string;
  /** When the work this lease guards last ran (ms since the epoch), by whichever holder. */
  lastRunAtMs: number | null;
}

export function createLeaseRepository(executor: CypherExecutor) {
  return {
    /** Idempotent; two instances creating it at once may see one fail, so a failure is retried once. */
    async ensureConstraint(): Promise<void> {
      try {
        await executor.write((tx) => tx.run(leaseConstraint));
      } catch {
        await executor.write((tx) => tx.run(leaseConstraint));
      }
    },

    /** Takes or renews the lease until `untilMs`, if it is free, lapsed or already ours. */
    async acquire(id: string, holder: string, nowMs: number, untilMs: number): Promise<LeaseState> {
      const [row] = await executor.write((tx) => tx.run(acquireLease, { id, holder, nowMs, untilMs }));
      return row!;
    },

    async release(id: string, holder: string): Promise<void> {
      await executor.write((tx) => tx.run(releaseLease, { id, holder }));
    },

    async recordRun(id: string, holder: string, atMs: number): Promise<void> {
      await executor.write((tx) => tx.run(recordLeaseRun, { id, holder, atMs }));
    },
  };
}

export type LeaseRepository = ReturnType<typeof createLeaseRepository>;
