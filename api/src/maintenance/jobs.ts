// The daily jobs, run by the server itself on the embedded store (one process), or one by one from the command
// line where the API runs on several machines (npm run retention, npm run sweep-gaps): schedule those daily.
import type { Config } from '../config.js';
import type { CypherExecutor } from '../db/executor.js';
import { sweepGaps } from './gap-sweep.js';
import { runRetention } from './retention.js';

export const dailyJobs = {
  retention: (executor: CypherExecutor, config: Config, now: Date) => runRetention(executor, { now, accessLogYears: config.accessLogRetentionYears }),
  'sweep-gaps': (executor: CypherExecutor, _config: Config, now: Date) => sweepGaps(executor, { now }),
} satisfies Record<string, (executor: CypherExecutor, config: Config, now: Date) => Promise<object>>;

export type DailyJob = keyof typeof dailyJobs;

export function isDailyJob(name: string): name is DailyJob {
  return Object.hasOwn(dailyJobs, name);
}
