// Listens on PORT, migrates the store, and shuts down gracefully: in-flight requests finish and the store closes.
import { createServer, type IncomingMessage } from 'node:http';
import { createServerAdapter } from '@whatwg-node/server';
import { createApp } from './app.js';
import { loadCommandConfig } from './config.js';
import { createExecutor } from './db/create-executor.js';
import { migrate } from './db/migrate.js';
import { createLogger } from './logger.js';
import { scheduledJobs, type ScheduledJob } from './maintenance/jobs.js';

const config = loadCommandConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
const version = await migrate(executor);
const app = createApp({ config, executor, logger });
const server = createServer(
  createServerAdapter<{ req: IncomingMessage }>((request, { req }) => app.fetch(request, { peerAddress: req.socket.remoteAddress })),
);

server.listen(config.port, config.host, () => {
  logger.info({ port: config.port, store: executor.kind, schemaVersion: version }, 'Ketenkaart listening');
});

// The embedded store has one process, so the server runs the scheduled jobs itself: at start and then as often
// as each asks. A job's run waits for its previous run, so a slow one never overlaps itself.
const running = new Map<ScheduledJob, Promise<void>>();
function runJob(job: ScheduledJob): Promise<void> {
  const previous = running.get(job) ?? Promise.resolve();
  const next = previous.then(async () => {
    try {
      logger.info({ job, ...(await scheduledJobs[job].run(executor, config, new Date())) }, 'scheduled job run');
    } catch (error) {
      logger.error({ job, err: { name: (error as Error).name, message: (error as Error).message } }, 'scheduled job failed');
    }
  });
  running.set(job, next);
  return next;
}
const timers = (Object.keys(scheduledJobs) as ScheduledJob[]).map((job) => {
  void runJob(job);
  const timer = setInterval(() => void runJob(job), scheduledJobs[job].everyHours * 3600_000);
  timer.unref();
  return timer;
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  for (const timer of timers) clearInterval(timer);
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
