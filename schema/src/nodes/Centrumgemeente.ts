// A centrumgemeente: the municipality funded and responsible for maatschappelijke opvang in a region (docs/domain.md §1, L573-583).
import { z } from 'zod';

export const Centrumgemeente = z.object({
  id: z.string(),
  name: z.string(),
  province: z.string().nullable(),
  g4: z.boolean(),
  regionName: z.string().nullable(),
  regionDescription: z.string().nullable(),
  regionNote: z.string().nullable(),
  /** Number of municipalities in the region where the report states it; null when it does not. */
  municipalityCount: z.number().int().nullable(),
  interviewPeriod: z.string().nullable(),
  /** Whether the report describes formal (covenants, protocols) or informal cooperation (L4644-4656). */
  sourceLines: z.string().nullable(),
});
export type Centrumgemeente = z.infer<typeof Centrumgemeente>;
