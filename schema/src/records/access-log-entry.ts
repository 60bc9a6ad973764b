// An access log entry in the spirit of NEN 7513: who saw or changed what, for whom, on which basis, with what outcome.
import { z } from 'zod';
import { Role } from './account.js';

export const AccessAction = z.enum(['READ', 'SEARCH', 'CHANGE', 'EXPORT', 'IMPORT', 'LOGIN']);
export type AccessAction = z.infer<typeof AccessAction>;

export const AccessOutcome = z.enum(['ALLOWED', 'REFUSED']);
export type AccessOutcome = z.infer<typeof AccessOutcome>;

export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  accountId: z.string().nullable(),
  role: Role.nullable(),
  agencyId: z.string().nullable(),
  action: AccessAction,
  /** Operation or fields, e.g. "household.trajectory" or "recordEvent". */
  operation: z.string(),
  householdId: z.string().nullable(),
  searchTerms: z.string().nullable(),
  /** The access path or stated reason: "referral ref_… accepted under consent con_…". */
  basis: z.string().nullable(),
  outcome: AccessOutcome,
  breakGlass: z.boolean(),
  requestId: z.string().nullable(),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
