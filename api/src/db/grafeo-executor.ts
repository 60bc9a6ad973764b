// Embedded adapter: Grafeo (@grafeo-db/js) running the same Neo4j-style Cypher in-process.
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import grafeo from '@grafeo-db/js';
import { checkedTx, type CypherExecutor, type CypherTx, type Params, type StatementObserver } from './executor.js';
import { toPlain } from './values.js';

const { GrafeoDB } = grafeo;
type Db = InstanceType<typeof GrafeoDB>;
type Tx = ReturnType<Db['beginTransaction']>;

export interface GrafeoOptions {
  /** Directory for the database; null keeps it in memory (tests). */
  dataDir: string | null;
  observe: StatementObserver;
}

export function createGrafeoExecutor({ dataDir, observe }: GrafeoOptions): CypherExecutor {
  const db = openDatabase(dataDir);
  // Writes are serialised: an embedded store has one writer, and queueing beats conflict-and-retry.
  let writeQueue: Promise<unknown> = Promise.resolve();
  let closed = false;

  async function inTransaction<T>(mode: 'READ' | 'WRITE', work: (tx: CypherTx) => Promise<T>): Promise<T> {
    if (closed) throw new Error('grafeo: the store is closed');
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

  return {
    kind: 'grafeo',
    read: (work) => inTransaction('READ', work),
    write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T> {
      const next = writeQueue.then(() => inTransaction('WRITE', work));
      writeQueue = next.catch(() => undefined);
      return next;
    },
    async close() {
      if (closed) return;
      await writeQueue;
      closed = true;
      if (dataDir) db.walCheckpoint();
      db.close();
    },
  };
}

function openDatabase(dataDir: string | null): Db {
  if (!dataDir) return GrafeoDB.create();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'ketenkaart.grafeo');
  return existsSync(file) ? GrafeoDB.open(file) : GrafeoDB.create(file);
}

function rowsOf(result: { toArray(): unknown[] }): Record<string, unknown>[] {
  return result.toArray().map((row) => toPlain(row) as Record<string, unknown>);
}

function rollbackQuietly(tx: Tx): void {
  try {
    if (tx.isActive) tx.rollback();
  } catch {
    // The transaction is already gone; the original error is the one worth reporting.
  }
}
