// Need-to-know for household data, decided from graph facts and explained: which path allows it, or which condition is missing.
import { addDays, type ProblemCode } from '@ketenkaart/schema';
import type { AccessFacts, AccessFactsScope } from '../repositories/access-repository.js';
import type { Viewer } from './viewer.js';

export type AccessDecision =
  | { allowed: true; basis: string; breakGlass: boolean }
  /**
   * `missing` is what the caller is told; `logged` (when set) is what the access log keeps instead. They differ for
   * a household that does not exist: the caller gets the answer it would get for one that is not theirs, so that
   * no refusal tells whether an id exists.
   */
  | { allowed: false; missing: string; reasonCode: ProblemCode; logged?: string };

type Refused = Extract<AccessDecision, { allowed: false }>;

/** Settings of the access rules that are configuration, not law: see README "Access control". */
export interface AccessPolicy {
  /** Days a shelter keeps access after its relation with a household ended (refusal, exit from list or shelter). */
  shelterAccessDays: number;
}

const FACILITY_KINDS = new Set(['SHELTER_APPLICATION', 'WAITING_LIST_ENTRY', 'WAITING_LIST_EXIT', 'REFUSAL', 'PLACEMENT', 'SHELTER_EXIT']);
/**
 * Steps after which a family still applies to, waits for or stays at the facility: the relation is open. Leaving
 * the waiting list for a place there (outcome PLACED) is the start of the stay, not an end.
 */
const keepsRelationOpen = (e: AccessFacts['facilityEvents'][number]) =>
  e.kind === 'SHELTER_APPLICATION' ||
  e.kind === 'WAITING_LIST_ENTRY' ||
  e.kind === 'PLACEMENT' ||
  (e.kind === 'WAITING_LIST_EXIT' && e.waitingListOutcome === 'PLACED');

/**
 * Decides whether the viewer may read a household, on a given day.
 * - Coordinator: households of its own region (the chain task is its ground).
 * - Agency worker: an active care relation (open referral to or from its agency, regie held by its agency, an open
 *   placement at its facility, or recent involvement) and a valid consent naming its agency, or a legal ground.
 * - Shelter staff: households that apply to, wait for or stay at its facilities, and for a set term
 *   (AccessPolicy.shelterAccessDays) after a refusal or an exit ended that relation.
 * - Policy maker and administrator: never; they see aggregates and reference data only.
 * Break-glass grants allow access with a stated reason and are flagged for review.
 */
/** The facts decideHouseholdAccess reads for a role; a coordinator's (and a refusal by role) need the region only. */
export function accessFactsScopeOf(role: Viewer['role']): AccessFactsScope {
  return role === 'AGENCY_WORKER' || role === 'SHELTER_STAFF' ? 'CARE' : 'REGION';
}

export function decideHouseholdAccess(viewer: Viewer, facts: AccessFacts | undefined, today: string, policy: AccessPolicy): AccessDecision {
  if (!facts) {
    // Answered as for a household in no region with no relations and no grant: the same words an existing
    // household that is not the viewer's gets.
    const asIfUnrelated = decideHouseholdAccess(viewer, UNRELATED, today, policy);
    return asIfUnrelated.allowed
      ? { allowed: false, missing: 'no access', reasonCode: 'NOT_ALLOWED', logged: 'the household does not exist' }
      : { ...asIfUnrelated, logged: 'the household does not exist' };
  }
  const grant = facts.grants[0];
  const role = viewer.role;

  if (role === 'POLICY_MAKER')
    return { allowed: false, missing: 'policy makers see aggregates only, never a household', reasonCode: 'AGGREGATES_ONLY' };
  if (role === 'ADMIN')
    return {
      allowed: false,
      missing: 'administrators manage accounts and reference data, not households',
      reasonCode: 'NO_HOUSEHOLDS_FOR_ADMIN',
    };

  if (role === 'COORDINATOR') {
    if (viewer.centrumgemeenteId && facts.cityId === viewer.centrumgemeenteId) {
      return { allowed: true, basis: `chain coordinator of region ${facts.cityId}`, breakGlass: false };
    }
    return grantOr(grant, `the household is outside your region (${viewer.centrumgemeenteId ?? 'none'})`, 'OUTSIDE_YOUR_REGION');
  }

  const agencyId = viewer.agencyId;
  if (!agencyId) return { allowed: false, missing: 'your account is not linked to an agency', reasonCode: 'NO_AGENCY' };

  if (role === 'SHELTER_STAFF') {
    const relation = shelterRelation(facts, agencyId, today, policy);
    if (relation.open) return { allowed: true, basis: relation.basis, breakGlass: false };
    return grantOr(grant, relation.missing, relation.reasonCode);
  }

  const relation = careRelation(facts, agencyId);
  if (!relation) return grantOr(grant, `no active care relation between the household and agency ${agencyId}`, 'NO_CARE_RELATION');
  const consent = facts.consents.find(
    (c) => c.recipientAgencyIds.includes(agencyId) && c.from <= today && today <= c.to && (c.withdrawnOn === null || c.withdrawnOn > today),
  );
  if (consent)
    return { allowed: true, basis: `${relation} under consent ${consent.id} (${consent.purpose.toLowerCase()})`, breakGlass: false };
  const ground = facts.grounds.find((g) => g.agencyIds.includes(agencyId) && g.from <= today && today <= g.to);
  if (ground) return { allowed: true, basis: `${relation} on legal ground ${ground.id}: ${ground.basis}`, breakGlass: false };
  // Explain with the consent that came closest: one withdrawn while its period still runs, else the latest.
  const named = facts.consents.filter((c) => c.recipientAgencyIds.includes(agencyId)).sort((x, y) => y.to.localeCompare(x.to));
  const lapsed = named.find((c) => c.withdrawnOn !== null && c.from <= today && today <= c.to) ?? named[0];
  if (!lapsed) return grantOr(grant, `no consent or legal ground naming agency ${agencyId}`, 'NO_CONSENT');
  if (lapsed.withdrawnOn !== null && lapsed.withdrawnOn <= today)
    return grantOr(grant, `consent ${lapsed.id} was withdrawn on ${lapsed.withdrawnOn}`, 'CONSENT_WITHDRAWN');
  return grantOr(grant, `consent ${lapsed.id} is valid only from ${lapsed.from} to ${lapsed.to}`, 'CONSENT_NOT_VALID_TODAY');
}

const UNRELATED: AccessFacts = {
  householdId: '',
  cityId: '',
  registeredByAgencyId: null,
  referrals: [],
  regie: [],
  facilityEvents: [],
  recentAgencyEvents: [],
  consents: [],
  grounds: [],
  grants: [],
};

/**
 * A shelter's relation with a household, per facility of its own: open while the last step there is an application,
 * a waiting-list entry or a placement; after a refusal or an exit it runs on for the configured term.
 */
function shelterRelation(
  facts: AccessFacts,
  agencyId: string,
  today: string,
  policy: AccessPolicy,
): { open: true; basis: string } | { open: false; missing: string; reasonCode: ProblemCode } {
  const own = facts.facilityEvents.filter((e) => FACILITY_KINDS.has(e.kind) && e.facilityAgencyId === agencyId);
  if (own.length === 0)
    return {
      open: false,
      missing: 'the household has no application, waiting-list entry, refusal or placement at your facilities',
      reasonCode: 'NO_SHELTER_RELATION',
    };
  let latestEnd: string | null = null;
  for (const facilityId of new Set(own.map((e) => e.facilityId))) {
    const steps = own.filter((e) => e.facilityId === facilityId);
    const lastDay = steps.reduce((day, e) => (e.occurredOn > day ? e.occurredOn : day), '');
    const last = steps.filter((e) => e.occurredOn === lastDay);
    const open = last.find(keepsRelationOpen);
    if (open) return { open: true, basis: `${open.kind.toLowerCase()} ${open.id} at facility ${facilityId}` };
    if (latestEnd === null || lastDay > latestEnd) latestEnd = lastDay;
  }
  // A shelter that holds regie (it takes it over at placement, 002 L1400-1408) still works with the family.
  const regie = facts.regie.find((g) => g.agencyId === agencyId);
  if (regie) return { open: true, basis: `regie ${regie.id} at ${regie.stage}, after the stay at ${own.at(-1)!.facilityId}` };
  const until = addDays(latestEnd!, policy.shelterAccessDays);
  if (today <= until) return { open: true, basis: `relation with your facility ended on ${latestEnd}; access runs until ${until}` };
  return {
    open: false,
    missing: `the relation with your facilities ended on ${latestEnd}; access ran until ${until}`,
    reasonCode: 'SHELTER_RELATION_ENDED',
  };
}

function careRelation(facts: AccessFacts, agencyId: string): string | null {
  const referral = facts.referrals.find((r) => r.toAgencyId === agencyId || r.fromAgencyId === agencyId);
  if (referral) return `referral ${referral.id} (${referral.status.toLowerCase()})`;
  const regie = facts.regie.find((g) => g.agencyId === agencyId);
  if (regie) return `regie ${regie.id} at ${regie.stage}`;
  const placements = facts.facilityEvents.filter((e) => e.facilityAgencyId === agencyId);
  const placement = placements.find(
    (e) =>
      e.kind === 'PLACEMENT' &&
      !placements.some((x) => x.kind === 'SHELTER_EXIT' && x.facilityId === e.facilityId && x.occurredOn >= e.occurredOn),
  );
  if (placement) return `placement ${placement.id} at ${placement.facilityId}`;
  const recent = facts.recentAgencyEvents.find((e) => e.agencyId === agencyId);
  if (recent) return `recent involvement (event ${recent.id} on ${recent.occurredOn})`;
  if (facts.registeredByAgencyId === agencyId && facts.recentAgencyEvents.length === 0) return 'registered by your agency';
  return null;
}

function grantOr(grant: AccessFacts['grants'][number] | undefined, missing: string, reasonCode: ProblemCode): AccessDecision {
  if (grant) return { allowed: true, basis: `break-glass ${grant.id}: ${grant.reason}`, breakGlass: true };
  return { allowed: false, missing, reasonCode } satisfies Refused;
}
