// Production adapter: Neo4j 5 over Bolt, with an explicit database and transaction metadata.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { createAppendQueue } from './appends.js';
import { checkedTx, type CypherExecutor, type CypherTx, type Params, type StatementObserver } from './executor.js';
import { toPlain } from './values.js';

export interface Neo4jOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  maxPoolSize: number;
  acquisitionTimeoutMs: number;
  transactionTimeoutMs: number;
  observe: StatementObserver;
}

/** `CALL (x) { ... }` (scoped subqueries) needs Neo4j 5.23; 5.26 is the LTS the compose file runs. */
export const MINIMUM_NEO4J_VERSION = [5, 23] as const;

export class StoreVersionError extends Error {
  override name = 'StoreVersionError';
}

export function createNeo4jExecutor({
  uri,
  username,
  password,
  database,
  maxPoolSize,
  acquisitionTimeoutMs,
  transactionTimeoutMs,
  observe,
}: Neo4jOptions): CypherExecutor {
  const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    // Integers stay lossless in the driver; values.ts converts them, refusing none in the safe range.
    disableLosslessIntegers: false,
    maxConnectionPoolSize: maxPoolSize,
    connectionAcquisitionTimeout: acquisitionTimeoutMs,
    // How long executeWrite retries transient errors (deadlocks, leader switches) before giving up.
    maxTransactionRetryTime: 30_000,
  });
  // One bookmark manager for the instance: every transaction waits for the writes this instance committed before
  // it, so a read after a write (in one request, or the next request to this instance) sees the write, also on a
  // read replica. Another instance's writes are seen once committed on the primary.
  const bookmarks = neo4j.bookmarkManager();
  const txConfig = { metadata: { app: 'ketenkaart' }, timeout: transactionTimeoutMs };

  const raw = (tx: ManagedTransaction) => async (text: string, params: Params) => {
    const result = await tx.run(text, toNeo4jParams(params));
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  };

  async function inSession<T>(mode: 'READ' | 'WRITE', work: (tx: CypherTx) => Promise<T>): Promise<T> {
    const session = driver.session({
      database,
      bookmarkManager: bookmarks,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(checkedTx(raw(tx), 'READ', observe)), txConfig)
        : await session.executeWrite((tx) => work(checkedTx(raw(tx), 'WRITE', observe)), txConfig);
    } finally {
      await session.close();
    }
  }

  // Committed before they resolve, in group commits: an instance keeps no journal of its own (appends.ts).
  const appends = createAppendQueue((work) => inSession('WRITE', work), null);

  return {
    kind: 'neo4j',
    read: (work) => inSession('READ', work),
    readStatement: (statement, params) => inSession('READ', (tx) => tx.run(statement, params)),
    write: (work) => inSession('WRITE', work),
    append: (statement, rows) => appends.append(statement, rows),
    appendsStored: () => appends.stored(),
    async close() {
      await appends.close();
      await driver.close();
    },
    /** Reaches the server and refuses one older than MINIMUM_NEO4J_VERSION, before any migration runs. */
    async verifyServer() {
      const info = await driver.getServerInfo({ database });
      const version = neo4jVersionOf(info.agent ?? '');
      if (!version || compareVersions(version, MINIMUM_NEO4J_VERSION) < 0) {
        throw new StoreVersionError(
          `Neo4j ${version ? version.join('.') : `of unknown version (${info.agent ?? 'no agent'})`} at ${info.address ?? uri} is too old: Ketenkaart needs Neo4j ${MINIMUM_NEO4J_VERSION.join('.')} or later (5.26 LTS recommended).`,
        );
      }
    },
  };
}

/** "Neo4j/5.26.0" → [5, 26, 0]. */
export function neo4jVersionOf(agent: string): number[] | null {
  const match = /^Neo4j\/(\d+)\.(\d+)(?:\.(\d+))?/.exec(agent);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : null;
}

function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Whole numbers go to Neo4j as integers, not floats, so that LIMIT/SKIP and integer properties keep their type. */
function toNeo4jParams(params: Params): Params {
  const convert = (value: unknown): unknown => {
    if (typeof value === 'number' && Number.isInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, convert(inner)]));
    }
    return value;
  };
  return convert(params) as Params;
}
