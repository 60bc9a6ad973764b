// npm run retention: the retention job on its own, for Neo4j deployments where the API runs on several machines
// (schedule it daily). With the embedded store the server runs it itself, at start and once a day.
import { loadConfig } from '../config.js';
import { createExecutor } from '../db/create-executor.js';
import { migrate } from '../db/migrate.js';
import { createLogger } from '../logger.js';
import { runRetention } from './retention.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
try {
  await migrate(executor);
  const result = await runRetention(executor, { now: new Date(), accessLogYears: config.accessLogRetentionYears });
  logger.info(result, 'retention run');
} finally {
  await executor.close();
}
