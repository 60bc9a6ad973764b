// Appends: create-only writes that must be durable before the caller goes on, but need not be in the store that
// instant. The access log is the one: every read of a household writes an entry, and the answer may leave only once
// the entry is durable. Written as a write transaction of its own, the entry sat in the critical path of every read of
// a household: 0.33-0.42 ms on the embedded store, where any statement costs at least 0.2 ms (README, "Appends").
//
// Direct (Neo4j, and the embedded store in memory): an append resolves once it is committed. Appends that arrive
// while a batch waits for its turn join it, so that one transaction and one commit serve them all (group commit),
// and each caller learns its batch's outcome, a failure included. Once the batch's transaction has started, later
// appends wait for the next one: a transaction that runs again (Neo4j's executeWrite retrying a transient error)
// writes exactly the rows it began with.
//
// Journaled (the embedded store on disk): an append is written to a journal file beside the store and resolves
// then; its rows reach the store in batches within BATCH_WINDOW_MS, in the order they came. A journal line is as durable as a
// commit of the store: both are handed to the operating system at once and neither is synced to disk per commit
// (Grafeo 0.6 syncs its write-ahead log at checkpoints only: under strace, 50 commits made no fsync), so both
// survive the process dying and neither survives a power cut. Rows still in the journal when the process ends are
// written when the store is opened again; a crash between a batch's commit and the journal being emptied writes
// them twice, so an appending statement must be idempotent by each row's id (MERGE).
//
// Readers of appended data first wait for stored(): every row appended before the call is then in the store, so a
// reader never misses an entry whose request was answered.
import { closeSync, existsSync, ftruncateSync, fstatSync, openSync, readFileSync, writeSync } from 'node:fs';
import { appendsPending } from '../metrics.js';
import { registeredStatement, type Statement } from './cypher.js';
import { StatementMisuseError, type CypherTx } from './executor.js';

/** The journal's file name, in the embedded store's data dir. */
export const APPEND_JOURNAL_FILE = 'appends.journal';

/** Rows per transaction at most: a batch commits in milliseconds however far behind the store is. */
const MAX_BATCH_ROWS = 1_000;
/**
 * How long journaled rows wait for more before their batch is written, unless a reader waits for them. A write
 * transaction costs its commit however few rows it holds, and it competes with the requests for the same two cores
 * and the one event loop: written one by one, right after each append, the entries of one user's reads cost as
 * much as before, only later (tests/bench/run.ts, the access-checked read).
 */
const BATCH_WINDOW_MS = 10;
/** Past this size the journal takes no more lines until the store has caught up with it (it is then emptied). */
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;
/** Waits between attempts to write journaled rows the store refused, doubling from the first to the last. */
const RETRY_MS = { first: 100, last: 10_000 };

type Row = Record<string, unknown>;
type Write = <T>(work: (tx: CypherTx) => Promise<T>) => Promise<T>;

interface Pending {
  statement: string;
  rows: readonly Row[];
  /** Its place in arrival order, from 1. */
  seq: number;
  /** Direct mode: the caller waiting for the commit. */
  settle?: { resolve(): void; reject(error: unknown): void };
}

export interface AppendQueue {
  /** Appends rows through a registered statement that takes them as its one parameter. */
  append(statement: Statement<unknown>, rows: readonly Row[]): Promise<void>;
  /** Resolves once every row appended before the call is in the store; rejects while the store refuses them. */
  stored(): Promise<void>;
  /** Writes what is pending if it can; journaled rows it cannot write stay in the journal for the next opening. */
  close(): Promise<void>;
}

export function createAppendQueue(write: Write, journalFile: string | null): AppendQueue {
  const journal = journalFile ? openJournal(journalFile) : null;
  const queue: Pending[] = journal?.replayed ?? [];
  let appended = queue.length;
  let storedThrough = 0;
  let waiters: { through: number; resolve(): void; reject(error: unknown): void }[] = [];
  let draining: Promise<void> | null = null;
  let retry: { timer: NodeJS.Timeout | null; delay: number } = { timer: null, delay: RETRY_MS.first };
  let window: NodeJS.Timeout | null = null;
  let closing = false;
  let closed: Promise<void> | null = null;
  /** Rows appended and not yet stored (or, direct, settled): queued or in the batch being written. */
  let pendingRows = 0;
  const pending = (rows: number) => {
    pendingRows += rows;
    appendsPending.inc(rows);
  };
  pending(rowCount(queue));
  if (queue.length > 0) kick(true);

  /** Starts writing a batch: at once when direct, asked to or with a full batch waiting; else after the window. */
  function kick(now = !journal || waiters.length > 0): void {
    if (draining || retry.timer || closing || queue.length === 0) return;
    if (!now && pendingRows < MAX_BATCH_ROWS) {
      window ??= setTimeout(() => {
        window = null;
        kick(true);
      }, BATCH_WINDOW_MS).unref();
      return;
    }
    if (window) clearTimeout(window);
    window = null;
    draining = drain()
      .then(() => undefined)
      .finally(() => {
        draining = null;
        kick();
      });
  }

  /** Writes one batch; false when the store refused journaled rows, which are then kept for another attempt. */
  async function drain(): Promise<boolean> {
    // Taken when the transaction starts, not when it is asked for: appends that come meanwhile join it.
    let batch = null as Pending[] | null;
    try {
      await write(async (tx) => {
        batch ??= takeBatch(queue);
        await writeBatch(tx, batch);
      });
    } catch (error) {
      if (journal) {
        // Durable in the journal: kept, in order, for another attempt; readers learn that the store is behind.
        if (batch) queue.unshift(...batch);
        settleWaiters(error);
        if (!closing) scheduleRetry();
        return false;
      }
      // Refused before the transaction started (a closed store) or in it: the callers learn why.
      const failed: Pending[] = batch ?? takeBatch(queue);
      for (const item of failed) item.settle?.reject(error);
      done(failed);
      return true;
    }
    retry.delay = RETRY_MS.first;
    for (const item of batch ?? []) item.settle?.resolve();
    if (journal && queue.length === 0) emptyJournal(journal);
    done(batch ?? []);
    return true;
  }

  function done(batch: Pending[]): void {
    pending(-rowCount(batch));
    storedThrough = Math.max(storedThrough, ...batch.map((item) => item.seq));
    settleWaiters(null);
  }

  /** Resolves the waiters whose rows are all stored; with an error, rejects every waiter. */
  function settleWaiters(error: unknown): void {
    const stillWaiting = [];
    for (const waiter of waiters) {
      if (error !== null) waiter.reject(error);
      else if (waiter.through <= storedThrough) waiter.resolve();
      else stillWaiting.push(waiter);
    }
    waiters = stillWaiting;
  }

  function scheduleRetry(): void {
    retry.timer = setTimeout(() => {
      retry = { timer: null, delay: Math.min(retry.delay * 2, RETRY_MS.last) };
      kick(true);
    }, retry.delay);
    retry.timer.unref();
  }

  const queues: AppendQueue = {
    async append(statement, rows) {
      if (statement.params.length !== 1) {
        throw new StatementMisuseError(`appends: ${statement.name} must take its rows as its one parameter`);
      }
      if (closing) throw new Error('appends: the store is closed');
      if (rows.length === 0) return;
      if (journal && journal.size() >= MAX_JOURNAL_BYTES) await queues.stored();
      const item: Pending = { statement: statement.name, rows, seq: ++appended };
      if (journal) journal.write(item);
      const committed = journal ? null : new Promise<void>((resolve, reject) => (item.settle = { resolve, reject }));
      queue.push(item);
      pending(rows.length);
      kick();
      await committed;
    },
    stored() {
      if (storedThrough >= appended) return Promise.resolve();
      const stored = new Promise<void>((resolve, reject) => waiters.push({ through: appended, resolve, reject }));
      kick(true);
      return stored;
    },
    close() {
      closed ??= closeQueue();
      return closed;
    },
  };

  async function closeQueue(): Promise<void> {
    closing = true;
    if (retry.timer) clearTimeout(retry.timer);
    if (window) clearTimeout(window);
    retry.timer = null;
    window = null;
    while (draining) await draining;
    // What is still queued, while the store takes it: whatever it refuses stays journaled for the next opening.
    while (queue.length > 0 && (await drain()));
    pending(-rowCount(queue));
    settleWaiters(new Error('appends: the store is closed'));
    journal?.close(queue.length === 0);
  }
  return queues;
}

function takeBatch(queue: Pending[]): Pending[] {
  let rows = 0;
  let count = 0;
  while (count < queue.length && (count === 0 || rows + queue[count]!.rows.length <= MAX_BATCH_ROWS)) {
    rows += queue[count]!.rows.length;
    count += 1;
  }
  return queue.splice(0, count);
}

/** The batch's rows, one statement per run of appends through the same statement, in arrival order. */
async function writeBatch(tx: CypherTx, batch: readonly Pending[]): Promise<void> {
  for (let from = 0; from < batch.length;) {
    const name = batch[from]!.statement;
    let to = from;
    while (to < batch.length && batch[to]!.statement === name) to += 1;
    const statement = registeredStatement(name);
    if (!statement)
      throw new StatementMisuseError(`appends: the journal holds rows of ${name}, a statement this program does not register`);
    await tx.run(statement, { [statement.params[0]!]: batch.slice(from, to).flatMap((item) => item.rows) });
    from = to;
  }
}

function emptyJournal(journal: { empty(): void }): void {
  try {
    journal.empty();
  } catch {
    // Left as it is, the journal is written again at the next opening: harmless, the statements are idempotent.
  }
}

function rowCount(items: readonly Pending[]): number {
  return items.reduce((sum, item) => sum + item.rows.length, 0);
}

/** The journal file: one line per append, emptied whenever everything in it is in the store. */
function openJournal(file: string) {
  const replayed: Pending[] = [];
  let unreadable = 0;
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line === '') continue;
      try {
        const { statement, rows } = JSON.parse(line) as { statement: string; rows: Row[] };
        replayed.push({ statement, rows, seq: replayed.length + 1 });
      } catch {
        // Only a line cut off by a crash can be unreadable, and its append never resolved.
        unreadable += 1;
      }
    }
  }
  if (unreadable > 0) process.emitWarning(`appends: ${unreadable} unreadable line(s) of the journal skipped (cut off by a crash)`);
  // Synchronous writes: the line is in the file before the append resolves, and no emptying can come between.
  const fd = openSync(file, 'a', 0o600);
  let size = fstatSync(fd).size;
  const empty = () => {
    ftruncateSync(fd, 0);
    size = 0;
  };
  return {
    replayed,
    size: () => size,
    write(item: Pending) {
      const bytes = Buffer.from(`${JSON.stringify({ statement: item.statement, rows: item.rows })}\n`);
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      size += bytes.length;
    },
    empty,
    close(emptied: boolean) {
      if (emptied) empty();
      closeSync(fd);
    },
  };
}
