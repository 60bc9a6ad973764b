// Dutch and English have the same keys, and no value is left empty.
import { describe, expect, it } from 'vitest';
import en from './en.json';
import nl from './nl.json';

function leaves(tree: object, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]],
  );
}

describe('translations', () => {
  it('have the same keys in Dutch and English', () => {
    expect(leaves(en).map(([k]) => k).sort()).toEqual(leaves(nl).map(([k]) => k).sort());
  });

  it('leave no value empty', () => {
    for (const [key, value] of [...leaves(nl), ...leaves(en)]) expect(typeof value === 'string' && value.trim().length > 0, key).toBe(true);
  });
});
