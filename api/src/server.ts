// Listens on PORT, migrates the store, and shuts down gracefully: in-flight requests finish and the store closes.
import { createServer } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { createExecutor } from './db/create-executor.js';
import { migrate } from './db/migrate.js';
import { createLogger } from './logger.js';
import { dailyJobs, type DailyJob } from './maintenance/jobs.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
const version = await migrate(executor);
const app = createApp({ config, executor, logger });
const server = createServer(createServerAdapter((request: Request) => app.fetch(request)));

server.listen(config.port, config.host, () => {
  logger.info({ port: config.port, store: executor.kind, schemaVersion: version }, 'Ketenkaart listening');
});

// The embedded store has one process, so the server runs the daily jobs itself: at start and once a day.
async function runDailyJobs(): Promise<void> {
  for (const job of Object.keys(dailyJobs) as DailyJob[]) {
    try {
      logger.info({ job, ...(await dailyJobs[job](executor, config, new Date())) }, 'daily job run');
    } catch (error) {
      logger.error({ job, err: { name: (error as Error).name, message: (error as Error).message } }, 'daily job failed');
    }
  }
}
void runDailyJobs();
const dailyTimer = setInterval(() => void runDailyJobs(), 24 * 3600_000);
dailyTimer.unref();

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  clearInterval(dailyTimer);
  server.close();
  server.closeIdleConnections();
  // Give in-flight requests a moment; writes are transactions, so none is left half-done.
  const forced = setTimeout(() => server.closeAllConnections(), 10_000);
  await new Promise<void>((resolve) => server.on('close', () => resolve()));
  clearTimeout(forced);
  await executor.close();
  logger.info('store closed');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
