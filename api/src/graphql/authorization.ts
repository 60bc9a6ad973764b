// Checks resolvers run before they read or change household data: signed in, right role, CSRF, need-to-know.
import type { Role } from '@ketenkaart/schema';
import type { Viewer } from '../access/viewer.js';
import type { Context } from '../context.js';
import type { Actor } from '../repositories/household-repository.js';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.js';

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw new ForbiddenError('sign in first');
  return ctx.viewer;
}

/** Roles that record facts about households. Policy makers and administrators never do. */
export const CHAIN_WORKERS: readonly Role[] = ['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF'];

export function requireWriter(ctx: Context, roles: readonly Role[] = CHAIN_WORKERS): Viewer {
  const viewer = requireViewer(ctx);
  if (!ctx.csrfOk) throw new ForbiddenError('missing or wrong x-csrf-token header for a cookie session');
  if (!roles.includes(viewer.role)) throw new ForbiddenError(`your role (${viewer.role}) may not do this`);
  return viewer;
}

/** Need-to-know for one household; the refusal says which condition is missing, and both outcomes are logged. */
export async function requireHousehold(ctx: Context, householdId: string): Promise<void> {
  requireViewer(ctx);
  const decision = await ctx.access.household(householdId);
  if (!decision.allowed) throw decision.notFound ? new NotFoundError('Household', householdId) : new ForbiddenError(decision.missing);
}

export function actorOf(viewer: Viewer): Actor {
  return { accountId: viewer.accountId, agencyId: viewer.agencyId, provenanceKind: 'AGENCY_REPORT' };
}

/** Agency workers and shelter staff act for their own agency; coordinators name the agency that acted. */
export function actingAgency(viewer: Viewer, given: string | null | undefined): string | null {
  if (viewer.role === 'COORDINATOR') return given ?? null;
  if (given && given !== viewer.agencyId) throw new ForbiddenError('you can only record steps of your own agency');
  return viewer.agencyId;
}

/** After a change to a household: log it and re-evaluate its gaps (incremental, one household). */
export async function afterHouseholdChange(ctx: Context, householdId: string, basis: string): Promise<void> {
  await ctx.access.log({ action: 'CHANGE', householdId, outcome: 'ALLOWED', basis });
  await ctx.gaps.refresh([householdId]);
}

/** Policy makers compare any cities, suppressed; a coordinator sees its own region exactly. */
export function comparisonScope(ctx: Context, cityIds: string[]): { suppress: boolean } {
  const viewer = requireViewer(ctx);
  if (cityIds.length === 0 || cityIds.length > 50) throw new ValidationError([{ path: ['centrumgemeenteIds'], message: 'give 1 to 50 regions' }]);
  if (viewer.role === 'POLICY_MAKER') return { suppress: true };
  if (viewer.role === 'COORDINATOR' && cityIds.every((id) => id === viewer.centrumgemeenteId)) return { suppress: false };
  throw new ForbiddenError('comparisons are for policy makers; a coordinator sees its own region');
}
