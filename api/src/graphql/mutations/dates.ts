// Day validation for inputs: ISO calendar days, and facts that cannot lie in the future.
import { z } from 'zod';
import { dayOf } from '../../repositories/household-repository.js';
import { isCalendarDate } from '../scalars.js';

export const isoDay = z.string().refine(isCalendarDate, 'must be a calendar day as YYYY-MM-DD');

/** Recorded events happened: a day after today is a typing error, not a plan (plans are EVICTION_PLANNED events dated today). */
export const pastOrToday = z.string().refine((day) => day <= dayOf(new Date()), 'cannot be in the future');

/** A chain fact before 1990 predates every arrangement in the sources: almost surely a typing error. */
export const plausibleDay = isoDay.refine((day) => day >= '1990-01-01', 'is before 1990');
