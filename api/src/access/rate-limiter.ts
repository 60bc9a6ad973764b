// Fixed-window counters in this process's memory, per key: requests and refused household lookups. They are per
// instance (README "Operations"); the sign-in throttle keeps its counters in the store, shared by all instances.
import type { CypherExecutor } from '../db/executor.js';
import { createSignInThrottle, type SignInThrottle } from './sign-in-throttle.js';

export interface RateLimiter {
  /** Counts one hit for the key; false when the key has used up its window. */
  hit(key: string): boolean;
  /** Counts without refusing (for refused lookups, which are counted after the fact). */
  count(key: string): number;
}

export function createRateLimiter(limit: number, windowMs: number, now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { start: number; hits: number }>();
  const current = (key: string) => {
    const at = now();
    let window = windows.get(key);
    if (!window || at - window.start >= windowMs) {
      window = { start: at, hits: 0 };
      windows.set(key, window);
      if (windows.size > 50_000) pruneOld(windows, at, windowMs);
    }
    return window;
  };
  return {
    hit(key) {
      const window = current(key);
      window.hits += 1;
      return window.hits <= limit;
    },
    count(key) {
      return current(key).hits;
    },
  };
}

function pruneOld(windows: Map<string, { start: number }>, at: number, windowMs: number): void {
  for (const [key, window] of windows) if (at - window.start >= windowMs) windows.delete(key);
}

export interface Limits {
  signIn: SignInThrottle;
  requests: RateLimiter;
  refusedLookups: RateLimiter;
}

/** One set per app: sign-in throttling in the store (sign-in-throttle.ts), 600 requests a minute per session. */
export function createLimits(executor: CypherExecutor): Limits {
  return {
    signIn: createSignInThrottle(executor),
    requests: createRateLimiter(600, 60_000),
    refusedLookups: createRateLimiter(30, 10 * 60_000),
  };
}

/** Distinct households one request may look up (one full page): aliases and batches cannot be used to sweep ids. */
export const MAX_HOUSEHOLDS_PER_REQUEST = 100;
