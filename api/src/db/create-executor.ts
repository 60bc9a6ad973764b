// Chooses the adapter from configuration: Neo4j when NEO4J_URI is set, embedded Grafeo otherwise.
import type { StoreConfig } from '../config.js';
import { cypherLogObserver, type CypherExecutor } from './executor.js';
import { createGrafeoExecutor } from './grafeo-executor.js';
import { createNeo4jExecutor } from './neo4j-executor.js';

export function createExecutor(store: StoreConfig, cypherLogPath?: string): CypherExecutor {
  const observe = cypherLogObserver(cypherLogPath);
  if (store.kind === 'neo4j') return createNeo4jExecutor({ ...store, observe });
  return createGrafeoExecutor({ dataDir: store.dataDir, observe, ...(store.writes ? { writes: store.writes } : {}) });
}
