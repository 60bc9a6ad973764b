// A figure the source reports publish about a city, with its unit, scope and source organisation (docs/domain.md §5.4, §7).
import { z } from 'zod';
import { FigureStatus } from '../unknown.js';

export const PublishedFigure = z.object({
  id: z.string(),
  centrumgemeenteId: z.string().nullable(),
  metric: z.string(),
  year: z.number().int().nullable(),
  period: z.string().nullable(),
  status: FigureStatus,
  value: z.number().nullable(),
  valueText: z.string().nullable(),
  unit: z.string().nullable(),
  scope: z.string().nullable(),
  sourceOrg: z.string().nullable(),
  qualifier: z.string().nullable(),
  agencyId: z.string().nullable(),
  facilityId: z.string().nullable(),
  /** The agency or facility as the source names it, when it is not one of the seeded ids ("De Roggeveen"). */
  subjectName: z.string().nullable(),
  note: z.string().nullable(),
  sourceDocument: z.string(),
  sourceLines: z.string().nullable(),
});
export type PublishedFigure = z.infer<typeof PublishedFigure>;
