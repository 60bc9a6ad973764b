// A regiogemeente served by a centrumgemeente (docs/domain.md §1, L581-583).
import { z } from 'zod';

export const Municipality = z.object({
  id: z.string(),
  name: z.string(),
  centrumgemeenteId: z.string(),
  sourceLines: z.string().nullable(),
});
export type Municipality = z.infer<typeof Municipality>;
