// npm run retention | npm run sweep-gaps: one daily job on its own, for Neo4j deployments where the API runs on
// several machines (schedule each daily). With the embedded store the server runs them itself.
import { loadConfig } from '../config.js';
import { createExecutor } from '../db/create-executor.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { dailyJobs, isDailyJob } from './jobs.js';

const name = process.argv[2] ?? '';
if (!isDailyJob(name)) {
  console.error(`usage: tsx api/src/maintenance/cli.ts ${Object.keys(dailyJobs).join('|')}`);
  process.exit(2);
}
const config = loadConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
try {
  await migrate(executor);
  logger.info({ job: name, ...(await dailyJobs[name](executor, config, new Date())) }, 'daily job run');
} finally {
  await executor.close();
}
