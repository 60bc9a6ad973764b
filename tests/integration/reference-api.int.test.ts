// The reference reads over GraphQL: search, pagination, batching (no N+1), request guards and masked errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingExecutor, createExecutor, migrate, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { gql, openTestStore, testApp, testConfig } from '../support/store.js';

describe('reference API', () => {
  let executor: CypherExecutor;
  let counted: ReturnType<typeof countingExecutor>;
  let app: App;
  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    counted = countingExecutor(executor);
    app = testApp(counted);
  });
  afterAll(() => executor.close());

  it('finds agencies by name or alias, ignoring case and accents', async () => {
    const search = async (term: string) =>
      (await gql(app, `query($s: String) { agencies(search: $s) { edges { node { id } } } }`, { s: term })).data.agencies.edges.map(
        (e: any) => e.node.id,
      );
    expect(await search('ZIËNN')).toContain('lwd-zienn');
    expect(await search('mooiland maasland')).toEqual(['oss-maaslandmooiland']);
    expect(await search('vangnet en advies')).toEqual(['ams-ggd-vangnet-advies']);
    expect(await search('no such agency')).toEqual([]);
  });

  it('pages through a list with cursors, each row once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const { data }: { data?: any } = await gql(
        app,
        `query($after: String) { agencies(first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      seen.push(...data.agencies.edges.map((e: any) => e.node.id));
      if (!data.agencies.pageInfo.hasNextPage) break;
      after = data.agencies.pageInfo.endCursor;
    }
    const { data: all } = await gql(app, `{ centrumgemeenten { agencies(first: 100) { edges { node { id } } } } }`);
    const total = all.centrumgemeenten.flatMap((c: any) => c.agencies.edges).length;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses a bad cursor and an oversized page with a typed message', async () => {
    const badCursor = await gql(app, `{ agencies(after: "bm90LWEtY3Vyc29y") { edges { node { id } } } }`);
    expect(badCursor.errors?.[0]?.message).toMatch(/after: not a cursor/);
    const tooMany = await gql(app, `{ agencies(first: 1000) { edges { node { id } } } }`);
    expect(tooMany.errors?.[0]?.message).toMatch(/first: must be at most 100/);
  });

  it('resolves nested lists with a fixed number of statements, whatever the number of cities', async () => {
    const nested = `query($id: ID!) { centrumgemeente(id: $id) { ...C } }
      fragment C on Centrumgemeente { name chainModel { stages { regieHolder { name } actors { name } } }
        facilities(first: 50) { edges { node { name operator { name } capacity { value unit } } } }
        covenants { parties { name } } earlyWarning { reportedBy { name } } }`;
    const all = `{ centrumgemeenten { ...C } }
      fragment C on Centrumgemeente { name chainModel { stages { regieHolder { name } actors { name } } }
        facilities(first: 50) { edges { node { name operator { name } capacity { value unit } } } }
        covenants { parties { name } } earlyWarning { reportedBy { name } } }`;
    // How DataLoader batches depends on when the store answers, so timing can only add batches: take the fewest of three.
    // Each on a new app: an app keeps the reference data it read, and a warm cache would hide an N+1.
    const fewest = async (query: string, variables: Record<string, unknown> = {}) => {
      const counts: number[] = [];
      for (let run = 0; run < 3; run += 1) {
        const cold = testApp(counted);
        counted.reset();
        expect((await gql(cold, query, variables)).errors).toBeUndefined();
        counts.push(counted.count());
      }
      return Math.min(...counts);
    };
    const forOne = await fewest(nested, { id: 'oss' });
    const forFour = await fewest(all);
    // Every level, pages of facilities included, is batched: four cities cost what one costs. A level may split
    // into two batches when the store answers slowly; one statement per city would add three per level (15+).
    expect(forFour).toBeLessThanOrEqual(forOne + 2);
    expect(forFour).toBeLessThan(12);
  });

  it('never adds capacity figures of different units together', async () => {
    const { data } = await gql(
      app,
      `{ facility(id: "ams-roggeveen-24uur") { capacity { value unit } capacityTotals { unit total figures } } }`,
    );
    expect(data.facility.capacityTotals).toEqual([{ unit: 'units', total: 70, figures: 2 }]);
    const { data: mixed } = await gql(
      app,
      `{ centrumgemeente(id: "leeuwarden") { facilities(first: 50) { edges { node { capacity { unit } capacityTotals { unit } } } } } }`,
    );
    for (const { node } of mixed.centrumgemeente.facilities.edges) {
      const units = new Set(node.capacity.map((c: any) => c.unit));
      expect(node.capacityTotals.map((t: any) => t.unit).sort()).toEqual([...units].sort());
    }
  });

  it('refuses deep, costly, alias-heavy, batched and oversized requests before touching the store', async () => {
    const deep = `{ agencies { edges { node { parent { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } } } }`;
    const exceeded = async (query: string) => {
      const [error] = (await gql(app, query)).errors ?? [];
      expect(error?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      return (error?.extensions?.exceeded as { measure: string }[]).map((e) => e.measure);
    };
    expect(await exceeded(deep)).toContain('depth');
    const costly = `{ centrumgemeenten { agencies(first: 100) { edges { node { centrumgemeente { agencies(first: 100) { edges { node { id name } } } } } } } } }`;
    expect(await exceeded(costly)).toContain('cost');
    const aliases = `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: centrumgemeenten { id }`).join(' ')} }`;
    expect(await exceeded(aliases)).toEqual(['aliases']);

    const batch = await app.fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Array.from({ length: 6 }, () => ({ query: '{ centrumgemeenten { id } }' }))),
      }),
    );
    expect(batch.status).toBeGreaterThanOrEqual(400);

    const huge = await app.fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ centrumgemeenten { id } }', variables: { padding: 'x'.repeat(200_000) } }),
      }),
    );
    expect(huge.status).toBe(413);
    // Without Content-Length the bytes are counted as they arrive.
    const padding = new TextEncoder().encode(
      JSON.stringify({ query: '{ centrumgemeenten { id } }', variables: { padding: 'x'.repeat(200_000) } }),
    );
    const streamed = await app.fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new ReadableStream({
          start: (controller) => {
            controller.enqueue(padding);
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    // JSON only: a form post (the kind a foreign page can send without asking) or bytes that are not UTF-8 are refused.
    const post = (contentType: string, body: BodyInit) =>
      app.fetch(new Request('http://ketenkaart.test/graphql', { method: 'POST', headers: { 'content-type': contentType }, body }));
    expect((await post('application/x-www-form-urlencoded', 'query=%7B__typename%7D')).status).toBe(415);
    expect((await post('text/plain', '{"query":"{ __typename }"}')).status).toBe(415);
    const notUtf8 = await post('application/json', new Uint8Array([0x7b, 0x22, 0x71, 0xff, 0x22, 0x7d]));
    expect(notUtf8.status).toBe(400);
    expect((await post('application/json', '{"query": ')).status).toBe(400);
    // Cut off inside a character (the bytes of "€" but its last): refused, and nothing of it stays for the next body.
    const cutOff = await post('application/json', new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xe2, 0x82]));
    expect(cutOff.status).toBe(400);
    expect(await (await post('application/json; charset=utf-8', '{"query":"{ __typename }"}')).json()).toEqual({
      data: { __typename: 'Query' },
    });
  });

  it('checks the cost of each operation of a document without variables, though a passed one is not walked again', async () => {
    const costly = `centrumgemeenten { agencies(first: 100) { edges { node { centrumgemeente { agencies(first: 100) { edges { node { id name } } } } } } } }`;
    const document = `query Cheap { centrumgemeenten { id } } query Costly { ${costly} }`;
    const run = async (operationName: string) =>
      (await (
        await app.fetch(
          new Request('http://ketenkaart.test/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: document, operationName }),
          }),
        )
      ).json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    for (const operationName of ['Cheap', 'Cheap', 'Costly', 'Costly', 'Cheap']) {
      const result = await run(operationName);
      if (operationName === 'Cheap') expect(result.errors).toBeUndefined();
      else expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('suggests no field names', async () => {
    const { errors } = await gql(app, `{ centrumgemeenten { nam } }`);
    expect(errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('masks internal errors and returns the request id', async () => {
    const broken = createExecutor(testConfig().store);
    await migrate(broken);
    const brokenApp = testApp(broken);
    await broken.close();
    const { errors } = await gql(brokenApp, `{ centrumgemeenten { id } }`, {}, { 'x-request-id': 'req-test-0001' });
    expect(errors?.[0]).toMatchObject({ message: 'Unexpected error.', extensions: { requestId: 'req-test-0001' } });
  });

  it('turns introspection off in production', async () => {
    const production = testApp(executor, testConfig({ NODE_ENV: 'production' }));
    expect((await gql(production, `{ __schema { types { name } } }`)).errors?.[0]?.message).toMatch(/introspection/i);
    expect((await gql(app, `{ __schema { queryType { name } } }`)).data.__schema.queryType.name).toBe('Query');
  });
});
