// Loads the four centrumgemeenten into the store, every fact with its source; rerunning changes nothing.
import { SEED_SOURCE_DOCUMENT, type Provenance } from '@ketenkaart/schema';
import { createRepositories, type CypherExecutor } from '@ketenkaart/api';
import { citiesToGraph, readCitiesJson } from './cities.js';
import { gapSettingsFromCities } from './gap-settings.js';

export const SEED_PROCESS = 'seed:cities.json';

export async function seedReferenceData(executor: CypherExecutor, now: Date = new Date()): Promise<void> {
  const graph = citiesToGraph(readCitiesJson());
  const provenance: Provenance = {
    provenanceKind: 'SOURCE_DOCUMENT',
    sourceDocument: SEED_SOURCE_DOCUMENT,
    sourceLines: null,
    reportingAgencyId: null,
    recordedAt: now.toISOString(),
    recordedBy: SEED_PROCESS,
  };
  const repos = createRepositories(executor);
  await repos.reference.upsertAll(graph, provenance);
  await repos.gaps.upsertSettings(gapSettingsFromCities(), SEED_PROCESS);
}
