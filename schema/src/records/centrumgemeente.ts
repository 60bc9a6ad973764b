// A centrumgemeente: the municipality funded and responsible for maatschappelijke opvang in a region (docs/domain.md §1, L573-583).
import { z } from 'zod';

/** How the partners in a city's chain work together, as the report compares the cities (002 L4644-4656). */
export const ChainCooperation = z.enum(['FORMAL', 'INFORMAL']);
export type ChainCooperation = z.infer<typeof ChainCooperation>;

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
  /** Whether the report describes formal (covenants, protocols) or informal cooperation (002 L4644-4656); null when unstated. */
  chainCooperation: ChainCooperation.nullable(),
  chainCooperationLines: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type Centrumgemeente = z.infer<typeof Centrumgemeente>;
