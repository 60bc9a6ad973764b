// The candidate items of a worklist, one read per role: what is overdue or due soon, for the viewer's region or agency.
import { z } from 'zod';
import { GapRuleId, GapSeverity } from '@ketenkaart/schema';
import { cypher, statement } from '../db/cypher.js';
import type { CypherExecutor } from '../db/executor.js';
import { opt } from './rows.js';

const CandidateRow = z.object({
  kind: z.string(),
  id: z.string(),
  householdId: z.string(),
  dueOn: z.string(),
  severity: opt(GapSeverity),
  ruleId: opt(GapRuleId),
  agencyIds: z.array(z.string()),
  facilityId: opt(z.string()),
  detail: opt(z.string()),
});
export type WorklistCandidate = z.infer<typeof CandidateRow>;

// Each source in its own UNION branch that starts at an indexed property. Unanswered referrals come from the
// referrals themselves (with their respond-by day), not from the REFERRAL_UNANSWERED gap, which says the same later.
const coordinatorCandidates = statement(
  'worklistCoordinatorCandidates',
  cypher`
CALL () {
  MATCH (g:GapFinding) WHERE g.centrumgemeenteId = $cityId AND g.ruleId <> 'REFERRAL_UNANSWERED' AND g.detectedOn <= date($horizon)
  RETURN 'GAP' AS kind, g.id AS id, g.householdId AS householdId, coalesce(g.dueOn, toString(g.detectedOn)) AS dueOn, g.severity AS severity,
    g.ruleId AS ruleId, g.agencyIds AS agencyIds, null AS facilityId,
    // A gap with no term (an event or a state) has no due day: the day it arose is shown as "since".
    CASE WHEN g.dueOn IS NULL THEN toString(g.detectedOn) ELSE null END AS detail
  UNION ALL
  MATCH (r:Referral)-[:REFERRAL_FOR]->(h:Household)
  WHERE r.status = 'SENT' AND r.respondBy <= date($horizon) AND h.centrumgemeenteId = $cityId
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, r.id AS id, r.householdId AS householdId, toString(r.respondBy) AS dueOn, null AS severity,
    null AS ruleId, [r.toAgencyId, r.fromAgencyId] AS agencyIds, null AS facilityId, r.purpose AS detail
  UNION ALL
  MATCH (q:AccessRequest) WHERE q.centrumgemeenteId = $cityId AND q.status = 'PENDING'
  RETURN 'ACCESS_REQUEST' AS kind, q.id AS id, q.householdId AS householdId, toString(q.requestedOn) AS dueOn, null AS severity,
    null AS ruleId, CASE WHEN q.agencyId IS NULL THEN [] ELSE [q.agencyId] END AS agencyIds, null AS facilityId, q.reason AS detail
  UNION ALL
  // Break-glass uses (and granted requests) in the region that nobody has reviewed yet; the day is cut from the instant in TypeScript.
  MATCH (b:BreakGlassGrant)-[:BREAK_GLASS_FOR]->(h:Household)
  WHERE h.centrumgemeenteId = $cityId AND b.reviewed = false
  RETURN 'BREAK_GLASS_USE' AS kind, b.id AS id, b.householdId AS householdId, toString(b.at) AS dueOn, null AS severity,
    null AS ruleId, CASE WHEN b.agencyId IS NULL THEN [] ELSE [b.agencyId] END AS agencyIds, null AS facilityId, b.reason AS detail
}
RETURN kind, id, householdId, dueOn, severity, ruleId, agencyIds, facilityId, detail`,
  CandidateRow,
);

const workerCandidates = statement(
  'worklistWorkerCandidates',
  cypher`
CALL () {
  MATCH (r:Referral {toAgencyId: $agencyId}) WHERE r.status = 'SENT'
  RETURN 'REFERRAL_AWAITING_ANSWER' AS kind, r.id AS id, r.householdId AS householdId, toString(r.respondBy) AS dueOn, null AS severity,
    null AS ruleId, [r.toAgencyId, r.fromAgencyId] AS agencyIds, null AS facilityId, r.purpose AS detail
  UNION ALL
  MATCH (r:Referral {fromAgencyId: $agencyId}) WHERE r.status = 'INFO_REQUESTED'
  RETURN 'REFERRAL_INFO_REQUESTED' AS kind, r.id AS id, r.householdId AS householdId, toString(r.infoRequestedOn) AS dueOn, null AS severity,
    null AS ruleId, [r.fromAgencyId, r.toAgencyId] AS agencyIds, null AS facilityId, r.infoQuestion AS detail
  UNION ALL
  MATCH (r:Referral {fromAgencyId: $agencyId}) WHERE r.status IN ['ACCEPTED', 'REFUSED'] AND r.respondedOn >= date($answeredSince)
  RETURN 'REFERRAL_ANSWERED' AS kind, r.id AS id, r.householdId AS householdId, toString(r.respondedOn) AS dueOn, null AS severity,
    null AS ruleId, [r.fromAgencyId, r.toAgencyId] AS agencyIds, null AS facilityId, r.status AS detail
  UNION ALL
  // The agency's own region: findings are looked up by region (indexed), not by rule across the country.
  MATCH (g:GapFinding) WHERE g.centrumgemeenteId = $cityId AND g.ruleId IN $owedRules AND $agencyId IN g.agencyIds AND g.detectedOn <= date($horizon)
  RETURN 'GAP' AS kind, g.id AS id, g.householdId AS householdId, coalesce(g.dueOn, toString(g.detectedOn)) AS dueOn, g.severity AS severity,
    g.ruleId AS ruleId, [$agencyId] AS agencyIds, null AS facilityId, null AS detail
  UNION ALL
  MATCH (n:InvolvementNotice {agencyId: $agencyId}) WHERE n.acknowledgedAt IS NULL
  RETURN 'INVOLVEMENT_NOTICE' AS kind, n.id AS id, n.householdId AS householdId, toString(n.on) AS dueOn, null AS severity,
    null AS ruleId, [n.otherAgencyId] AS agencyIds, null AS facilityId, null AS detail
}
RETURN kind, id, householdId, dueOn, severity, ruleId, agencyIds, facilityId, detail`,
  CandidateRow,
);

const FacilityEventRow = z.object({
  id: z.string(),
  kind: z.string(),
  householdId: z.string(),
  facilityId: z.string(),
  occurredOn: z.string(),
  recordedAt: z.string(),
});

// Every current event at the agency's own facilities that opens or closes an application or a waiting-list entry;
// which are still open is worked out per household and facility in TypeScript.
const shelterEvents = statement(
  'worklistShelterEvents',
  cypher`
MATCH (f:Facility {agencyId: $agencyId})<-[:AT_FACILITY]-(e:Event)
WHERE e.kind IN ['SHELTER_APPLICATION', 'WAITING_LIST_ENTRY', 'WAITING_LIST_EXIT', 'REFUSAL', 'PLACEMENT']
  AND NOT EXISTS { MATCH (e)<-[:SUPERSEDES]-(:Event) }
RETURN e.id AS id, e.kind AS kind, e.householdId AS householdId, f.id AS facilityId, toString(e.occurredOn) AS occurredOn,
  toString(e.recordedAt) AS recordedAt`,
  FacilityEventRow,
);

const noticesFor = statement(
  'worklistNoticesFor',
  cypher`
MATCH (n:InvolvementNotice {agencyId: $agencyId}) WHERE n.acknowledgedAt IS NULL
RETURN 'INVOLVEMENT_NOTICE' AS kind, n.id AS id, n.householdId AS householdId, toString(n.on) AS dueOn, null AS severity,
  null AS ruleId, [n.otherAgencyId] AS agencyIds, null AS facilityId, null AS detail`,
  CandidateRow,
);

/** Gap rules whose missing step the agency named on the finding owes: contact and feedback after a signal, an intake. */
export const OWED_GAP_RULES: GapRuleId[] = ['FEEDBACK_INTERIM_MISSING', 'FEEDBACK_FINAL_MISSING', 'REFERRAL_NO_INTAKE'];

/**
 * Terms for shelter staff (Ketenkaart defaults, not from a covenant): a decision on an application within 7 days,
 * and a waiting-list entry looked at again every 28 days until it has an outcome.
 */
export const SHELTER_DECISION_DAYS = 7;
export const WAITING_LIST_REVIEW_DAYS = 28;

export function createWorklistRepository(executor: CypherExecutor) {
  return {
    coordinator: (cityId: string, horizon: string) => executor.read((tx) => tx.run(coordinatorCandidates, { cityId, horizon })),
    worker: (agencyId: string, cityId: string, horizon: string, answeredSince: string) =>
      executor.read((tx) => tx.run(workerCandidates, { agencyId, cityId, horizon, answeredSince, owedRules: OWED_GAP_RULES })),
    /** Events at the agency's facilities, and its notices of involvement, read in parallel. */
    shelter: (agencyId: string) =>
      Promise.all([executor.read((tx) => tx.run(shelterEvents, { agencyId })), executor.read((tx) => tx.run(noticesFor, { agencyId }))]),
    /** Only the events at the agency's facilities: what the shelter page counts with the worklist's own rule. */
    shelterEvents: (agencyId: string) => executor.read((tx) => tx.run(shelterEvents, { agencyId })),
  };
}

export type WorklistRepository = ReturnType<typeof createWorklistRepository>;
export type ShelterEventRecord = z.infer<typeof FacilityEventRow>;
