// What the api workspace offers to seed and tests: the app factory, the executor and the repositories.
export { createApp, type App, type AppDeps } from './app.js';
export { loadConfig, type Config, type StoreConfig } from './config.js';
export { createExecutor } from './db/create-executor.js';
export { countingExecutor, StatementMisuseError, type CypherExecutor, type CypherTx } from './db/executor.js';
export { cypher, statement, registeredStatements, type Statement } from './db/cypher.js';
export { migrate, migrations, latestSchemaVersion, schemaVersion } from './db/migrate.js';
export { createLogger, type Logger } from './logger.js';
export { createRepositories, type Repositories } from './repositories/index.js';
export type { ReferenceGraph } from './repositories/reference-repository.js';
export type { HouseholdPath } from './repositories/bulk-repository.js';
export { BulkValidationError, validatePaths } from "./repositories/bulk-repository.js";
export { addDays, daysBetween } from './repositories/household-repository.js';
export { printedSchema, schemaFile } from './graphql/print-schema.js';
export { createGapService, type GapService } from './gaps/gap-service.js';
export { detectGaps, defaultSetting, type GapFinding, type HouseholdSubgraph } from './gaps/detect-gaps.js';
export { chainFlow, stateSequence, percentile } from './analytics/chain-flow.js';
export { cell, suppressGroup } from './analytics/disclosure.js';
