// Sign-in throttling per username and client, instead of a lockout: an outsider guessing from one place slows
// only itself, and the account's owner signs in from anywhere else as usual. Attempts are counted when they
// arrive, before the password is checked, so parallel attempts cannot slip past the count. The counters live in
// the store (sign-in-throttle-repository.ts), so every API instance counts the same attempts.
import type { CypherExecutor } from '../db/executor.js';
import { createSignInThrottleRepository } from '../repositories/sign-in-throttle-repository.js';

export const signInLimits = {
  /** Attempts per username and client before each further attempt waits. */
  freeAttempts: 5,
  /** The first wait; it doubles with every further attempt... */
  firstDelaySeconds: 2,
  /** ...up to this. */
  maxDelaySeconds: 15 * 60,
  /** Failed attempts per client across all usernames (password spraying), per minute; a success gives its attempt back. */
  perClientPerMinute: 30,
  /** A username and client pair that has been quiet this long starts afresh. */
  forgetAfterSeconds: 60 * 60,
};

export type SignInDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface SignInThrottle {
  /** Counts an attempt; refuses it while the pair (or the client as a whole) has to wait. */
  attempt(username: string, client: string): Promise<SignInDecision>;
  /** A correct password: the pair starts afresh. */
  succeeded(username: string, client: string): Promise<void>;
}

/** Attempts of one username from one client. */
export interface PairCounter {
  attempts: number;
  lastAtMs: number;
  waitUntilMs: number;
}

/** Attempts of one client across usernames, in a fixed one-minute window. */
export interface ClientWindow {
  startMs: number;
  attempts: number;
}

/**
 * The rule, without storage: given the counters as stored (null: none, or never), the decision and the counters
 * to store. A refused attempt changes nothing.
 */
export function decideSignInAttempt(
  stored: { pair: PairCounter | null; client: ClientWindow | null },
  atMs: number,
): { decision: SignInDecision; pair: PairCounter; client: ClientWindow } | { decision: SignInDecision & { allowed: false } } {
  let pair = stored.pair;
  if (pair && atMs - pair.lastAtMs > signInLimits.forgetAfterSeconds * 1000 && atMs >= pair.waitUntilMs) pair = null;
  if (pair && atMs < pair.waitUntilMs)
    return { decision: { allowed: false, retryAfterSeconds: Math.ceil((pair.waitUntilMs - atMs) / 1000) } };
  const client = stored.client && atMs - stored.client.startMs < 60_000 ? stored.client : { startMs: atMs, attempts: 0 };
  if (client.attempts >= signInLimits.perClientPerMinute) {
    return { decision: { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((client.startMs + 60_000 - atMs) / 1000)) } };
  }
  const attempts = (pair?.attempts ?? 0) + 1;
  const over = attempts - signInLimits.freeAttempts;
  // No wait is 0, not "now": instances' clocks differ a little, and an attempt stamped a moment earlier than the
  // last one must not be taken for one that has to wait.
  const waitUntilMs = over >= 0 ? atMs + Math.min(signInLimits.maxDelaySeconds, signInLimits.firstDelaySeconds * 2 ** over) * 1000 : 0;
  const lastAtMs = Math.max(atMs, pair?.lastAtMs ?? 0);
  return {
    decision: { allowed: true },
    pair: { attempts, lastAtMs, waitUntilMs },
    client: { startMs: client.startMs, attempts: client.attempts + 1 },
  };
}

/** When stored counters can go: a pair once quiet and not waiting, a client window once over. */
export function expiryOf(pair: PairCounter, client: ClientWindow): { pairMs: number; clientMs: number } {
  return { pairMs: Math.max(pair.lastAtMs + signInLimits.forgetAfterSeconds * 1000, pair.waitUntilMs), clientMs: client.startMs + 60_000 };
}

/** The throttle every instance shares: its counters in the store, each attempt one write transaction. */
export function createSignInThrottle(executor: CypherExecutor, now: () => number = Date.now): SignInThrottle {
  const counters = createSignInThrottleRepository(executor);
  return {
    attempt: (username, client) =>
      // The clock is read once the counters are locked: an attempt that waited for the lock is counted when it got it.
      counters.attempt(
        username,
        client,
        (stored) => {
          const counted = decideSignInAttempt(stored, now());
          return 'pair' in counted ? { ...counted, expiresAtMs: expiryOf(counted.pair, counted.client) } : counted;
        },
        now,
      ),
    succeeded: (username, client) => counters.succeeded(username, client),
  };
}
