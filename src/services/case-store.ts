import type { Kysely, Transaction } from "kysely";
import type { Database, DbApplication } from "../db/schema.ts";
import type { PlannedJob } from "./plan-deadline-jobs.ts";

export type Db = Kysely<Database> | Transaction<Database>;

export interface CaseRow {
  row: DbApplication;
  agency: { id: number; code: string; name: string; path: string };
  handler: string | null;
}

/** One case with its agency, or undefined. */
export async function loadCase(db: Db, id: string): Promise<CaseRow | undefined> {
  const r = await db
    .selectFrom("applications as a")
    .innerJoin("agencies as g", "g.id", "a.agency_id")
    .leftJoin("users as u", "u.id", "a.handler_user_id")
    .selectAll("a")
    .select([
      "g.code as agency_code",
      "g.name as agency_name",
      "g.path as agency_path",
      "u.display_name as handler_name",
    ])
    .where("a.id", "=", id)
    .executeTakeFirst();
  if (!r) return undefined;
  const { agency_code, agency_name, agency_path, handler_name, ...row } = r;
  return {
    row,
    agency: { id: row.agency_id, code: agency_code, name: agency_name, path: agency_path },
    handler: handler_name,
  };
}

/**
 * Makes the case's deadline rows those of `jobs`: pending rows no longer planned are removed,
 * new ones added; rows already done stay done (a reminder is sent once, never twice).
 */
export async function rewriteDeadlineJobs(
  trx: Db,
  applicationId: string,
  jobs: readonly PlannedJob[],
): Promise<void> {
  const ids = jobs.map((j) => j.jobId);
  let del = trx
    .deleteFrom("deadline_jobs")
    .where("application_id", "=", applicationId)
    .where("status", "=", "pending");
  if (ids.length > 0) del = del.where("job_id", "not in", ids);
  await del.execute();
  if (jobs.length === 0) return;
  await trx
    .insertInto("deadline_jobs")
    .values(
      jobs.map((j) => ({
        job_id: j.jobId,
        application_id: j.applicationId,
        kind: j.kind,
        run_on: j.runOn,
        payload: JSON.stringify(j.payload),
        status: "pending" as const,
        done_at: null,
      })),
    )
    .onConflict((oc) => oc.column("job_id").doNothing())
    .execute();
}

/** Whether the agency's annual report for `year` is closed (a frozen version exists). */
export async function isYearClosed(db: Db, agencyId: number, year: number): Promise<boolean> {
  const row = await db
    .selectFrom("report_versions")
    .select("version")
    .where("agency_id", "=", agencyId)
    .where("year", "=", year)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
