// Who records a fact, and the provenance properties every written node carries.
import type { ProvenanceKind } from '@ketenkaart/schema';

/** Who records a fact: a pseudonymous account, the agency it works for, and whether the data are synthetic. */
export interface Actor {
  accountId: string;
  agencyId: string | null;
  provenanceKind: ProvenanceKind;
}

export function provenance(actor: Actor, now: Date) {
  return {
    recordedAt: now.toISOString(),
    props: {
      recordedBy: actor.accountId,
      reportingAgencyId: actor.agencyId,
      provenanceKind: actor.provenanceKind,
      synthetic: actor.provenanceKind === 'SYNTHETIC',
    },
  };
}
