import { z } from "zod";
import { type CivilDate, isCivilDate } from "../../src/domain/civil-date.ts";
import type { Db } from "../../src/services/case-store.ts";
import { runAtMillis } from "../enqueue-planned-jobs.ts";
import { PermanentJobError } from "../permanent-job-error.ts";
import type { HandlerResult } from "./handler-deps.ts";

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

/**
 * Claims the row of `jobId` (pending → done) when it is due by `today`; its payload, or
 * undefined when it is gone, settled or not due. Run inside the transaction that does the
 * job's work: a second worker's claim waits for that transaction and then finds the row done,
 * and a failure rolls the claim back so the job's retry finds the row pending.
 */
export async function claimDueRow(
  trx: Db,
  jobId: string,
  today: CivilDate,
  at: Date,
): Promise<{ payload: unknown } | undefined> {
  return trx
    .updateTable("deadline_jobs")
    .set({ status: "done", done_at: at })
    .where("job_id", "=", jobId)
    .where("status", "=", "pending")
    .where("run_on", "<=", today)
    .returning("payload")
    .executeTakeFirst();
}

/** Why a claim found nothing: the row gone or settled (skipped), or its day not come (early). */
export async function explainUnclaimed(
  db: Db,
  jobId: string,
  today: CivilDate,
  jobHour: number,
): Promise<HandlerResult> {
  const row = await db
    .selectFrom("deadline_jobs")
    .select(["status", "run_on"])
    .where("job_id", "=", jobId)
    .executeTakeFirst();
  if (!row) return { outcome: "skipped", detail: "row gone (the case moved on)" };
  if (row.status !== "pending") return { outcome: "skipped", detail: `row ${row.status}` };
  if (row.run_on > today) return { outcome: "early", runAt: runAtMillis(row.run_on as CivilDate, jobHour) };
  return { outcome: "skipped", detail: "row claimed by another worker" };
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
