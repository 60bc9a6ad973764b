// Registration systems (Kris2, Regas, Multi-signaal...) and whether they hold composition and refusals (docs/domain.md §5.9).
import { z } from 'zod';

export const RegistrationSystem = z.object({
  id: z.string(),
  centrumgemeenteId: z.string(),
  name: z.string(),
  holderAgencyId: z.string().nullable(),
  recordsComposition: z.boolean().nullable(),
  since: z.string().nullable(),
  note: z.string().nullable(),
  sourceLines: z.string().nullable(),
});
export type RegistrationSystem = z.infer<typeof RegistrationSystem>;
