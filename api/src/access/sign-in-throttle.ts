// Sign-in throttling per username and client, instead of a lockout: an outsider guessing from one place slows
// only itself, and the account's owner signs in from anywhere else as usual. Attempts are counted when they
// arrive, before the password is checked, so parallel attempts cannot slip past the count.
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
  attempt(username: string, client: string): SignInDecision;
  /** A correct password: the pair starts afresh. */
  succeeded(username: string, client: string): void;
}

interface PairState {
  attempts: number;
  lastAt: number;
  waitUntil: number;
}

export function createSignInThrottle(now: () => number = Date.now): SignInThrottle {
  const pairs = new Map<string, PairState>();
  const clients = new Map<string, { start: number; attempts: number }>();
  /** Fixed one-minute window per client, counted on arrival like the pairs. */
  const clientWindow = (client: string, at: number) => {
    let window = clients.get(client);
    if (!window || at - window.start >= 60_000) {
      window = { start: at, attempts: 0 };
      clients.set(client, window);
      if (clients.size > 100_000) for (const [key, old] of clients) if (at - old.start >= 60_000) clients.delete(key);
    }
    return window;
  };
  const keyOf = (username: string, client: string) => `${client}\u0000${username}`;
  const forgetQuiet = (at: number) => {
    for (const [key, state] of pairs) if (at - state.lastAt > signInLimits.forgetAfterSeconds * 1000 && at >= state.waitUntil) pairs.delete(key);
  };
  return {
    attempt(username, client) {
      const at = now();
      const key = keyOf(username, client);
      let state = pairs.get(key);
      if (state && at - state.lastAt > signInLimits.forgetAfterSeconds * 1000 && at >= state.waitUntil) state = undefined;
      if (state && at < state.waitUntil) return { allowed: false, retryAfterSeconds: Math.ceil((state.waitUntil - at) / 1000) };
      const window = clientWindow(client, at);
      if (window.attempts >= signInLimits.perClientPerMinute) return { allowed: false, retryAfterSeconds: Math.ceil((window.start + 60_000 - at) / 1000) };
      window.attempts += 1;
      state = { attempts: (state?.attempts ?? 0) + 1, lastAt: at, waitUntil: at };
      const over = state.attempts - signInLimits.freeAttempts;
      if (over >= 0) state.waitUntil = at + Math.min(signInLimits.maxDelaySeconds, signInLimits.firstDelaySeconds * 2 ** over) * 1000;
      pairs.set(key, state);
      if (pairs.size > 100_000) forgetQuiet(at);
      return { allowed: true };
    },
    succeeded(username, client) {
      pairs.delete(keyOf(username, client));
      const window = clients.get(client);
      if (window && window.attempts > 0) window.attempts -= 1;
    },
  };
}
