import type { JobsOptions } from "bullmq";
import type { CivilDate } from "../src/domain/civil-date.ts";
import type { JobKind, PlannedJob } from "../src/services/plan-deadline-jobs.ts";
import type { DeadlineJobData, DeadlineQueue } from "./queues.ts";
import type { WorkerLogger } from "./worker-logger.ts";

const DAY_SECONDS = 86_400;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * Options of every deadline job. Completed jobs are kept (their id must not be reused while the
 * deadline row could still be pending: BullMQ ignores an add whose id exists) for 90 days; the
 * reconciler re-adds a pending row whose job was removed, so the bound is safe.
 */
export const DEADLINE_JOB_OPTIONS = {
  /** 2 s, 4 s … 17 min in all; after that the reconciler revives the failed job. */
  attempts: 10,
  backoff: { type: "exponential", delay: 2000 },
  removeOnComplete: { age: 90 * DAY_SECONDS, count: 100_000 },
  removeOnFail: { age: 90 * DAY_SECONDS, count: 10_000 },
} satisfies JobsOptions;

export interface ScheduleOptions {
  /** The clock: the delay is counted from it. */
  now: () => Date;
  /** Hour of the day, China time (0–23), at which a day's jobs run. */
  jobHour: number;
}

export interface EnqueueOptions extends ScheduleOptions {
  logger?: WorkerLogger | undefined;
  /** Give up waiting for Redis after this many milliseconds. Default: 5000. */
  timeoutMs?: number | undefined;
}

export interface DeadlineJobRef {
  jobId: string;
  applicationId: string;
  kind: JobKind;
  runOn: CivilDate;
}

/** The instant `jobHour`:00 China time (UTC+8, no daylight saving) on `runOn`, in ms. */
export function runAtMillis(runOn: CivilDate, jobHour: number): number {
  const [y, m, d] = runOn.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, jobHour) - CHINA_OFFSET_MS;
}

/** The BullMQ add of one deadline job: its deterministic id, due at `jobHour` on `runOn`. */
export function toQueuedJob(job: DeadlineJobRef, options: ScheduleOptions) {
  const data: DeadlineJobData = { v: 1, jobId: job.jobId, applicationId: job.applicationId, kind: job.kind };
  // A moment already passed (a backdated case) runs at once.
  const delay = Math.max(0, runAtMillis(job.runOn, options.jobHour) - options.now().getTime());
  return { name: job.kind, data, opts: { ...DEADLINE_JOB_OPTIONS, jobId: job.jobId, delay } };
}

/**
 * Adds the planned jobs to the queue (a job whose id exists is left as it is). Never throws:
 * the deadline rows are already committed, so a failure is logged and the reconciler adds the
 * jobs later. Resolves with the number of jobs handed to Redis (0 on failure).
 */
export async function enqueuePlannedJobs(
  queue: DeadlineQueue,
  jobs: readonly PlannedJob[],
  options: EnqueueOptions,
): Promise<number> {
  if (jobs.length === 0) return 0;
  const timeoutMs = options.timeoutMs ?? 5000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const adding = queue.addBulk(jobs.map((j) => toQueuedJob(j, options)));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    // Its failure is reported through the race below; this only keeps a late rejection (after
    // the timeout won) from being unhandled. A late add is harmless: the ids are deterministic.
    adding.catch(() => undefined);
    await Promise.race([adding, timeout]);
    return jobs.length;
  } catch (error) {
    options.logger?.error(
      { err: error, jobIds: jobs.map((j) => j.jobId) },
      "enqueue of deadline jobs failed; the reconciler will add them",
    );
    return 0;
  } finally {
    clearTimeout(timer);
  }
}
