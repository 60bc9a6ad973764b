// Repositories for the request context: each aggregate's top-level functions, bound once to the executor and clock.
import type { CypherExecutor } from '../db/executor.js';

export interface RepositoryDeps {
  executor: CypherExecutor;
  now: () => Date;
}

type Bound<F> = { [K in keyof F]: F[K] extends (deps: RepositoryDeps, ...args: infer A) => infer R ? (...args: A) => R : never };

export function bindRepository<F extends Record<string, (deps: RepositoryDeps, ...args: never[]) => unknown>>(
  deps: RepositoryDeps,
  functions: F,
): Bound<F> {
  return Object.fromEntries(Object.entries(functions).map(([name, fn]) => [name, (...args: never[]) => fn(deps, ...args)])) as Bound<F>;
}
