// The HTTP app as a value, built the same way by the server and the tests: GraphQL, health and the web app.
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Config } from './config.js';
import { createContext, type Context } from './context.js';
import type { CypherExecutor } from './db/executor.js';
import { schemaVersion } from './db/migrate.js';
import { schema } from './graphql/schema.js';
import { requestGuards, withinBodyLimit } from './guards.js';
import type { Logger } from './logger.js';
import { serveWeb } from './web-assets.js';

export interface AppDeps {
  config: Config;
  executor: CypherExecutor;
  logger: Logger;
  now?: () => Date;
}

export interface App {
  yoga: YogaServerInstance<Record<string, never>, Context>;
  fetch(request: Request): Promise<Response>;
}

export function createApp({ config, executor, logger, now = () => new Date() }: AppDeps): App {
  const yoga = createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    context: ({ request }) => createContext({ request, executor, logger, now }),
    graphiql: config.mode !== 'production',
    landingPage: false,
    batching: { limit: 5 },
    maskedErrors: true,
    logging: {
      debug: () => {},
      info: () => {},
      warn: (...args: unknown[]) => logger.warn({ yoga: args.map(String) }, 'graphql-yoga warning'),
      error: (...args: unknown[]) => logger.error({ yoga: args.map((arg) => (arg instanceof Error ? arg.message : String(arg))) }, 'graphql-yoga error'),
    },
    plugins: [...requestGuards(config), maskInternalErrors(), ...(config.introspection ? [] : [blockIntrospection()])],
  });

  async function health(): Promise<Response> {
    const version = await schemaVersion(executor);
    return Response.json({ status: 'ok', store: executor.kind, schemaVersion: version });
  }

  return {
    yoga,
    async fetch(request: Request): Promise<Response> {
      const { pathname } = new URL(request.url);
      if (pathname === '/healthz' && request.method === 'GET') return health();
      if (pathname === '/graphql') {
        const bounded = await withinBodyLimit(request);
        if (!bounded) {
          return Response.json({ errors: [{ message: 'Request body too large.', extensions: { code: 'REQUEST_TOO_LARGE' } }] }, { status: 413 });
        }
        return yoga.fetch(bounded, {});
      }
      return serveWeb(config.webDistDir, pathname);
    },
  };
}

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
          setResult({
            ...result,
            errors: result.errors.map((error) => {
              const original = error.originalError;
              if (!original || original instanceof GraphQLError) {
                return new GraphQLError(error.message, { ...error, extensions: { ...error.extensions, requestId: ctx.requestId } });
              }
              ctx.logger.error({ err: { name: original.name, message: original.message, stack: original.stack }, path: error.path }, 'resolver failed');
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

function blockIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule((context: import("graphql").ValidationContext) => ({
        Field(node: import("graphql").FieldNode) {
          if (node.name.value === '__schema' || node.name.value === '__type') {
            context.reportError(new GraphQLError('Introspection is disabled.', { nodes: [node] }));
          }
        },
      }));
    },
  };
}
