// The per-request context: request id, viewer, access service, repositories and DataLoaders that live for one request.
import { createAccessService, type AccessService } from './access/access-service.js';
import type { AccessPolicy } from './access/household-access.js';
import type { Limits } from './access/rate-limiter.js';
import type { Viewer } from './access/viewer.js';
import type { GapService } from './gaps/gap-service.js';
import { requestIdOf } from './http/request-id.js';
import { createLoaders, type Loaders } from './loaders.js';
import { requestLogger, type Logger, type RequestLogger } from './logger.js';
import type { SessionAccount } from './repositories/account-repository.js';
import type { Repositories } from './repositories/index.js';

export const SESSION_COOKIE = 'kk_session';

/** Cookies a resolver wants set on the response (login, logout); app.ts adds them to the HTTP response. */
export type ResponseCookies = string[];

export interface Context {
  readonly requestId: string;
  readonly logger: RequestLogger;
  readonly repos: Repositories;
  readonly loaders: Loaders;
  readonly access: AccessService;
  readonly gaps: GapService;
  readonly viewer: Viewer | null;
  /** Whether a cookie-authenticated request carried its session's CSRF token (bearer requests need none). */
  readonly csrfOk: boolean;
  readonly sessionToken: string | null;
  readonly cookies: ResponseCookies;
  readonly secureCookies: boolean;
  readonly clientKey: string;
  readonly limits: Limits;
  readonly now: () => Date;
}

/** What the contexts of all requests share: built once per app (createApp). */
export interface SharedContextDeps {
  /** Stateless over the executor; the per-request DataLoaders are built in createContext. */
  repos: Repositories;
  /** Stateless over the repositories, like them. */
  gaps: GapService;
  logger: Logger;
  limits: Limits;
  secureCookies: boolean;
  now: () => Date;
  policy: AccessPolicy;
}

export interface ContextDeps {
  shared: SharedContextDeps;
  request: Request;
  /** The request's session, looked up as soon as its headers arrived (see lookUpSession). */
  session: Promise<RequestSession>;
  /** The client's address, with forwarded headers believed only from trusted proxies (access/client-address.ts). */
  clientAddress: string;
  cookies: ResponseCookies;
  /** The id app.fetch gave the request (and puts in its x-request-id header). */
  requestId?: string;
}

/** The session a request names (cookie or bearer token), if it is valid. */
export interface RequestSession {
  token: string | null;
  via: 'cookie' | 'bearer' | null;
  session: SessionAccount | null;
  /** The store's reference stamp, read with the session (null without a token: the reference cache reads it then). */
  referenceStamp: string | null;
}

/**
 * Starts the session lookup from the headers alone, so that it runs in the store while the body is still being
 * read and the document parsed. The reference stamp comes in the same statement, run after the request arrived, so
 * the reference cache serves it everything committed before it asked (see reference-cache.ts). Never kept between
 * requests: a session signed out or switched off is refused on the next request, in any process.
 */
export function lookUpSession(request: Request, repos: Repositories): Promise<RequestSession> {
  const { token, via } = sessionTokenOf(request);
  if (!token) return Promise.resolve({ token, via, session: null, referenceStamp: null });
  const lookup = repos.accounts
    .sessionWithReferenceStamp(token)
    .then(({ session, referenceStamp }) => ({ token, via, session, referenceStamp }));
  // Observed at once: a request refused before its context is built must not leave an unhandled rejection.
  lookup.catch(() => undefined);
  return lookup;
}

export async function createContext({
  shared: { repos, gaps, logger, limits, secureCookies, now, policy },
  request,
  session: sessionLookup,
  clientAddress,
  cookies,
  requestId = requestIdOf(request),
}: ContextDeps): Promise<Context> {
  const { token, via, session, referenceStamp } = await sessionLookup;
  const viewer: Viewer | null =
    session && via
      ? {
          accountId: session.id,
          username: session.username,
          role: session.role,
          agencyId: session.agencyId,
          centrumgemeenteId: session.centrumgemeenteId,
          via,
          csrfToken: session.csrfToken,
        }
      : null;
  const csrfOk = !viewer || viewer.via === 'bearer' || request.headers.get('x-csrf-token') === viewer.csrfToken;
  const loaders = createLoaders(repos, referenceStamp);
  return {
    requestId,
    logger: requestLogger(logger, requestId),
    repos,
    loaders,
    access: createAccessService({
      viewer,
      repos,
      limits,
      requestId,
      now,
      policy,
      householdsRead: (records) => records.forEach((h) => loaders.household.prime(h.id, h)),
      trajectoriesRead: (perHousehold) => perHousehold.forEach((facts, id) => loaders.trajectoryFacts.prime(id, facts)),
    }),
    gaps,
    viewer,
    csrfOk,
    sessionToken: viewer ? token : null,
    cookies,
    secureCookies,
    clientKey: clientAddress,
    limits,
    now,
  };
}

function sessionTokenOf(request: Request): { token: string | null; via: 'cookie' | 'bearer' | null } {
  const authorization = request.headers.get('authorization');
  if (authorization?.startsWith('Bearer ')) return { token: authorization.slice(7).trim(), via: 'bearer' };
  const cookie = request.headers.get('cookie') ?? '';
  const match = cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${SESSION_COOKIE}=`));
  return match ? { token: decodeURIComponent(match.slice(SESSION_COOKIE.length + 1)), via: 'cookie' } : { token: null, via: null };
}
