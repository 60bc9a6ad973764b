// The only door to the graph store: read and write transactions over registered, parameterised statements.
//
// THE LOCKING RULE. A write that depends on what it reads (a check-then-write: "is this referral still SENT?",
// "does anyone hold regie at this stage?", "is there a current version of this shelter row?") first takes the
// write lock on the node that guards the invariant, in the same transaction, before it reads anything it checks:
//
//   MATCH (h:Household {id: $id}) SET h._lock = true WITH h SET h._version = coalesce(h._version, 0) + 1 REMOVE h._lock
//
// On Neo4j 5 write transactions run side by side at read-committed: without the lock, two transactions both read
// "nobody holds regie" and both create one. SET takes the node's exclusive lock, held until commit; the other
// writer waits for it and then reads what the first committed. The property is read only after the lock is held
// (Neo4j's documented pattern), so the increment loses no update, and `_version` is a counter the store writes:
// it orders writes to the node without the API machine's clock (the gap findings use it). Guard nodes:
//   Household      every fact of a household: members, events, referrals, regie, consent, and its gap findings
//   Centrumgemeente  a household reference unique within the city
//   Facility       the current version of each shelter record the facility reports
//   SchemaVersion  the migrations (one instance migrates at a time)
//   JobLease       a scheduled job (one instance runs it at a time)
//   SignInCounter  the sign-in attempts of one client, or of one username from one client
// Transactions that lock several nodes lock them in id order; Neo4j detects the deadlocks that remain and the
// driver's executeWrite retries them, as it retries every transient error, so `work` must be safe to run again.
//
// On the embedded store (Grafeo) writes are queued (one writer), which alone makes every check-then-write safe in
// one process. Its 'interleaved' mode runs write transactions side by side at snapshot isolation instead, and
// retries one that loses a write-write conflict: the tests use it to show that the locks, not the queue, keep
// the invariants (without the lock two transactions read the same snapshot and both write).
import { appendFileSync } from 'node:fs';
import { statementDuration } from '../metrics.js';
import { traceStatement } from '../telemetry.js';
import { isRegistered, type Statement } from './cypher.js';

export type StoreKind = 'grafeo' | 'neo4j';
export type Params = Record<string, unknown>;

export interface CypherTx {
  run<Row>(statement: Statement<Row>, params?: Params): Promise<Row[]>;
}

export interface CypherExecutor {
  readonly kind: StoreKind;
  read<T>(work: (tx: CypherTx) => Promise<T>): Promise<T>;
  /**
   * One read statement on its own, for a read that needs no second statement in its snapshot (a request's session
   * lookup). The embedded store runs it without a transaction around it (auto-commit): Grafeo ends a transaction on
   * the server's one thread and holds it there while other statements run in the store
   * (tests/bench/transaction-end-stall.ts), and a statement alone has no end to wait for. Neo4j runs it in a read
   * transaction of its own, as read() would.
   */
  readStatement<Row>(statement: Statement<Row>, params?: Params): Promise<Row[]>;
  /** One transaction: all or nothing. A thrown error rolls every write of `work` back. */
  write<T>(work: (tx: CypherTx) => Promise<T>): Promise<T>;
  /**
   * Rows for a create-only statement that takes them as its one parameter and is idempotent by each row's id (the
   * access log): durable when the promise resolves, in the store soon after, in order (appends.ts).
   */
  append(statement: Statement<unknown>, rows: readonly Record<string, unknown>[]): Promise<void>;
  /** Resolves once every row appended before the call is in the store: readers of appended data wait for it. */
  appendsStored(): Promise<void>;
  close(): Promise<void>;
  /** Checks at start that the store can be used: reached, and (Neo4j) recent enough. Throws why not. */
  verifyServer(): Promise<void>;
  /** The embedded store only: a consistent copy into one new file. Neo4j has its own (neo4j-admin database dump). */
  backup?(target: string): Promise<void>;
}

/** Raised for a programming error in a call to the store, never for user input. */
export class StatementMisuseError extends Error {
  override name = 'StatementMisuseError';
}

/** Raw row access an adapter provides; the shared checks below wrap it. */
export type RawRun = (text: string, params: Params) => Promise<Record<string, unknown>[]>;

export interface StatementObserver {
  (statement: Statement<unknown>): void;
}

/**
 * Checks a call before it reaches an engine: the statement must be registered (so no ad-hoc text),
 * its parameters exactly those its text names, and a read transaction may not write.
 */
export function checkedTx(raw: RawRun, mode: 'READ' | 'WRITE', observe: StatementObserver): CypherTx {
  return {
    async run<Row>(statement: Statement<Row>, params: Params = {}): Promise<Row[]> {
      if (!isRegistered(statement)) {
        throw new StatementMisuseError('executor: only registered statements run; build them with statement(name, cypher`...`)');
      }
      const given = Object.keys(params).sort();
      const expected = [...statement.params].sort();
      if (given.join(',') !== expected.join(',')) {
        throw new StatementMisuseError(`executor: ${statement.name} takes parameters [${expected.join(', ')}], got [${given.join(', ')}]`);
      }
      if (mode === 'READ' && statement.mode === 'WRITE') {
        throw new StatementMisuseError(`executor: ${statement.name} writes and cannot run in a read transaction`);
      }
      observe(statement);
      const stopTimer = statementDuration.startTimer({ statement: statement.name });
      let rows: Record<string, unknown>[];
      try {
        rows = await traceStatement(statement.name, () => raw(statement.text, params));
      } catch (error) {
        stopTimer({ outcome: 'error' });
        throw error;
      }
      stopTimer({ outcome: 'ok' });
      return rows.map((row) => statement.row.parse(row));
    },
  };
}

/** Appends each distinct statement once as a JSON line (KETENKAART_CYPHER_LOG), for linting a whole run. */
export function cypherLogObserver(path: string | undefined): StatementObserver {
  if (!path) return () => {};
  const seen = new Set<string>();
  return (statement) => {
    if (seen.has(statement.text)) return;
    seen.add(statement.text);
    appendFileSync(path, JSON.stringify({ name: statement.name, query: statement.text, params: statement.params }) + '\n');
  };
}

/** Counts statements per unit of work: the N+1 guard in the tests and the bench use it. */
export function countingExecutor(inner: CypherExecutor): CypherExecutor & { count(): number; reset(): void } {
  let statements = 0;
  const counted = (tx: CypherTx): CypherTx => ({
    run(statement, params) {
      statements += 1;
      return tx.run(statement, params);
    },
  });
  return {
    kind: inner.kind,
    read: (work) => inner.read((tx) => work(counted(tx))),
    readStatement(statement, params) {
      statements += 1;
      return inner.readStatement(statement, params);
    },
    write: (work) => inner.write((tx) => work(counted(tx))),
    append(statement, rows) {
      statements += 1;
      return inner.append(statement, rows);
    },
    appendsStored: () => inner.appendsStored(),
    close: () => inner.close(),
    verifyServer: () => inner.verifyServer(),
    count: () => statements,
    reset: () => {
      statements = 0;
    },
  };
}
