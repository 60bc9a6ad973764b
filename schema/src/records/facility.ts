// A shelter facility and its capacity figures, each with its own unit, target group and source (docs/domain.md §5.3).
import { z } from 'zod';

/** Units the report uses; they are never added together. */
export const CapacityUnit = z.enum(['places', 'units', 'dwellings', 'families', 'adults', 'clients', 'households']);
export type CapacityUnit = z.infer<typeof CapacityUnit>;

export const Facility = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  aliases: z.array(z.string()),
  agencyId: z.string().nullable(),
  centrumgemeenteId: z.string(),
  location: z.string().nullable(),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type Facility = z.infer<typeof Facility>;

export const CapacityFigure = z.object({
  id: z.string(),
  facilityId: z.string(),
  value: z.number().nullable(),
  unit: CapacityUnit,
  /** The unit as the Dutch source words it (woonunits, woningen). */
  unitNl: z.string().nullable(),
  targetGroup: z.string(),
  year: z.number().int().nullable(),
  asOf: z.string().nullable(),
  qualifier: z.string().nullable(),
  sourceOrg: z.string().nullable(),
  /** A capacity the source announces for later (an expansion), never added to capacity that exists. */
  planned: z.boolean(),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type CapacityFigure = z.infer<typeof CapacityFigure>;
