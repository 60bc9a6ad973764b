// Listens on PORT, migrates the store, and shuts down gracefully: in-flight requests finish and the store closes.
import { createServer, type IncomingMessage } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { createApp } from './app.js';
import { loadCommandConfig } from './config.js';
import { createExecutor } from './db/create-executor.js';
import { migrate } from './db/migrate.js';
import { createLogger } from './logger.js';
import { backupStore } from './maintenance/backup.js';
import { createJobRunner } from './maintenance/job-runner.js';
import { startTracing } from './telemetry.js';

const config = loadCommandConfig();
const logger = createLogger(config.logLevel, 'batched');
// Before anything runs a statement, so that every span has its provider; off unless OTEL_* configures it.
const stopTracing = config.tracing ? await startTracing(config.tracing) : null;
if (stopTracing) logger.info({ serviceName: config.tracing?.serviceName }, 'OpenTelemetry tracing on');
const executor = createExecutor(config.store, config.cypherLogPath);
let version: number;
try {
  await executor.verifyServer();
  version = await migrate(executor);
} catch (error) {
  // A store that cannot be used (unreachable, too old, a migration failed) stops the start with the reason.
  logger.fatal({ err: { name: (error as Error).name, message: (error as Error).message } }, 'Ketenkaart cannot start');
  await executor.close().catch(() => undefined);
  process.exit(1);
}
const app = createApp({ config, executor, logger });
const server = createServer(
  createServerAdapter<{ req: IncomingMessage }>((request, { req }) => app.fetch(request, { peerAddress: req.socket.remoteAddress })),
);

server.listen(config.port, config.host, () => {
  logger.info({ port: config.port, store: executor.kind, schemaVersion: version }, 'Ketenkaart listening');
});

// Scheduled jobs run in the API process, each under a lease: with several instances, one runs a job at a time.
// KETENKAART_JOBS=off leaves them to other instances (or to cron with npm run retention / npm run sweep-gaps).
const jobs = config.jobs ? createJobRunner({ executor, config, logger }) : null;
jobs?.start();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  server.close();
  server.closeIdleConnections();
  // Give in-flight requests a moment; writes are transactions, so none is left half-done.
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await new Promise<void>((resolve) => server.on('close', () => resolve()));
  clearTimeout(forced);
  await jobs?.stop();
  await executor.close();
  await stopTracing?.().catch(() => undefined);
  logger.info('store closed');
  process.exit(0);
}

// SIGUSR2: a consistent backup of the embedded store while the server runs (writes wait for it, reads go on).
process.on('SIGUSR2', () => {
  backupStore(executor, config.backupDir)
    .then((file) => logger.info({ file }, 'backup written'))
    .catch((error: Error) => logger.error({ err: { name: error.name, message: error.message } }, 'backup failed'));
});
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
