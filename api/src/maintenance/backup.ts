// Backup and restore of the embedded store. A backup is one file, Grafeo's own consistent copy (save), taken in
// the write queue: by the running server on SIGUSR2, or by `npm run backup` when no server holds the store.
// A restore puts such a file in an empty data dir and opens it once to prove it is a store.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CypherExecutor } from '../db/executor.js';
import { createGrafeoExecutor, STORE_FILE } from '../db/grafeo-executor.js';
import { schemaVersion } from '../db/migrate.js';

export class BackupError extends Error {
  override name = 'BackupError';
}

/** A file name that sorts by time: ketenkaart-2026-11-29T10-58-54-123Z.grafeo. */
export function backupFileName(at: Date): string {
  return `ketenkaart-${at.toISOString().replace(/[:.]/g, '-')}.grafeo`;
}

/** Writes a backup of an open store into `dir` and returns its path. */
export async function backupStore(executor: CypherExecutor, dir: string, at: Date = new Date()): Promise<string> {
  if (!executor.backup) throw new BackupError('this store has no embedded backup; back Neo4j up with neo4j-admin database dump');
  mkdirSync(dir, { recursive: true });
  const target = resolve(dir, backupFileName(at));
  await executor.backup(target);
  return target;
}

/**
 * Restores a backup file into an empty data dir: copied beside the final name and renamed, so that a crash
 * leaves either no store or the whole one, then opened and its schema version read.
 */
export async function restoreStore(backupFile: string, dataDir: string): Promise<{ schemaVersion: number }> {
  if (!existsSync(backupFile)) throw new BackupError(`no backup file at ${backupFile}`);
  mkdirSync(dataDir, { recursive: true });
  if (readdirSync(dataDir).some((name) => name.startsWith(STORE_FILE))) {
    throw new BackupError(`${dataDir} already holds a store; restore into an empty data dir, then point KETENKAART_DATA_DIR at it`);
  }
  const target = join(dataDir, STORE_FILE);
  const partial = join(dirname(target), `${STORE_FILE}.restoring`);
  copyFileSync(backupFile, partial);
  renameSync(partial, target);
  const executor = createGrafeoExecutor({ dataDir, observe: () => {} });
  try {
    return { schemaVersion: await schemaVersion(executor) };
  } finally {
    await executor.close();
  }
}
