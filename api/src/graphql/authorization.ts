// Checks resolvers run before they read or change household data: signed in, right role, CSRF, need-to-know.
import { dayOf, type AccessAction, type ProblemCode, type Role } from '@ketenkaart/schema';
import type { Actor } from '../repositories/provenance.js';
import { logRefused } from '../access/logged-decisions.js';
import type { AccessDecision } from '../access/household-access.js';
import type { Viewer } from '../access/viewer.js';
import type { Context } from '../context.js';
import type { GapResolutionCause } from '../repositories/gap-repository.js';
import { ForbiddenError } from './errors.js';

/**
 * The one way to refuse an attempt: it goes into the access log (flushed before the response leaves, on the
 * GraphQL and the file paths alike) and the caller gets a ForbiddenError with the same words.
 */
/** `reasonCode` is what the web says in plain words; `message` stays English for API clients and the log. */
export function refuse(
  ctx: Pick<Context, 'access'>,
  message: string,
  about: { action?: AccessAction; householdId?: string | null; operation?: string } = {},
  reasonCode: ProblemCode = 'NOT_ALLOWED',
): ForbiddenError {
  logRefused(ctx, message, about);
  return new ForbiddenError(message, reasonCode);
}

export function requireViewer(ctx: Context): Viewer {
  if (!ctx.viewer) throw refuse(ctx, 'sign in first', {}, 'SIGN_IN_REQUIRED');
  return ctx.viewer;
}

/** Roles that record facts about households. Policy makers and administrators never do. */
export const CHAIN_WORKERS: readonly Role[] = ['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF'];

export function requireWriter(ctx: Context, roles: readonly Role[] = CHAIN_WORKERS): Viewer {
  const viewer = requireViewer(ctx);
  if (!ctx.csrfOk) throw refuse(ctx, 'missing or wrong x-csrf-token header for a cookie session', {}, 'CSRF');
  if (!roles.includes(viewer.role)) throw refuse(ctx, `your role (${viewer.role}) may not do this`, {}, 'ROLE_NOT_ALLOWED');
  return viewer;
}

/**
 * What the viewer may change on a household: the one rule the mutations enforce (requireHousehold) and the trace page
 * is told (Household.viewerAccess). A chain role with need-to-know may record steps, refer and take or hand over
 * regie; under break-glass or a granted access request (a break-glass grant) it may only read, so that a temporary
 * grant cannot be turned into lasting access the worker could not have recorded without it.
 */
export type ChangeRight = { may: true } | { may: false; why: string; reasonCode: ProblemCode };

export function changeRightOf(viewer: Viewer, decision: AccessDecision): ChangeRight {
  if (!CHAIN_WORKERS.includes(viewer.role))
    return { may: false, why: `your role (${viewer.role}) may not do this`, reasonCode: 'ROLE_NOT_ALLOWED' };
  if (!decision.allowed) return { may: false, why: decision.missing, reasonCode: decision.reasonCode };
  if (decision.breakGlass)
    return {
      may: false,
      why: 'break-glass lets you read this household, not record consent, legal grounds, referrals, regie or steps that give access later',
      reasonCode: 'BREAK_GLASS_READ_ONLY',
    };
  return { may: true };
}

/**
 * Need-to-know for one household; the refusal says which condition is missing, and both outcomes are logged. A
 * household that does not exist gets the refusal one that is not the viewer's would get (no existence oracle).
 *
 * `createsAccess`: the change would give an agency access later on (a consent, legal ground, referral, regie or a
 * step an agency acted in); it needs the right to change (changeRightOf), not only to read. `withTrajectory`: the
 * request reads the household's trajectory too (AccessService.household).
 */
export async function requireHousehold(
  ctx: Context,
  householdId: string,
  options: { createsAccess?: boolean; withTrajectory?: boolean } = {},
): Promise<void> {
  const viewer = requireViewer(ctx);
  const decision = await ctx.access.household(householdId, { withTrajectory: options.withTrajectory });
  if (!decision.allowed) throw new ForbiddenError(decision.missing, decision.reasonCode);
  if (!options.createsAccess) return;
  const right = changeRightOf(viewer, decision);
  if (!right.may) throw refuse(ctx, right.why, { householdId }, right.reasonCode);
}

export function actorOf(viewer: Viewer): Actor {
  return { accountId: viewer.accountId, agencyId: viewer.agencyId, provenanceKind: 'AGENCY_REPORT' };
}

/** Agency workers and shelter staff act for their own agency; coordinators name the agency that acted. */
export function actingAgency(ctx: Pick<Context, 'access'>, viewer: Viewer, given: string | null | undefined): string | null {
  if (viewer.role === 'COORDINATOR') return given ?? null;
  if (given && given !== viewer.agencyId) throw refuse(ctx, 'you can only record steps of your own agency', {}, 'OWN_AGENCY_ONLY');
  return viewer.agencyId;
}

/** After a change to a household: log it and re-evaluate its gaps (incremental, one household). */
export async function afterHouseholdChange(
  ctx: Context,
  householdId: string,
  basis: string,
  cause: GapResolutionCause = { kind: 'HOUSEHOLD_CHANGED' },
): Promise<void> {
  await ctx.access.log({ action: 'CHANGE', householdId, outcome: 'ALLOWED', basis });
  await Promise.all([ctx.gaps.refresh([householdId], cause), noticeInvolvement(ctx, householdId)]);
}

/**
 * Notice of involvement: when an agency records a step on a household another agency works with, both get a
 * notice naming the other agency, and only that. Each new notice is logged against the household.
 */
async function noticeInvolvement(ctx: Context, householdId: string): Promise<void> {
  const agencyId = ctx.viewer?.agencyId;
  if (!agencyId) return;
  const [facts] = await ctx.repos.access.facts([householdId], ctx.viewer.accountId, 'CARE');
  if (!facts) return;
  const involved = new Set([
    ...facts.referrals.flatMap((r) => [r.fromAgencyId, r.toAgencyId]),
    ...facts.regie.map((g) => g.agencyId),
    ...facts.recentAgencyEvents.map((e) => e.agencyId),
    ...facts.facilityEvents.map((e) => e.facilityAgencyId).filter((id): id is string => Boolean(id)),
  ]);
  involved.delete(agencyId);
  const created = await ctx.repos.involvement.notify(householdId, agencyId, [...involved].sort(), dayOf(ctx.now()));
  if (created.length === 0) return;
  await ctx.repos.access.append(
    created.map((notice) => ({
      accountId: ctx.viewer!.accountId,
      role: ctx.viewer!.role,
      agencyId,
      action: 'CHANGE' as const,
      operation: ctx.access.operation,
      householdId,
      searchTerms: null,
      basis: `notice of involvement to ${notice.agencyId}: ${notice.otherAgencyId} is involved too`,
      outcome: 'ALLOWED' as const,
      breakGlass: false,
      requestId: ctx.requestId,
    })),
  );
}
