// The period of a figure query (comparison, chain flow, early-warning follow-up, shelter figures): one check for all.
import { ValidationError } from './errors.js';

/** `to` on or after `from`; otherwise a ValidationError at `to` that names `from`. */
export function checkedPeriod({ from, to }: { from: string; to: string }): { from: string; to: string } {
  if (to < from) throw new ValidationError([{ path: ['to'], code: 'BEFORE_OTHER_DATE', params: { other: 'from' } }]);
  return { from, to };
}
