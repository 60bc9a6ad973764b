// A gap the rules found in one household's path: what detection produces and the gap repository stores.
import type { ChainState } from '../lifecycles/chain-state.js';
import type { GapRuleId, GapSeverity } from './gap-rules.js';

export interface EvidenceEdge {
  source: string;
  target: string;
  kind: string;
}

export interface GapFinding {
  id: string;
  ruleId: GapRuleId;
  householdId: string;
  centrumgemeenteId: string;
  severity: GapSeverity;
  stage: ChainState | null;
  /** The day the missing step became overdue (or the day of the event that is the gap). */
  detectedOn: string;
  /**
   * For a missed term: its last day, on which the step was still on time (detectedOn is the day after). Null for a
   * gap that is an event or a state rather than a missed term. The one due day the worklist and the trace show.
   */
  dueOn: string | null;
  agencyIds: string[];
  /** Node ids as in the trajectory graph ("event:ev_…", "referral:ref_…", "agency:…", "person:…"). */
  evidenceNodes: string[];
  evidenceEdges: EvidenceEdge[];
  summary: string;
}
