// OpenTelemetry tracing through the real SDK with its own in-memory exporter: a GraphQL request is one operation
// span with a child span per store statement, and no span carries a variable, a parameter or a password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { loadConfig, startTracing, type App, type CypherExecutor } from '@ketenkaart/api';
import { seedReferenceData } from '@ketenkaart/seed';
import { LOGIN, signIn, TEST_PASSWORD, type SignedIn } from '../support/accounts.js';
import { householdInput, REGISTER } from '../support/operations.js';
import { gql, openTestStore, testApp } from '../support/store.js';

describe('OpenTelemetry tracing', () => {
  let executor: CypherExecutor;
  let app: App;
  let coordinator: SignedIn;
  const exporter = new InMemorySpanExporter();
  const processor = new SimpleSpanProcessor({ exporter });
  let stopTracing: () => Promise<void>;
  /** The spans ended so far: the processor exports a span once the resource's detected attributes are in. */
  const finishedSpans = async () => {
    await processor.forceFlush();
    return exporter.getFinishedSpans();
  };

  beforeAll(async () => {
    executor = await openTestStore();
    await seedReferenceData(executor);
    app = testApp(executor);
    coordinator = await signIn(app, executor, 'COORDINATOR', { centrumgemeenteId: 'amsterdam' });
    stopTracing = await startTracing({ serviceName: 'ketenkaart-test', spanProcessors: [processor] });
  });
  afterAll(async () => {
    await stopTracing();
    await executor.close();
  });

  it('records a GraphQL operation as a span with its store statements as children, without values', async () => {
    exporter.reset();
    const reference = 'TRACE-REF-7731';
    const { data } = await gql(app, REGISTER, { input: householdInput({ reference }) }, coordinator.headers);
    expect(data.registerHousehold.__typename).toBe('Household');

    const spans = await finishedSpans();
    const operation = spans.find((span) => span.name === 'mutation:registerHousehold');
    expect(operation, spans.map((span) => span.name).join(', ')).toBeDefined();
    expect(operation!.attributes).toMatchObject({
      'ketenkaart.operation': 'mutation:registerHousehold',
      'ketenkaart.outcome': 'ok',
      'graphql.operation.type': 'mutation',
      'http.response.status_code': 200,
    });
    const statements = spans.filter((span) => span.parentSpanContext?.spanId === operation!.spanContext().spanId);
    expect(statements.length).toBeGreaterThan(2);
    for (const span of statements) {
      expect(span.spanContext().traceId).toBe(operation!.spanContext().traceId);
      expect(span.attributes['db.query.summary']).toBe(span.name);
    }
    // The statements a registration runs: the session lookup, the write itself and the access log.
    expect(statements.map((span) => span.name)).toEqual(
      expect.arrayContaining(['sessionWithReferenceStamp', 'writeHouseholds', 'appendAccessLog']),
    );
    expectNoValues(spans, [
      reference,
      'ouder 1',
      'kind 1',
      coordinator.headers.authorization!.slice('Bearer '.length),
      coordinator.accountId,
    ]);
  });

  it('never records a password or a username that was tried', async () => {
    exporter.reset();
    const login = (await gql(app, LOGIN, { username: 'nobody.traced', password: TEST_PASSWORD })).data.login;
    expect(login.code).toBe('FORBIDDEN');
    const spans = await finishedSpans();
    expect(spans.some((span) => span.name === 'mutation:login')).toBe(true);
    expectNoValues(spans, ['nobody.traced', TEST_PASSWORD]);
  });

  it('continues the trace a caller sends in traceparent', async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await gql(app, 'query { viewer { username } }', {}, { ...coordinator.headers, traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    const operation = (await finishedSpans()).find((span) => span.name === 'query:viewer');
    expect(operation?.spanContext().traceId).toBe(traceId);
    expect(operation?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
  });

  it('is off unless OTEL_* asks for it, and OTEL_SDK_DISABLED wins', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toBeNull();
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing).toEqual({ serviceName: 'ketenkaart-api' });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'api-ams' }).tracing).toEqual({
      serviceName: 'api-ams',
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }).tracing).not.toBeNull();
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
  });

  it('records nothing once stopped', async () => {
    await stopTracing();
    exporter.reset();
    await gql(app, 'query { viewer { username } }', {}, coordinator.headers);
    expect(exporter.getFinishedSpans()).toEqual([]);
    stopTracing = async () => {};
  });
});

/** No attribute of any span holds one of the values, nor the span's name. */
function expectNoValues(spans: ReadableSpan[], values: string[]): void {
  for (const span of spans) {
    const recorded = JSON.stringify([span.name, span.attributes, span.events]);
    for (const value of values) expect(recorded, `span ${span.name}`).not.toContain(value);
  }
}
