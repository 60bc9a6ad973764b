// Request guards (OWASP GraphQL cheat sheet): aliases, tokens, directives and suggestions; the body size limit is
// yoga's maxRequestBodySize, which also counts the bytes of a body sent without Content-Length.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';

export const limits = {
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  /** Bytes of a request body; a GraphQL document plus variables for one form fits well within it. */
  maxBodyBytes: 100_000,
};

export function requestGuards(config: Config): Plugin[] {
  const shield = EnvelopArmorPlugin({
    // Depth and cost are the Pothos complexity plugin's (graphql/limits.ts): it knows page sizes.
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  return [shield as Plugin];
}
