// Writes schema/schema.graphql, the committed contract the web app and API clients build on.
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './schema.js';

export const schemaFile = new URL('../../../schema/schema.graphql', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(schemaFile, printSchema(schema) + '\n');
  console.log(`wrote ${schemaFile.pathname}`);
}
