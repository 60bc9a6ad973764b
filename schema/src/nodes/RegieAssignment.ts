// Regie over a household at a chain stage, as a time interval held by one agency (docs/domain.md §5.6, L1404-1408).
import { z } from 'zod';
import { ChainState } from '../lifecycles/chain-state.js';

export const RegieAssignment = z.object({
  id: z.string(),
  householdId: z.string(),
  agencyId: z.string(),
  stage: ChainState,
  from: z.string(),
  to: z.string().nullable(),
  handedOverToId: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type RegieAssignment = z.infer<typeof RegieAssignment>;
