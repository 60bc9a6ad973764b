// Provenance: every fact in the graph says where it came from and when it was recorded.
import { z } from 'zod';

/** Ways a fact can enter the graph. */
export const ProvenanceKind = z.enum(['SOURCE_DOCUMENT', 'AGENCY_REPORT', 'SYNTHETIC']);
export type ProvenanceKind = z.infer<typeof ProvenanceKind>;

/**
 * Flat on purpose: Neo4j stores no maps as property values, so provenance is a fixed set of
 * scalar properties on every node and relationship that states a fact.
 */
export const Provenance = z.object({
  provenanceKind: ProvenanceKind,
  /** File name of the source report in shared/seeds, e.g. 002_274c437a37338521.txt. */
  sourceDocument: z.string().nullable(),
  /** Line reference in the source document as the report data gives it, e.g. "L1400-1408". */
  sourceLines: z.string().nullable(),
  /** The agency that reported the fact, for facts recorded through the API. */
  reportingAgencyId: z.string().nullable(),
  /** When the fact was recorded in Ketenkaart (ISO 8601, UTC). */
  recordedAt: z.string(),
  /** Pseudonymous account id or process that recorded the fact; never a person's name. */
  recordedBy: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

export const SEED_SOURCE_DOCUMENT = '002_274c437a37338521.txt';
