// An agency in the chain (ketenpartner): corporation, GGD, shelter, sociaal team, court, bailiff...
import { z } from 'zod';

/** Agency types: the report data's own list (cities.json conventions.agencyTypes). */
export const AgencyType = z.enum([
  'GGD',
  'MO_SHELTER',
  'WOMEN_SHELTER',
  'HOUSING_CORPORATION',
  'SOCIAL_TEAM',
  'DEBT_COUNSELLING',
  'SOCIAL_WORK',
  'YOUTH_CARE',
  'MENTAL_HEALTH',
  'ADDICTION_CARE',
  'BAILIFF',
  'COURT',
  'MUNICIPALITY',
  'POLICE',
  'PARTNERSHIP',
  'OTHER',
]);
export type AgencyType = z.infer<typeof AgencyType>;

export const Agency = z.object({
  id: z.string(),
  name: z.string(),
  /** Spelling variants in the sources (docs/domain.md §5.8): MaaslandMooiland / Mooiland Maasland... */
  aliases: z.array(z.string()),
  type: AgencyType,
  roles: z.array(z.string()),
  note: z.string().nullable(),
  /** For group entries ("9 corporations"): how many organisations the entry stands for. */
  memberCount: z.number().int().nullable(),
  /** The count as the source words it when it is no plain number ("ruim 10"). */
  memberCountText: z.string().nullable(),
  parentId: z.string().nullable(),
  centrumgemeenteId: z.string(),
  sourceLines: z.string().nullable(),
});
export type Agency = z.infer<typeof Agency>;
