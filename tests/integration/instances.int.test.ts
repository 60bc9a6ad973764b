// Several API instances on one store: one runs each scheduled job at a time and another takes over when its lease
// lapses; instances starting together migrate once; a failed migration stops with a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  createExecutor,
  createJobRunner,
  createLogger,
  cypher,
  latestSchemaVersion,
  loadConfig,
  migrate,
  MigrationError,
  MINIMUM_NEO4J_VERSION,
  migrations,
  neo4jVersionOf,
  schemaVersion,
  statement,
  type CypherExecutor,
} from '@ketenkaart/api';
import { concurrentWritersConfig, openTestStore } from '../support/store.js';

const HOUR = 3600_000;
const migrationLease = statement(
  'testMigrationLease',
  cypher`MATCH (l:Lease {id: 'migrations'}) RETURN l.holder AS holder`,
  z.object({ holder: z.string().nullable() }),
);

const versionNodes = statement(
  'testCountSchemaVersions',
  cypher`MATCH (v:SchemaVersion) RETURN count(v) AS n`,
  z.object({ n: z.number().int() }),
);
const countVersionNodes = async (store: CypherExecutor) => (await store.read((tx) => tx.run(versionNodes)))[0]!.n;

describe('several instances on one store', () => {
  let executor: CypherExecutor;
  const config = concurrentWritersConfig();
  const logger = createLogger('silent');

  beforeAll(async () => {
    executor = await openTestStore(config);
  });
  afterAll(() => executor.close());

  it('runs each job on one of two instances, and lets the other take over when the lease lapses', async () => {
    let clock = Date.parse('2026-11-29T09:00:00Z');
    const now = () => new Date(clock);
    const first = createJobRunner({ executor, config, logger, holder: 'instance-a', now, leaseMs: 5 * 60_000 });
    const second = createJobRunner({ executor, config, logger, holder: 'instance-b', now, leaseMs: 5 * 60_000 });

    const [a, b] = await Promise.all([first.tick(), second.tick()]);
    for (const job of ['retention', 'sweep-gaps'] as const) {
      expect([a[job], b[job]].sort(), job).toEqual(['held-elsewhere', 'ran']);
    }

    // A minute later the holder renews, the other is still refused, and nothing is due again yet.
    clock += 60_000;
    const [holder, other] = a['sweep-gaps'] === 'ran' ? [first, second] : [second, first];
    expect((await holder.tick())['sweep-gaps']).toBe('not-due');
    expect((await other.tick())['sweep-gaps']).toBe('held-elsewhere');

    // The holder stops ticking (its process died): after the lease lapses, the other takes it and runs when due.
    clock += 10 * 60_000;
    expect((await other.tick())['sweep-gaps']).toBe('not-due');
    clock += HOUR;
    expect((await other.tick())['sweep-gaps']).toBe('ran');
    expect((await holder.tick())['sweep-gaps']).toBe('held-elsewhere');

    // Stopping hands the leases back at once.
    await other.stop();
    clock += HOUR;
    expect((await holder.tick())['sweep-gaps']).toBe('ran');
  });

  it('KETENKAART_JOBS=off switches the jobs of an instance off', () => {
    expect(loadConfig({ KETENKAART_JOBS: 'off' }).jobs).toBe(false);
    expect(loadConfig({}).jobs).toBe(true);
    expect(() => loadConfig({ KETENKAART_JOBS: 'sometimes' })).toThrow(/KETENKAART_JOBS/);
  });

  it('migrates once when instances start together, and hands the migration lock back', async () => {
    // Not through openTestStore, which migrates: a store as empty as a first start finds it.
    const fresh = createExecutor(config.store);
    try {
      const versions = await Promise.all([1, 2, 3].map((i) => migrate(fresh, { holder: `instance-${i}` })));
      expect(versions).toEqual([latestSchemaVersion, latestSchemaVersion, latestSchemaVersion]);
      expect(await schemaVersion(fresh)).toBe(latestSchemaVersion);
      expect(await countVersionNodes(fresh)).toBe(1);
      const [lease] = await fresh.read((tx) => tx.run(migrationLease));
      expect(lease?.holder ?? null).toBeNull();
    } finally {
      await fresh.close();
    }
  });

  it('stops at a failed migration with a message that names it, and keeps the version', async () => {
    const broken = {
      version: latestSchemaVersion + 1,
      name: `${String(latestSchemaVersion + 1).padStart(4, '0')}-broken.cypher`,
      statements: [statement('testBrokenMigration', cypher`CREATE INDEX broken IF NOT EXISTS FOR (n:Household) ON (`, z.object({}))],
    };
    const failure = migrate(executor, { list: [...migrations, broken] });
    await expect(failure).rejects.toThrow(MigrationError);
    await expect(failure).rejects.toThrow(
      new RegExp(`${broken.name}, statement 1, failed[\\s\\S]*stays at schema version ${latestSchemaVersion}`),
    );
    expect(await schemaVersion(executor)).toBe(latestSchemaVersion);
    // The lock was handed back: the next start migrates without waiting.
    await expect(migrate(executor, { waitMs: 0 })).resolves.toBe(latestSchemaVersion);
  });

  it('knows the Neo4j versions it refuses', () => {
    expect(MINIMUM_NEO4J_VERSION).toEqual([5, 23]);
    expect(neo4jVersionOf('Neo4j/5.26.0')).toEqual([5, 26, 0]);
    expect(neo4jVersionOf('Neo4j/2025.01.0')).toEqual([2025, 1, 0]);
    expect(neo4jVersionOf('Memgraph/2.0')).toBeNull();
  });
});
