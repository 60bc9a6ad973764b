// The HTTP app as a value, built the same way by the server and the tests: GraphQL, health and the web app.
import { getOperationAST, GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import { clientAddressResolver } from './access/client-address.js';
import { createLimits } from './access/rate-limiter.js';
import { createRepositories } from './repositories/index.js';
import {
  createContext,
  lookUpSession,
  type Context,
  type RequestSession,
  type ResponseCookies,
  type SharedContextDeps,
} from './context.js';
import { createGapService } from './gaps/gap-service.js';
import type { CypherExecutor } from './db/executor.js';
import { schemaVersion } from './db/migrate.js';
import { schema } from './graphql/schema.js';
import { compiledExecution } from './graphql/compiled-execution.js';
import { documentCache, PerOperation } from './graphql/document-cache.js';
import { executionDeadline, requestGuards } from './guards.js';
import type { Logger } from './logger.js';
import { handleComparisonExport } from './http/comparison-export.js';
import { handleShelterExport, handleShelterImport, handleShelterTemplate } from './shelter/shelter-http.js';
import { handleAccessLogExport } from './access/access-log-http.js';
import { createWebAssets } from './web-assets.js';
import { problemResponse } from './http/problem.js';
import { requestIdOf } from './http/request-id.js';
import { handleMetrics } from './http/metrics-route.js';
import { handleOpenApi } from './http/openapi.js';
import { accessLogWriteFailures, requestDuration, requestsTotal } from './metrics.js';
import { startRequestSpan } from './telemetry.js';

export interface AppDeps {
  config: Config;
  executor: CypherExecutor;
  logger: Logger;
  now?: () => Date;
}

/** What a GraphQL request brings to its contexts: where resolvers put cookies to set. */
interface GraphqlRequestState {
  cookies: ResponseCookies;
  /** The GraphQL contexts of this HTTP request (one per operation of a batch), so the response can wait for their access log. */
  contexts: Context[];
  session: Promise<RequestSession>;
  clientAddress: string;
  requestId: string;
}

/** What the server knows of the connection a request came in on. */
export interface Connection {
  /** The socket's remote address; X-Forwarded-For counts only when this is a trusted proxy. */
  peerAddress?: string;
}

export interface App {
  yoga: YogaServerInstance<Record<string, never>, Context>;
  fetch(request: Request, connection?: Connection): Promise<Response>;
}

export function createApp({ config, executor, logger, now = () => new Date() }: AppDeps): App {
  const limits = createLimits(executor);
  const clientAddressOf = clientAddressResolver(config.trustedProxies);
  const web = createWebAssets(config.webDistDir);
  // Repositories hold no request state: one set serves every request (the session lookup and the context alike).
  const repos = createRepositories(executor, now);
  const shared: SharedContextDeps = {
    repos,
    gaps: createGapService(repos, now),
    logger,
    limits,
    secureCookies: config.mode === 'production',
    now,
    policy: { shelterAccessDays: config.shelterAccessDays },
  };
  /**
   * Each GraphQL request's state, found by its Request. Handed to yoga as its server context instead, it was copied
   * property by property (whatwg-node's isolation of a server context) and every request's context then merged into
   * that slow copy: about 2% of a trajectory request's CPU in a profile (2026-11-30, 5,000 households).
   */
  const graphqlRequests = new WeakMap<Request, GraphqlRequestState>();
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: async ({ request }) => {
      const state = graphqlRequests.get(request);
      if (!state) throw new Error('a GraphQL request reached yoga without its state (app.ts, route)');
      const { session, clientAddress, cookies, requestId, contexts } = state;
      const ctx = await createContext({ shared, request, session, clientAddress, cookies, requestId });
      contexts.push(ctx);
      return ctx;
    },
    graphiql: config.mode !== 'production',
    landingPage: false,
    batching: { limit: 5 },
    // The web app is served from this origin. Yoga's default CORS answers any origin with credentials allowed; a
    // cross-origin page is given no access instead (a SameSite=Strict cookie alone still lets a sibling subdomain in).
    cors: false,
    // JSON bodies only (guards.ts): no multipart parser in the path of every request.
    multipart: false,
    // guards.ts reads and limits the body itself.
    maxRequestBodySize: false,
    // documentCache below keeps parsed and validated documents without an expiry.
    parserAndValidationCache: false,
    maskedErrors: true,
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }, 'graphql-yoga warning'),
      error: (...args: unknown[]) =>
        logger.error({ yoga: args.map((arg) => (arg instanceof Error ? arg.message : String(arg))) }, 'graphql-yoga error'),
    },
    plugins: [
      ...requestGuards(),
      nameOperationForAccessLog(),
      limitRequestsPerViewer(),
      maskInternalErrors(),
      ...(config.introspection ? [] : [blockIntrospection()]),
      compiledExecution((failed) =>
        logger.warn(
          { errors: failed.errors?.map((error) => error.message) },
          'graphql-jit could not compile an operation; it is answered with the errors',
        ),
      ),
      // After graphql-jit: it wraps the compiled execution.
      executionDeadline(config.executionDeadlineMs),
      // After the plugins that limit parsing and validation, where yoga places its own cache.
      documentCache(),
    ],
  });

  // Taken once: yoga is a Proxy that binds `fetch` anew on every access, and its fetch ties the response to the
  // request's abort signal with a listener per request, which the server's own adapter (server.ts) already watches.
  const handleGraphql = yoga.handleRequest;

  async function health(): Promise<Response> {
    const version = await schemaVersion(executor);
    return Response.json({ status: 'ok', store: executor.kind, schemaVersion: version });
  }

  /** One request to its handler; says which operation it was, for the request log and the metrics. */
  async function route(
    request: Request,
    requestId: string,
    clientAddress: string,
  ): Promise<{ response: Response; operation: string; failed?: boolean }> {
    const { pathname } = new URL(request.url);
    if (pathname === '/healthz' && request.method === 'GET') return { response: await health(), operation: 'GET /healthz' };
    if (pathname === '/metrics') return { response: await handleMetrics(request, config.metricsToken), operation: 'GET /metrics' };
    if (pathname === '/openapi.json') return { response: handleOpenApi(request), operation: 'GET /openapi.json' };
    if (pathname === '/graphql') {
      const cookies: ResponseCookies = [];
      const contexts: Context[] = [];
      graphqlRequests.set(request, { cookies, contexts, session: lookUpSession(request, repos), clientAddress, requestId });
      // No server context: yoga then starts each context from a plain object of its own (see graphqlRequests).
      const response = await handleGraphql(request, undefined as unknown as Record<string, never>);
      const operation = contexts.length > 1 ? 'graphql:batch' : metricOperation(contexts[0]?.access.operation);
      try {
        await Promise.all(contexts.map((ctx) => ctx.access.flush()));
      } catch (error) {
        accessLogWriteFailures.inc();
        logger.error(
          { requestId, err: { name: (error as Error).name, message: (error as Error).message } },
          'access log write failed; response withheld',
        );
        return {
          response: Response.json(
            { errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL', requestId } }] },
            { status: 500 },
          ),
          operation,
        };
      }
      if (contexts.length === 0) await logRefusedBeforeExecution(request, response, requestId, clientAddress);
      for (const cookie of cookies) response.headers.append('set-cookie', cookie);
      return { response, operation, failed: contexts.some((ctx) => failedOperations.has(ctx)) };
    }
    const fileRoute = fileRoutes[pathname];
    if (fileRoute) {
      const operation = `${fileRoute.method} ${pathname}`;
      if (request.method !== fileRoute.method) {
        return {
          response: problemResponse(
            { status: 405, code: 'METHOD_NOT_ALLOWED', detail: `use ${fileRoute.method}` },
            { allow: fileRoute.method },
          ),
          operation,
        };
      }
      const session = lookUpSession(request, repos);
      const ctx = await createContext({ shared, request, session, clientAddress, cookies: [], requestId });
      ctx.access.operation = `http:${request.method} ${pathname}`;
      const response = await fileRoute.handle(request, ctx);
      // As for GraphQL: nothing leaves before its access-log entries (refusals included) are written.
      try {
        await ctx.access.flush();
      } catch (error) {
        accessLogWriteFailures.inc();
        throw error;
      }
      return { response, operation };
    }
    // The app's pages and built files; every other path, and every method but GET and HEAD, is a 404.
    return { response: web.serve(request), operation: 'web' };
  }

  /**
   * GraphQL Armor refuses too many aliases, tokens or directives while the document is parsed and validated, before
   * any GraphQL context exists: such a refusal is logged here, with whoever sent it, like every other refusal.
   */
  async function logRefusedBeforeExecution(request: Request, response: Response, requestId: string, clientAddress: string): Promise<void> {
    if (!response.headers.get('content-type')?.includes('json')) return;
    const body = (await response.clone().json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const refusal = body.errors?.find((error) => error.extensions?.code === 'QUERY_TOO_COMPLEX');
    if (!refusal) return;
    const ctx = await createContext({ shared, request, session: lookUpSession(request, repos), clientAddress, cookies: [], requestId });
    ctx.access.logRefusal({ action: 'READ', basis: refusal.message, operation: 'graphql:refused before execution' });
    await ctx.access.flush();
  }

  return {
    yoga,
    /**
     * Every request: routed, answered with its x-request-id, counted in the metrics and logged in one line (id,
     * operation, status, duration; never variables, paths with ids or personal data). A stream's duration is
     * the time to its first byte.
     */
    async fetch(request: Request, connection: Connection = {}): Promise<Response> {
      const started = performance.now();
      const requestId = requestIdOf(request);
      const span = startRequestSpan(request, requestId);
      let handled: { response: Response; operation: string; failed?: boolean };
      try {
        handled = await span.run(() => route(request, requestId, clientAddressOf(request, connection.peerAddress)));
      } catch (error) {
        logger.error(
          { requestId, err: { name: (error as Error).name, message: (error as Error).message, stack: (error as Error).stack } },
          'request failed',
        );
        handled = {
          response: problemResponse({
            status: 500,
            code: 'INTERNAL',
            detail: 'Unexpected error; quote the x-request-id header when you report it.',
          }),
          operation: 'unknown',
        };
      }
      const response = withHeader(handled.response, 'x-request-id', requestId);
      const seconds = (performance.now() - started) / 1000;
      const outcome = response.status >= 500 ? 'error' : response.status >= 400 ? 'refused' : handled.failed ? 'graphql_error' : 'ok';
      requestsTotal.inc({ operation: handled.operation, outcome });
      requestDuration.observe({ operation: handled.operation }, seconds);
      logger.info(
        {
          requestId,
          operation: handled.operation,
          method: request.method,
          status: response.status,
          outcome,
          durationMs: Math.round(seconds * 1000),
        },
        'request',
      );
      span.end({ operation: handled.operation, outcome, status: response.status });
      return response;
    },
  };
}

/** GraphQL operations whose result carried errors (not typed error results, which are data). */
const failedOperations = new WeakSet<Context>();

/**
 * The operation as a metric label: type and root fields, as the access log names it, with at most three distinct
 * root fields, so that a caller cannot mint new label values by combining fields. Labels worked out are kept, a
 * thousand at most (then all forgotten at once), so that the memory stays bounded whatever a caller sends.
 */
function metricOperation(operation: string | undefined): string {
  if (!operation || operation === 'unknown') return 'graphql:invalid';
  let label = metricLabels.get(operation);
  if (label === undefined) {
    const [type, fields = ''] = operation.split(':');
    const roots = [...new Set(fields.split(','))].sort();
    label = roots.length > 3 ? `${type}:several` : `${type}:${roots.join(',')}`;
    if (metricLabels.size >= MAX_METRIC_LABELS_KEPT) metricLabels.clear();
    metricLabels.set(operation, label);
  }
  return label;
}

const metricLabels = new Map<string, string>();
const MAX_METRIC_LABELS_KEPT = 1_000;

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a response passed through from fetch): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

/** Files in and out: too big for GraphQL's body limit, or not JSON. Same session, CSRF check and access log. */
const fileRoutes: Record<string, { method: 'GET' | 'POST'; handle: (request: Request, ctx: Context) => Promise<Response> }> = {
  '/shelter/import': { method: 'POST', handle: handleShelterImport },
  '/shelter/export': { method: 'GET', handle: handleShelterExport },
  '/shelter/template': { method: 'GET', handle: handleShelterTemplate },
  '/exports/access-log.csv': { method: 'GET', handle: handleAccessLogExport },
  '/exports/comparison.csv': { method: 'GET', handle: (request, ctx) => handleComparisonExport(request, ctx, 'csv') },
  '/exports/comparison.html': { method: 'GET', handle: (request, ctx) => handleComparisonExport(request, ctx, 'html') },
};

/**
 * Internal errors reach the client as "Unexpected error." with the request id; the log gets the error with
 * that id, never the variables (they may hold personal data).
 */
function maskInternalErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue;
      return {
        onExecuteDone({ result, setResult }) {
          if (!('errors' in result) || !result.errors?.length) return;
          failedOperations.add(ctx);
          setResult({
            ...result,
            errors: result.errors.map((error: GraphQLError) => {
              const original = error.originalError;
              if (!original || original instanceof GraphQLError) {
                return new GraphQLError(withCause(error), { ...error, extensions: { ...error.extensions, requestId: ctx.requestId } });
              }
              ctx.logger.error(
                { err: { name: original.name, message: original.message, stack: original.stack }, path: error.path },
                'resolver failed',
              );
              return new GraphQLError('Unexpected error.', {
                path: error.path,
                nodes: error.nodes,
                extensions: { code: 'INTERNAL', requestId: ctx.requestId },
              });
            }),
          });
        },
      };
    },
  };
}

/**
 * graphql-jit words a variable that fails a scalar's own check as "Expected type Date." and keeps the scalar's
 * explanation only as the cause; the caller needs that explanation to correct the input.
 */
function withCause(error: GraphQLError): string {
  const cause = error.originalError;
  return cause instanceof GraphQLError && cause.message && !error.message.includes(cause.message)
    ? `${error.message} ${cause.message}`
    : error.message;
}

/**
 * The access log says what was asked: the type and root fields of the operation that runs (the one operationName
 * picks when a document holds several). Worked out once per parsed document and operation name: the document cache
 * (document-cache.ts) keeps one parsed document per document text.
 */
function nameOperationForAccessLog(): Plugin<Context> {
  const names = new PerOperation<string>();
  return {
    onExecute({ args }) {
      const document = args.document as DocumentNode;
      const operationName = args.operationName as string | null | undefined;
      let name: string | null | undefined = names.get(document, operationName);
      if (name === undefined) {
        name = accessLogName(getOperationAST(document, operationName || undefined));
        // Only the document's own operations are kept (yoga refuses any other name before execution).
        if (name) names.set(document, operationName, name);
      }
      if (name) args.contextValue.access.operation = name;
    },
  };
}

function accessLogName(operation: OperationDefinitionNode | null | undefined): string | null {
  if (!operation) return null;
  const roots = operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : s.kind));
  return `${operation.operation}:${roots.join(',')}`;
}

/** A session gets a fixed number of requests a minute; anonymous callers share one budget per client key. */
function limitRequestsPerViewer(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue;
      if (!ctx.limits.requests.hit(ctx.viewer?.accountId ?? `anon:${ctx.clientKey}`)) {
        setResultAndStopExecution({
          errors: [new GraphQLError('Too many requests; try again in a minute.', { extensions: { code: 'RATE_LIMITED' } })],
        });
      }
    },
  };
}

function blockIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: import('graphql').ValidationContext) => ({
        Field(node: import('graphql').FieldNode) {
          if (node.name.value === '__schema' || node.name.value === '__type') {
            context.reportError(new GraphQLError('Introspection is disabled.', { nodes: [node] }));
          }
        },
      }));
    },
  };
}
