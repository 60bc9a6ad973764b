// Day validation for inputs: ISO calendar days, and facts that cannot lie in the future.
import { z } from 'zod';
import { refinement, dayOf } from '@ketenkaart/schema';
import { isCalendarDate } from './scalars.js';

export const isoDay = z.string().refine(isCalendarDate, refinement('NOT_A_DATE'));

/** Recorded events happened: a day after today is a typing error, not a plan (plans are EVICTION_PLANNED events dated today). */
export const pastOrToday = z.string().refine((day) => day <= dayOf(new Date()), refinement('IN_FUTURE'));

/** A chain fact before 1990 predates every arrangement in the sources: almost surely a typing error. */
export const plausibleDay = isoDay.refine((day) => day >= '1990-01-01', refinement('BEFORE_1990'));
