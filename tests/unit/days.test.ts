// "Today" turns at midnight in Amsterdam, in winter and in summer time, and asking twice never gives a stale day.
import { describe, expect, it } from 'vitest';
import { dayOf } from '@ketenkaart/schema';

describe('dayOf', () => {
  it('turns at midnight in Amsterdam, not at midnight UTC', () => {
    // Winter (UTC+1): midnight is 23:00 UTC.
    expect(dayOf(new Date('2026-01-14T22:59:59.999Z'))).toBe('2026-01-14');
    expect(dayOf(new Date('2026-01-14T23:00:00.000Z'))).toBe('2026-01-15');
    // Summer (UTC+2): midnight is 22:00 UTC.
    expect(dayOf(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(dayOf(new Date('2026-07-14T22:00:00.000Z'))).toBe('2026-07-15');
  });

  it('gives the day of each instant asked, also when the same second or the one before was asked just now', () => {
    const beforeMidnight = new Date('2026-03-28T22:59:59.000Z');
    expect(dayOf(beforeMidnight)).toBe('2026-03-28');
    expect(dayOf(new Date('2026-03-28T22:59:59.999Z'))).toBe('2026-03-28');
    expect(dayOf(new Date('2026-03-28T23:00:00.000Z'))).toBe('2026-03-29');
    expect(dayOf(beforeMidnight)).toBe('2026-03-28');
    // The night the clocks go forward (2026-03-29, 02:00 becomes 03:00): the day does not turn again.
    expect(dayOf(new Date('2026-03-29T00:59:59.000Z'))).toBe('2026-03-29');
    expect(dayOf(new Date('2026-03-29T01:00:00.000Z'))).toBe('2026-03-29');
  });

  it('refuses an invalid date, as the formatter does', () => {
    expect(() => dayOf(new Date(Number.NaN))).toThrow(RangeError);
  });
});
