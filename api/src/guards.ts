// Request guards (OWASP GraphQL cheat sheet): aliases, tokens, directives, suggestions and body size.
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

/**
 * Reads a request body up to the limit, whatever Content-Length claims, and returns the request rebuilt
 * from the buffered bytes; null when the body is larger than the limit.
 */
export async function withinBodyLimit(request: Request, maxBytes = limits.maxBodyBytes): Promise<Request | null> {
  if (!request.body) return request;
  if (Number(request.headers.get('content-length') ?? '0') > maxBytes) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}
