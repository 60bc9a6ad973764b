// Streams synthetic families into the store in batches: memory stays bounded whatever the number of families.
import { createRepositories, type CypherExecutor, type HouseholdPath } from '@ketenkaart/api';
import { generateFamilies, type SyntheticProfile } from './generate.js';
import { regionsFor } from './regions.js';

export interface SyntheticOptions {
  families: number;
  regions: number;
  seed: number;
  asOf: string;
  profile?: SyntheticProfile;
  batchSize?: number;
  /** Load only families from + 1 to `families` of the run (a segment; see generateFamilies). */
  from?: number;
  /** The generator's state after family `from` (familyCursor), so that the families before it are not drawn again. */
  fromState?: readonly number[];
  onProgress?: (done: { households: number; events: number }) => void;
}

export async function loadSyntheticFamilies(
  executor: CypherExecutor,
  options: SyntheticOptions,
): Promise<{ households: number; events: number; signals: number }> {
  const now = new Date(`${options.asOf}T12:00:00Z`);
  const regions = await regionsFor(executor, options.regions, now);
  const bulk = createRepositories(executor).bulk;
  const provenance = { recordedBy: 'seed:synthetic', provenanceKind: 'SYNTHETIC' as const, recordedAt: now.toISOString() };
  const size = options.batchSize ?? 250;
  const total = { households: 0, events: 0, signals: 0 };
  let batch: HouseholdPath[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const written = await bulk.loadPaths(batch, provenance);
    total.households += written.households;
    total.events += written.events;
    batch = [];
    options.onProgress?.(total);
  };
  for (const path of generateFamilies({
    seed: options.seed,
    families: options.families,
    regions,
    asOf: options.asOf,
    profile: options.profile,
    from: options.from,
    fromState: options.fromState,
  })) {
    batch.push(path);
    total.signals += path.events.filter((e) => e.kind === 'EARLY_WARNING_SIGNAL').length;
    if (batch.length >= size) await flush();
  }
  await flush();
  return total;
}
