/**
 * Where the deadline queue's jobs stand, read in bulk for the reconciler: never one
 * `getJobState` per job (for a waiting job that scans the whole waiting list, so a reconciler
 * asking it of N due jobs costs N²).
 */
import { Redis } from "ioredis";
import type { DeadlineQueue } from "./queues.ts";

/** present: waiting, delayed, prioritized, paused or running; the finished ones keep their time. */
export type QueuedState =
  | { state: "present" }
  | { state: "completed" }
  | { state: "failed"; finishedOn: number }
  | { state: "missing" };

export type QueueStates = (jobId: string) => QueuedState;

/** The ioredis client under the queue (BullMQ's Redis backend). */
export async function queueRedis(queue: DeadlineQueue): Promise<Redis> {
  const client = await queue.getBackend().client;
  if (!(client instanceof Redis)) throw new Error("the deadline queue is not on an ioredis connection");
  return client;
}

const LIVE_LISTS = ["wait", "paused", "active"] as const;
const LIVE_SETS = ["delayed", "prioritized", "waiting-children"] as const;

/**
 * Every job id of the queue and its state, in ONE atomic MULTI (a consistent snapshot: a job
 * moving between two lists while they are read cannot be seen in neither or both). The finished
 * sets' scores are the jobs' finishing times.
 */
export async function readAllQueueStates(queue: DeadlineQueue): Promise<QueueStates> {
  const redis = await queueRedis(queue);
  const multi = redis.multi();
  for (const list of LIVE_LISTS) multi.lrange(queue.toKey(list), "0", "-1");
  for (const set of LIVE_SETS) multi.zrange(queue.toKey(set), "0", "-1");
  multi.zrange(queue.toKey("completed"), "0", "-1");
  multi.zrange(queue.toKey("failed"), "0", "-1", "WITHSCORES");
  const replies = (await multi.exec()) ?? [];
  const reply = (i: number): string[] => {
    const [err, value] = replies[i] ?? [new Error(`no reply ${i}`), null];
    if (err) throw err;
    return value as string[];
  };
  const live = new Set<string>();
  for (let i = 0; i < LIVE_LISTS.length + LIVE_SETS.length; i++) for (const id of reply(i)) live.add(id);
  const completed = new Set(reply(LIVE_LISTS.length + LIVE_SETS.length));
  const failedReply = reply(LIVE_LISTS.length + LIVE_SETS.length + 1);
  const failed = new Map<string, number>();
  for (let i = 0; i + 1 < failedReply.length; i += 2)
    failed.set(failedReply[i] ?? "", Number(failedReply[i + 1]));
  return (jobId) => {
    if (live.has(jobId)) return { state: "present" };
    const finishedOn = failed.get(jobId);
    if (finishedOn !== undefined) return { state: "failed", finishedOn };
    return completed.has(jobId) ? { state: "completed" } : { state: "missing" };
  };
}

/**
 * The states of a few jobs (an incremental pass): per job its hash's existence and its scores in
 * the finished sets, all in one pipeline (one round trip).
 */
export async function readQueueStatesOf(
  queue: DeadlineQueue,
  jobIds: readonly string[],
): Promise<QueueStates> {
  const redis = await queueRedis(queue);
  const pipeline = redis.pipeline();
  const completedKey = queue.toKey("completed");
  const failedKey = queue.toKey("failed");
  for (const id of jobIds) {
    pipeline.exists(queue.toKey(id));
    pipeline.zscore(completedKey, id);
    pipeline.zscore(failedKey, id);
  }
  const replies = (await pipeline.exec()) ?? [];
  const states = new Map<string, QueuedState>();
  for (const [k, id] of jobIds.entries()) {
    const [exists, completed, failed] = [0, 1, 2].map((j) => {
      const [err, value] = replies[3 * k + j] ?? [new Error(`no reply for ${id}`), null];
      if (err) throw err;
      return value;
    });
    if (failed !== null && failed !== undefined)
      states.set(id, { state: "failed", finishedOn: Number(failed) });
    else if (completed !== null && completed !== undefined) states.set(id, { state: "completed" });
    else states.set(id, exists === 1 ? { state: "present" } : { state: "missing" });
  }
  return (jobId) => states.get(jobId) ?? { state: "missing" };
}

/** The ids of the queue's failed jobs (bounded by `removeOnFail`). */
export async function failedJobIds(queue: DeadlineQueue): Promise<string[]> {
  return (await queueRedis(queue)).zrange(queue.toKey("failed"), "0", "-1");
}

/** The waiting jobs nearest the workers that batches leave to them (a few batches' time of fetching). */
export const BATCH_WINDOW_SKIP = 128;

/**
 * The jobs a batch may take along, in ONE round trip: the `count` newest waiting jobs (the far
 * end of the list from the workers) and the `count` the workers take after the next `skip`
 * (the near end, whose kind is most often that of the jobs running now: a queue filled one kind
 * after the other has only the other kind at its far end). The `skip` nearest are left to the
 * workers, so a batch rarely holds a row whose job is being handed out.
 */
export async function batchWindowJobIds(
  queue: DeadlineQueue,
  count: number,
  skip = BATCH_WINDOW_SKIP,
): Promise<string[]> {
  const redis = await queueRedis(queue);
  const key = queue.toKey("wait");
  const replies =
    (await redis
      .multi()
      .lrange(key, 0, count - 1)
      .lrange(key, -(skip + count), -(skip + 1))
      .exec()) ?? [];
  const ids = new Set<string>();
  for (const [err, value] of replies) {
    if (err) throw err;
    for (const id of value as string[]) ids.add(id);
  }
  return [...ids];
}

/**
 * Removes the jobs among `jobIds` that are still waiting within `reach` of either end of the
 * wait list (where batchWindowJobIds found them), with their hashes, in ONE script call; an
 * active, delayed or finished job is left as it is. For the jobs of rows a batch settled: their
 * rows are done, so running them would only read that. Resolves with how many were removed.
 */
export async function removeWaitingJobs(
  queue: DeadlineQueue,
  jobIds: readonly string[],
  reach = 4096,
): Promise<number> {
  if (jobIds.length === 0) return 0;
  const redis = await queueRedis(queue);
  const removed = await redis.eval(
    REMOVE_WAITING,
    1,
    queue.toKey("wait"),
    queue.toKey(""),
    String(reach),
    ...jobIds,
  );
  return Number(removed);
}

/**
 * KEYS[1]: the wait list; ARGV[1]: the job key prefix; ARGV[2]: how far from either end to look;
 * ARGV[3…]: job ids. LPOS finds the end an id is near, LREM from that end stops at it. The end the
 * workers take from is looked at first, and only its nearest 512: a batch's ids from that side
 * lie within BATCH_WINDOW_SKIP + a window of it (and come nearer as jobs are taken), while those
 * from the other end are within a window of the head, so no id costs a scan of `reach` entries
 * from the wrong end (it did for every id of the near side: 4,096 entries compared each).
 */
const REMOVE_WAITING = `
local reach = tonumber(ARGV[2])
local near = math.min(512, reach)
local removed = 0
for i = 3, #ARGV do
  local id = ARGV[i]
  local n = 0
  if redis.call("LPOS", KEYS[1], id, "RANK", -1, "MAXLEN", near) then
    n = redis.call("LREM", KEYS[1], -1, id)
  elseif redis.call("LPOS", KEYS[1], id, "MAXLEN", reach) then
    n = redis.call("LREM", KEYS[1], 1, id)
  elseif reach > near and redis.call("LPOS", KEYS[1], id, "RANK", -1, "MAXLEN", reach) then
    n = redis.call("LREM", KEYS[1], -1, id)
  end
  if n == 1 then
    local key = ARGV[1] .. id
    redis.call("DEL", key, key .. ":logs")
    removed = removed + 1
  end
end
return removed`;
