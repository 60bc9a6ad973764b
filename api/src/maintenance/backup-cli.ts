// npm run backup [-- <dir>]: a backup of the store in KETENKAART_DATA_DIR (stopped server; a running one backs
// itself up on SIGUSR2). npm run restore -- <file>: restores a backup into KETENKAART_DATA_DIR, which must be empty.
import { loadConfig } from '../config.js';
import { createExecutor } from '../db/create-executor.js';
import { createLogger } from '../logger.js';
import { backupStore, restoreStore } from './backup.js';

const [command, argument] = process.argv.slice(2);
const config = loadConfig();
const logger = createLogger(config.logLevel);
if (config.store.kind !== 'grafeo' || !config.store.dataDir) {
  console.error('backup and restore are for the embedded store; back Neo4j up with neo4j-admin database dump / load');
  process.exit(2);
}
const { dataDir } = config.store;

try {
  if (command === 'backup') {
    let executor;
    try {
      executor = createExecutor(config.store);
    } catch (error) {
      throw new Error(
        `cannot open the store in ${dataDir} (${(error as Error).message}); if the server is running, send it SIGUSR2 to back itself up into KETENKAART_BACKUP_DIR`,
        { cause: error },
      );
    }
    try {
      logger.info({ file: await backupStore(executor, argument ?? config.backupDir) }, 'backup written');
    } finally {
      await executor.close();
    }
  } else if (command === 'restore' && argument) {
    logger.info({ dataDir, ...(await restoreStore(argument, dataDir)) }, 'backup restored');
  } else {
    console.error('usage: npm run backup [-- <dir>] | npm run restore -- <backup file>');
    process.exit(2);
  }
} catch (error) {
  logger.fatal({ err: { name: (error as Error).name, message: (error as Error).message } }, `${command} failed`);
  process.exit(1);
}
