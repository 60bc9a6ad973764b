// Row schemas at the store boundary: instants come back from each engine in its own print format.
import { describe, expect, it } from 'vitest';
import { instant } from '../../api/src/repositories/rows.js';

describe('instant', () => {
  it('reads the trimmed forms Grafeo prints as ISO 8601 with milliseconds, so that they sort in time order', () => {
    const printed = ['2026-11-24T10:30:01.123Z', '2026-11-24T10:30:01Z', '2026-11-24T10:30:01.12Z', '2026-11-24T10:30:01.1Z'];
    // As printed, string order is not time order: "…01Z" sorts after "…01.123Z".
    expect([...printed].sort()).not.toEqual([
      '2026-11-24T10:30:01Z',
      '2026-11-24T10:30:01.1Z',
      '2026-11-24T10:30:01.12Z',
      '2026-11-24T10:30:01.123Z',
    ]);
    expect(printed.map((value) => instant.parse(value)).sort()).toEqual([
      '2026-11-24T10:30:01.000Z',
      '2026-11-24T10:30:01.100Z',
      '2026-11-24T10:30:01.120Z',
      '2026-11-24T10:30:01.123Z',
    ]);
  });

  it('refuses what is not an instant', () => {
    expect(instant.safeParse('gisteren').success).toBe(false);
  });
});
