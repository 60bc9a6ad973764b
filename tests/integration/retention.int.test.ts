// Retention: access-log entries older than the term and expired sessions go; recent ones stay; each run is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRepositories, cypher, runRetention, statement, type CypherExecutor } from '@ketenkaart/api';
import { openTestStore } from '../support/store.js';

const logDays = statement(
  'testAccessLogDays',
  cypher`
MATCH (l:AccessLogEntry) RETURN toString(date(l.at)) AS day ORDER BY day`,
  z.object({ day: z.string() }),
);
const runs = statement(
  'testRetentionRuns',
  cypher`
MATCH (r:RetentionRun) RETURN r.accessLogDeleted AS deleted, r.accessLogYears AS years`,
  z.object({ deleted: z.number(), years: z.number() }),
);

const entry = (operation: string) => ({
  accountId: 'acc_test',
  role: 'COORDINATOR' as const,
  agencyId: null,
  householdId: 'hh_test',
  searchTerms: null,
  basis: 'test',
  breakGlass: false,
  requestId: 'req',
  action: 'READ' as const,
  operation,
  outcome: 'ALLOWED' as const,
});

describe('retention', () => {
  let executor: CypherExecutor;
  beforeAll(async () => {
    executor = await openTestStore();
  });
  afterAll(() => executor.close());

  it('removes access-log entries older than the term and expired sessions, keeps the rest, and records the run', async () => {
    for (const day of ['2019-03-01', '2021-11-23', '2021-11-25', '2026-11-01']) {
      await createRepositories(executor, () => new Date(`${day}T12:00:00Z`)).access.append([entry(`read on ${day}`)]);
    }
    const accounts = createRepositories(executor, () => new Date('2026-11-20T08:00:00Z')).accounts;
    await accounts.create({
      username: 'retention.test',
      role: 'ADMIN',
      agencyId: null,
      centrumgemeenteId: null,
      password: 'a long enough passphrase',
    });
    const login = await accounts.login('retention.test', 'a long enough passphrase');
    expect(login.ok).toBe(true);

    const result = await runRetention(executor, { now: new Date('2026-11-24T12:00:00Z'), accessLogYears: 5 });
    expect(result).toEqual({
      accessLogCutoff: '2021-11-24T12:00:00.000Z',
      accessLogDeleted: 2,
      sessionsDeleted: 1,
      signInCountersDeleted: 0,
      pendingShelterRowsDeleted: 0,
    });
    expect((await executor.read((tx) => tx.run(logDays))).map((r) => r.day)).toEqual(['2021-11-25', '2026-11-01']);
    expect(await executor.read((tx) => tx.run(runs))).toEqual([{ deleted: 2, years: 5 }]);
    // A second run finds nothing more to remove.
    expect((await runRetention(executor, { now: new Date('2026-11-24T12:00:00Z'), accessLogYears: 5 })).accessLogDeleted).toBe(0);
  });
});
