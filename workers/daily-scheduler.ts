import type { DeadlineQueue } from "./queues.ts";
import { DAILY_JOB_NAME, DAILY_SCHEDULER_ID } from "./queues.ts";

export const CHINA_TZ = "Asia/Shanghai";

/** `5 <jobHour> * * *`: five minutes after the day's deadline jobs. */
export function dailyPattern(jobHour: number): string {
  return `5 ${jobHour} * * *`;
}

/**
 * Makes sure the daily maintenance job (reconcile, overdue digests) is scheduled, China time.
 * Upserts only when the scheduler is missing (a fresh or flushed Redis) or its hour changed.
 */
export async function ensureDailyScheduler(queue: DeadlineQueue, jobHour: number): Promise<boolean> {
  const pattern = dailyPattern(jobHour);
  const existing = await queue.getJobScheduler(DAILY_SCHEDULER_ID);
  if (existing?.pattern === pattern && existing.tz === CHINA_TZ) return false;
  await queue.upsertJobScheduler(
    DAILY_SCHEDULER_ID,
    { pattern, tz: CHINA_TZ },
    {
      name: DAILY_JOB_NAME,
      data: { v: 1 },
      opts: {
        attempts: 5,
        backoff: { type: "exponential", delay: 10_000 },
        removeOnComplete: { count: 30 },
        removeOnFail: { count: 30 },
      },
    },
  );
  return true;
}
