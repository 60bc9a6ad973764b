// An executor that times every statement by its registered name, and each write transaction as a whole, for the
// profiles under tests/bench (load-profile.ts, worklist-profile.ts). Nothing is asserted.
import type { CypherExecutor, CypherTx } from '@ketenkaart/api';

const since = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

export function timingExecutor(inner: CypherExecutor) {
  const totals = new Map<string, { calls: number; seconds: number }>();
  const add = (name: string, seconds: number) => {
    const entry = totals.get(name) ?? { calls: 0, seconds: 0 };
    entry.calls += 1;
    entry.seconds += seconds;
    totals.set(name, entry);
  };
  const timed = (tx: CypherTx): CypherTx => ({
    async run(statement, params) {
      const start = process.hrtime.bigint();
      try {
        return await tx.run(statement, params);
      } finally {
        add(statement.name, since(start));
      }
    },
  });
  const executor: CypherExecutor = {
    kind: inner.kind,
    read: (work) => inner.read((tx) => work(timed(tx))),
    readStatement: (statement, params) => timed({ run: (alone, given) => inner.readStatement(alone, given) }).run(statement, params),
    async write(work) {
      const start = process.hrtime.bigint();
      try {
        return await inner.write((tx) => work(timed(tx)));
      } finally {
        add('(write transaction, statements and commit)', since(start));
      }
    },
    append: (statement, rows) => inner.append(statement, rows),
    appendsStored: () => inner.appendsStored(),
    close: () => inner.close(),
    verifyServer: () => inner.verifyServer(),
  };
  return { executor, totals };
}
