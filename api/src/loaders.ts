// Per-request DataLoaders: every nested list resolves with one statement per level, never one per row.
import DataLoader from 'dataloader';
import { ShelterRecordKind } from '@ketenkaart/schema';
import type { ReferenceReads } from './repositories/reference-cache.js';
import type { Repositories } from './repositories/index.js';
import { groupedByKey, type Page } from './repositories/rows.js';
import type { ShelterRecord } from './repositories/shelter-repository.js';
import { trajectoryFactsPerHousehold, type TrajectoryFacts } from './repositories/trajectory-facts.js';

/**
 * Store answers arrive as separate macrotasks, so a batch that closes after the current microtasks misses
 * siblings whose parents resolved a moment later; waiting for the I/O phase to end batches them together.
 */
const batchScheduleFn = (callback: () => void) => setImmediate(callback);

/** One row per key, looked up in a single batch; missing keys resolve to null. */
export function byIdLoader<T>(fetch: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string) {
  return new DataLoader<string, T | null>(byIdBatch(fetch, idOf), { batchScheduleFn });
}

function byIdBatch<T>(fetch: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string) {
  return async (ids: readonly string[]): Promise<(T | null)[]> => {
    const rows = await fetch(ids);
    const index = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => index.get(id) ?? null);
  };
}

/** Many rows per key (a city's agencies, a facility's capacities), in the order the statement returns them. */
export function groupLoader<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => groupedByKey(keys, await fetch(keys), keyOf), { batchScheduleFn });
}

/**
 * A loader of reference data that answers a key the app's reference cache keeps under the request's stamp at once,
 * without a batch: a reference request's levels (cities, chain models, stages, regie holders) each waited for a batch
 * of keys all kept already, and the loader's promises, batch and setImmediate were a few per cent of its CPU. A key
 * not kept (or a request whose stamp is still being read) goes through the batch as before. Under one stamp a kept
 * row is the row any read of the store would give, primed or loaded.
 */
class KeptFirstLoader<V> extends DataLoader<string, V> {
  constructor(
    batch: DataLoader.BatchLoadFn<string, V>,
    private readonly keptOf: (key: string) => V | undefined,
  ) {
    super(batch, { batchScheduleFn });
  }

  override load(key: string): Promise<V> {
    const kept = this.keptOf(key);
    return kept === undefined ? super.load(key) : Promise.resolve(kept);
  }
}

/** The reference cache's lookups by a list of keys, by the name of their read (which is also their table's). */
type KeyedLookup = {
  [Name in keyof ReferenceReads]: ReferenceReads[Name] extends (keys: readonly string[]) => Promise<unknown[]> ? Name : never;
}[Exclude<keyof ReferenceReads, 'keptRow'>];

/** A row of a keyed lookup. */
type RowOf<Name extends KeyedLookup> = Awaited<ReturnType<ReferenceReads[Name]>>[number];

/** The read of a lookup, taken by its name, so that a loader's batch and its kept rows always name the same table. */
function keyedRead<Name extends KeyedLookup>(ref: ReferenceReads, lookup: Name) {
  return ref[lookup] as (keys: readonly string[]) => Promise<RowOf<Name>[]>;
}

/** byIdLoader over a lookup of the reference cache. */
function referenceByIdLoader<Name extends KeyedLookup>(ref: ReferenceReads, lookup: Name, idOf: (row: RowOf<Name>) => string) {
  return new KeptFirstLoader<RowOf<Name> | null>(byIdBatch(keyedRead(ref, lookup), idOf), (id) => ref.keptRow<RowOf<Name>>(lookup, id));
}

/** groupLoader over a reference lookup of the cache; a kept group is copied, as a batch gives each key its own list. */
function referenceGroupLoader<Name extends KeyedLookup>(ref: ReferenceReads, lookup: Name, keyOf: (row: RowOf<Name>) => string) {
  const fetch = keyedRead(ref, lookup);
  return new KeptFirstLoader<RowOf<Name>[]>(
    async (keys) => groupedByKey(keys, await fetch(keys), keyOf),
    (key) => {
      const kept = ref.keptRow<readonly RowOf<Name>[]>(lookup, key);
      return kept && [...kept];
    },
  );
}

/**
 * Pages of a nested connection for many parents at once. Parents asking for the same page size and cursor
 * share one statement; the key is "parent|first|after".
 */
export function pageLoader<T>(fetch: (parents: readonly string[], first: number, after: string | null) => Promise<Map<string, Page<T>>>) {
  return new DataLoader<{ parent: string; first: number; after: string | null }, Page<T>, string>(
    async (keys) => {
      const groups = new Map<string, { first: number; after: string | null; parents: string[] }>();
      for (const key of keys) {
        const groupKey = `${key.first}|${key.after ?? ''}`;
        const group = groups.get(groupKey) ?? { first: key.first, after: key.after, parents: [] };
        group.parents.push(key.parent);
        groups.set(groupKey, group);
      }
      const pages = new Map<string, Page<T>>();
      for (const [groupKey, group] of groups) {
        const result = await fetch(group.parents, group.first, group.after);
        for (const parent of group.parents) pages.set(`${parent}|${groupKey}`, result.get(parent) ?? { items: [], hasNextPage: false });
      }
      return keys.map((key) => pages.get(`${key.parent}|${key.first}|${key.after ?? ''}`)!);
    },
    { cacheKeyFn: (key) => `${key.parent}|${key.first}|${key.after ?? ''}`, batchScheduleFn },
  );
}

/** A household's open gaps and its gaps gone away, as far as one page of it shows them. */
const GAPS_PER_HOUSEHOLD = 100;
const RESOLVED_GAPS_PER_HOUSEHOLD = 50;

const cityOf = (row: { centrumgemeenteId: string | null }) => row.centrumgemeenteId ?? '';

/**
 * How each of a request's loaders is built, from the repositories and the request's reference reads. A request builds
 * only the loaders it uses (a reference request four of the thirty), on first use: see createLoaders.
 */
const loaderFactories = {
  centrumgemeente: (_repos, ref) => referenceByIdLoader(ref, 'centrumgemeentenByIds', (row) => row.id),
  agency: (_repos, ref) => referenceByIdLoader(ref, 'agenciesByIds', (row) => row.id),
  facility: (_repos, ref) => referenceByIdLoader(ref, 'facilitiesByIds', (row) => row.id),
  capacityByFacility: (_repos, ref) => referenceGroupLoader(ref, 'capacityByFacilityIds', (row) => row.facilityId),
  capacityOfCity: (_repos, ref) => referenceGroupLoader(ref, 'capacityOfCities', (row) => row.cityId),
  municipalitiesByCity: (_repos, ref) => referenceGroupLoader(ref, 'municipalitiesByCity', cityOf),
  chainModelsByCity: (_repos, ref) => referenceGroupLoader(ref, 'chainModelsByCity', cityOf),
  stagesByChainModel: (_repos, ref) => referenceGroupLoader(ref, 'stagesByChainModel', (row) => row.chainModelId),
  regieNotesByCity: (_repos, ref) => referenceGroupLoader(ref, 'regieNotesByCity', cityOf),
  covenantsByCity: (_repos, ref) => referenceGroupLoader(ref, 'covenantsByCity', cityOf),
  earlyWarningsByCity: (_repos, ref) => referenceGroupLoader(ref, 'earlyWarningsByCity', cityOf),
  figuresByCity: (_repos, ref) => referenceGroupLoader(ref, 'figuresByCity', cityOf),
  tablesByCity: (_repos, ref) => referenceGroupLoader(ref, 'tablesByCity', cityOf),
  household: (repos) => byIdLoader(repos.households.householdsByIds, (row) => row.id),
  membershipsByHousehold: (repos) => groupLoader(repos.households.membershipsByHousehold, (row) => row.householdId),
  eventsByHousehold: (repos) => groupLoader(repos.events.eventsByHousehold, (row) => row.householdId),
  referralsByHousehold: (repos) => groupLoader(repos.referrals.referralsByHousehold, (row) => row.householdId),
  referral: (repos) => byIdLoader(repos.referrals.referralsByIds, (row) => row.id),
  regieByHousehold: (repos) => groupLoader(repos.regie.regieByHousehold, (row) => row.householdId),
  agencyPageByCity: (_repos, ref) => pageLoader(ref.agencyPagesByCity),
  facilityPageByCity: (_repos, ref) => pageLoader(ref.facilityPagesByCity),
  registrationSystemsByCity: (_repos, ref) => referenceGroupLoader(ref, 'registrationSystemsByCity', cityOf),
  gapsByHousehold: (repos) =>
    groupLoader(
      (ids) => repos.gaps.findingsOfHouseholds(ids, GAPS_PER_HOUSEHOLD),
      (row) => row.householdId,
    ),
  resolvedGapsByHousehold: (repos) =>
    groupLoader(
      (ids) => repos.gaps.resolved(ids, RESOLVED_GAPS_PER_HOUSEHOLD),
      (row) => row.householdId,
    ),
  trajectoryFacts: (repos) => trajectoryFactsLoader(repos),
  /** Current shelter records of each kind per facility. */
  shelterRecords: (repos): Record<ShelterRecordKind, DataLoader<string, ShelterRecord[]>> =>
    Object.fromEntries(
      ShelterRecordKind.options.map((kind) => [
        kind,
        groupLoader(
          (ids) => repos.shelter.records(kind, ids),
          (row) => row.facilityId,
        ),
      ]),
    ) as Record<ShelterRecordKind, DataLoader<string, ShelterRecord[]>>,
} satisfies Record<string, (repos: Repositories, ref: ReferenceReads) => unknown>;

export type Loaders = {
  /** Reference lists without a key (all centrumgemeenten, national figures), from the app's reference cache. */
  readonly reference: ReferenceReads;
} & { readonly [Name in keyof typeof loaderFactories]: ReturnType<(typeof loaderFactories)[Name]> };

/** A request's loaders: each one a getter on the prototype that builds it at its first use and keeps it. */
class RequestLoaders {
  constructor(
    readonly repos: Repositories,
    readonly reference: ReferenceReads,
  ) {}
}
for (const [name, build] of Object.entries(loaderFactories) as [string, (repos: Repositories, ref: ReferenceReads) => unknown][]) {
  Object.defineProperty(RequestLoaders.prototype, name, {
    get(this: RequestLoaders) {
      const loader = build(this.repos, this.reference);
      Object.defineProperty(this, name, { value: loader });
      return loader;
    },
  });
}

/**
 * The loaders of one request. `referenceStamp`: the stamp the request's session lookup read; without it the cache
 * reads one at the first reference read. Reference data come through the app's cache: one stamp per request instead
 * of a statement per level.
 */
export function createLoaders(repos: Repositories, referenceStamp: string | null = null): Loaders {
  return new RequestLoaders(repos, repos.referenceCache.forRequest(referenceStamp)) as unknown as Loaders;
}

/** Each household's trajectory facts, all four kinds in one read transaction per batch. */
function trajectoryFactsLoader(repos: Repositories) {
  return new DataLoader<string, TrajectoryFacts>(
    async (ids) => trajectoryFactsPerHousehold(ids, await repos.trajectoryFacts.trajectoryFactsOfHouseholds(ids)),
    { batchScheduleFn },
  );
}

/** Loads many ids and keeps those that exist; a failed batch rethrows rather than silently dropping rows. */
export async function loadExisting<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const results = await loader.loadMany(ids);
  const found: T[] = [];
  for (const result of results) {
    if (result instanceof Error) throw result;
    if (result !== null) found.push(result);
  }
  return found;
}
