// Accounts of chain workers and their role: what a role may see is decided in api/src/access.
import { z } from 'zod';
import { refinement } from '../problems.js';

/** Roles (rollen): need-to-know differs per role; policy makers see aggregates only. */
export const Role = z.enum(['COORDINATOR', 'AGENCY_WORKER', 'SHELTER_STAFF', 'POLICY_MAKER', 'ADMIN']);
export type Role = z.infer<typeof Role>;

export const Username = z
  .string()
  .min(3)
  .max(64)
  .refine((name) => /^[a-z0-9._-]+$/.test(name), refinement('USERNAME_CHARACTERS'));

export const Password = z.string().min(12, 'at least 12 characters').max(256);

export const Account = z.object({
  id: z.string(),
  username: Username,
  role: Role,
  /** The agency an agency worker or shelter staff member works for. */
  agencyId: z.string().nullable(),
  /** The region a coordinator or policy maker works for. */
  centrumgemeenteId: z.string().nullable(),
  active: z.boolean(),
});
export type Account = z.infer<typeof Account>;
