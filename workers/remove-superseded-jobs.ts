import type { DeadlineQueue } from "./queues.ts";
import type { WorkerLogger } from "./worker-logger.ts";

/**
 * Removes from the queue the jobs whose deadline rows a committed write deleted (a moved date:
 * the new date is a new job id). A delayed job for a date that no longer holds would otherwise
 * sit in Redis until its day and then find its row gone. A job running now is locked and stays
 * (BullMQ's remove answers 0): it re-reads its row and does nothing. Never throws: a job left
 * behind is harmless for the same reason.
 */
export async function removeSupersededJobs(
  queue: DeadlineQueue,
  jobIds: readonly string[],
  logger?: WorkerLogger,
  /** Give up waiting for Redis after this many milliseconds. */
  timeoutMs = 5000,
): Promise<number> {
  if (jobIds.length === 0) return 0;
  let timer: NodeJS.Timeout | undefined;
  try {
    const removing = Promise.all(jobIds.map((id) => queue.remove(id)));
    removing.catch(() => undefined); // a late failure after the timeout won
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const removed = await Promise.race([removing, timeout]);
    return removed.reduce<number>((n, r) => n + r, 0);
  } catch (error) {
    logger?.warn(
      { err: error, jobs: jobIds.length },
      "移除已被取代的期限任务失败（到期时会因记录已删除而跳过）",
    );
    return 0;
  } finally {
    clearTimeout(timer);
  }
}
