import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { queueRedis } from "./read-queue-states.ts";
import { type ReconcileArgs, type ReconcileResult, reconcile } from "./reconcile.ts";

/** A pass's lock lasts this long unless extended (it is, every third of that, while the pass runs). */
const LOCK_MS = 30_000;
/**
 * Written rows are looked at again for this long after the pass that first could have seen
 * them: the watermark is already the start of the oldest open transaction, this only absorbs
 * a commit racing the watermark's own read.
 */
const OVERLAP_MS = 60_000;

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end return 0`;
/**
 * Marks the pass and reads the last watermark in one step: a FLUSHALL before it leaves no
 * watermark (a full pass), one after it removes the mark (the pass's watermark is not stored).
 */
const BEGIN = `redis.call('hset', KEYS[1], 'pass', ARGV[1]) return redis.call('hmget', KEYS[1], 'watermark', 'fullAt')`;
/** The watermark is stored only if the marker this pass started with is still there. */
const FINISH = `if redis.call('hget', KEYS[1], 'pass') == ARGV[1] then return redis.call('hset', KEYS[1], 'watermark', ARGV[2], 'fullAt', ARGV[3]) end return -1`;

export type ReconcilerRun =
  | ({ mode: "full" | "incremental" } & ReconcileResult)
  /** Another worker holds the lock: its pass is the one. */
  | { mode: "skipped" };

/**
 * One reconciler pass for the whole deployment (every worker process calls this on its timer):
 * - one worker at a time: a Redis lock (`SET NX PX`, extended while the pass runs, released
 *   only by its holder), so two workers never both walk the queue;
 * - incremental: the rows written since the last pass's watermark (kept in Redis with the
 *   marker), plus the failed jobs;
 * - full: when the marker's watermark is missing, i.e. Redis lost its data (FLUSHALL, a
 *   restart without persistence), no worker ever reconciled this queue, or the last full pass
 *   did not finish. A Redis restored from an older snapshot brings back its older watermark,
 *   so the incremental pass re-checks every row written since that snapshot.
 */
export async function runReconciler(
  args: Omit<ReconcileArgs, "since">,
  options: { forceFull?: boolean } = {},
): Promise<ReconcilerRun> {
  const redis = await queueRedis(args.queue);
  const lockKey = args.queue.toKey("reconciler-lock");
  const markerKey = args.queue.toKey("reconciler");
  const token = randomBytes(12).toString("hex");
  if ((await redis.set(lockKey, token, "PX", LOCK_MS, "NX")) !== "OK") return { mode: "skipped" };
  // A crashed holder's lock expires; a live one's is extended, however long its pass.
  const heartbeat = setInterval(() => {
    redis.eval(EXTEND, 1, lockKey, token, LOCK_MS).catch((err: unknown) => {
      // Harmless if it expires: at worst another worker repeats the (idempotent) pass.
      args.logger?.warn({ err }, "reconciler lock not extended");
    });
  }, LOCK_MS / 3);
  heartbeat.unref();
  try {
    const watermark = await databaseWatermark(args);
    const [last, fullAt] = (await redis.eval(BEGIN, 1, markerKey, token)) as [string | null, string | null];
    const isFull = options.forceFull === true || last === null;
    const since = isFull ? undefined : new Date(Date.parse(last) - OVERLAP_MS);
    const result = await reconcile({ ...args, since });
    const fullAtNow = isFull ? new Date().toISOString() : (fullAt ?? "");
    await redis.eval(FINISH, 1, markerKey, token, watermark.toISOString(), fullAtNow);
    return { mode: isFull ? "full" : "incremental", ...result };
  } finally {
    clearInterval(heartbeat);
    await redis.eval(RELEASE, 1, lockKey, token);
  }
}

/**
 * Where the next incremental pass starts: the database's now, or the start of its oldest open
 * transaction (a row it writes carries that start as `created_at` and becomes visible only
 * when it commits, after this pass has read the rows).
 */
async function databaseWatermark(args: Pick<ReconcileArgs, "db">): Promise<Date> {
  const { rows } = await sql<{ watermark: Date | string }>`
    SELECT least(
      statement_timestamp(),
      (SELECT min(xact_start) FROM pg_stat_activity
        WHERE datname = current_database() AND xact_start IS NOT NULL)
    ) AS watermark`.execute(args.db);
  const value = rows[0]?.watermark;
  if (value === undefined) throw new Error("the database gave no time");
  return value instanceof Date ? value : new Date(value);
}
