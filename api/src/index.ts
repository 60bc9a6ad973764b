// What the api workspace offers to seed and tests: the app factory, the executor and the repositories.
export { createApp, type App, type AppDeps } from './app.js';
export { loadCommandConfig, loadConfig, type Config, type StoreConfig } from './config.js';
export { createExecutor } from './db/create-executor.js';
export { countingExecutor, StatementMisuseError, type CypherExecutor, type CypherTx } from './db/executor.js';
export { cypher, statement, registeredStatements, type Statement } from './db/cypher.js';
export { APPEND_JOURNAL_FILE, createAppendQueue } from './db/appends.js';
export { writeCsv, CSV_ESCAPING_NOTE } from './csv-export.js';
export { migrate, migrations, latestSchemaVersion, schemaVersion } from './db/migrate.js';
export { createLogger, type Logger } from './logger.js';
export { createRepositories, type Repositories } from './repositories/index.js';
export type { ReferenceGraph } from './repositories/reference-repository.js';
export type { HouseholdPath } from './repositories/bulk-repository.js';
export { BulkValidationError, validatePaths } from './repositories/bulk-repository.js';
export { addDays, daysBetween } from '@ketenkaart/schema';
export { printedSchema, schemaFile } from './graphql/print-schema.js';
export { createGapService, type GapService } from './gaps/gap-service.js';
export {
  detectGaps,
  detectGapsWithReview,
  defaultSetting,
  regieConflicts,
  type DetectionContext,
  type HouseholdSubgraph,
} from './gaps/detect-gaps.js';
export type { EarlyWarningTerms, GapFinding } from '@ketenkaart/schema';
export { chainFlow, chainFlowOf, stagePath, stagePathTotals, addStageTotals, stateSequence, percentile } from './analytics/chain-flow.js';
export type { FlowEvent, StagePath } from './analytics/chain-flow.js';
export { StagePathEventRow } from './repositories/stage-path-write.js';
export { cell, suppressGroup } from './analytics/disclosure.js';
export { statedCapacity } from './analytics/stated-capacity.js';
export { compareRegieWithModel } from './analytics/regie-model.js';
export { capacityOn, refusalsByReason, unmetDemandByCause, unmetDemandCause, waitingTimes } from './shelter/shelter-figures.js';
export type { ShelterRecord } from './repositories/shelter-repository.js';
export { buildTrajectory, type Trajectory } from './trajectory/build-trajectory.js';
export { itemsFromCandidates, pageFromStore, pageOfWorklist, shelterItems, type WorklistItem } from './worklist/build-worklist.js';
export { CandidateRow as WorklistCandidateRow } from './repositories/worklist-repository.js';
export { loadTrajectory, type TrajectorySources } from './trajectory/load-trajectory.js';
export { accessFactsScopeOf, decideHouseholdAccess } from './access/household-access.js';
export { runRetention } from './maintenance/retention.js';
export { sweepGaps } from './maintenance/gap-sweep.js';
export { openApiDocument } from './http/openapi.js';
export { createJobRunner } from './maintenance/job-runner.js';
export { MigrationError } from './db/migrate.js';
export { neo4jVersionOf, MINIMUM_NEO4J_VERSION } from './db/neo4j-executor.js';
export { backupStore, restoreStore, BackupError } from './maintenance/backup.js';
export { readShelterCsv } from './shelter/shelter-csv.js';
export { MAX_LISTED_PROBLEMS } from './shelter/shelter-rows.js';
export { startTracing, traceStatement } from './telemetry.js';
