import { randomBytes } from "node:crypto";
import type { DeadlineQueue } from "./queues.ts";
import { queueRedis } from "./read-queue-states.ts";
import type { WorkerLogger } from "./worker-logger.ts";

/** A pass's lock lasts this long unless extended (it is, every third of that, while the pass runs). */
const LOCK_MS = 30_000;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;

/** `work`, or an error once `ms` have passed (a late result is dropped: use it for idempotent calls). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined); // a late failure after the timeout won
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms (${what})`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `pass` while holding the deployment-wide lock `<prefix>:<name>` in the queue's Redis
 * (`SET NX PX`, extended while the pass runs, released only by its holder; a crashed holder's
 * lock expires). Answers `skipped` when another process holds it: that process's pass is the one.
 * Taking the lock gives up after `acquireTimeoutMs` (Redis away): the error is thrown.
 */
export async function withRedisLock<T>(
  queue: DeadlineQueue,
  name: string,
  logger: Pick<WorkerLogger, "warn"> | undefined,
  acquireTimeoutMs: number,
  pass: () => Promise<T>,
): Promise<{ mode: "ran"; value: T } | { mode: "skipped" }> {
  const redis = await withTimeout(queueRedis(queue), acquireTimeoutMs, `connecting for ${name}`);
  const key = queue.toKey(name);
  const token = randomBytes(12).toString("hex");
  const taken = await withTimeout(
    redis.set(key, token, "PX", LOCK_MS, "NX"),
    acquireTimeoutMs,
    `taking ${name}`,
  );
  if (taken !== "OK") return { mode: "skipped" };
  const heartbeat = setInterval(() => {
    redis.eval(EXTEND, 1, key, token, LOCK_MS).catch((err: unknown) => {
      logger?.warn({ err, lock: name }, "lock not extended");
    });
  }, LOCK_MS / 3);
  heartbeat.unref();
  try {
    return { mode: "ran", value: await pass() };
  } finally {
    clearInterval(heartbeat);
    await redis.eval(RELEASE, 1, key, token);
  }
}
