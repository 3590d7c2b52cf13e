import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";
import { JOB_KINDS, type JobKind } from "../src/services/plan-deadline-jobs.ts";
import { type DeadlineJobRef, toQueuedJob } from "./enqueue-planned-jobs.ts";
import type { DeadlineQueue } from "./queues.ts";
import type { WorkerLogger } from "./worker-logger.ts";

const BATCH = 200;

export interface ReconcileArgs {
  db: Kysely<Database>;
  queue: DeadlineQueue;
  now: () => Date;
  /** Hour of the day, China time, at which a day's jobs run. */
  jobHour: number;
  logger?: WorkerLogger | undefined;
}

export interface ReconcileResult {
  /** Pending deadline rows seen. */
  pending: number;
  /** Rows whose job was missing from Redis (never enqueued, or lost) and was added. */
  added: number;
  /** Rows still pending whose job had completed or failed: removed and added again. */
  revived: number;
  /** Rows whose job is waiting, delayed or running: left alone. */
  present: number;
  /** Rows whose job used up its attempts less than an hour ago: revived in a later run. */
  failing: number;
}

/** A job that used up its attempts is retried from here, at most once an hour. */
const FAILED_RETRY_AFTER_MS = 3_600_000;

/**
 * The deadline rows are the truth, the queue is derived (STYLE.md): every pending row gets its
 * job, by its deterministic id. Repairs a crash between commit and enqueue, a lost Redis, and a
 * job that finished without settling its row (a row written again after its job had run; a job
 * that used up its attempts, retried again from here).
 */
export async function reconcile(args: ReconcileArgs): Promise<ReconcileResult> {
  const rows = await args.db
    .selectFrom("deadline_jobs")
    .select(["job_id", "application_id", "kind", "run_on"])
    .where("status", "=", "pending")
    .orderBy("run_on")
    .execute();
  const result: ReconcileResult = { pending: rows.length, added: 0, revived: 0, present: 0, failing: 0 };
  for (let i = 0; i < rows.length; i += BATCH) {
    const refs = rows.slice(i, i + BATCH).flatMap((r) => toRef(r, args.logger));
    await reconcileBatch(args, refs, result);
  }
  if (result.added + result.revived > 0)
    args.logger?.info({ ...result }, "reconciler enqueued deadline jobs");
  return result;
}

async function reconcileBatch(args: ReconcileArgs, refs: DeadlineJobRef[], result: ReconcileResult) {
  const states = await Promise.all(refs.map((r) => args.queue.getJobState(r.jobId)));
  const missing: DeadlineJobRef[] = [];
  for (const [k, ref] of refs.entries()) {
    const state = states[k];
    if (state === "unknown") {
      missing.push(ref);
      result.added++;
    } else if (state === "completed" || (state === "failed" && (await hasFailedLongAgo(args.queue, ref)))) {
      // A finished job keeps its id, so adding alone would be a silent no-op.
      await args.queue.remove(ref.jobId);
      missing.push(ref);
      result.revived++;
    } else if (state === "failed") {
      result.failing++;
    } else {
      result.present++;
    }
  }
  if (missing.length > 0) await args.queue.addBulk(missing.map((ref) => toQueuedJob(ref, args)));
}

function toRef(
  r: { job_id: string; application_id: string; kind: string; run_on: string },
  logger: WorkerLogger | undefined,
): DeadlineJobRef[] {
  if (!(JOB_KINDS as readonly string[]).includes(r.kind)) {
    logger?.warn({ jobId: r.job_id, kind: r.kind }, "pending deadline row of an unknown kind; not enqueued");
    return [];
  }
  return [
    {
      jobId: r.job_id,
      applicationId: r.application_id,
      kind: r.kind as JobKind,
      runOn: r.run_on as CivilDate,
    },
  ];
}

async function hasFailedLongAgo(queue: DeadlineQueue, ref: DeadlineJobRef): Promise<boolean> {
  const job = await queue.getJob(ref.jobId);
  // BullMQ stamps jobs with the real time, not the injected clock.
  return job?.finishedOn === undefined || Date.now() - job.finishedOn > FAILED_RETRY_AFTER_MS;
}
