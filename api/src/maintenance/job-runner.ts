// Runs the scheduled jobs in an API instance, under a lease per job: of several instances on one store, one runs a
// job at a time, and when its lease lapses (the instance stopped or hangs) another takes it over at its next tick.
// When a job last ran is kept on the lease, so an instance that takes over does not run it again before it is due.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import type { CypherExecutor } from '../db/executor.js';
import type { Logger } from '../logger.js';
import { jobDuration, jobRuns } from '../metrics.js';
import { createLeaseRepository } from '../repositories/lease-repository.js';
import { scheduledJobs, type ScheduledJob } from './jobs.js';

export interface JobRunnerOptions {
  executor: CypherExecutor;
  config: Config;
  logger: Logger;
  /** This instance, as the lease names its holder. */
  holder?: string;
  now?: () => Date;
  /** How often the runner looks for due jobs and renews its leases. */
  tickMs?: number;
  /** How long a lease holds without renewal: an instance that stops is replaced after this. */
  leaseMs?: number;
}

export type TickOutcome = 'ran' | 'failed' | 'not-due' | 'held-elsewhere';

export function createJobRunner({
  executor,
  config,
  logger,
  holder = `${hostname()}:${process.pid}:${randomUUID()}`,
  now = () => new Date(),
  tickMs = 60_000,
  leaseMs = 5 * 60_000,
}: JobRunnerOptions) {
  const leases = createLeaseRepository(executor);
  const leaseId = (job: ScheduledJob) => `job:${job}`;
  let timer: NodeJS.Timeout | null = null;
  let ticking: Promise<unknown> = Promise.resolve();

  async function runIfDue(job: ScheduledJob): Promise<TickOutcome> {
    const at = now().getTime();
    const lease = await leases.acquire(leaseId(job), holder, at, at + leaseMs);
    if (!lease.acquired) {
      jobRuns.inc({ job, outcome: 'skipped' });
      return 'held-elsewhere';
    }
    if (lease.lastRunAtMs !== null && at - lease.lastRunAtMs < scheduledJobs[job].everyHours * 3600_000) return 'not-due';
    // A long run keeps its lease: renewed at a third of its length while the job works.
    const renewal = setInterval(() => {
      const renewAt = now().getTime();
      leases.acquire(leaseId(job), holder, renewAt, renewAt + leaseMs).catch(() => undefined);
    }, leaseMs / 3);
    renewal.unref();
    const stopTimer = jobDuration.startTimer({ job });
    try {
      const result = await scheduledJobs[job].run(executor, config, new Date(at));
      await leases.recordRun(leaseId(job), holder, at);
      jobRuns.inc({ job, outcome: 'ok' });
      logger.info({ job, ...result }, 'scheduled job run');
      return 'ran';
    } catch (error) {
      jobRuns.inc({ job, outcome: 'failed' });
      logger.error({ job, err: { name: (error as Error).name, message: (error as Error).message } }, 'scheduled job failed');
      return 'failed';
    } finally {
      stopTimer();
      clearInterval(renewal);
    }
  }

  /** Looks at every job once: runs the due ones whose lease this instance holds or can take. */
  async function tick(): Promise<Record<ScheduledJob, TickOutcome>> {
    const outcomes = {} as Record<ScheduledJob, TickOutcome>;
    for (const job of Object.keys(scheduledJobs) as ScheduledJob[]) {
      try {
        outcomes[job] = await runIfDue(job);
      } catch (error) {
        // The store did not answer the lease: try again at the next tick.
        logger.warn({ job, err: { name: (error as Error).name, message: (error as Error).message } }, 'job lease not reached');
        outcomes[job] = 'failed';
      }
    }
    return outcomes;
  }

  return {
    tick,
    /** Ticks now and then every tickMs; a tick waits for the one before it, so runs never overlap. */
    start(): void {
      const next = () => {
        ticking = ticking.then(tick, tick);
      };
      next();
      timer = setInterval(next, tickMs);
      timer.unref();
    },
    /** Stops ticking, waits for a running job, and hands the leases back so another instance can take over at once. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await ticking.catch(() => undefined);
      for (const job of Object.keys(scheduledJobs) as ScheduledJob[]) await leases.release(leaseId(job), holder).catch(() => undefined);
    },
  };
}
