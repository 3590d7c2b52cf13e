import type { ColumnType, Kysely, Selectable } from "kysely";
import type { Database } from "../db/schema.ts";
import type { Applicant } from "../services/application-types.ts";

/** The table of migration 0018 as Kysely sees it. */
export interface OnlineSubmissionTable {
  id: string;
  agency_id: number;
  /** sha256 of the 查询码 (src/portal/query-code.ts); the code itself is never stored. */
  query_code_hash: string;
  applicant_type: string;
  applicant: ColumnType<Applicant, string, string>;
  description: string;
  delivery_form: string | null;
  status: SubmissionStatus;
  submitted_at: ColumnType<Date, Date | string, Date | string>;
  decided_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  decided_by: number | null;
  reject_reason: string | null;
  /** The registered case, once confirmed. */
  application_id: string | null;
}

export type SubmissionStatus = "pending" | "confirmed" | "rejected" | "withdrawn";
export type DbOnlineSubmission = Selectable<OnlineSubmissionTable>;
export type PortalDatabase = Database & { online_submissions: OnlineSubmissionTable };
type Db = Kysely<Database>;

export function portalDb(db: Db): Kysely<PortalDatabase> {
  return db.withTables<{ online_submissions: OnlineSubmissionTable }>();
}

/** A new submission's row (pending). */
export type NewSubmission = Omit<
  DbOnlineSubmission,
  "decided_at" | "decided_by" | "reject_reason" | "application_id"
>;

export async function insertSubmission(db: Db, row: NewSubmission): Promise<void> {
  await portalDb(db)
    .insertInto("online_submissions")
    .values({ ...row, applicant: JSON.stringify(row.applicant) })
    .execute();
}

/** The submission of a 查询码 (by its hash): one indexed read, found or not. */
export async function findByCodeHash(db: Db, hash: string): Promise<DbOnlineSubmission | undefined> {
  return portalDb(db)
    .selectFrom("online_submissions")
    .selectAll()
    .where("query_code_hash", "=", hash)
    .executeTakeFirst();
}

/** A submission with its row locked until the caller's transaction ends. */
export async function lockSubmission(trx: Db, id: string): Promise<DbOnlineSubmission | undefined> {
  return portalDb(trx)
    .selectFrom("online_submissions")
    .selectAll()
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** An agency's submissions of one status (null: every agency's), a page of them, and how many there are. */
export async function listSubmissions(
  db: Db,
  agencyId: number | null,
  status: SubmissionStatus,
  page: { offset: number; limit: number },
): Promise<{ rows: (DbOnlineSubmission & { agency_code: string })[]; total: number }> {
  let base = portalDb(db)
    .selectFrom("online_submissions as s")
    .innerJoin("agencies as a", "a.id", "s.agency_id")
    .where("s.status", "=", status);
  if (agencyId !== null) base = base.where("s.agency_id", "=", agencyId);
  const rows = await base
    .selectAll("s")
    .select("a.code as agency_code")
    .orderBy("s.submitted_at", status === "pending" ? "asc" : "desc")
    .orderBy("s.id")
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const count = await base.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return { rows, total: Number(count.n) };
}

/**
 * Ends a pending submission: confirmed (with its case), rejected (with the reason) or withdrawn.
 * False when it was no longer pending (another request decided it first).
 */
export async function decideSubmission(
  trx: Db,
  id: string,
  decision: {
    status: Exclude<SubmissionStatus, "pending">;
    at: Date;
    by: number | null;
    applicationId?: string;
    rejectReason?: string;
  },
): Promise<boolean> {
  const result = await portalDb(trx)
    .updateTable("online_submissions")
    .set({
      status: decision.status,
      decided_at: decision.at,
      decided_by: decision.by,
      application_id: decision.applicationId ?? null,
      reject_reason: decision.rejectReason ?? null,
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
