// The period of a figure query (comparison, chain flow, early-warning follow-up, shelter figures): one check for all.
import type { ArgBuilder } from '@pothos/core';
import type { builder } from './builder.js';
import { ValidationError } from './errors.js';

/** `to` on or after `from`; otherwise a ValidationError at `to` that names `from`. */
export function checkedPeriod({ from, to }: { from: string; to: string }): { from: string; to: string } {
  if (to < from) throw new ValidationError([{ path: ['to'], code: 'BEFORE_OTHER_DATE', params: { other: 'from' } }]);
  return { from, to };
}

/** The arguments of a figure query over one region (centrumgemeente) and one period. */
export function regionPeriodArgs(arg: ArgBuilder<typeof builder.$inferSchemaTypes>) {
  return {
    centrumgemeenteId: arg.id({ required: true }),
    from: arg({ type: 'Date', required: true }),
    to: arg({ type: 'Date', required: true }),
  };
}
