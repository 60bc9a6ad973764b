// Sign-in attempt counters in the store, shared by every API instance: one (:SignInCounter) per client and per
// username-and-client pair, keyed by a hash (no username or address is stored), with the moment it may go.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import type { ClientWindow, PairCounter, SignInDecision } from '../access/sign-in-throttle.js';

// Lock first (db/executor.ts): both counters are locked, the client's before the pair's in every transaction (no
// deadlock between two attempts), and read only then. MERGE is safe under the unique key (migration 0011).
const lockCounters = statement(
  'lockSignInCounters',
  cypher`
MERGE (c:SignInCounter {key: $clientKey})
ON CREATE SET c.expiresAtMs = $nowMs
WITH c
SET c._lock = true
WITH c
MERGE (p:SignInCounter {key: $pairKey})
ON CREATE SET p.expiresAtMs = $nowMs
WITH c, p
SET p._lock = true
WITH c, p
REMOVE c._lock, p._lock
RETURN c.startMs AS clientStartMs, c.attempts AS clientAttempts,
  p.attempts AS pairAttempts, p.lastAtMs AS pairLastAtMs, p.waitUntilMs AS pairWaitUntilMs`,
  z.object({
    clientStartMs: z.number().int().nullable(),
    clientAttempts: z.number().int().nullable(),
    pairAttempts: z.number().int().nullable(),
    pairLastAtMs: z.number().int().nullable(),
    pairWaitUntilMs: z.number().int().nullable(),
  }),
);

const storeCounters = statement(
  'storeSignInCounters',
  cypher`
MATCH (c:SignInCounter {key: $clientKey}), (p:SignInCounter {key: $pairKey})
SET c.startMs = $clientStartMs, c.attempts = $clientAttempts, c.expiresAtMs = $clientExpiresAtMs,
  p.attempts = $pairAttempts, p.lastAtMs = $pairLastAtMs, p.waitUntilMs = $pairWaitUntilMs, p.expiresAtMs = $pairExpiresAtMs
RETURN c.key AS key`,
  z.object({ key: z.string() }),
);

// A correct password: the pair goes, and the client's window gets its attempt back (read under its lock).
const returnClientAttempt = statement(
  'returnSignInClientAttempt',
  cypher`
MATCH (c:SignInCounter {key: $clientKey})
SET c._lock = true
WITH c
REMOVE c._lock
SET c.attempts = CASE WHEN c.attempts > 0 THEN c.attempts - 1 ELSE 0 END
RETURN c.key AS key`,
  z.object({ key: z.string() }),
);

const forgetPair = statement(
  'forgetSignInPair',
  cypher`
MATCH (p:SignInCounter {key: $pairKey})
DETACH DELETE p
RETURN count(*) AS n`,
  z.object({ n: z.number().int() }),
);

/** What the throttle decided, and the counters to store when it counted the attempt. */
export type CountedAttempt =
  | { decision: SignInDecision; pair: PairCounter; client: ClientWindow; expiresAtMs: { pairMs: number; clientMs: number } }
  | { decision: SignInDecision };

export function createSignInThrottleRepository(executor: CypherExecutor) {
  return {
    /** One transaction: lock and read both counters, let `decide` rule, store what it counted. */
    attempt(
      username: string,
      client: string,
      decide: (stored: { pair: PairCounter | null; client: ClientWindow | null }) => CountedAttempt,
      now: () => number,
    ): Promise<SignInDecision> {
      const keys = counterKeys(username, client);
      return executor.write(async (tx) => {
        const [row] = await tx.run(lockCounters, { ...keys, nowMs: now() });
        const stored = {
          pair:
            row?.pairAttempts != null
              ? { attempts: row.pairAttempts, lastAtMs: row.pairLastAtMs ?? 0, waitUntilMs: row.pairWaitUntilMs ?? 0 }
              : null,
          client: row?.clientStartMs != null ? { startMs: row.clientStartMs, attempts: row.clientAttempts ?? 0 } : null,
        };
        const counted = decide(stored);
        if ('pair' in counted) {
          await tx.run(storeCounters, {
            ...keys,
            clientStartMs: counted.client.startMs,
            clientAttempts: counted.client.attempts,
            clientExpiresAtMs: counted.expiresAtMs.clientMs,
            pairAttempts: counted.pair.attempts,
            pairLastAtMs: counted.pair.lastAtMs,
            pairWaitUntilMs: counted.pair.waitUntilMs,
            pairExpiresAtMs: counted.expiresAtMs.pairMs,
          });
        }
        return counted.decision;
      });
    },

    async succeeded(username: string, client: string): Promise<void> {
      const { clientKey, pairKey } = counterKeys(username, client);
      await executor.write(async (tx) => {
        await tx.run(returnClientAttempt, { clientKey });
        await tx.run(forgetPair, { pairKey });
      });
    },
  };
}

/** Keys that name a client and a pair without holding the username or the address. */
function counterKeys(username: string, client: string): { clientKey: string; pairKey: string } {
  const hash = (text: string) => createHash('sha256').update(text).digest('base64url');
  return { clientKey: `client:${hash(client)}`, pairKey: `pair:${hash(`${client}\u0000${username}`)}` };
}
