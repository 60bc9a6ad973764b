// Request guards (OWASP GraphQL cheat sheet): aliases, tokens, directives, suggestions and body size.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export const limits = {
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  /** Bytes of a request body; a GraphQL document plus variables for one form fits well within it. */
  maxBodyBytes: 100_000,
};

export function requestGuards(): Plugin[] {
  const shield = EnvelopArmorPlugin({
    // Depth and cost are the Pothos complexity plugin's (graphql/limits.ts): it knows page sizes.
    maxDepth: { enabled: false },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  return [shield as Plugin, jsonBodyWithinLimit(limits.maxBodyBytes)];
}

/**
 * The API takes JSON bodies only, and reads them itself up to the limit, counting the bytes as they arrive
 * whatever Content-Length claims. (Yoga's maxRequestBodySize, switched off in app.ts, pipes every body through a
 * web TransformStream, which cost more per request than executing a household's whole trajectory.)
 */
function jsonBodyWithinLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== 'POST') return;
      const type = request.headers.get('content-type')?.split(/[;,]/)[0]?.trim().toLowerCase();
      if (type !== 'application/json' && type !== 'application/graphql+json') {
        throw httpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the request as JSON (Content-Type: application/json).');
      }
      setRequestParser(async (req) => {
        let body: unknown;
        try {
          body = JSON.parse(await boundedText(req, maxBytes));
        } catch (error) {
          if (error instanceof GraphQLError) throw error;
          throw httpError(400, 'BAD_REQUEST', 'POST body sent invalid JSON.');
        }
        if (body === null || typeof body !== 'object') throw httpError(400, 'BAD_REQUEST', 'POST body is expected to be an object or a batch.');
        return body as Record<string, unknown>;
      });
    },
  };
}

async function boundedText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(next.value);
  }
  // Strict: a body that is not UTF-8 is refused rather than read with replacement characters.
  return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

const tooLarge = (maxBytes: number) => httpError(413, 'REQUEST_TOO_LARGE', `Request body too large (at most ${maxBytes / 1000} kB).`);

function httpError(status: number, code: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { http: { status }, code } });
}
