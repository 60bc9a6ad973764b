// The scheduled jobs, run by the server itself on the embedded store (one process), or one by one from the command
// line where the API runs on several machines (npm run retention, npm run sweep-gaps): schedule them as often.
// The gap sweep runs hourly so that a gap shows within the hour its day begins; when nothing is due it reads a
// little and writes nothing.
import type { Config } from '../config.js';
import type { CypherExecutor } from '../db/executor.js';
import { sweepGaps } from './gap-sweep.js';
import { runRetention } from './retention.js';

export const scheduledJobs = {
  retention: {
    everyHours: 24,
    run: (executor: CypherExecutor, config: Config, now: Date) =>
      runRetention(executor, { now, accessLogYears: config.accessLogRetentionYears }),
  },
  'sweep-gaps': {
    everyHours: 1,
    run: (executor: CypherExecutor, _config: Config, now: Date) => sweepGaps(executor, { now }),
  },
} satisfies Record<string, { everyHours: number; run: (executor: CypherExecutor, config: Config, now: Date) => Promise<object> }>;

export type ScheduledJob = keyof typeof scheduledJobs;

export function isScheduledJob(name: string): name is ScheduledJob {
  return Object.hasOwn(scheduledJobs, name);
}
