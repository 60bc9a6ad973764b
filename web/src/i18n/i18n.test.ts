// Dutch and English have the same keys, no value is left empty, and every problem code and error kind the API
// can send (read from the committed schema.graphql) has a sentence in both languages.
import { readFileSync } from 'node:fs';
import { buildSchema, GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

const schema = readFileSync(new URL('../../../schema/schema.graphql', import.meta.url), 'utf8');

function enumValues(name: string): string[] {
  const type = buildSchema(schema).getType(name);
  return type instanceof GraphQLEnumType ? type.getValues().map((v) => v.name) : [];
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(
      leaves(en)
        .map(([k]) => k)
        .sort(),
    ).toEqual(
      leaves(nl)
        .map(([k]) => k)
        .sort(),
    );
  });

  it('leave no value empty', () => {
    for (const [key, value] of [...leaves(nl), ...leaves(en)]) expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
  });

  it('say every problem code of the API in both languages, with the same parameters', () => {
    const codes = enumValues('ProblemCode');
    expect(codes.length).toBeGreaterThan(40);
    const parametersOf = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const code of codes) {
      const dutch = (nl.problems as Record<string, unknown>)[code];
      const english = (en.problems as Record<string, unknown>)[code];
      expect(typeof dutch, `nl problems.${code}`).toBe('string');
      expect(typeof english, `en problems.${code}`).toBe('string');
      expect(parametersOf(english as string), code).toEqual(parametersOf(dutch as string));
    }
  });

  it('name every error kind of the API in both languages', () => {
    const kinds = [...schema.matchAll(/Stable error code: ([A-Z_, ]+?) or ([A-Z_]+)\./g)].flatMap((m) => [...m[1]!.split(', '), m[2]!]);
    expect(kinds).toContain('VALIDATION');
    for (const kind of kinds) {
      expect(typeof (nl.errors as Record<string, unknown>)[kind], `nl errors.${kind}`).toBe('string');
      expect(typeof (en.errors as Record<string, unknown>)[kind], `en errors.${kind}`).toBe('string');
    }
  });
});
