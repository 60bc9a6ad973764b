// Per-request access: decides household reads in batches, enforces per-object limits and writes the access log.
import DataLoader from 'dataloader';
import type { AccessAction, AccessLogEntry } from '@ketenkaart/schema';
import { dayOf } from '../repositories/household-repository.js';
import type { Repositories } from '../repositories/index.js';
import { accessFactsScopeOf, decideHouseholdAccess, type AccessDecision } from './household-access.js';
import { MAX_HOUSEHOLDS_PER_REQUEST, type Limits } from './rate-limiter.js';
import type { Viewer } from './viewer.js';

export interface AccessService {
  readonly viewer: Viewer | null;
  /** Root fields of the operation, for the log ("household", "households"...). Set once the document is parsed. */
  operation: string;
  household(id: string): Promise<AccessDecision>;
  /** Log entries for what is not a single household read: searches, changes, exports, imports. */
  log(entry: { action: AccessAction; householdId?: string | null; searchTerms?: string | null; basis?: string | null; outcome: 'ALLOWED' | 'REFUSED'; operation?: string }): Promise<void>;
  /**
   * Waits for the read-log entries written alongside the data reads. The response is held until this resolves,
   * and replaced by an error when it fails: no household data leave without their log entry.
   */
  flush(): Promise<void>;
}

export function createAccessService(deps: {
  viewer: Viewer | null;
  repos: Repositories;
  limits: Limits;
  requestId: string;
  now: () => Date;
}): AccessService {
  const { viewer, repos, limits, requestId, now } = deps;
  let distinct = 0;

  const entry = (fields: Partial<Omit<AccessLogEntry, 'id' | 'at'>> & Pick<AccessLogEntry, 'action' | 'outcome' | 'operation'>): Omit<AccessLogEntry, 'id' | 'at'> => ({
    accountId: viewer?.accountId ?? null,
    role: viewer?.role ?? null,
    agencyId: viewer?.agencyId ?? null,
    householdId: null,
    searchTerms: null,
    basis: null,
    breakGlass: false,
    requestId,
    ...fields,
  });

  // Read-log writes run beside the data reads instead of before them; flush() gates the response on them.
  const pendingLogs: Promise<void>[] = [];
  const service: AccessService = {
    viewer,
    operation: 'unknown',
    household: (id) => decisions.load(id),
    async log(fields) {
      await repos.access.append([entry({ operation: fields.operation ?? service.operation, ...fields })]);
    },
    async flush() {
      await Promise.all(pendingLogs);
    },
  };

  // One statement for the facts and one write for the log per batch; a read is logged before its data leave.
  const decisions = new DataLoader<string, AccessDecision>(async (ids) => {
    if (!viewer) return ids.map(() => ({ allowed: false, missing: 'sign in to see household data' }) as const);
    distinct += ids.length;
    if (distinct > MAX_HOUSEHOLDS_PER_REQUEST) {
      await repos.access.append([entry({ action: 'READ', operation: service.operation, outcome: 'REFUSED', basis: `more than ${MAX_HOUSEHOLDS_PER_REQUEST} households in one request` })]);
      return ids.map(() => ({ allowed: false, missing: `at most ${MAX_HOUSEHOLDS_PER_REQUEST} households per request` }) as const);
    }
    if (limits.refusedLookups.count(viewer.accountId) > 30) {
      return ids.map(() => ({ allowed: false, missing: 'too many refused lookups; try again later' }) as const);
    }
    const facts = new Map((await repos.access.facts(ids, viewer.accountId, accessFactsScopeOf(viewer.role))).map((f) => [f.householdId, f]));
    const today = dayOf(now());
    const decided = ids.map((id) => decideHouseholdAccess(viewer, facts.get(id), today));
    decided.forEach((decision) => {
      if (!decision.allowed) limits.refusedLookups.hit(viewer.accountId);
    });
    const written = repos.access.append(
      ids.map((id, index) => {
        const decision = decided[index]!;
        return entry({
          action: 'READ',
          operation: service.operation,
          householdId: id,
          basis: decision.allowed ? decision.basis : decision.missing,
          outcome: decision.allowed ? 'ALLOWED' : 'REFUSED',
          breakGlass: decision.allowed && decision.breakGlass,
        });
      }),
    );
    // Observed here so that a failure is not an unhandled rejection before flush() reports it.
    written.catch(() => undefined);
    pendingLogs.push(written);
    return decided;
  });

  return service;
}
