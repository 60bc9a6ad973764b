// Runs the numbered migrations in schema/migrations once each, one statement per transaction, and records the version.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { migrationsDir } from '@ketenkaart/schema';
import { cypher, statement, type CypherText, type Statement } from './cypher.js';
import type { CypherExecutor } from './executor.js';

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

/** Applies what is missing. Each statement is idempotent (IF NOT EXISTS), so a crash between them is safe to rerun. */
export async function migrate(executor: CypherExecutor, now: () => Date = () => new Date()): Promise<number> {
  const [current] = await executor.read((tx) => tx.run(readVersion));
  let version = current?.version ?? 0;
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    // Neo4j refuses schema and data writes in one transaction: each schema statement gets its own.
    for (const schemaStatement of migration.statements) {
      await executor.write((tx) => tx.run(schemaStatement));
    }
    await executor.write((tx) =>
      tx.run(writeVersion, { version: migration.version, name: migration.name, migratedAt: now().toISOString() }),
    );
    version = migration.version;
  }
  return version;
}

export async function schemaVersion(executor: CypherExecutor): Promise<number> {
  const [row] = await executor.read((tx) => tx.run(readVersion));
  return row?.version ?? 0;
}
