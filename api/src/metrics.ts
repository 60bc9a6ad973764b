// Prometheus metrics (prom-client) in a registry of our own. Labels are names from the code or the schema
// (operation, statement, job, kind), never values a caller sends: no ids, no personal data, bounded cardinality.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'ketenkaart_' });

export const requestsTotal = new Counter({
  name: 'ketenkaart_requests_total',
  help: 'HTTP requests by operation (GraphQL: type and root fields; else the route) and outcome',
  labelNames: ['operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const requestDuration = new Histogram({
  name: 'ketenkaart_request_duration_seconds',
  help: 'HTTP request latency by operation',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [metricsRegistry],
});

export const statementDuration = new Histogram({
  name: 'ketenkaart_store_statement_duration_seconds',
  help: 'Store statement latency by registered statement name and outcome',
  labelNames: ['statement', 'outcome'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
  registers: [metricsRegistry],
});

export const appendsPending = new Gauge({
  name: 'ketenkaart_store_appends_pending',
  help: 'Appended rows (access-log entries) not yet in the store: journaled, or waiting for their commit',
  registers: [metricsRegistry],
});

export const jobRuns = new Counter({
  name: 'ketenkaart_job_runs_total',
  help: 'Scheduled job runs by job and outcome (ok, failed, skipped: another instance holds the lease)',
  labelNames: ['job', 'outcome'] as const,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'ketenkaart_job_duration_seconds',
  help: 'Scheduled job run time by job',
  labelNames: ['job'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
  registers: [metricsRegistry],
});

export const importRows = new Counter({
  name: 'ketenkaart_import_rows_total',
  help: 'Rows of shelter file imports by kind and result (created, unchanged, rejected)',
  labelNames: ['kind', 'result'] as const,
  registers: [metricsRegistry],
});

export const accessLogWriteFailures = new Counter({
  name: 'ketenkaart_access_log_write_failures_total',
  help: 'Access log writes that failed (the response was withheld)',
  registers: [metricsRegistry],
});
