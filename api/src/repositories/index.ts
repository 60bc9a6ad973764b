// The repositories: all Cypher of Ketenkaart lives in these modules.
import type { CypherExecutor } from '../db/executor.js';
import { createReferenceRepository } from './reference-repository.js';

export function createRepositories(executor: CypherExecutor) {
  return {
    reference: createReferenceRepository(executor),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
