import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";
import { JOB_KINDS, type JobKind } from "../src/services/plan-deadline-jobs.ts";
import { type DeadlineJobRef, toQueuedJob } from "./enqueue-planned-jobs.ts";
import type { DeadlineQueue } from "./queues.ts";
import {
  failedJobIds,
  type QueueStates,
  readAllQueueStates,
  readQueueStatesOf,
} from "./read-queue-states.ts";
import type { WorkerLogger } from "./worker-logger.ts";

/** Jobs per `addBulk` (one pipeline each); two are in flight while the next is built. */
const ADD_BATCH = 5000;
/** Pending rows per page of a full pass (keyset on the primary key). */
const ROW_PAGE = 5000;
/** Ids per `IN (…)` list. */
const ID_BATCH = 1000;
/** An incremental pass with more changed rows than this reads the whole queue at once instead. */
const PER_JOB_LIMIT = 5000;

export interface ReconcileArgs {
  db: Kysely<Database>;
  queue: DeadlineQueue;
  now: () => Date;
  /** Hour of the day, China time, at which a day's jobs run. */
  jobHour: number;
  logger?: WorkerLogger | undefined;
  /**
   * Incremental: only the pending rows written at or after this instant (database time), and
   * the queue's failed jobs. Default: every pending row (a full pass).
   */
  since?: Date | undefined;
  /** Called after the first of the pass's two reads (fault tests: a job finishing in between). */
  betweenReads?: (() => Promise<void>) | undefined;
}

export interface ReconcileResult {
  /** Pending deadline rows seen (pending = added + revived + present + failing + settled). */
  pending: number;
  /** Rows whose job was missing from Redis (never enqueued, or lost) and was added. */
  added: number;
  /** Rows still pending whose job had completed or failed: removed and added again. */
  revived: number;
  /** Rows whose job is waiting, delayed or running: left alone. */
  present: number;
  /** Rows whose job used up its attempts less than an hour ago: revived in a later run. */
  failing: number;
  /** Rows whose job finished while the pass ran (settled on a second look): left alone. */
  settled: number;
}

/** A job that used up its attempts is retried from here, at most once an hour. */
const FAILED_RETRY_AFTER_MS = 3_600_000;

interface PendingRow {
  job_id: string;
  application_id: string;
  kind: string;
  run_on: string;
}

/**
 * The deadline rows are the truth, the queue is derived (STYLE.md): every pending row gets its
 * job, by its deterministic id. Repairs a crash between commit and enqueue, a lost Redis, and a
 * job that finished without settling its row (a row written again after its job had run; a job
 * that used up its attempts, retried again from here).
 *
 * Linear: the queue's states are read in bulk (one MULTI over its lists, or one pipeline for the
 * few jobs of an incremental pass), compared in memory, the missing jobs added in batches. A job
 * is revived only when its row is still pending on a second look taken after the queue was
 * read, so a job that finished between the two reads is never added again.
 */
export async function reconcile(args: ReconcileArgs): Promise<ReconcileResult> {
  const result: ReconcileResult = { pending: 0, added: 0, revived: 0, present: 0, failing: 0, settled: 0 };
  const adder = makeAdder(args);
  const finished: DeadlineJobRef[] = [];
  const compare = (rows: readonly PendingRow[], states: QueueStates) => {
    result.pending += rows.length;
    for (const row of rows) {
      const s = states(row.job_id);
      if (s.state === "present") result.present++;
      else if (s.state === "failed" && Date.now() - s.finishedOn <= FAILED_RETRY_AFTER_MS)
        // BullMQ stamps jobs with the real time, not the injected clock.
        result.failing++;
      else {
        const ref = toRef(row, args.logger);
        if (!ref) continue;
        if (s.state === "missing") {
          result.added++;
          adder.push(ref);
        } else finished.push(ref);
      }
    }
  };
  if (args.since === undefined) {
    // The queue first: a job that finishes after this read has settled its row before the rows
    // are read (handlers settle, then complete), so it cannot be mistaken for a pending one.
    const states = await readAllQueueStates(args.queue);
    await args.betweenReads?.();
    // Page by page, the missing jobs of one page added while the next is read.
    for await (const page of pendingPages(args.db)) {
      compare(page, states);
      await adder.ready();
    }
  } else {
    const rows = await changedRows(args.db, args.queue, args.since);
    await args.betweenReads?.();
    const ids = rows.map((r) => r.job_id);
    const states =
      rows.length > PER_JOB_LIMIT
        ? await readAllQueueStates(args.queue)
        : await readQueueStatesOf(args.queue, ids);
    compare(rows, states);
  }
  const revive = await stillPending(args.db, finished);
  result.settled = finished.length - revive.length;
  // A finished job keeps its id, so adding alone would be a silent no-op.
  for (let i = 0; i < revive.length; i += ID_BATCH)
    await Promise.all(revive.slice(i, i + ID_BATCH).map((ref) => args.queue.remove(ref.jobId)));
  result.revived = revive.length;
  for (const ref of revive) adder.push(ref);
  await adder.flush();
  if (result.added + result.revived > 0)
    args.logger?.info({ ...result }, "reconciler enqueued deadline jobs");
  return result;
}

/**
 * Adds jobs in batches of ADD_BATCH as they come: at most two `addBulk` in flight (Node builds
 * one while Redis runs the other's scripts). `ready` waits while two are; `flush` adds the rest.
 */
function makeAdder(args: ReconcileArgs) {
  let batch: DeadlineJobRef[] = [];
  const inFlight: Promise<unknown>[] = [];
  const send = () => {
    if (batch.length === 0) return;
    const jobs = batch.map((ref) => toQueuedJob(ref, args));
    batch = [];
    const adding = args.queue.addBulk(jobs);
    // Awaited in ready() or flush(); until then a rejection must not count as unhandled.
    adding.catch(() => undefined);
    inFlight.push(adding);
  };
  return {
    push(ref: DeadlineJobRef) {
      batch.push(ref);
      if (batch.length >= ADD_BATCH) send();
    },
    async ready() {
      while (inFlight.length >= 2) await inFlight.shift();
    },
    async flush() {
      send();
      // Every batch awaited, so a failure of any is thrown here.
      await Promise.all(inFlight.splice(0));
    },
  };
}

/**
 * Every pending row, in pages of ROW_PAGE by job id (keyset: each page one index range, never
 * an OFFSET), only the columns a job needs.
 */
async function* pendingPages(db: Kysely<Database>): AsyncGenerator<PendingRow[]> {
  let after = "";
  for (;;) {
    const page = await db
      .selectFrom("deadline_jobs")
      .select(["job_id", "application_id", "kind", "run_on"])
      .where("status", "=", "pending")
      .where("job_id", ">", after)
      .orderBy("job_id")
      .limit(ROW_PAGE)
      .execute();
    if (page.length > 0) yield page;
    if (page.length < ROW_PAGE) return;
    after = (page[page.length - 1] as PendingRow).job_id;
  }
}

/**
 * The pending rows written since `since` (a row is rewritten, never updated back to pending:
 * `created_at` is its last write), and the pending rows of the queue's failed jobs, which may
 * be older (a job that used up its attempts is retried from here).
 */
async function changedRows(db: Kysely<Database>, queue: DeadlineQueue, since: Date): Promise<PendingRow[]> {
  const changed = await db
    .selectFrom("deadline_jobs")
    .select(["job_id", "application_id", "kind", "run_on"])
    .where("status", "=", "pending")
    .where("created_at", ">=", since)
    .execute();
  const seen = new Set(changed.map((r) => r.job_id));
  const failed = (await failedJobIds(queue)).filter((id) => !seen.has(id));
  for (let i = 0; i < failed.length; i += ID_BATCH) {
    const older = await db
      .selectFrom("deadline_jobs")
      .select(["job_id", "application_id", "kind", "run_on"])
      .where("status", "=", "pending")
      .where("job_id", "in", failed.slice(i, i + ID_BATCH))
      .execute();
    changed.push(...older);
  }
  return changed;
}

/** The refs whose rows are still pending now (the second look before a revival). */
async function stillPending(
  db: Kysely<Database>,
  refs: readonly DeadlineJobRef[],
): Promise<DeadlineJobRef[]> {
  const pending = new Set<string>();
  for (let i = 0; i < refs.length; i += ID_BATCH) {
    const rows = await db
      .selectFrom("deadline_jobs")
      .select("job_id")
      .where("status", "=", "pending")
      .where(
        "job_id",
        "in",
        refs.slice(i, i + ID_BATCH).map((r) => r.jobId),
      )
      .execute();
    for (const r of rows) pending.add(r.job_id);
  }
  return refs.filter((r) => pending.has(r.jobId));
}

function toRef(r: PendingRow, logger: WorkerLogger | undefined): DeadlineJobRef | undefined {
  if (!(JOB_KINDS as readonly string[]).includes(r.kind)) {
    logger?.warn({ jobId: r.job_id, kind: r.kind }, "pending deadline row of an unknown kind; not enqueued");
    return undefined;
  }
  return {
    jobId: r.job_id,
    applicationId: r.application_id,
    kind: r.kind as JobKind,
    runOn: r.run_on as CivilDate,
  };
}
