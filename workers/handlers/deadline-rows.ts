import { sql } from "kysely";
import { z } from "zod";
import { preparedName } from "../../src/db/statement-hooks.ts";
import { type CivilDate, isCivilDate } from "../../src/domain/civil-date.ts";
import type { Db } from "../../src/services/case-store.ts";
import type { JobKind } from "../../src/services/plan-deadline-jobs.ts";
import { runAtMillis } from "../enqueue-planned-jobs.ts";
import { PermanentJobError } from "../permanent-job-error.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";

/** The payload of a deadline row (PlannedJob["payload"], stored as JSON). */
const ZDeadlinePayload = z.object({
  v: z.literal(1),
  clock: z.string().min(1),
  dueOn: z.string().refine(isCivilDate, "not a civil date"),
  offset: z.number().int().nonnegative().optional(),
  eventType: z.string().optional(),
});
export type DeadlinePayload = z.infer<typeof ZDeadlinePayload> & { dueOn: CivilDate };

/** The row's payload, or the PermanentJobError to throw once the row is cancelled. */
export function parsePayload(jobId: string, payload: unknown): DeadlinePayload | PermanentJobError {
  const parsed = ZDeadlinePayload.safeParse(payload);
  if (parsed.success) return parsed.data as DeadlinePayload;
  return new PermanentJobError(`deadline row ${jobId} has a malformed payload: ${parsed.error.message}`);
}

/** A row found pending and due by checkRow: the day it was due. */
export interface DueRow {
  runOn: CivilDate;
}

/**
 * The row of `jobId` before any work (one statement, no transaction): its day when it is
 * pending and due by `today`, else the handler's answer (gone or settled: skipped; not due:
 * early). A job whose row a batch of another job already did costs this one read.
 */
export async function checkRow(
  db: Db,
  jobId: string,
  today: CivilDate,
  jobHour: number,
): Promise<HandlerResult | DueRow> {
  const { rows } = await sql<{ status: string; run_on: string }>`${sql.raw(preparedName("deadline-check"))}
    SELECT status, run_on FROM deadline_jobs WHERE job_id = ${jobId}`.execute(db);
  const row = rows[0];
  if (!row) return { outcome: "skipped", detail: "row gone (the case moved on)" };
  if (row.status !== "pending") return { outcome: "skipped", detail: `row ${row.status}` };
  const runOn = row.run_on as CivilDate;
  if (runOn > today) return { outcome: "early", runAt: runAtMillis(runOn, jobHour) };
  return { runOn };
}

export interface ClaimBatch {
  jobId: string;
  kind: JobKind;
  /** The job's own row is claimed when due by this day. */
  today: CivilDate;
  /** The own row's day: other rows of the kind are taken when due by it (their jobs due too). */
  day: CivilDate;
  /** Rows to take along when pending, of the kind and due by `day` (the newest waiting jobs'). */
  others: readonly string[];
  /** How many of `others` to take at most. */
  extra: number;
  at: Date;
}

/**
 * The SQL of a batch claim (CTEs, the last `claimed (job_id, application_id, payload, is_own)`): the
 * job's own row (waiting for a concurrent claim of it, then finding it done), and up to
 * `extra` of the `others` rows that are pending, of its kind, due by its day and held by no one
 * (SKIP LOCKED), by primary key, all pending → done. The others are the newest waiting jobs'
 * rows, the far end of the queue from the workers, so a batch rarely holds a row whose own job
 * is being handed out. Run inside the transaction that does their work: a failure rolls the
 * claims back, so the rows are pending again for their own jobs.
 */
export function claimedRows(b: ClaimBatch) {
  const others = b.others.filter((id) => id !== b.jobId);
  // Every row by primary key (an OR of the two parts in one WHERE made PostgreSQL scan the table).
  // The own row is locked first (waiting), the others after it (never waiting): two batches
  // holding each other's own rows would otherwise deadlock.
  return sql`mine AS (
      SELECT job_id FROM deadline_jobs WHERE job_id = ${b.jobId} FOR UPDATE),
    taken AS (
      SELECT o.job_id FROM deadline_jobs o, (SELECT count(*) FROM mine) m
      WHERE o.job_id = ANY(${others}::text[]) AND o.status = 'pending' AND o.kind = ${b.kind}
        AND o.run_on <= ${b.day}
      LIMIT ${b.extra} FOR UPDATE OF o SKIP LOCKED),
    claimed AS (
      UPDATE deadline_jobs d SET status = 'done', done_at = ${b.at}
      WHERE d.job_id = ANY(array_append(ARRAY(SELECT job_id FROM taken), ${b.jobId}::text))
        AND d.status = 'pending' AND (d.job_id <> ${b.jobId} OR d.run_on <= ${b.today})
      RETURNING d.job_id, d.application_id, d.payload, d.job_id = ${b.jobId} AS is_own)`;
}

/**
 * How many waiting jobs a batch of `extra` looks at from each end of the list
 * (HandlerDeps.waitingJobIds): the batches of the jobs running at once (8 with two workers of 4)
 * read the same ids, each skipping the rows the others hold. bench:deadlines (20,000 jobs, half
 * reminders): 4 × extra per end filled mail batches to 20 rows, 3 × to 11.
 */
export const candidateWindow = (extra: number) => Math.max(extra * 4, 32);

/** The rows a batch may take: waiting jobs' ids (candidateWindow of them from each end). */
export async function batchCandidates(
  waitingJobIds: ((count: number) => Promise<string[]>) | undefined,
  extra: number,
): Promise<string[]> {
  return extra > 0 && waitingJobIds ? waitingJobIds(candidateWindow(extra)) : [];
}

/**
 * After a batch committed: the still-waiting jobs of the other rows it settled (done or
 * cancelled, not released) leave the queue, so no worker fetches them only to read their row
 * done. Never throws: a job left behind costs that one read, as before.
 */
export async function dropSettledJobs(deps: HandlerDeps, settled: readonly string[]): Promise<void> {
  if (settled.length === 0 || !deps.removeWaitingJobs) return;
  try {
    await deps.removeWaitingJobs(settled);
  } catch (err) {
    deps.logger.warn(
      { err, jobs: settled.length },
      "settled rows' waiting jobs not removed; they will find their rows done",
    );
  }
}

export interface ClaimedRow {
  jobId: string;
  applicationId: string;
  payload: unknown;
  isOwn: boolean;
}

/**
 * For the rest of the batch's transaction (SET LOCAL), PostgreSQL's generic plans: named prepared
 * statements with array parameters were otherwise planned anew on every call (bench:deadlines with
 * BENCH_PG_STATS=1, planning beside execution in ms: the automatic claim 0.18 and 0.28, loadCases'
 * read-lock 0.27 and 0.14, the mail batch's finishing statement 0.18-0.21 and 0.26-0.38); their
 * generic plans, planned once per connection, run as fast. Not before the mail claim: its generic
 * plan, sized for any number of claimed rows, took 15.6 ms against 1.6-5.7.
 */
export async function preferGenericPlans(trx: Db): Promise<void> {
  await sql`${sql.raw(preparedName("generic-plans"))} SET LOCAL plan_cache_mode = force_generic_plan`.execute(
    trx,
  );
}

/** Claims a batch (claimedRows) and returns its rows, the job's own first when claimed. */
export async function claimDueRows(trx: Db, b: ClaimBatch): Promise<ClaimedRow[]> {
  const { rows } = await sql<{
    job_id: string;
    application_id: string;
    payload: unknown;
    is_own: boolean;
  }>`${sql.raw(preparedName("deadline-claim"))}
    WITH ${claimedRows(b)}
    SELECT job_id, application_id, payload, is_own FROM claimed ORDER BY is_own DESC`.execute(trx);
  return rows.map((r) => ({
    jobId: r.job_id,
    applicationId: r.application_id,
    payload: r.payload,
    isOwn: r.is_own,
  }));
}

/** Why a claim found nothing: the row gone or settled (skipped), or its day not come (early). */
export async function explainUnclaimed(
  db: Db,
  jobId: string,
  today: CivilDate,
  jobHour: number,
): Promise<HandlerResult> {
  const checked = await checkRow(db, jobId, today, jobHour);
  return "runOn" in checked ? { outcome: "skipped", detail: "row claimed by another worker" } : checked;
}

/** Sets rows claimed in this transaction back to pending (their own jobs will do them). */
export async function unclaimRows(trx: Db, jobIds: readonly string[]): Promise<void> {
  if (jobIds.length === 0) return;
  await trx
    .updateTable("deadline_jobs")
    .set({ status: "pending", done_at: null })
    .where("job_id", "in", jobIds)
    .where("status", "=", "done")
    .execute();
}

/** Marks a row done or cancelled (also one claimed in this transaction); false when it was not. */
export async function settleDeadlineRow(
  db: Db,
  jobId: string,
  status: "done" | "cancelled",
  at: Date,
  from: "pending" | "done" = "pending",
): Promise<boolean> {
  const res = await db
    .updateTable("deadline_jobs")
    .set({ status, done_at: at })
    .where("job_id", "=", jobId)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
