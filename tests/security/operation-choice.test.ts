// Misuse: a document that holds several operations. The operation a request names is the one that runs, whichever
// one the same document ran before (the compiled operations are kept per document and operation name); a name the
// document does not hold is refused (by yoga, before execution), and nothing runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReferenceData } from '@ketenkaart/seed';
import type { App, CypherExecutor } from '@ketenkaart/api';
import { signIn, type SignedIn } from '../support/accounts.js';
import { openTestStore, testApp } from '../support/store.js';

const DOCUMENT = `query Who { viewer { username } } query Regions { centrumgemeenten { id } }`;

let executor: CypherExecutor;
let app: App;
let coordinator: SignedIn;

beforeAll(async () => {
  executor = await openTestStore();
  await seedReferenceData(executor);
  app = testApp(executor);
  coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
});
afterAll(() => executor.close());

async function send(operationName: string | undefined) {
  const response = await app.fetch(
    new Request('http://ketenkaart.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...coordinator.headers },
      body: JSON.stringify({ query: DOCUMENT, ...(operationName === undefined ? {} : { operationName }) }),
    }),
  );
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };
}

describe('a document with several operations', () => {
  it('runs the operation each request names, in any order, however often the document was sent', async () => {
    for (const name of ['Regions', 'Who', 'Regions', 'Who']) {
      const { data, errors } = await send(name);
      expect(errors).toBeUndefined();
      expect(Object.keys(data!)).toEqual([name === 'Who' ? 'viewer' : 'centrumgemeenten']);
    }
  });

  it('refuses a name the document does not hold, and a request that names none', async () => {
    const unknown = await send('Households');
    expect(unknown.data).toBeUndefined();
    expect(unknown.errors).toHaveLength(1);
    expect(unknown.errors![0]!.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    const unnamed = await send(undefined);
    expect(unnamed.data).toBeUndefined();
    expect(unnamed.errors![0]!.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    // The document's own operations still run after the refusals.
    expect(Object.keys((await send('Who')).data!)).toEqual(['viewer']);
  });
});
