// Production adapter: Neo4j 5 over Bolt, with an explicit database and transaction metadata.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { checkedTx, type CypherExecutor, type CypherTx, type Params, type StatementObserver } from './executor.js';
import { toPlain } from './values.js';

export interface Neo4jOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  observe: StatementObserver;
}

export function createNeo4jExecutor({ uri, username, password, database, observe }: Neo4jOptions): CypherExecutor {
  const driver: Driver = neo4j.driver(uri, neo4j.auth.basic(username, password), {
    // Integers stay lossless in the driver; values.ts converts them, refusing none in the safe range.
    disableLosslessIntegers: false,
  });
  const txConfig = { metadata: { app: 'ketenkaart' } };

  const raw = (tx: ManagedTransaction) => async (text: string, params: Params) => {
    const result = await tx.run(text, toNeo4jParams(params));
    return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
  };

  async function inSession<T>(mode: 'READ' | 'WRITE', work: (tx: CypherTx) => Promise<T>): Promise<T> {
    const session = driver.session({ database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(checkedTx(raw(tx), 'READ', observe)), txConfig)
        : await session.executeWrite((tx) => work(checkedTx(raw(tx), 'WRITE', observe)), txConfig);
    } finally {
      await session.close();
    }
  }

  return {
    kind: 'neo4j',
    read: (work) => inSession('READ', work),
    write: (work) => inSession('WRITE', work),
    close: () => driver.close(),
  };
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
