// Parsed documents and their validation, kept for the documents the app is sent again and again (a page's query with
// other variables). In place of yoga's own cache (parserAndValidationCache, switched off in app.ts): that one keeps
// every entry for at most an hour, and an lru-cache with an expiry sets a timer on most reads to tell an entry's
// age; with the key it built from the rules' names, that was about 1% of a trajectory request's CPU in a profile
// (2026-11-30, 5,000 households). A document is the same document an hour later, so nothing here expires.
import type { DocumentNode, Source } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/** Distinct document texts kept at most, the least recently used given up first (yoga's default too). */
const MAX_DOCUMENTS = 1_024;

/**
 * Keeps each parsed document by its text, and the validation of each parsed document. The validation is kept per
 * document alone, not per set of rules: the schema is built once and every plugin adds its rules to every request
 * (guards.ts, app.ts), so a document validates the same way each time. A plugin that added rules for some requests
 * only would need the rules in the key. A parse error is not kept: it is found again, within the token limit.
 * Placed after the plugins that limit parsing and validation (GraphQL Armor), as yoga places its own cache.
 */
export function documentCache(maxDocuments = MAX_DOCUMENTS): Plugin {
  const parsed = new LRUCache<string, DocumentNode>({ max: maxDocuments });
  // Keyed by the parsed document, which only the parse cache holds: an entry goes when its document does.
  const validated = new WeakMap<DocumentNode, readonly Error[]>();
  return {
    onParse({ params, setParsedDocument }) {
      const source = params.source as string | Source;
      const text = typeof source === 'string' ? source : source.body;
      const document = parsed.get(text);
      if (document) {
        setParsedDocument(document);
        return;
      }
      return ({ result }) => {
        const parsedNow = result as DocumentNode | Error | null;
        if (parsedNow && !(parsedNow instanceof Error)) parsed.set(text, parsedNow);
      };
    },
    onValidate({ params, setResult }) {
      const document = params.documentAST as DocumentNode;
      const result = validated.get(document);
      if (result) {
        setResult(result);
        return;
      }
      return ({ result: found }) => {
        validated.set(document, found);
      };
    },
  };
}

/**
 * What is worked out once per parsed document and operation name (its compiled code, its name in the access log,
 * whether its cost passed), kept weakly by the document: it goes when the document cache gives its document up.
 */
export class PerOperation<T> {
  readonly #byDocument = new WeakMap<DocumentNode, Map<string, T>>();

  get(document: DocumentNode, operationName: string | null | undefined): T | undefined {
    return this.#byDocument.get(document)?.get(operationName ?? '');
  }

  set(document: DocumentNode, operationName: string | null | undefined, value: T): void {
    let byName = this.#byDocument.get(document);
    if (!byName) this.#byDocument.set(document, (byName = new Map<string, T>()));
    byName.set(operationName ?? '', value);
  }
}
