// A household's trajectory from its recorded facts: an ordered timeline with regie per step, and the same as a graph.
import {
  stateAfter,
  type ChainState,
  type EventRecord,
  type ReferralRecord,
  type RegieRecord,
  daysBetween,
  inOrderOfOccurrence,
} from '@ketenkaart/schema';
import type { ShelterRecord } from '../repositories/shelter-repository.js';

export interface RegieOnDay {
  agencyId: string;
  stage: ChainState;
}

export interface TrajectoryStep {
  event: EventRecord;
  /** The chain state this step moves the household into; null for steps within a state. */
  stateAfter: ChainState | null;
  /** Agencies holding regie on the day of the step (several when stages overlap or regie conflicts). */
  regie: RegieOnDay[];
  /** Days since the previous effective step; null for the first. */
  daysSincePrevious: number | null;
  /** Days from the referral being sent, for referral answers; null otherwise. */
  daysSinceReferralSent: number | null;
  superseded: boolean;
}

export type TrajectoryNodeKind = 'HOUSEHOLD' | 'EVENT' | 'AGENCY' | 'REFERRAL' | 'FACILITY' | 'SHELTER_REFUSAL';
export type TrajectoryEdgeKind =
  'NEXT' | 'FOLLOWS_FROM' | 'ACTED_IN' | 'CONCERNS' | 'SENT_BY' | 'SENT_TO' | 'AT_FACILITY' | 'SUPERSEDES' | 'HOLDS_REGIE' | 'REPORTED';

export interface TrajectoryNode {
  id: string;
  kind: TrajectoryNodeKind;
  refId: string;
  label: string;
  date: string | null;
  superseded: boolean;
}

export interface TrajectoryEdge {
  id: string;
  source: string;
  target: string;
  kind: TrajectoryEdgeKind;
  label: string | null;
}

export interface Trajectory {
  householdId: string;
  steps: TrajectoryStep[];
  currentState: ChainState | null;
  currentRegie: RegieRecord[];
  nodes: TrajectoryNode[];
  edges: TrajectoryEdge[];
}

export function regieOnDay(assignments: RegieRecord[], day: string): RegieOnDay[] {
  return assignments.filter((g) => g.from <= day && (g.to === null || g.to > day)).map((g) => ({ agencyId: g.agencyId, stage: g.stage }));
}

export function buildTrajectory(
  householdId: string,
  events: EventRecord[],
  referrals: ReferralRecord[],
  regie: RegieRecord[],
  names: { agency: (id: string) => string; facility: (id: string) => string },
  /** Refusals from a shelter's own register linked to this household: shown beside the path, not on it. */
  shelterRefusals: ShelterRecord[] = [],
): Trajectory {
  const ordered = [...events].sort(inOrderOfOccurrence);
  const referralById = new Map(referrals.map((r) => [r.id, r]));
  let previousDay: string | null = null;
  let currentState: ChainState | null = null;
  const steps: TrajectoryStep[] = ordered.map((event) => {
    const superseded = event.supersededById !== null;
    const state = stateAfter(event.kind, { verdictKind: event.verdictKind });
    const referral = event.referralId ? referralById.get(event.referralId) : undefined;
    const step: TrajectoryStep = {
      event,
      stateAfter: state,
      regie: regieOnDay(regie, event.occurredOn),
      daysSincePrevious: superseded || previousDay === null ? null : daysBetween(previousDay, event.occurredOn),
      daysSinceReferralSent: referral && event.kind !== 'REFERRAL_SENT' ? daysBetween(referral.sentOn, event.occurredOn) : null,
      superseded,
    };
    if (!superseded) {
      previousDay = event.occurredOn;
      if (state) currentState = state;
    }
    return step;
  });

  const nodes = new Map<string, TrajectoryNode>();
  const edges: TrajectoryEdge[] = [];
  const addNode = (node: TrajectoryNode) => nodes.set(node.id, node);
  const edge = (kind: TrajectoryEdgeKind, source: string, target: string, label: string | null = null) =>
    edges.push({ id: `${kind}:${source}->${target}`, kind, source, target, label });

  const householdNode = `household:${householdId}`;
  addNode({ id: householdNode, kind: 'HOUSEHOLD', refId: householdId, label: householdId, date: null, superseded: false });
  let previousEffective: string | null = null;
  for (const { event, superseded } of steps) {
    const node = `event:${event.id}`;
    addNode({ id: node, kind: 'EVENT', refId: event.id, label: event.kind, date: event.occurredOn, superseded });
    if (!superseded) {
      edge('NEXT', previousEffective ?? householdNode, node);
      previousEffective = node;
    }
    for (const cause of event.followsFromIds) edge('FOLLOWS_FROM', node, `event:${cause}`);
    if (event.supersedesId) edge('SUPERSEDES', node, `event:${event.supersedesId}`);
    if (event.agencyId) {
      addNode({
        id: `agency:${event.agencyId}`,
        kind: 'AGENCY',
        refId: event.agencyId,
        label: names.agency(event.agencyId),
        date: null,
        superseded: false,
      });
      edge('ACTED_IN', `agency:${event.agencyId}`, node);
    }
    if (event.facilityId) {
      addNode({
        id: `facility:${event.facilityId}`,
        kind: 'FACILITY',
        refId: event.facilityId,
        label: names.facility(event.facilityId),
        date: null,
        superseded: false,
      });
      edge('AT_FACILITY', node, `facility:${event.facilityId}`);
    }
    if (event.referralId) edge('CONCERNS', node, `referral:${event.referralId}`);
  }
  for (const referral of referrals) {
    const node = `referral:${referral.id}`;
    addNode({ id: node, kind: 'REFERRAL', refId: referral.id, label: referral.status, date: referral.sentOn, superseded: false });
    for (const [kind, agencyId] of [
      ['SENT_BY', referral.fromAgencyId],
      ['SENT_TO', referral.toAgencyId],
    ] as const) {
      addNode({ id: `agency:${agencyId}`, kind: 'AGENCY', refId: agencyId, label: names.agency(agencyId), date: null, superseded: false });
      edge(kind, node, `agency:${agencyId}`);
    }
  }
  for (const assignment of regie) {
    addNode({
      id: `agency:${assignment.agencyId}`,
      kind: 'AGENCY',
      refId: assignment.agencyId,
      label: names.agency(assignment.agencyId),
      date: null,
      superseded: false,
    });
    edges.push({
      id: `HOLDS_REGIE:${assignment.id}`,
      kind: 'HOLDS_REGIE',
      source: `agency:${assignment.agencyId}`,
      target: householdNode,
      label: `${assignment.stage} ${assignment.from}–${assignment.to ?? ''}`,
    });
  }

  for (const refusal of shelterRefusals) {
    const node = `shelter-record:${refusal.id}`;
    addNode({
      id: node,
      kind: 'SHELTER_REFUSAL',
      refId: refusal.id,
      label: refusal.reason ?? 'OTHER',
      date: refusal.refusedOn,
      superseded: !refusal.current,
    });
    addNode({
      id: `facility:${refusal.facilityId}`,
      kind: 'FACILITY',
      refId: refusal.facilityId,
      label: names.facility(refusal.facilityId),
      date: null,
      superseded: false,
    });
    edge('REPORTED', `facility:${refusal.facilityId}`, node, refusal.alternative);
    edge('CONCERNS', node, householdNode);
  }

  return {
    householdId,
    steps,
    currentState,
    currentRegie: regie.filter((g) => g.to === null),
    nodes: [...nodes.values()],
    edges,
  };
}
