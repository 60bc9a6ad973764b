// Where the numbered Cypher migrations live; api/src/db/migrate.ts runs them.
import { fileURLToPath } from 'node:url';

export const migrationsDir = fileURLToPath(new URL('../migrations/', import.meta.url));
