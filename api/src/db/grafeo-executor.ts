// Embedded adapter: Grafeo (@grafeo-db/js) running the same Neo4j-style Cypher in-process.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { APPEND_JOURNAL_FILE, createAppendQueue } from './appends.js';
import { checkedTx, type CypherExecutor, type CypherTx, type Params, type StatementObserver } from './executor.js';
import { grafeoRowToPlain } from './values.js';

const { GrafeoDB } = grafeo;
type Db = InstanceType<typeof GrafeoDB>;
type Tx = ReturnType<Db['beginTransaction']>;

export interface GrafeoOptions {
  /** Directory for the database; null keeps it in memory (tests). */
  dataDir: string | null;
  observe: StatementObserver;
  /**
   * 'queued' (default): one write transaction at a time. 'interleaved': write transactions run side by side at
   * snapshot isolation, as Neo4j's concurrent writers do, and one that loses a write-write conflict runs again.
   */
  writes?: 'queued' | 'interleaved';
}

/** Times a unit of work runs again after losing a write-write conflict (interleaved mode). */
const CONFLICT_RETRIES = 50;

export const STORE_FILE = 'ketenkaart.grafeo';

export function createGrafeoExecutor({ dataDir, observe, writes = 'queued' }: GrafeoOptions): CypherExecutor {
  const db = openDatabase(dataDir);
  // Writes are serialised: an embedded store has one writer, and queueing beats conflict-and-retry.
  let writeQueue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const ensureOpen = () => {
    if (closed) throw new Error('grafeo: the store is closed');
  };

  async function inTransaction<T>(mode: 'READ' | 'WRITE', work: (tx: CypherTx) => Promise<T>): Promise<T> {
    ensureOpen();
    const tx = db.beginTransaction();
    const raw = async (text: string, params: Params) => rowsOf(await tx.executeCypher(text, params));
    try {
      const result = await work(checkedTx(raw, mode, observe));
      if (mode === 'WRITE') tx.commit();
      else tx.rollback();
      return result;
    } catch (error) {
      rollbackQuietly(tx);
      throw error;
    }
  }

  function write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T> {
    if (writes === 'interleaved') return retryingConflicts(() => inTransaction('WRITE', work));
    const next = writeQueue.then(() => inTransaction('WRITE', work));
    writeQueue = next.catch(() => undefined);
    return next;
  }
  // Auto-commit: the statement's snapshot is its own, and it ends on the engine's thread, not the server's.
  const alone = checkedTx(async (text, params) => rowsOf(await db.executeCypher(text, params)), 'READ', observe);

  // On disk, appends are journaled beside the store (appends.ts); in memory they are committed before they resolve.
  const appends = createAppendQueue(write, dataDir ? join(dataDir, APPEND_JOURNAL_FILE) : null);

  return {
    kind: 'grafeo',
    read: (work) => inTransaction('READ', work),
    async readStatement(statement, params) {
      ensureOpen();
      return alone.run(statement, params);
    },
    write,
    append: (statement, rows) => appends.append(statement, rows),
    appendsStored: () => appends.stored(),
    /**
     * A consistent copy of the store in one file (Grafeo's save): taken in the write queue, so no write is half in
     * it, while reads go on; with every row appended before it. The target must not exist.
     */
    async backup(target: string): Promise<void> {
      if (!dataDir) throw new Error('grafeo: an in-memory store has nothing to back up');
      await appends.stored();
      const next = writeQueue.then(() => {
        ensureOpen();
        db.save(target);
      });
      writeQueue = next.catch(() => undefined);
      return next;
    },
    // Embedded: the package is the engine; opening the data dir already proved it usable.
    verifyServer: async () => {},
    async close() {
      if (closed) return;
      await appends.close();
      await writeQueue;
      closed = true;
      if (dataDir) db.walCheckpoint();
      db.close();
    },
  };
}

/** Runs a write again when it lost a write-write conflict, as Neo4j's executeWrite retries a deadlock. */
async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isWriteConflict(error) || tries > CONFLICT_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * tries));
    }
  }
}

export function isWriteConflict(error: unknown): boolean {
  return error instanceof Error && error.message.includes('GRAFEO-T001');
}

function openDatabase(dataDir: string | null): Db {
  if (!dataDir) return GrafeoDB.create();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, STORE_FILE);
  return existsSync(file) ? GrafeoDB.open(file) : GrafeoDB.create(file);
}

function rowsOf(result: { toArray(): Record<string, unknown>[] }): Record<string, unknown>[] {
  return result.toArray().map((row) => grafeoRowToPlain(row));
}

function rollbackQuietly(tx: Tx): void {
  try {
    if (tx.isActive) tx.rollback();
  } catch {
    // The transaction is already gone; the original error is the one worth reporting.
  }
}
