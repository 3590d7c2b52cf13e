import { type Kysely, sql, type Transaction } from "kysely";
import type { Database, DbApplication, DbApplicationEvent, NewDbApplication } from "../db/schema.ts";
import type { PlannedJob } from "./plan-deadline-jobs.ts";
import type { WorklistColumns } from "./worklist-columns.ts";

export type Db = Kysely<Database> | Transaction<Database>;

export interface CaseRow {
  row: DbApplication;
  agency: { id: number; code: string; name: string; path: string };
  handler: string | null;
}

/** Inserts a new case's row (version 0); its first entry goes through writeCase. */
export async function insertCaseRow(db: Db, row: NewDbApplication): Promise<void> {
  await db.insertInto("applications").values(row).execute();
}

/**
 * One case with its agency, or undefined. `lock` (inside a transaction) holds the case's row
 * until the commit, so concurrent writers of one case (a clerk, the deadline worker) take turns
 * instead of failing each other's version check.
 */
export async function loadCase(db: Db, id: string, lock = false): Promise<CaseRow | undefined> {
  let q = db
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
    .where("a.id", "=", id);
  if (lock) q = q.forNoKeyUpdate("a");
  const r = await q.executeTakeFirst();
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

/** The case's log in recording order; `current` leaves out the superseded automatic events. */
export async function loadEvents(
  db: Db,
  applicationId: string,
  current = false,
): Promise<DbApplicationEvent[]> {
  let q = db.selectFrom("application_events").selectAll().where("application_id", "=", applicationId);
  if (current) q = q.where("superseded_by_seq", "is", null);
  return q.orderBy("seq").execute();
}

/** One entry of the case's log by its seq. */
export async function loadEvent(
  db: Db,
  applicationId: string,
  seq: number,
): Promise<DbApplicationEvent | undefined> {
  return db
    .selectFrom("application_events")
    .selectAll()
    .where("application_id", "=", applicationId)
    .where("seq", "=", seq)
    .executeTakeFirst();
}

/** Marks automatic events superseded by the entry `bySeq` (DOMAIN.md §5): kept, ignored by reads. */
export async function markSuperseded(
  db: Db,
  applicationId: string,
  seqs: readonly number[],
  bySeq: number,
  at: Date,
): Promise<void> {
  if (seqs.length === 0) return;
  await db
    .updateTable("application_events")
    .set({ superseded_by_seq: bySeq, superseded_at: at })
    .where("application_id", "=", applicationId)
    .where("seq", "in", seqs)
    .execute();
}

export interface NewLogEntry {
  type: string;
  on: string;
  actorUserId: number | null;
  actorName: string;
  payload: Record<string, unknown>;
  reason: string | null;
}

/** Appends entries with consecutive seq after `fromSeq`. */
export async function appendEvents(
  db: Db,
  applicationId: string,
  fromSeq: number,
  entries: readonly NewLogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto("application_events")
    .values(
      entries.map((e, i) => ({
        application_id: applicationId,
        seq: fromSeq + i + 1,
        type: e.type,
        actor_user_id: e.actorUserId,
        actor_name: e.actorName,
        effective_on: e.on,
        payload: JSON.stringify({ v: 1, ...e.payload, type: e.type, on: e.on }),
        reason: e.reason,
      })),
    )
    .execute();
}

/** Saves the row's derived columns and snapshot when its version is still `fromVersion`. */
export async function updateCaseRow(
  db: Db,
  id: string,
  fromVersion: number,
  changes: Partial<
    Pick<
      DbApplication,
      | "version"
      | "state"
      | "outcome"
      | "disposition_on"
      | "reply_due_on"
      | "awaiting_approval"
      | "handler_user_id"
      | "channel"
      | "applicant_type"
      | "description"
      | "delivery_form"
      | "mail_tracking_no"
      | "received_on"
    > & { applicant: string }
  > &
    Partial<WorklistColumns> & {
      snapshot: unknown;
    },
): Promise<boolean> {
  const res = await db
    .updateTable("applications")
    .set({ ...changes, snapshot: JSON.stringify(changes.snapshot), updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("version", "=", fromVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
