// A regie assignment as the repositories read it: which agency holds the case at a stage, from when to when.
import { z } from 'zod';
import { ChainState } from '../lifecycles/chain-state.js';
import { instant, opt } from './properties.js';

export const RegieRow = z.object({
  id: z.string(),
  householdId: z.string(),
  agencyId: z.string(),
  stage: ChainState,
  from: z.string(),
  to: opt(z.string()),
  handedOverToId: opt(z.string()),
  recordedAt: instant,
  recordedBy: z.string(),
  synthetic: z.boolean(),
});
export type RegieRecord = z.infer<typeof RegieRow>;
