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
  agencyIds: string[];
  /** Node ids as in the trajectory graph ("event:ev_…", "referral:ref_…", "agency:…", "person:…"). */
  evidenceNodes: string[];
  evidenceEdges: EvidenceEdge[];
  summary: string;
}
