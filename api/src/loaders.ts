// Per-request DataLoaders: every nested list resolves with one statement per level, never one per row.
import DataLoader from 'dataloader';
import type { Repositories } from './repositories/index.js';

/** One row per key, looked up in a single batch; missing keys resolve to null. */
export function byIdLoader<T>(fetch: (ids: readonly string[]) => Promise<T[]>, idOf: (row: T) => string) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await fetch(ids);
    const index = new Map(rows.map((row) => [idOf(row), row]));
    return ids.map((id) => index.get(id) ?? null);
  });
}

/** Many rows per key (a city's agencies, a facility's capacities), in the order the statement returns them. */
export function groupLoader<T>(fetch: (keys: readonly string[]) => Promise<T[]>, keyOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

export function createLoaders(repos: Repositories) {
  const ref = repos.reference;
  const city = (row: { centrumgemeenteId: string | null }) => row.centrumgemeenteId ?? '';
  return {
    centrumgemeente: byIdLoader(ref.centrumgemeentenByIds, (row) => row.id),
    agency: byIdLoader(ref.agenciesByIds, (row) => row.id),
    facility: byIdLoader(ref.facilitiesByIds, (row) => row.id),
    capacityByFacility: groupLoader(ref.capacityByFacilityIds, (row) => row.facilityId),
    municipalitiesByCity: groupLoader(ref.municipalitiesByCity, city),
    chainModelsByCity: groupLoader(ref.chainModelsByCity, city),
    stagesByChainModel: groupLoader(ref.stagesByChainModel, (row) => row.chainModelId),
    regieNotesByCity: groupLoader(ref.regieNotesByCity, city),
    covenantsByCity: groupLoader(ref.covenantsByCity, city),
    earlyWarningsByCity: groupLoader(ref.earlyWarningsByCity, city),
    figuresByCity: groupLoader(ref.figuresByCity, city),
    registrationSystemsByCity: groupLoader(ref.registrationSystemsByCity, city),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Loads many ids and keeps those that exist; a failed batch rethrows rather than silently dropping rows. */
export async function loadExisting<T>(loader: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  const results = await loader.loadMany(ids);
  const found: T[] = [];
  for (const result of results) {
    if (result instanceof Error) throw result;
    if (result !== null) found.push(result);
  }
  return found;
}
