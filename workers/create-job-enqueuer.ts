import type { PlannedJob } from "../src/services/plan-deadline-jobs.ts";
import { enqueuePlannedJobs } from "./enqueue-planned-jobs.ts";
import type { DeadlineQueue } from "./queues.ts";
import { removeSupersededJobs } from "./remove-superseded-jobs.ts";
import { logSafe, type WorkerLogger } from "./worker-logger.ts";

export interface JobEnqueuerOptions {
  /** The deadline queue (createDeadlineQueue); the caller closes it. */
  queue: DeadlineQueue;
  now: () => Date;
  /** Hour of the day, China time, at which a day's jobs run (OGI_JOB_HOUR). */
  jobHour: number;
  logger?: WorkerLogger | undefined;
  /** Give up waiting for Redis after this many milliseconds. Default: 5000. */
  timeoutMs?: number | undefined;
}

/**
 * The application service's `onJobsPlanned` (API side and workers alike): enqueues a case's
 * planned jobs after its commit and removes the jobs of the rows the commit deleted (a moved
 * date). Never throws: what it could not enqueue, the reconciler does.
 */
export function createJobEnqueuer(
  options: JobEnqueuerOptions,
): (jobs: PlannedJob[], dropped?: readonly string[]) => Promise<void> {
  const logger = options.logger && logSafe(options.logger);
  return async (jobs, dropped = []) => {
    await enqueuePlannedJobs(options.queue, jobs, { ...options, logger });
    await removeSupersededJobs(options.queue, dropped, logger, options.timeoutMs);
  };
}
