// Request guards (OWASP GraphQL cheat sheet): depth, cost, aliases, tokens, batching and body size.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

export const limits = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  /** Bytes of a request body; a GraphQL document plus variables for one form fits well within it. */
  maxBodyBytes: 100_000,
};

export function requestGuards(config: Config): Plugin[] {
  const shield = EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: config.introspection },
    costLimit: { maxCost: limits.maxCost },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  return [shield as Plugin, rejectLargeBodies()];
}

/** Refuses oversized bodies before they are parsed, by declared length and by what actually arrives. */
function rejectLargeBodies(): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const declared = Number(request.headers.get('content-length') ?? '0');
      if (declared > limits.maxBodyBytes) {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: 'Request body too large.', extensions: { code: 'REQUEST_TOO_LARGE' } }] }), {
            status: 413,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
    },
  };
}
