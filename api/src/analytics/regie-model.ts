// Recorded regie against the published chain model. A recorded holder conforms when the model names it, names an
// agency it is part of (Sociaal Team Leeuwarden within Sociale teams Friesland), or a handover statement passes
// regie to its kind of agency from that stage on (Amsterdam: to the MO institution at placement, 002 L1404-1408).
import { ChainState, type AgencyType, type RegieBasis } from '@ketenkaart/schema';
import type { ChainStageRecord, RegieNoteRecord } from '../repositories/reference-repository.js';

export type ModelMatch = 'NAMED_HOLDER' | 'PART_OF_NAMED_HOLDER' | 'HANDOVER_STATEMENT';

export interface AgencyInHierarchy {
  id: string;
  type: AgencyType;
  parentId: string | null;
}

/** A holder in the model: from a chain step or a regie statement, stated in the report or inferred. */
interface ModelHolder {
  agencyId: string;
  basis: RegieBasis | null;
  lines: string | null;
}

export interface Conformity {
  match: ModelMatch;
  /** The model holder or handover statement it conforms to. */
  basis: RegieBasis | null;
  sourceLines: string | null;
}

export interface RegieModelComparison {
  /** How a recorded (stage, agency) conforms, or null for a departure. */
  conformity: (stage: ChainState, agencyId: string) => Conformity | null;
  /** Model holders with no recorded regie by themselves or any of their parts. */
  unrecordedHolders: (recordedAgencyIds: string[]) => ModelHolder[];
}

const stateIndex = (state: ChainState) => ChainState.options.indexOf(state);
const basisRank = (basis: RegieBasis | null) => (basis === 'STATED' ? 0 : basis === 'INFERRED' ? 1 : 2);

export function compareRegieWithModel(
  stages: ChainStageRecord[],
  notes: RegieNoteRecord[],
  agencies: Map<string, AgencyInHierarchy>,
): RegieModelComparison {
  const holders: ModelHolder[] = [
    ...stages.flatMap((s) =>
      s.regieAgencyId ? [{ agencyId: s.regieAgencyId, basis: s.regieBasis, lines: s.regieBasisLines ?? s.sourceLines }] : [],
    ),
    ...notes.flatMap((n) =>
      n.holderAgencyId ? [{ agencyId: n.holderAgencyId, basis: n.regieBasis, lines: n.regieBasisLines ?? n.sourceLines }] : [],
    ),
  ].sort((a, b) => basisRank(a.basis) - basisRank(b.basis));
  const handovers = notes.filter((n) => n.handoverToAgencyType && n.handoverAtState);

  /** The agency itself, then each agency it is part of, up the hierarchy. */
  const lineage = (agencyId: string): string[] => {
    const chain: string[] = [];
    for (let id: string | null = agencyId; id && !chain.includes(id); id = agencies.get(id)?.parentId ?? null) chain.push(id);
    return chain;
  };

  return {
    conformity(stage, agencyId) {
      const up = lineage(agencyId);
      const named = holders.find((h) => up.includes(h.agencyId));
      if (named)
        return {
          match: named.agencyId === agencyId ? 'NAMED_HOLDER' : 'PART_OF_NAMED_HOLDER',
          basis: named.basis,
          sourceLines: named.lines,
        };
      const type = agencies.get(agencyId)?.type;
      const handover = handovers.find((n) => n.handoverToAgencyType === type && stateIndex(stage) >= stateIndex(n.handoverAtState!));
      if (handover)
        return { match: 'HANDOVER_STATEMENT', basis: handover.regieBasis, sourceLines: handover.regieBasisLines ?? handover.sourceLines };
      return null;
    },
    unrecordedHolders(recordedAgencyIds) {
      const covered = new Set(recordedAgencyIds.flatMap(lineage));
      const seen = new Set<string>();
      return holders.filter((h) => !covered.has(h.agencyId) && !seen.has(h.agencyId) && seen.add(h.agencyId));
    },
  };
}
