import type { JobsOptions } from "bullmq";
import type { CivilDate } from "../src/domain/civil-date.ts";
import type { JobKind } from "../src/services/plan-deadline-jobs.ts";
import type { DeadlineJobData } from "./queues.ts";

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
