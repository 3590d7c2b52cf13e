import { type Kysely, sql } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";
import type { JobKind } from "../src/services/plan-deadline-jobs.ts";
import { type ScheduleOptions, toQueuedJob } from "./enqueue-planned-jobs.ts";
import type { DeadlineQueue } from "./queues.ts";
import { withRedisLock, withTimeout } from "./with-redis-lock.ts";
import type { WorkerLogger } from "./worker-logger.ts";

/** Outbox entries a pass reads at a time; a pass takes pages until the outbox is empty. */
const PAGE = 500;
/** Jobs per `addBulk` (one MULTI). */
const ADD_CHUNK = 1000;

export interface OutboxRelayArgs extends ScheduleOptions {
  db: Kysely<Database>;
  /** The deadline queue: the jobs go there, and its Redis holds the relay's lock. */
  queue: DeadlineQueue;
  logger?: WorkerLogger | undefined;
  /** Asked between pages: true ends the pass early (the process is stopping). */
  shouldStop?: (() => boolean) | undefined;
  /** A page's Redis calls give up after this many ms (the entries stay). Default: 10,000. */
  redisTimeoutMs?: number | undefined;
}

export type OutboxRelayRun =
  | { mode: "ran"; entries: number; added: number; removed: number }
  /** Another worker holds the lock: its pass is the one. */
  | { mode: "skipped" };

/**
 * One pass of the deadline-job outbox (issue 13: job planning off the request path). Every case
 * write that changes its deadline rows records, in the same statement, an entry naming the job
 * ids it inserted and the pending ones it deleted (`writeCaseRow`); this pass hands them to
 * BullMQ and deletes the entries. One pass at a time in the deployment (a Redis lock), entries
 * in `seq` order, a page at a time:
 * - the rows named are read as they are NOW: a pending row's job is added (delayed to its day;
 *   an id BullMQ already holds is left as it is), the job of a deleted row is removed (a running
 *   job stays and finds its row gone); so the order in which writes happened does not matter,
 *   only the rows' final state, and a write committed after the read has an entry of its own
 *   that a later pass relays;
 * - the entries are deleted after Redis answered: a crash or a Redis failure in between leaves
 *   them, and the next pass does the same again (adds and removals are idempotent).
 * The reconciler stays the safety net for a lost Redis.
 */
export async function relayDeadlineOutbox(args: OutboxRelayArgs): Promise<OutboxRelayRun> {
  // Idle most of the time: one read, no Redis call.
  const first = await args.db.selectFrom("deadline_job_outbox").select("seq").limit(1).executeTakeFirst();
  if (!first) return { mode: "ran", entries: 0, added: 0, removed: 0 };
  const timeoutMs = args.redisTimeoutMs ?? 10_000;
  const run = await withRedisLock(args.queue, "outbox-relay-lock", args.logger, timeoutMs, async () => {
    const counts = { entries: 0, added: 0, removed: 0 };
    while (!args.shouldStop?.()) {
      const page = await relayPage(args, timeoutMs);
      counts.entries += page.entries;
      counts.added += page.added;
      counts.removed += page.removed;
      if (page.entries < PAGE) break;
    }
    return counts;
  });
  return run.mode === "ran" ? { mode: "ran", ...run.value } : run;
}

async function relayPage(
  args: OutboxRelayArgs,
  timeoutMs: number,
): Promise<{ entries: number; added: number; removed: number }> {
  const entries = await args.db
    .selectFrom("deadline_job_outbox")
    .select(["seq", "added", "dropped"])
    .orderBy("seq")
    .limit(PAGE)
    .execute();
  if (entries.length === 0) return { entries: 0, added: 0, removed: 0 };
  const named = new Set<string>();
  const dropped = new Set<string>();
  /**
   * Ids whose first mention in the page is an insertion: their row was not pending before that
   * write (an id already pending is not inserted again), so no earlier pass added their job, and
   * if a later write of the page deleted the row, there is nothing to remove. Only the
   * reconciler, reading the row between its insertion and its deletion, can have added that job:
   * it then runs on its day and finds its row gone, as a job running during a removal does.
   */
  const bornInPage = new Set<string>();
  for (const e of entries) {
    for (const id of e.added) {
      if (!named.has(id)) bornInPage.add(id);
      named.add(id);
    }
    for (const id of e.dropped) {
      named.add(id);
      dropped.add(id);
    }
  }
  const pending =
    named.size === 0
      ? []
      : await args.db
          .selectFrom("deadline_jobs")
          .select(["job_id", "application_id", "kind", "run_on"])
          .where(sql<boolean>`job_id = ANY(${[...named]}::text[])`)
          .where("status", "=", "pending")
          .execute();
  const pendingIds = new Set(pending.map((r) => r.job_id));
  const jobs = pending.map((r) =>
    toQueuedJob(
      {
        jobId: r.job_id,
        applicationId: r.application_id,
        kind: r.kind as JobKind,
        runOn: r.run_on as CivilDate,
      },
      args,
    ),
  );
  // A deleted row's job (a row done meanwhile keeps its job's record), unless the page itself
  // inserted and deleted the row.
  const gone = [...dropped].filter((id) => !pendingIds.has(id) && !bornInPage.has(id));
  const removed = await withTimeout(
    (async () => {
      for (let i = 0; i < jobs.length; i += ADD_CHUNK) await args.queue.addBulk(jobs.slice(i, i + ADD_CHUNK));
      return (await Promise.all(gone.map((id) => args.queue.remove(id)))).reduce((n, r) => n + r, 0);
    })(),
    timeoutMs,
    "handing the jobs to Redis",
  );
  await args.db
    .deleteFrom("deadline_job_outbox")
    .where(sql<boolean>`seq = ANY(${entries.map((e) => e.seq)}::bigint[])`)
    .execute();
  return { entries: entries.length, added: jobs.length, removed };
}

export interface OutboxRelayLoop {
  /** A write of this process changed deadline rows: relay soon (no I/O here). */
  nudge(): void;
  /** Waits for the running pass, stops the timers. */
  stop(): Promise<void>;
}

/** Writes of this process within this many ms are relayed by one pass. */
const NUDGE_DELAY_MS = 10;
/** After a failed pass (Redis or the database away), the next one waits this long. */
const FAILURE_PAUSE_MS = 5000;

/**
 * The outbox relay of one worker process: a pass at start, every `intervalMs` (the writes of
 * other processes: the API, the CLI) and just after a write of this process (`nudge`); one pass
 * at a time here, and in the deployment through the pass's lock. Failures are logged, never
 * thrown, and pause the relay for a few seconds: the entries stay and a later pass relays them.
 */
export function startOutboxRelay(args: OutboxRelayArgs & { intervalMs: number }): OutboxRelayLoop {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  let pausedUntil = 0;
  let soon: NodeJS.Timeout | undefined;
  const pass = () => {
    if (stopped || Date.now() < pausedUntil) return;
    if (running) {
      again = true; // a write landed while a pass ran: one more pass after it
      return;
    }
    running = relayDeadlineOutbox({ ...args, shouldStop: () => stopped })
      .then((run) => {
        if (run.mode === "ran" && run.entries > 0) args.logger?.debug(run, "deadline outbox relayed");
      })
      .catch((err: unknown) => {
        pausedUntil = Date.now() + FAILURE_PAUSE_MS;
        args.logger?.error({ err }, "deadline outbox relay failed; the entries stay for a later pass");
      })
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          pass();
        }
      });
  };
  pass();
  const timer = setInterval(pass, args.intervalMs);
  timer.unref();
  return {
    nudge() {
      soon ??= setTimeout(() => {
        soon = undefined;
        pass();
      }, NUDGE_DELAY_MS);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(soon);
      await running;
    },
  };
}
