// The per-request context: a request id, the repositories and DataLoaders that live for one request.
import { randomUUID } from 'node:crypto';
import type { CypherExecutor } from './db/executor.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import { createRepositories, type Repositories } from './repositories/index.js';

export interface Context {
  readonly requestId: string;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly loaders: Loaders;
  readonly now: () => Date;
}

export interface ContextDeps {
  request: Request;
  executor: CypherExecutor;
  logger: Logger;
  now: () => Date;
}

export function createContext({ request, executor, logger, now }: ContextDeps): Context {
  const requestId = requestIdOf(request);
  const repos = createRepositories(executor);
  return { requestId, logger: logger.child({ requestId }), repos, loaders: createLoaders(repos), now };
}

/** Accepts a caller's request id only when it is a plain token, so that logs cannot be forged through it. */
function requestIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
}
