import { z } from "zod";
import type { DbDeadlineJob } from "../../src/db/schema.ts";
import { type CivilDate, civilDateInChina, isCivilDate } from "../../src/domain/civil-date.ts";
import type { Db } from "../../src/services/case-store.ts";
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

export type DueRow =
  | { isDue: true; row: DbDeadlineJob; payload: DeadlinePayload; today: CivilDate }
  | { isDue: false; result: HandlerResult };

/** Re-reads the row of `jobId`: due now, or the handler's answer when it is not. */
export async function readDueRow(deps: HandlerDeps, jobId: string): Promise<DueRow> {
  const row = await deps.db
    .selectFrom("deadline_jobs")
    .selectAll()
    .where("job_id", "=", jobId)
    .executeTakeFirst();
  if (!row) return { isDue: false, result: { outcome: "skipped", detail: "row gone (the case moved on)" } };
  if (row.status !== "pending")
    return { isDue: false, result: { outcome: "skipped", detail: `row ${row.status}` } };
  const today = civilDateInChina(deps.now());
  if (row.run_on > today) {
    return {
      isDue: false,
      result: { outcome: "early", runAt: runAtMillis(row.run_on as CivilDate, deps.jobHour) },
    };
  }
  const parsed = ZDeadlinePayload.safeParse(row.payload);
  if (!parsed.success) {
    await settleDeadlineRow(deps.db, jobId, "cancelled", deps.now());
    throw new PermanentJobError(`deadline row ${jobId} has a malformed payload: ${parsed.error.message}`);
  }
  return { isDue: true, row, payload: parsed.data as DeadlinePayload, today };
}

/** Marks a pending row done or cancelled; false when it was not pending (gone or settled). */
export async function settleDeadlineRow(
  db: Db,
  jobId: string,
  status: "done" | "cancelled",
  at: Date,
): Promise<boolean> {
  const res = await db
    .updateTable("deadline_jobs")
    .set({ status, done_at: at })
    .where("job_id", "=", jobId)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
