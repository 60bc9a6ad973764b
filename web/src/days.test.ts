// Days in the web app are days in Amsterdam, with arithmetic that no time zone or daylight saving can shift.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayOf, daysBetween, firstOfMonth } from './days';

describe('days', () => {
  it('turns the day at midnight in Amsterdam, not at midnight UTC', () => {
    expect(dayOf(new Date('2024-03-01T22:30:00Z'))).toBe('2024-03-01'); // 23:30 in winter time
    expect(dayOf(new Date('2024-03-01T23:30:00Z'))).toBe('2024-03-02');
    expect(dayOf(new Date('2024-07-01T21:59:00Z'))).toBe('2024-07-01'); // 23:59 in summer time
    expect(dayOf(new Date('2024-07-01T22:01:00Z'))).toBe('2024-07-02');
  });

  it('counts and adds calendar days across daylight saving and leap days', () => {
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(daysBetween('2024-04-01', '2024-03-30')).toBe(-2);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28');
  });

  it('adds months on the calendar', () => {
    expect(addMonths('2024-05-15', -12)).toBe('2023-05-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-03-02');
    expect(firstOfMonth('2024-05-15')).toBe('2024-05-01');
  });
});
