// `npm run seed -- [--if-empty] [--families N] [--regions N] [--seed S]`: migrates and seeds the configured store.
import { parseArgs } from 'node:util';
import { createExecutor, createLogger, createRepositories, loadConfig, migrate } from '@ketenkaart/api';
import { seedReferenceData } from './reference-seed.js';

const { values } = parseArgs({
  options: {
    'if-empty': { type: 'boolean', default: false },
    families: { type: 'string' },
    regions: { type: 'string' },
    seed: { type: 'string', default: '20091' },
  },
});

const config = loadConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
try {
  await migrate(executor);
  const existing = await createRepositories(executor).reference.countReferenceNodes();
  if (values['if-empty'] && existing > 0) {
    logger.info({ referenceNodes: existing }, 'store already seeded; nothing to do');
  } else {
    await seedReferenceData(executor);
    logger.info('seeded the four centrumgemeenten from cities.json');
  }
} finally {
  await executor.close();
}
