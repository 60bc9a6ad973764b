// `npm run seed -- [--if-empty] [--families N] [--regions N] [--seed S] [--as-of YYYY-MM-DD] [--profile chain|national]`:
// migrates and seeds the store.
import { parseArgs } from 'node:util';
import { createExecutor, createGapService, createLogger, createRepositories, loadCommandConfig, migrate } from '@ketenkaart/api';
import { createDemoAccounts } from './demo-accounts.js';
import { seedReferenceData } from './reference-seed.js';
import { syntheticProfile } from './synthetic/generate.js';
import { loadSyntheticFamilies } from './synthetic/load.js';

const { values } = parseArgs({
  options: {
    'if-empty': { type: 'boolean', default: false },
    families: { type: 'string' },
    regions: { type: 'string', default: '4' },
    seed: { type: 'string', default: '2009' },
    'as-of': { type: 'string', default: '2026-06-30' },
    profile: { type: 'string', default: 'chain' },
  },
});
const profile = syntheticProfile(values.profile);

const config = loadCommandConfig();
const logger = createLogger(config.logLevel);
const executor = createExecutor(config.store, config.cypherLogPath);
try {
  await migrate(executor);
  const repos = createRepositories(executor);
  const existing = await repos.reference.countReferenceNodes();
  if (values['if-empty'] && existing > 0) {
    logger.info({ referenceNodes: existing }, 'store already seeded; nothing to do');
  } else {
    await seedReferenceData(executor);
    logger.info('seeded the four centrumgemeenten from cities.json');
    if (config.mode !== 'production') {
      const accounts = await createDemoAccounts(executor);
      if (accounts > 0) logger.info({ accounts }, 'created demo accounts (see README)');
    }
    const families = Number(values.families ?? config.seedFamilies);
    if (families > 0) {
      const started = Date.now();
      const total = await loadSyntheticFamilies(executor, {
        families,
        regions: Number(values.regions),
        seed: Number(values.seed),
        asOf: values['as-of'],
        profile,
        onProgress: (done) => logger.info(done, 'synthetic families loaded'),
      });
      logger.info({ ...total, seconds: (Date.now() - started) / 1000 }, 'synthetic families (labelled synthetic) loaded');
      const gaps = createGapService(repos);
      for (const city of await repos.reference.listCentrumgemeenten()) {
        logger.info({ city: city.id, ...(await gaps.evaluateCity(city.id)) }, 'gap rules evaluated');
      }
    }
  }
} finally {
  await executor.close();
}
