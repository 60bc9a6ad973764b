// OpenTelemetry tracing, off unless the standard OTEL_* variables ask for it (config.ts decides): one span per
// request (a GraphQL operation or an HTTP route) with a child span per store statement. Spans carry names from
// the code and the schema only, never variables, statement parameters, ids from paths or personal data.
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { NodeSDKConfiguration } from '@opentelemetry/sdk-node';

// The API's tracer is a proxy: it records nothing until an SDK registers a provider. The flag below skips even
// the proxy while tracing is off, because every statement passes through traceStatement.
const tracer = trace.getTracer('ketenkaart');
let tracing = false;

export interface TracingOptions {
  serviceName: string;
  /** Tests pass the SDK's in-memory exporter here; otherwise OTEL_TRACES_EXPORTER and OTEL_EXPORTER_OTLP_* choose. */
  spanProcessors?: NodeSDKConfiguration['spanProcessors'];
}

/**
 * Starts the Node SDK (loaded only now, so an instance without tracing never loads it) for traces alone: metrics
 * stay with Prometheus at /metrics and logs with pino. Returns the function that flushes and stops it.
 */
export async function startTracing({ serviceName, spanProcessors }: TracingOptions): Promise<() => Promise<void>> {
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  const sdk = new NodeSDK({
    serviceName,
    instrumentations: [],
    metricReaders: [],
    logRecordProcessors: [],
    ...(spanProcessors ? { spanProcessors } : {}),
  });
  sdk.start();
  tracing = true;
  return async () => {
    tracing = false;
    await sdk.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  };
}

/** One store statement as a client span named after the registered statement; its parameters are never recorded. */
export function traceStatement<T>(name: string, run: () => Promise<T>): Promise<T> {
  if (!tracing) return run();
  const span = tracer.startSpan(name, { kind: SpanKind.CLIENT, attributes: { 'db.query.summary': name } });
  return run().then(
    (result) => {
      span.end();
      return result;
    },
    (error: unknown) => {
      // The error's name only: an engine's message may quote a value.
      failed(span, error);
      span.end();
      throw error;
    },
  );
}

export interface RequestSpan {
  /** Runs the request's work with this span active, so that its statements become its children. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Names the span after the operation (as the request log and the metrics name it) and ends it. */
  end(outcome: { operation: string; outcome: string; status: number }): void;
}

const notTracing: RequestSpan = { run: (work) => work(), end: () => {} };

/** The span of one HTTP request; a trace context the caller sends (traceparent) becomes its parent. */
export function startRequestSpan(request: Request, requestId: string): RequestSpan {
  if (!tracing) return notTracing;
  const parent = propagation.extract(context.active(), request.headers, headerGetter);
  const span = tracer.startSpan(
    'request',
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'ketenkaart.request_id': requestId } },
    parent,
  );
  const active = trace.setSpan(parent, span);
  return {
    run: (work) => context.with(active, work),
    end({ operation, outcome, status }) {
      span.updateName(operation);
      const graphqlType = /^(query|mutation|subscription):/.exec(operation)?.[1];
      span.setAttributes({
        'ketenkaart.operation': operation,
        'ketenkaart.outcome': outcome,
        'http.response.status_code': status,
        ...(graphqlType ? { 'graphql.operation.type': graphqlType } : {}),
      });
      if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    },
  };
}

const headerGetter = {
  keys: (headers: Headers) => [...headers.keys()],
  get: (headers: Headers, key: string) => headers.get(key) ?? undefined,
};

function failed(span: Span, error: unknown): void {
  span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
  span.setStatus({ code: SpanStatusCode.ERROR });
}
