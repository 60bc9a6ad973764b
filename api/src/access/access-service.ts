// Per-request access: decides household reads in batches, enforces per-object limits and writes the access log.
import { dayOf, type AccessAction, type AccessLogEntry, type HouseholdRecord, type ProblemCode } from '@ketenkaart/schema';
import DataLoader from 'dataloader';
import type { AccessFacts } from '../repositories/access-repository.js';
import type { Repositories } from '../repositories/index.js';
import { trajectoryFactsPerHousehold, type TrajectoryFacts } from '../repositories/trajectory-facts.js';
import { accessFactsScopeOf, decideHouseholdAccess, type AccessDecision, type AccessPolicy } from './household-access.js';
import { MAX_HOUSEHOLDS_PER_REQUEST, type Limits } from './rate-limiter.js';
import type { Viewer } from './viewer.js';

export interface AccessService {
  readonly viewer: Viewer | null;
  /** Root fields of the operation, for the log ("household", "households"...). Set once the document is parsed. */
  operation: string;
  /**
   * The viewer's decision on a household, made once per request. `withTrajectory` reads the household's trajectory
   * facts beside its access facts, for a request that asks for both; they reach the request's loader only when
   * the decision allows.
   */
  household(id: string, options?: { withTrajectory?: boolean }): Promise<AccessDecision>;
  /**
   * The decision on a household when this request has made it already, else undefined. A check that runs for
   * every object of a household (each event of a trajectory) then answers at once, without a promise per object.
   */
  decided(id: string): AccessDecision | undefined;
  /** The viewer's decision on facts read elsewhere: inside a write transaction, after the household's lock. */
  decide(facts: AccessFacts | undefined): AccessDecision;
  /**
   * Log entries for what is not a single household read: searches, changes, exports, imports. An entry about a
   * household whose access in this request rests on break-glass is flagged as such, whatever it records.
   */
  log(entry: LogFields): Promise<void>;
  /**
   * Logs a refused attempt without waiting: for checks that throw at once. The write joins the ones flush() waits
   * for, so the response (GraphQL or file) leaves only once the refusal is in the log.
   */
  logRefusal(entry: Omit<LogFields, 'outcome'>): void;
  /** Logs without waiting, like logRefusal, for checks that are synchronous (reads of figures). */
  logSoon(entry: LogFields): void;
  /**
   * Waits for the read-log entries written alongside the data reads. The response is held until this resolves,
   * and replaced by an error when it fails: no household data leave without their log entry.
   */
  flush(): Promise<void>;
}

type LogFields = {
  action: AccessAction;
  breakGlass?: boolean;
  householdId?: string | null;
  searchTerms?: string | null;
  basis?: string | null;
  outcome: 'ALLOWED' | 'REFUSED';
  operation?: string;
};

export function createAccessService(deps: {
  viewer: Viewer | null;
  repos: Repositories;
  limits: Limits;
  requestId: string;
  now: () => Date;
  policy: AccessPolicy;
  /** The household records read with the facts (same statement), for the request's household loader. */
  householdsRead?: (records: HouseholdRecord[]) => void;
  /** The trajectory facts read with the access facts, of the households the viewer may read only. */
  trajectoriesRead?: (perHousehold: Map<string, TrajectoryFacts>) => void;
}): AccessService {
  const { viewer, repos, limits, requestId, now, policy } = deps;
  let distinct = 0;

  const entry = (
    fields: Partial<Omit<AccessLogEntry, 'id' | 'at'>> & Pick<AccessLogEntry, 'action' | 'outcome' | 'operation'>,
  ): Omit<AccessLogEntry, 'id' | 'at'> => ({
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
  const queue = (written: Promise<void>) => {
    // Observed here so that a failure is not an unhandled rejection before flush() reports it.
    written.catch(() => undefined);
    pendingLogs.push(written);
  };
  /** Decisions made in this request, by household. */
  const settled = new Map<string, AccessDecision>();
  /** Whether access to a household in this request rests on a break-glass grant: every entry about it is flagged. */
  const underBreakGlass = (householdId: string) => {
    const decision = settled.get(householdId);
    return decision !== undefined && decision.allowed && decision.breakGlass;
  };
  const logEntry = (fields: LogFields) =>
    entry({
      ...fields,
      operation: fields.operation ?? service.operation,
      breakGlass: fields.breakGlass ?? (fields.householdId ? underBreakGlass(fields.householdId) : false),
    });
  const service: AccessService = {
    viewer,
    operation: 'unknown',
    household(id, options) {
      if (options?.withTrajectory) trajectoryWanted.add(id);
      return decisions.load(id);
    },
    decided: (id) => settled.get(id),
    decide: (facts) =>
      viewer
        ? decideHouseholdAccess(viewer, facts, dayOf(now()), policy)
        : { allowed: false, missing: 'sign in to see household data', reasonCode: 'SIGN_IN_REQUIRED' },
    async log(fields) {
      await repos.access.append([logEntry(fields)]);
    },
    logRefusal(fields) {
      queue(repos.access.append([logEntry({ ...fields, outcome: 'REFUSED' })]));
    },
    logSoon(fields) {
      queue(repos.access.append([logEntry(fields)]));
    },
    async flush() {
      await Promise.all(pendingLogs);
    },
  };

  /** Households whose trajectory this request reads: their trajectory facts are read beside their access facts. */
  const trajectoryWanted = new Set<string>();
  // One statement for the facts and one write for the log per batch; a read is logged before its data leave.
  const decisions = new DataLoader<string, AccessDecision>(async (ids) => {
    // A refusal before any fact is read is logged once per batch, without the ids (they were not looked at).
    const refuseAll = (missing: string, reasonCode: ProblemCode) => {
      queue(
        repos.access.append([
          entry({ action: 'READ', operation: service.operation, outcome: 'REFUSED', basis: `${missing} (${ids.length} households)` }),
        ]),
      );
      return ids.map(() => ({ allowed: false, missing, reasonCode }) as const);
    };
    if (!viewer) return refuseAll('sign in to see household data', 'SIGN_IN_REQUIRED');
    distinct += ids.length;
    if (distinct > MAX_HOUSEHOLDS_PER_REQUEST)
      return refuseAll(`at most ${MAX_HOUSEHOLDS_PER_REQUEST} households per request`, 'TOO_MANY_HOUSEHOLDS');
    if (limits.refusedLookups.count(viewer.accountId) > 30)
      return refuseAll('too many refused lookups; try again later', 'TOO_MANY_REFUSED_LOOKUPS');
    const scope = accessFactsScopeOf(viewer.role);
    const withTrajectory = ids.filter((id) => trajectoryWanted.has(id));
    const { facts: rows, trajectories } =
      withTrajectory.length > 0
        ? await repos.trajectoryFacts.accessFactsWithTrajectories(ids, viewer.accountId, scope, withTrajectory)
        : { facts: await repos.access.facts(ids, viewer.accountId, scope), trajectories: null };
    deps.householdsRead?.(rows.map((f) => f.household));
    const facts = new Map(rows.map((f) => [f.householdId, f]));
    const today = dayOf(now());
    const decided = ids.map((id) => decideHouseholdAccess(viewer, facts.get(id), today, policy));
    if (trajectories) {
      // Grouped by the households allowed: the rows of a refused one are left behind here.
      const allowedIds = new Set(ids.filter((_id, index) => decided[index]!.allowed));
      const allowed = withTrajectory.filter((id) => allowedIds.has(id));
      const perHousehold = trajectoryFactsPerHousehold(allowed, trajectories);
      deps.trajectoriesRead?.(new Map(allowed.map((id, index) => [id, perHousehold[index]!])));
    }
    ids.forEach((id, index) => settled.set(id, decided[index]!));
    decided.forEach((decision) => {
      if (!decision.allowed) limits.refusedLookups.hit(viewer.accountId);
    });
    queue(
      repos.access.append(
        ids.map((id, index) => {
          const decision = decided[index]!;
          return entry({
            action: 'READ',
            operation: service.operation,
            householdId: id,
            basis: decision.allowed ? decision.basis : (decision.logged ?? decision.missing),
            outcome: decision.allowed ? 'ALLOWED' : 'REFUSED',
            breakGlass: decision.allowed && decision.breakGlass,
          });
        }),
      ),
    );
    return decided;
  });

  return service;
}
