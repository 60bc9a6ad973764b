// Decisions that checks write to the access log: refusals, and reads of figures (aggregates), on every path.
import type { AccessAction } from '@ketenkaart/schema';
import type { AccessService } from './access-service.js';

type Logs = { access: AccessService };

/** Logs a refused attempt; the action follows from the operation when the caller does not name it. */
export function logRefused(
  ctx: Logs,
  message: string,
  about: { action?: AccessAction; householdId?: string | null; operation?: string } = {},
): void {
  const action = about.action ?? ((about.operation ?? ctx.access.operation).startsWith('mutation') ? 'CHANGE' : 'READ');
  ctx.access.logRefusal({
    action,
    basis: message,
    householdId: about.householdId ?? null,
    ...(about.operation ? { operation: about.operation } : {}),
  });
}

/** Logs a read of figures (aggregates): which regions and whether suppressed; never a household or a person. */
export function logAggregateRead(
  ctx: Logs,
  cityIds: readonly string[],
  suppress: boolean,
  action: AccessAction = 'READ',
  operation?: string,
): void {
  ctx.access.logSoon({
    action,
    outcome: 'ALLOWED',
    basis: `figures of ${cityIds.join(',')}${suppress ? ', small counts suppressed' : ''}`,
    ...(operation ? { operation } : {}),
  });
}
