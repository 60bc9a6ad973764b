// schema/schema.graphql is the committed contract: it must equal the schema the API builds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, schemaFile } from '@ketenkaart/api';

describe('GraphQL schema contract', () => {
  it('matches the committed schema/schema.graphql (run `npm run print-schema` after a deliberate change)', () => {
    expect(printedSchema()).toBe(readFileSync(schemaFile, 'utf8'));
  });

  it('describes every type and field', () => {
    const lines = printedSchema().split('\n');
    const undocumented = lines.filter((line, index) => {
      const isDefinition = /^(type|interface|enum|input|union|scalar) /.test(line) || /^ {2}[a-zA-Z_]+[(:]/.test(line);
      return isDefinition && !lines[index - 1]?.trim().endsWith('"""');
    });
    expect(undocumented).toEqual([]);
  });
});
