// Migrations run once each, are idempotent, record the schema version, and their constraints hold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cypher, latestSchemaVersion, migrate, schemaVersion, statement, type CypherExecutor } from '@ketenkaart/api';
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
});
