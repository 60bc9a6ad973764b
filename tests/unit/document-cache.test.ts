// The app's cache of parsed and validated documents (api/src/graphql/document-cache.ts), in a yoga server of its own:
// a document sent again is neither parsed nor validated again, a parse error is found again each time, and the
// number of documents kept is bounded.
import { describe, expect, it } from 'vitest';
import { buildSchema, type DocumentNode } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { documentCache } from '../../api/src/graphql/document-cache.js';

const schema = buildSchema(`type Query { hello(name: String): String, other: Int }`);

function serverCounting(maxDocuments?: number) {
  const counted = { parses: 0, validations: 0 };
  // Placed before the cache, as GraphQL Armor is: it wraps the functions that run only when the cache has no answer.
  const counting: Plugin = {
    onParse({ parseFn, setParseFn }) {
      setParseFn((...args: Parameters<typeof parseFn>) => {
        counted.parses += 1;
        return parseFn(...args) as DocumentNode;
      });
    },
    onValidate({ validateFn, setValidationFn }) {
      setValidationFn((...args: Parameters<typeof validateFn>) => {
        counted.validations += 1;
        return validateFn(...args);
      });
    },
  };
  const yoga = createYoga({ schema, parserAndValidationCache: false, plugins: [counting, documentCache(maxDocuments)], logging: false });
  const send = async (query: string) => {
    const response = await yoga.fetch('http://test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  };
  return { counted, send };
}

describe('document cache', () => {
  it('parses and validates a document once, however often it is sent, and answers it each time', async () => {
    const { counted, send } = serverCounting();
    for (let i = 0; i < 3; i += 1) expect(await send('{ other }')).toEqual({ data: { other: null } });
    expect(counted).toEqual({ parses: 1, validations: 1 });
    await send('{ hello }');
    expect(counted).toEqual({ parses: 2, validations: 2 });
  });

  it('keeps a validation that failed, and answers it with the same errors', async () => {
    const { counted, send } = serverCounting();
    const first = await send('{ missing }');
    const second = await send('{ missing }');
    expect(first.errors?.[0]?.message).toMatch(/Cannot query field "missing"/);
    expect(second).toEqual(first);
    expect(counted).toEqual({ parses: 1, validations: 1 });
  });

  it('does not keep a parse error: the document is parsed again and refused again', async () => {
    const { counted, send } = serverCounting();
    const first = await send('{ other ');
    expect(first.errors?.[0]?.message).toMatch(/Syntax Error/);
    expect(await send('{ other ')).toEqual(first);
    expect(counted).toEqual({ parses: 2, validations: 0 });
  });

  it('keeps at most the number of documents it is given, the least recently used given up first', async () => {
    const { counted, send } = serverCounting(2);
    await send('{ other }');
    await send('{ hello }');
    await send('{ other }');
    await send('{ hello(name: "x") }');
    expect(counted.parses).toBe(3);
    await send('{ other }');
    expect(counted.parses).toBe(3);
    await send('{ hello }');
    expect(counted.parses).toBe(4);
  });
});
