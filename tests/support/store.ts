// A fresh store per test file: in-memory Grafeo by default, or the Neo4j server NEO4J_URI names (wiped first).
import { z } from 'zod';
import {
  createApp,
  createExecutor,
  createLogger,
  cypher,
  loadConfig,
  migrate,
  statement,
  type App,
  type Config,
  type CypherExecutor,
} from '@ketenkaart/api';

const wipeStore = statement('testWipeStore', cypher`MATCH (n) DETACH DELETE n`, z.object({}));

export function testConfig(overrides: Record<string, string> = {}): Config {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides });
  return config.store.kind === 'grafeo' ? { ...config, store: { kind: 'grafeo', dataDir: null } } : config;
}

/**
 * The embedded store with write transactions side by side (Grafeo's 'interleaved' mode), as Neo4j runs them: for
 * the concurrency tests, where the locks and not the embedded store's one writer must keep the invariants.
 */
export function concurrentWritersConfig(): Config {
  const config = testConfig();
  return config.store.kind === 'grafeo' ? { ...config, store: { kind: 'grafeo', dataDir: null, writes: 'interleaved' } } : config;
}

/** Opens an empty, migrated store. On Neo4j the database is emptied first: point tests at a dedicated one. */
export async function openTestStore(config: Config = testConfig()): Promise<CypherExecutor> {
  const executor = createExecutor(config.store, config.cypherLogPath);
  if (executor.kind === 'neo4j') await executor.write((tx) => tx.run(wipeStore));
  await migrate(executor);
  return executor;
}

export function testApp(executor: CypherExecutor, config: Config = testConfig(), now?: () => Date): App {
  return createApp({ config, executor, logger: createLogger('silent'), ...(now ? { now } : {}) });
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
}

/** Posts one GraphQL operation through the real app, as a client would. */
export async function gql<T = any>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await app.fetch(
    new Request('http://ketenkaart.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    }),
  );
  return (await response.json()) as GraphQLResponse<T>;
}
