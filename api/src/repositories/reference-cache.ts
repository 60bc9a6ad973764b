// Reference data kept in the app's memory between requests: centrumgemeenten, their chain models and stages,
// agencies, facilities, capacities, covenants, figures. Nearly every page reads it and only the seed writes it, yet
// each read cost a statement, five in sequence for the home page's list of cities with their chain models.
//
// Correct with several API instances on one store. Every write of reference data (ReferenceRepository.upsertAll,
// the only one: the seed and the synthetic regions) sets a new random stamp on the one ReferenceVersion node, in the
// same transaction. A request reads that stamp once, before its first reference read, and is served what this app read
// under the same stamp; under another stamp the app forgets all it kept. A signed-in request reads it in the statement
// of its session lookup (AccountRepository.sessionWithReferenceStamp), which runs after the request arrived: no
// statement or transaction of its own. A request without a session reads it in one small statement,
// shared with the requests that arrive while it waits (see freshStamp). So a request sees every reference write that
// committed before it asked, through whichever instance or process wrote it: there is no staleness window to configure.
//
// Why a cached value is never older than its stamp: a key missing from the cache is read from the store after the
// request read its stamp, and kept under that stamp. It can only be newer (a write committed in between), and then
// the next request reads the newer stamp and starts afresh. Stamps are compared for equality, not order, so a
// restored backup (an older stamp, or none) is noticed too.
//
// Only lookups by key are kept (ids, cities, chain models, pages of a city), and only keys that exist: made-up ids
// are read from the store every time, so a caller cannot fill the memory with them. Filtered and searched lists
// (agencies(search:), facilities(search:)) are not kept. Access rules are untouched: reference data is public to
// every caller, and what a caller may see is decided in the resolvers, as before.
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor, CypherTx } from '../db/executor.js';
import type { ReferenceRepository } from './reference-repository.js';
import type { Page } from './rows.js';

const readReferenceVersion = statement(
  'readReferenceVersion',
  cypher`
MATCH (v:ReferenceVersion)
RETURN v.stamp AS stamp`,
  z.object({ stamp: z.string().nullable() }),
);

// First in the writing transaction: it also takes the node's write lock, so two reference writes take turns.
const bumpReferenceVersion = statement(
  'bumpReferenceVersion',
  cypher`
MERGE (v:ReferenceVersion {id: 'reference'})
SET v.stamp = $stamp
RETURN v.stamp AS stamp`,
  z.object({ stamp: z.string() }),
);

/** The store's reference stamp, read in the caller's transaction (one that began after the request arrived). */
export async function referenceStampIn(tx: CypherTx): Promise<string> {
  return referenceStampOf(await tx.run(readReferenceVersion));
}

/** The stamp of the ReferenceVersion nodes read: '' when there is none. */
export function referenceStampOf(versions: readonly { stamp: string | null }[]): string {
  // Normally one node; should two ever exist (concurrent first writes on Neo4j), any change to either still shows.
  return versions
    .map((version) => version.stamp ?? '')
    .sort()
    .join(',');
}

/** Marks the reference data as changed: to be run in every transaction that writes reference data. */
export async function bumpReferenceVersionIn(tx: CypherTx): Promise<void> {
  await tx.run(bumpReferenceVersion, { stamp: randomUUID() });
}

/** Keys one app keeps at most per lookup; past it the lookup starts afresh (a guard, far above the real data). */
const MAX_KEYS_PER_LOOKUP = 20_000;

/** What one app read under one stamp, per lookup and key. */
class Generation {
  private readonly lookups = new Map<string, Map<string, unknown>>();
  constructor(readonly stamp: string) {}

  /** A key's kept value, without making a table. */
  kept<V>(lookup: string, key: string): V | undefined {
    return this.lookups.get(lookup)?.get(key) as V | undefined;
  }

  table<V>(lookup: string): Map<string, V> {
    let table = this.lookups.get(lookup);
    if (!table || table.size >= MAX_KEYS_PER_LOOKUP) {
      table = new Map();
      this.lookups.set(lookup, table);
    }
    return table as Map<string, V>;
  }
}

/** The repository's lookups by key that the cache answers. */
type Lookups = Pick<
  ReferenceRepository,
  | 'listCentrumgemeenten'
  | 'centrumgemeentenByIds'
  | 'municipalitiesByCity'
  | 'agenciesByIds'
  | 'facilitiesByIds'
  | 'capacityByFacilityIds'
  | 'capacityOfCities'
  | 'chainModelsByCity'
  | 'stagesByChainModel'
  | 'regieNotesByCity'
  | 'covenantsByCity'
  | 'earlyWarningsByCity'
  | 'figuresByCity'
  | 'tablesByCity'
  | 'nationalFigures'
  | 'registrationSystemsByCity'
  | 'agencyPagesByCity'
  | 'facilityPagesByCity'
>;

/** The reads the request-scoped loaders use: the repository's lookups by key, answered from the cache when it can. */
export type ReferenceReads = Lookups & {
  /**
   * The row (or rows) kept under the request's stamp for a key of a lookup (named as its read, whose name is also its
   * table's), when the stamp is known without waiting; undefined otherwise, and for keys not kept.
   */
  keptRow<V>(lookup: keyof Lookups, key: string): V | undefined;
};

export function createReferenceCache(executor: CypherExecutor, reference: ReferenceRepository) {
  let current: Generation | null = null;

  // Version reads in flight: `running` started at some moment; `waiting` starts when it ends and serves every
  // caller that came while `running` was already under way (a read that began before a caller asked may miss a
  // write that committed just before the caller asked, so it is not theirs to share).
  let running: Promise<string> | null = null;
  let waiting: Promise<string> | null = null;

  const readStamp = (): Promise<string> => executor.read(referenceStampIn);
  const startRead = (): Promise<string> => {
    const read = readStamp().finally(() => {
      if (running === read) running = null;
    });
    running = read;
    return read;
  };
  /** A stamp read that began after this call. */
  function freshStamp(): Promise<string> {
    if (waiting) return waiting;
    if (!running) return startRead();
    const after = running.then(
      () => undefined,
      () => undefined,
    );
    const next = after.then(() => {
      waiting = null;
      return startRead();
    });
    waiting = next;
    return next;
  }

  /**
   * The generation of a stamp read after the request arrived. Stamps read side by side may resolve out of order; a
   * request with an older stamp then starts a generation afresh, which costs reads, never freshness: whatever a
   * generation keeps was read after some request read its stamp.
   */
  async function generationOf(stampRead: string | Promise<string>): Promise<Generation> {
    return generationNow(await stampRead);
  }

  /**
   * The generation of a stamp the session lookup read, at once: a request that names its stamp needs no wait for it,
   * so that its loaders can answer kept rows without a batch (see keptRow).
   */
  function generationNow(stamp: string): Generation {
    if (current?.stamp !== stamp) current = new Generation(stamp);
    return current;
  }

  /** What a request needs of its stamp: the generation, read at the first lookup, and kept once known. */
  class RequestGeneration {
    private generation: Promise<Generation> | null = null;
    private known: Generation | null = null;
    constructor(private readonly stamp: string | null) {}

    checked(): Promise<Generation> {
      if (this.generation) return this.generation;
      if (this.stamp !== null) {
        this.known = generationNow(this.stamp);
        this.generation = Promise.resolve(this.known);
      } else {
        this.generation = generationOf(freshStamp()).then((generation) => (this.known = generation));
      }
      return this.generation;
    }

    /** The generation when it can be had without waiting (a stamp given, or read already); else null. */
    now(): Generation | null {
      if (!this.known && this.stamp !== null) void this.checked();
      return this.known;
    }
  }

  /** Lookups with one row per key: rows of missing keys are read; keys with no row are not kept. */
  const byKey =
    <T>(lookup: string, fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
    (request: RequestGeneration) =>
    async (keys: readonly string[]): Promise<T[]> => {
      const table = (await request.checked()).table<T>(lookup);
      const missing = [...new Set(keys)].filter((key) => !table.has(key));
      if (missing.length > 0) for (const row of await fetch(missing)) table.set(keyOf(row), frozen(row));
      return keys.flatMap((key) => (table.has(key) ? [table.get(key)!] : []));
    };

  /** Lookups with many rows per key, in the statement's order; a key without rows is kept as an empty list. */
  const groupedByKey =
    <T>(lookup: string, fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) =>
    (request: RequestGeneration) =>
    async (keys: readonly string[]): Promise<T[]> => {
      const table = (await request.checked()).table<readonly T[]>(lookup);
      const missing = [...new Set(keys)].filter((key) => !table.has(key));
      if (missing.length > 0) {
        const groups = new Map<string, T[]>(missing.map((key) => [key, []]));
        for (const row of await fetch(missing)) groups.get(keyOf(row))?.push(frozen(row));
        // Keys come from records read before (a city's id, a chain model's id): an empty group is an answer too.
        for (const [key, rows] of groups) table.set(key, Object.freeze(rows));
      }
      return keys.flatMap((key) => table.get(key) ?? []);
    };

  /** Lookups with no key: the whole answer is kept. */
  const whole =
    <T>(lookup: string, fetch: () => Promise<T[]>) =>
    (request: RequestGeneration) =>
    async (): Promise<T[]> => {
      const table = (await request.checked()).table<readonly T[]>(lookup);
      let rows = table.get('');
      if (!rows) {
        rows = Object.freeze((await fetch()).map(frozen));
        table.set('', rows);
      }
      return [...rows];
    };

  /** Pages of many parents at once, kept per parent, page size and cursor. */
  const pages =
    <T>(lookup: string, fetch: (parents: readonly string[], first: number, after: string | null) => Promise<Map<string, Page<T>>>) =>
    (request: RequestGeneration) =>
    async (parents: readonly string[], first: number, after: string | null): Promise<Map<string, Page<T>>> => {
      const table = (await request.checked()).table<Page<T>>(lookup);
      const keyOf = (parent: string) => `${parent}|${first}|${after ?? ''}`;
      const missing = [...new Set(parents)].filter((parent) => !table.has(keyOf(parent)));
      if (missing.length > 0) {
        const fetched = await fetch(missing, first, after);
        for (const [parent, page] of fetched) table.set(keyOf(parent), frozen(page));
      }
      return new Map(parents.flatMap((parent) => (table.has(keyOf(parent)) ? [[parent, table.get(keyOf(parent))!] as const] : [])));
    };

  const cityOf = (row: { centrumgemeenteId?: string | null }) => row.centrumgemeenteId ?? '';
  // Each lookup keeps its rows in the table of its own name (keptRow finds them by it). Built once per app: a request
  // builds the function of a lookup only when it uses it (a reference request four of the eighteen), where building
  // all eighteen closures per request was a measurable part of a small request.
  const lookups: { [Name in keyof Lookups]: (request: RequestGeneration) => Lookups[Name] } = {
    listCentrumgemeenten: whole('listCentrumgemeenten', reference.listCentrumgemeenten),
    nationalFigures: whole('nationalFigures', reference.nationalFigures),
    centrumgemeentenByIds: byKey('centrumgemeentenByIds', reference.centrumgemeentenByIds, (row) => row.id),
    agenciesByIds: byKey('agenciesByIds', reference.agenciesByIds, (row) => row.id),
    facilitiesByIds: byKey('facilitiesByIds', reference.facilitiesByIds, (row) => row.id),
    municipalitiesByCity: groupedByKey('municipalitiesByCity', reference.municipalitiesByCity, cityOf),
    chainModelsByCity: groupedByKey('chainModelsByCity', reference.chainModelsByCity, cityOf),
    stagesByChainModel: groupedByKey('stagesByChainModel', reference.stagesByChainModel, (row) => row.chainModelId),
    regieNotesByCity: groupedByKey('regieNotesByCity', reference.regieNotesByCity, cityOf),
    covenantsByCity: groupedByKey('covenantsByCity', reference.covenantsByCity, cityOf),
    earlyWarningsByCity: groupedByKey('earlyWarningsByCity', reference.earlyWarningsByCity, cityOf),
    figuresByCity: groupedByKey('figuresByCity', reference.figuresByCity, cityOf),
    tablesByCity: groupedByKey('tablesByCity', reference.tablesByCity, cityOf),
    registrationSystemsByCity: groupedByKey('registrationSystemsByCity', reference.registrationSystemsByCity, cityOf),
    capacityByFacilityIds: groupedByKey('capacityByFacilityIds', reference.capacityByFacilityIds, (row) => row.facilityId),
    capacityOfCities: groupedByKey('capacityOfCities', reference.capacityOfCities, (row) => row.cityId),
    agencyPagesByCity: pages('agencyPagesByCity', reference.agencyPagesByCity),
    facilityPagesByCity: pages('facilityPagesByCity', reference.facilityPagesByCity),
  };

  /** One request's reads: each lookup a getter on the prototype that builds its function at first use and keeps it. */
  class RequestReads {
    constructor(readonly generation: RequestGeneration) {}

    keptRow<V>(lookup: keyof Lookups, key: string): V | undefined {
      return this.generation.now()?.kept<V>(lookup, key);
    }
  }
  for (const [name, build] of Object.entries(lookups) as [string, (request: RequestGeneration) => unknown][]) {
    Object.defineProperty(RequestReads.prototype, name, {
      get(this: RequestReads) {
        const read = build(this.generation);
        Object.defineProperty(this, name, { value: read });
        return read;
      },
    });
  }

  return {
    /**
     * The reads of one request: the stamp is the one given (read in a transaction that began after the request
     * arrived) or else read once, at the first of them; every key the cache lacks is read from the store and kept for
     * the requests that come after under the same stamp.
     */
    forRequest(stamp: string | null = null): ReferenceReads {
      return new RequestReads(new RequestGeneration(stamp)) as unknown as ReferenceReads;
    },
  };
}

export type ReferenceCache = ReturnType<typeof createReferenceCache>;

/** Kept values are shared by every request that follows: frozen, so that no resolver can change them for the others. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}
