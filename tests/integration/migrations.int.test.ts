// Migrations run once each, are idempotent, record the schema version, and their constraints hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createExecutor,
  createRepositories,
  cypher,
  latestSchemaVersion,
  migrate,
  migrations,
  schemaVersion,
  statement,
  type CypherExecutor,
} from '@ketenkaart/api';
import { openTestStore } from '../support/store.js';

const createAgency = statement(
  'testCreateAgency',
  cypher`CREATE (a:Agency {id: $id, name: 'Test'}) RETURN a.id AS id`,
  z.object({ id: z.string() }),
);
const countAgencies = statement(
  'testCountAgenciesById',
  cypher`MATCH (a:Agency {id: $id}) RETURN count(a) AS n`,
  z.object({ n: z.number() }),
);

// A log entry and a notice as they were written before migration 0014: without the edges their reads go over now.
const writeBefore0014 = statement(
  'testWriteBefore0014',
  cypher`
CREATE (h:Household {id: 'hh-0014', centrumgemeenteId: 'amsterdam', reference: 'AMS-0014'})
CREATE (:Agency {id: 'ag-0014', name: 'Test'})
CREATE (:AccessLogEntry {id: 'lg-0014', at: datetime('2026-01-02T10:00:00Z'), accountId: 'acc-0014', action: 'READ', operation: 'household',
  householdId: 'hh-0014', outcome: 'ALLOWED', breakGlass: false})
CREATE (:AccessLogEntry {id: 'lg-0014-none', at: datetime('2026-01-02T10:00:00Z'), accountId: 'acc-0014', action: 'READ', operation: 'household',
  householdId: 'hh-made-up', outcome: 'REFUSED', breakGlass: false})
CREATE (:InvolvementNotice {id: 'inv-0014', agencyId: 'ag-0014', otherAgencyId: 'ag-other', householdId: 'hh-0014'})
RETURN h.id AS id`,
  z.object({ id: z.string() }),
);
const edgesOf0014 = statement(
  'testEdgesOf0014',
  cypher`
MATCH (h:Household {id: 'hh-0014'})
RETURN COUNT { (h)<-[:LOGGED_ABOUT]-(:AccessLogEntry) } AS logged, COUNT { (h)<-[:NOTICE_ABOUT]-(:InvolvementNotice) } AS about,
  COUNT { (:Agency {id: 'ag-0014'})<-[:NOTICE_TO]-(:InvolvementNotice) } AS noticeTo`,
  z.object({ logged: z.number(), about: z.number(), noticeTo: z.number() }),
);

describe('migrations', () => {
  let executor: CypherExecutor;
  beforeAll(async () => {
    executor = await openTestStore();
  });
  afterAll(() => executor.close());

  it('bring an empty store to the latest version', async () => {
    expect(latestSchemaVersion).toBeGreaterThanOrEqual(2);
    expect(await schemaVersion(executor)).toBe(latestSchemaVersion);
  });

  it('are idempotent: a second run changes nothing and fails on nothing', async () => {
    await expect(migrate(executor)).resolves.toBe(latestSchemaVersion);
    await expect(migrate(executor)).resolves.toBe(latestSchemaVersion);
    expect(await schemaVersion(executor)).toBe(latestSchemaVersion);
  });

  it('enforce unique ids', async () => {
    await executor.write((tx) => tx.run(createAgency, { id: 'dup-agency' }));
    await expect(executor.write((tx) => tx.run(createAgency, { id: 'dup-agency' }))).rejects.toThrow();
    const [row] = await executor.read((tx) => tx.run(countAgencies, { id: 'dup-agency' }));
    expect(row?.n).toBe(1);
  });

  it('0014 gives log entries and notices written before it the edges their reads go over, once', async () => {
    const before = createExecutor({ kind: 'grafeo', dataDir: null });
    try {
      await migrate(before, { list: migrations.filter((m) => m.version < 14) });
      await before.write((tx) => tx.run(writeBefore0014));
      await migrate(before);
      await migrate(before);
      expect(await before.read((tx) => tx.run(edgesOf0014))).toEqual([{ logged: 1, about: 1, noticeTo: 1 }]);
      const log = await createRepositories(before).access.log({ householdId: 'hh-0014' }, 10, null);
      expect(log.map((entry) => entry.id)).toEqual(['lg-0014']);
    } finally {
      await before.close();
    }
  });
});
