// Dialect contract: every statement the repository layer can issue lints clean as Neo4j Cypher.
import { describe, expect, it } from 'vitest';
import { registeredStatements } from '@ketenkaart/api';
import '@ketenkaart/seed';
import { lintStatement } from './lint.js';

describe('Cypher dialect', () => {
  const statements = registeredStatements();

  it('covers the repositories and the migrations', () => {
    const names = statements.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['agenciesPage', 'upsertAgencies', 'readSchemaVersion']));
    expect(names.some((name) => name.startsWith('migration 0001'))).toBe(true);
  });

  it.each(statements.map((s) => [s.name, s] as const))('%s lints clean', (_name, s) => {
    const errors = lintStatement(s.text, s.params).filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('catches a statement outside the common subset and a syntax error', () => {
    expect(lintStatement('RETURN duration.between(date(), date()) AS d', [])).not.toEqual([]);
    expect(lintStatement('RETURN round(1.234, 2) AS r', []).map((p) => p.severity)).toContain('error');
    expect(lintStatement('MATCH (n RETURN n', []).map((p) => p.severity)).toContain('error');
    expect(
      lintStatement('MATCH (n {id: $id}) RETURN n', [])
        .map((p) => p.message)
        .join(),
    ).toMatch(/\$id/);
  });
});
