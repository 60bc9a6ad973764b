// The retention job: removes access-log entries older than the retention term, expired sessions and sign-in
// counters, in batches, and records each run. It is not part of the API: no resolver can reach these statements, so the log stays
// append-only for everyone who uses Ketenkaart; only the operator's scheduled job (npm run retention) prunes it.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';

const BATCH = 5_000;
const counted = z.object({ n: z.number().int() });

const purgeAccessLog = statement(
  'retentionPurgeAccessLog',
  cypher`
MATCH (l:AccessLogEntry) WHERE l.at < datetime($cutoff)
WITH l LIMIT $batch
DETACH DELETE l
RETURN count(*) AS n`,
  counted,
);

const purgeSessions = statement(
  'retentionPurgeSessions',
  cypher`
MATCH (s:Session) WHERE s.expiresAt < datetime($now)
WITH s LIMIT $batch
DETACH DELETE s
RETURN count(*) AS n`,
  counted,
);

// Sign-in counters whose pair has been quiet for an hour or whose one-minute window is over (sign-in-throttle.ts).
const purgeSignInCounters = statement(
  'retentionPurgeSignInCounters',
  cypher`
MATCH (c:SignInCounter) WHERE c.expiresAtMs < $nowMs
WITH c LIMIT $batch
DETACH DELETE c
RETURN count(*) AS n`,
  counted,
);

// Shelter imports that failed, or stayed pending for a day (their process died): their pending rows are removed.
// An import of 100,000 rows takes well under a minute, so a day-old pending import is abandoned. The rows are found
// by a scan of shelter records for the pending mark (no index: it would cost every row an entry for a daily job).
const expireStaleShelterImports = statement(
  'retentionExpireStaleShelterImports',
  cypher`
MATCH (i:ShelterImport) WHERE i.status = 'PENDING' AND i.recordedAt < datetime($staleBefore)
SET i.status = 'FAILED', i.failedAt = datetime($now)
RETURN count(i) AS n`,
  counted,
);

const purgeFailedShelterRows = statement(
  'retentionPurgeFailedShelterRows',
  cypher`
MATCH (i:ShelterImport) WHERE i.status = 'FAILED'
WITH collect(i.id) AS failed
MATCH (r:ShelterRecord) WHERE r.pending = true AND r.importId IN failed
WITH r LIMIT $batch
DETACH DELETE r
RETURN count(*) AS n`,
  counted,
);

const recordRun = statement(
  'retentionRecordRun',
  cypher`
CREATE (r:RetentionRun {id: $id})
SET r += $run, r.at = datetime($now)
RETURN r.id AS id`,
  z.object({ id: z.string() }),
);

export interface RetentionResult {
  accessLogCutoff: string;
  accessLogDeleted: number;
  sessionsDeleted: number;
  signInCountersDeleted: number;
  /** Pending shelter rows of failed or abandoned imports. */
  pendingShelterRowsDeleted: number;
}

/** Deletes in batches of 5,000 so that a first run on a large log never builds one huge transaction. */
async function inBatches(work: (batch: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await work(BATCH);
    total += deleted;
    if (deleted < BATCH) return total;
  }
}

export async function runRetention(executor: CypherExecutor, options: { now: Date; accessLogYears: number }): Promise<RetentionResult> {
  const cutoff = new Date(options.now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - options.accessLogYears);
  const accessLogCutoff = cutoff.toISOString();
  const now = options.now.toISOString();
  const accessLogDeleted = await inBatches(
    async (batch) => (await executor.write((tx) => tx.run(purgeAccessLog, { cutoff: accessLogCutoff, batch })))[0]?.n ?? 0,
  );
  const sessionsDeleted = await inBatches(
    async (batch) => (await executor.write((tx) => tx.run(purgeSessions, { now, batch })))[0]?.n ?? 0,
  );
  const nowMs = options.now.getTime();
  const signInCountersDeleted = await inBatches(
    async (batch) => (await executor.write((tx) => tx.run(purgeSignInCounters, { nowMs, batch })))[0]?.n ?? 0,
  );
  const staleBefore = new Date(options.now.getTime() - 24 * 3_600_000).toISOString();
  await executor.write((tx) => tx.run(expireStaleShelterImports, { staleBefore, now }));
  const pendingShelterRowsDeleted = await inBatches(
    async (batch) => (await executor.write((tx) => tx.run(purgeFailedShelterRows, { batch })))[0]?.n ?? 0,
  );
  const result = { accessLogCutoff, accessLogDeleted, sessionsDeleted, signInCountersDeleted, pendingShelterRowsDeleted };
  await executor.write((tx) =>
    tx.run(recordRun, {
      id: `ret_${randomUUID()}`,
      run: { ...result, accessLogYears: options.accessLogYears, recordedBy: 'retention-job' },
      now,
    }),
  );
  return result;
}
