// npm run retention | npm run sweep-gaps: one scheduled job on its own, for Neo4j deployments where the API runs
// on several machines (retention daily, the gap sweep hourly). With the embedded store the server runs them itself.
import { loadCommandConfig } from '../config.js';
import { createExecutor } from '../db/create-executor.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { isScheduledJob, scheduledJobs } from './jobs.js';

const name = process.argv[2] ?? '';
if (!isScheduledJob(name)) {
  console.error(`usage: tsx api/src/maintenance/cli.ts ${Object.keys(scheduledJobs).join('|')}`);
  process.exit(2);
}
const config = loadCommandConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
try {
  await migrate(executor);
  logger.info({ job: name, ...(await scheduledJobs[name].run(executor, config, new Date())) }, 'scheduled job run');
} finally {
  await executor.close();
}
