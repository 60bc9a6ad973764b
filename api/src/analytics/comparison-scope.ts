// Who may compare which cities, and suppressed or not: one decision for the cityComparison query and the exports.
import type { AccessAction } from '@ketenkaart/schema';
import { logAggregateRead, logRefused } from '../access/logged-decisions.js';
import type { Context } from '../context.js';
import { invalid, type Result } from '../repositories/result.js';

/**
 * Policy makers compare any cities, suppressed; a coordinator sees its own region exactly. A refusal is logged
 * whatever the input; the read only once the input (the cities, the period when given) is valid, so that a
 * request that reads nothing leaves no read in the log.
 */
export function comparisonScope(
  ctx: Pick<Context, 'viewer' | 'access'>,
  cityIds: string[],
  about: { action: AccessAction; operation?: string } = { action: 'READ' },
  period?: { from: string; to: string },
): Result<{ suppress: boolean }> {
  const role = comparisonRole(ctx, cityIds, about);
  if (!role.ok) return role;
  const { suppress } = role.value;
  if (cityIds.length === 0 || cityIds.length > 50) return invalid(['centrumgemeenteIds'], 'TOO_MANY_REGIONS', { maximum: 50 });
  if (period && period.to < period.from) return invalid(['to'], 'BEFORE_OTHER_DATE', { other: 'from' });
  logAggregateRead(ctx, cityIds, suppress, about.action, about.operation);
  return { ok: true, value: { suppress } };
}

/** The role half of the decision, for a path that must refuse (and log) before it has checked its input. */
export function comparisonRole(
  ctx: Pick<Context, 'viewer' | 'access'>,
  cityIds: readonly string[],
  about: { action: AccessAction; operation?: string } = { action: 'READ' },
): Result<{ suppress: boolean }> {
  const viewer = ctx.viewer;
  if (!viewer) {
    logRefused(ctx, 'sign in first');
    return { ok: false, failure: { kind: 'FORBIDDEN', reason: 'sign in first', reasonCode: 'SIGN_IN_REQUIRED' } };
  }
  const suppress = viewer.role === 'POLICY_MAKER';
  if (!suppress && !(viewer.role === 'COORDINATOR' && cityIds.every((id) => id === viewer.centrumgemeenteId))) {
    const reason = 'comparisons are for policy makers; a coordinator sees its own region';
    logRefused(ctx, reason, about);
    return { ok: false, failure: { kind: 'FORBIDDEN', reason, reasonCode: 'ROLE_NOT_ALLOWED' } };
  }
  return { ok: true, value: { suppress } };
}
