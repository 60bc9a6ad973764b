// Runs the numbered migrations in schema/migrations once each, one statement per transaction, and records the version.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { migrationsDir } from '@ketenkaart/schema';
import { cypher, statement, type CypherText, type Statement } from './cypher.js';
import type { CypherExecutor } from './executor.js';
import { createLeaseRepository } from '../repositories/lease-repository.js';

export interface Migration {
  version: number;
  name: string;
  statements: Statement<unknown>[];
}

const anyRow = z.record(z.string(), z.unknown());

/** Migration files, parsed once: "NNNN-what.cypher", statements separated by ";", "//" comments allowed. */
export const migrations: readonly Migration[] = readdirSync(migrationsDir)
  .filter((file) => /^\d{4}-[a-z0-9-]+\.cypher$/.test(file))
  .sort()
  .map((file) => {
    const version = Number(file.slice(0, 4));
    const body = readFileSync(join(migrationsDir, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    const texts = body
      .split(';')
      .map((text) => text.trim())
      .filter(Boolean);
    return {
      version,
      name: file,
      statements: texts.map((text, index) => statement(`migration ${file} #${index + 1}`, text as CypherText, anyRow)),
    };
  });

const readVersion = statement(
  'readSchemaVersion',
  cypher`OPTIONAL MATCH (v:SchemaVersion {id: 'ketenkaart'}) RETURN coalesce(v.version, 0) AS version`,
  z.object({ version: z.number().int() }),
);

const writeVersion = statement(
  'writeSchemaVersion',
  cypher`MERGE (v:SchemaVersion {id: 'ketenkaart'})
SET v.version = $version, v.migratedAt = datetime($migratedAt), v.lastMigration = $name
RETURN v.version AS version`,
  z.object({ version: z.number().int() }),
);

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

/** A migration that failed: the start stops, and the message says which statement and how to go on. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

const MIGRATION_LEASE = 'migrations';
/** How long one instance may hold the migration lease; migrations are index and constraint statements. */
const MIGRATION_LEASE_MS = 10 * 60_000;

export interface MigrateOptions {
  now?: () => Date;
  /** The migrations to apply (tests pass their own); the files in schema/migrations by default. */
  list?: readonly Migration[];
  /** Who takes the migration lease: this process. */
  holder?: string;
  /** How long to wait for another instance's migrations before giving up. */
  waitMs?: number;
}

/**
 * Applies what is missing, under the migration lease, so that instances starting together take turns: the first
 * migrates, the others wait and then find nothing to do. Each statement is idempotent (IF NOT EXISTS), so a crash
 * between them is safe to rerun. A statement that fails stops here with a MigrationError; the version stays at the
 * last migration that completed.
 */
export async function migrate(executor: CypherExecutor, options: MigrateOptions = {}): Promise<number> {
  const {
    now = () => new Date(),
    list = migrations,
    holder = `migrate:${hostname()}:${process.pid}:${randomUUID()}`,
    waitMs = 5 * 60_000,
  } = options;
  const leases = createLeaseRepository(executor);
  await leases.ensureConstraint();
  const giveUpAt = Date.now() + waitMs;
  for (;;) {
    const at = now().getTime();
    const lease = await leases.acquire(MIGRATION_LEASE, holder, at, at + MIGRATION_LEASE_MS);
    if (lease.acquired) break;
    if (Date.now() > giveUpAt) {
      throw new MigrationError(
        `Another instance (${lease.holder}) has held the migration lock for over ${Math.round(waitMs / 1000)} s; the start stops. If that instance is gone, the lock lapses ${MIGRATION_LEASE_MS / 60_000} minutes after it took it.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  try {
    const [current] = await executor.readStatement(readVersion);
    let version = current?.version ?? 0;
    for (const migration of list) {
      if (migration.version <= version) continue;
      // Neo4j refuses schema and data writes in one transaction: each schema statement gets its own.
      for (const [index, schemaStatement] of migration.statements.entries()) {
        try {
          await executor.write((tx) => tx.run(schemaStatement));
        } catch (error) {
          throw new MigrationError(
            `Migration ${migration.name}, statement ${index + 1}, failed: ${(error as Error).message}\n` +
              `The store stays at schema version ${version}; the API does not start. Fix the cause and start again: every statement is idempotent.`,
            { cause: error },
          );
        }
      }
      await executor.write((tx) =>
        tx.run(writeVersion, { version: migration.version, name: migration.name, migratedAt: now().toISOString() }),
      );
      version = migration.version;
    }
    return version;
  } finally {
    await leases.release(MIGRATION_LEASE, holder);
  }
}

export async function schemaVersion(executor: CypherExecutor): Promise<number> {
  const [row] = await executor.readStatement(readVersion);
  return row?.version ?? 0;
}
