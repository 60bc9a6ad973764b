// One vitest run for the whole suite: unit, integration (real embedded store per file) and dialect tests.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS and ESM builds; Pothos loads one and our modules the other unless pinned to one realm.
  resolve: { alias: { graphql: fileURLToPath(new URL('node_modules/graphql/index.js', import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/e2e/**/*.e2e.ts'],
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A Neo4j server is one shared database: run files one after another there.
    fileParallelism: !process.env.NEO4J_URI,
  },
});
