// The service as an operator sees it, through the real app: request ids, one log line per request, problem
// details on the HTTP routes, /metrics behind its token, and the OpenAPI description checked against real answers.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { pino } from 'pino';
import { createApp, openApiDocument, type App, type Config, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { signIn, type SignedIn } from '../support/accounts.js';
import { REGISTER, householdInput } from '../support/operations.js';
import { gql, openTestStore, testConfig } from '../support/store.js';

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789abcdef';
const SECRET_REFERENCE = 'AMS-PRIVATE-4711';

const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: 'https://ketenkaart.test/openapi.json', ...openApiDocument });

/** Checks an answer against the OpenAPI description: documented status, media type, header and body schema. */
async function conforms(method: 'get' | 'post', path: string, response: Response): Promise<void> {
  const operation = (openApiDocument.paths as Record<string, Record<string, { responses: Record<string, any> }>>)[path]?.[method];
  expect(operation, `${method} ${path} is described`).toBeDefined();
  const spec = operation!.responses[String(response.status)];
  expect(spec, `${method} ${path} ${response.status} is described`).toBeDefined();
  expect(response.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  const mediaType = response.headers.get('content-type')!.split(';')[0]!.trim();
  const content = spec.content?.[mediaType];
  expect(content, `${method} ${path} ${response.status} as ${mediaType} is described`).toBeDefined();
  const text = await response.text();
  const values =
    mediaType === 'application/x-ndjson'
      ? text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line))
      : mediaType.endsWith('json')
        ? [JSON.parse(text)]
        : [];
  const validate = ajv.compile(
    content.schema.$ref ? { $ref: `https://ketenkaart.test/openapi.json${content.schema.$ref}` } : content.schema,
  );
  for (const value of values) expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
}

describe('operating the service over HTTP', () => {
  let executor: CypherExecutor;
  let app: App;
  let config: Config;
  let coordinator: SignedIn;
  let hvo: SignedIn;
  const logLines: Record<string, unknown>[] = [];
  let logText = '';

  beforeAll(async () => {
    config = testConfig({ KETENKAART_METRICS_TOKEN: METRICS_TOKEN });
    executor = await openTestStore(config);
    await seedReferenceData(executor);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logText += chunk.toString();
        logLines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    app = createApp({ config, executor, logger: pino({ level: 'info' }, sink) });
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    hvo = await signIn(app, executor, 'SHELTER_STAFF', { agencyId: 'ams-hvo-querido' });
  });
  afterAll(() => executor.close());

  const get = (path: string, headers: Record<string, string> = {}) => app.fetch(new Request(`http://ketenkaart.test${path}`, { headers }));

  it('gives every answer a request id, keeping a plain one the client sent and replacing any other', async () => {
    expect((await get('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get('/healthz', { 'x-request-id': 'client-req.0001' })).headers.get('x-request-id')).toBe('client-req.0001');
    for (const forged of ['short', 'has spaces in it', 'x'.repeat(65), 'semi;colon=0001', '{"json":"yes"}']) {
      const id = (await get('/healthz', { 'x-request-id': forged })).headers.get('x-request-id');
      expect(id).not.toBe(forged);
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const graphql = await app.fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'client-req.0002' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
    );
    expect(graphql.headers.get('x-request-id')).toBe('client-req.0002');
  });

  it('logs one line per request with id, operation, status and duration, and no variables', async () => {
    logLines.length = 0;
    const response = await app.fetch(
      new Request('http://ketenkaart.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'client-req.0003', ...coordinator.headers },
        body: JSON.stringify({ query: REGISTER, variables: { input: householdInput({ reference: SECRET_REFERENCE }) } }),
      }),
    );
    expect((await response.json()).data.registerHousehold.__typename).toBe('Household');
    const requestLines = logLines.filter((line) => line.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      requestId: 'client-req.0003',
      operation: 'mutation:registerHousehold',
      status: 200,
      outcome: 'ok',
      method: 'POST',
    });
    expect(requestLines[0]!.durationMs).toEqual(expect.any(Number));
    expect(logText).not.toContain(SECRET_REFERENCE);
    expect(logText).not.toContain(coordinator.headers.authorization!.slice(7));
  });

  it('answers errors on the HTTP routes as problem details', async () => {
    const cases: [Response, number, string][] = [
      [await get('/shelter/import?kind=capacity'), 405, 'METHOD_NOT_ALLOWED'],
      [await get('/shelter/export?kind=capacity'), 401, 'UNAUTHENTICATED'],
      [await get('/shelter/export?kind=nonsense', hvo.headers), 400, 'VALIDATION'],
      [await get('/exports/comparison.csv?cities=amsterdam', coordinator.headers), 400, 'VALIDATION'],
      [await get('/exports/comparison.csv?cities=utrecht&from=2025-01-01&to=2025-12-31', coordinator.headers), 403, 'FORBIDDEN'],
      [await get('/metrics'), 401, 'UNAUTHENTICATED'],
    ];
    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.clone().json()).toMatchObject({ type: 'about:blank', status, code, detail: expect.any(String) });
    }
    await conforms('post', '/shelter/import', cases[0]![0]);
  });

  it('serves /metrics only to the holder of the metrics token, with names and counts and no data', async () => {
    expect((await get('/metrics', { authorization: 'Bearer wrong-token-wrong-token-wrong-token' })).status).toBe(401);
    const off = createApp({ config: { ...config, metricsToken: null }, executor, logger: pino({ level: 'silent' }) });
    expect(
      (await off.fetch(new Request('http://ketenkaart.test/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }))).status,
    ).toBe(404);

    const csv = [
      'facility_id,unit_kind,target_group,period_start,period_end,capacity,note',
      'ams-alexandria,PLACES,FAMILIES,2026-12-01,2026-12-31,7,',
    ].join('\n');
    await (
      await app.fetch(
        new Request('http://ketenkaart.test/shelter/import?kind=capacity', {
          method: 'POST',
          headers: { ...hvo.headers, 'content-type': 'text/csv' },
          body: csv,
        }),
      )
    ).text();

    // Labels name at most three root fields, however the same fields are combined or aliased, each time they come.
    const severalRoots = `{ viewer { username } centrumgemeenten { id } a: __typename __schema { queryType { name } } }`;
    for (const query of [severalRoots, severalRoots, `{ a: viewer { username } b: viewer { username } }`]) {
      expect((await gql(app, query, {}, coordinator.headers)).errors).toBeUndefined();
    }

    const response = await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/ketenkaart_requests_total\{operation="mutation:registerHousehold",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/ketenkaart_requests_total\{operation="query:several",outcome="ok"\} 2\n/);
    expect(text).toMatch(/ketenkaart_requests_total\{operation="query:viewer",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/ketenkaart_request_duration_seconds_bucket\{le="[^"]+",operation="POST \/shelter\/import"\}/);
    expect(text).toMatch(/ketenkaart_store_statement_duration_seconds_count\{statement="writeHouseholds",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/ketenkaart_import_rows_total\{kind="CAPACITY",result="created"\} [1-9]/);
    expect(text).toContain('ketenkaart_access_log_write_failures_total 0');
    expect(text).not.toContain(SECRET_REFERENCE);
    expect(text).not.toMatch(/hh_|acc_/);
  });

  it('describes its HTTP routes in OpenAPI 3.1, and the real answers match the description', async () => {
    const served = await get('/openapi.json');
    expect(await served.clone().json()).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    await conforms('get', '/openapi.json', served);
    await conforms('get', '/healthz', await get('/healthz'));

    const csv = [
      'facility_id,unit_kind,target_group,period_start,period_end,capacity,note',
      'ams-alexandria,PLACES,FAMILIES,2027-01-01,2027-01-31,9,',
    ].join('\n');
    const post = (body: string, query = 'kind=capacity') =>
      app.fetch(
        new Request(`http://ketenkaart.test/shelter/import?${query}`, {
          method: 'POST',
          headers: { ...hvo.headers, 'content-type': 'text/csv' },
          body,
        }),
      );
    await conforms('post', '/shelter/import', await post(csv));
    await conforms(
      'post',
      '/shelter/import',
      await post(`${csv}\nams-alexandria,PLACES,FAMILIES,not-a-date,2027-01-31,9,`, 'kind=capacity&dryRun=true'),
    );
    await conforms('post', '/shelter/import', await post(csv, 'kind=nonsense'));
    await conforms('get', '/shelter/export', await get('/shelter/export?kind=capacity&format=json&history=true', hvo.headers));
    await conforms('get', '/shelter/export', await get('/shelter/export?kind=capacity', hvo.headers));
    await conforms('get', '/shelter/export', await get('/shelter/export?kind=capacity', coordinator.headers));
    const year = 'cities=amsterdam&from=2025-07-01&to=2026-06-30';
    await conforms('get', '/exports/comparison.csv', await get(`/exports/comparison.csv?${year}`, coordinator.headers));
    await conforms('get', '/exports/comparison.html', await get(`/exports/comparison.html?${year}`, coordinator.headers));
    await conforms('get', '/exports/comparison.csv', await get(`/exports/comparison.csv?${year}`));
    await conforms('get', '/metrics', await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` }));
    await conforms('get', '/metrics', await get('/metrics'));
  });
});
