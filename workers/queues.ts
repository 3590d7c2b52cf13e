/**
 * The deadline queue's vocabulary: its name, the job data every deadline job carries, the
 * maintenance job of the daily scheduler, and how a queue is connected to Redis.
 */
import { Queue, type RedisOptions } from "bullmq";
import { z } from "zod";
import { JOB_KINDS } from "../src/services/plan-deadline-jobs.ts";
import { logSafe, type WorkerLogger } from "./worker-logger.ts";

export const DEADLINE_QUEUE_NAME = "ogi-deadlines";
/** Redis key prefix in production; tests pass a unique one per file. */
export const DEFAULT_QUEUE_PREFIX = "ogi";

/** Job name of the daily scheduler's job: reconcile, then the overdue digests. */
export const DAILY_JOB_NAME = "maintenance.daily";
export const DAILY_SCHEDULER_ID = "ogi-daily";

/** The data of a deadline job (JSON in Redis, hence versioned). The deadline row holds the rest. */
export const ZDeadlineJobData = z.object({
  v: z.literal(1),
  jobId: z.string().min(1),
  applicationId: z.string().min(1),
  kind: z.enum(JOB_KINDS),
});
export type DeadlineJobData = z.infer<typeof ZDeadlineJobData>;

export interface DailyJobData {
  v: 1;
}

export type OgiJobData = DeadlineJobData | DailyJobData;
export type DeadlineQueue = Queue<OgiJobData, unknown, string>;

export interface QueueConnectionOptions {
  /** Redis key prefix. Default: `ogi`. */
  prefix?: string | undefined;
}

/**
 * ioredis options for a Redis URL. Workers (and anything sharing their process) must retry
 * forever (`maxRetriesPerRequest: null`, BullMQ's requirement for blocking connections); a
 * producer in the API fails a command after a few reconnection attempts instead, so a Redis
 * outage never holds up a request (the reconciler enqueues what was missed).
 */
export function redisConnection(redisUrl: string, options: { forWorker: boolean }): RedisOptions {
  return { url: redisUrl, maxRetriesPerRequest: options.forWorker ? null : 2 };
}

export interface DeadlineQueueOptions extends QueueConnectionOptions {
  /** Retry Redis commands forever (a worker process). Default: false (fail after 2 reconnects). */
  forWorker?: boolean | undefined;
  /** Where Redis connection errors go; without it BullMQ prints them to stderr. */
  logger?: WorkerLogger | undefined;
}

/** The deadline queue. The caller closes it. */
export function createDeadlineQueue(redisUrl: string, options: DeadlineQueueOptions = {}): DeadlineQueue {
  const queue = new Queue<OgiJobData, unknown, string>(DEADLINE_QUEUE_NAME, {
    connection: redisConnection(redisUrl, { forWorker: options.forWorker ?? false }),
    prefix: options.prefix ?? DEFAULT_QUEUE_PREFIX,
  });
  const logger = options.logger && logSafe(options.logger);
  if (logger) queue.on("error", (err) => logger.error({ err }, "deadline queue: Redis error"));
  return queue;
}
