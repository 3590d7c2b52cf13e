import { CompiledQuery, type Kysely, type Transaction } from "kysely";
import type { Database, DbApplication, DbApplicationEvent, NewDbApplication } from "../db/schema.ts";
import { preparedName } from "../db/statement-hooks.ts";

export type Db = Kysely<Database> | Transaction<Database>;

export interface CaseRow {
  row: DbApplication;
  agency: { id: number; code: string; name: string; path: string };
  handler: string | null;
  /** Read for a write: the years of the agency's closed reports (DOMAIN.md §8). */
  closedYears?: ReadonlySet<number>;
  /** Read for a write: the ids of the case's pending deadline rows (only the changed ones are rewritten). */
  pendingJobIds?: readonly string[];
  /**
   * A locked read (`lock`) that waited for another writer's commit saw the locked row as that
   * writer left it but, in the same statement, the deadline rows as they were before: the write
   * then deletes the unplanned pending rows as it finds them (case-write-store.ts).
   */
  pendingJobIdsMayBeStale?: boolean;
}

/** Inserts a new case's row (version 0); its first entry goes through writeCase. */
export async function insertCaseRow(db: Db, row: NewDbApplication): Promise<void> {
  await db.insertInto("applications").values(row).execute();
}

/**
 * How a case is read: `read` for a view; `write` adds what a write needs (closed years, pending
 * deadline rows) in the same statement, a prepared one; `lock` also holds the row until the
 * commit (inside a transaction), so concurrent writers of one case take turns instead of failing
 * each other's version check.
 */
export type LoadMode = "read" | "write" | "lock";

/** One case with its agency, or undefined. */
export async function loadCase(
  db: Db,
  id: string,
  mode: LoadMode | boolean = "read",
): Promise<CaseRow | undefined> {
  const how = mode === true ? "lock" : mode === false ? "read" : mode;
  if (how !== "read") return loadCaseForWrite(db, id, how === "lock");
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

type WriteRead = DbApplication & {
  agency_code: string;
  agency_name: string;
  agency_path: string;
  handler_name: string | null;
  /** Comma-separated years, or "". */
  closed_years: string | null;
  /** Space-separated job ids, or "". */
  pending_job_ids: string | null;
};

/** The first of an action's two statements: the row, its agency and handler, closed years, pending jobs. */
async function loadCaseForWrite(db: Db, id: string, lock: boolean): Promise<CaseRow | undefined> {
  const text = lock ? CASE_READ_LOCK : CASE_READ;
  const r = (await db.executeQuery<WriteRead>(CompiledQuery.raw(text, [id]))).rows[0];
  return r ? toCaseRow(r, lock) : undefined;
}

function toCaseRow(r: WriteRead, locked: boolean): CaseRow {
  const { agency_code, agency_name, agency_path, handler_name, closed_years, pending_job_ids, ...row } = r;
  return {
    row,
    agency: { id: row.agency_id, code: agency_code, name: agency_name, path: agency_path },
    handler: handler_name,
    closedYears: new Set(closed_years ? closed_years.split(",").map(Number) : []),
    pendingJobIds: pending_job_ids ? pending_job_ids.split(" ") : [],
    ...(locked ? { pendingJobIdsMayBeStale: true } : {}),
  };
}

/**
 * What a write reads of a case: row, agency, handler, closed years, pending deadline rows. The
 * two lists come as text (years joined by commas, job ids — which hold no space — by spaces):
 * pg parses a text[] character by character, several times slower than a split.
 */
const CASE_READ_FROM = `SELECT a.*, g.code AS agency_code, g.name AS agency_name, g.path AS agency_path,
    u.display_name AS handler_name,
    array_to_string(ARRAY(SELECT DISTINCT rv.year FROM report_versions rv WHERE rv.agency_id = a.agency_id), ',') AS closed_years,
    array_to_string(ARRAY(SELECT dj.job_id FROM deadline_jobs dj
          WHERE dj.application_id = a.id AND dj.status = 'pending'), ' ') AS pending_job_ids
  FROM applications a
  JOIN agencies g ON g.id = a.agency_id
  LEFT JOIN users u ON u.id = a.handler_user_id`;

/** One parameter (the case id), a constant text: PostgreSQL plans it once per connection. */
const CASE_READ = `${preparedName("case-read")} ${CASE_READ_FROM}
  WHERE a.id = $1`;
const CASE_READ_LOCK = `${preparedName("case-read-lock")} ${CASE_READ_FROM}
  WHERE a.id = $1 FOR NO KEY UPDATE OF a`;
const CASES_READ = `${preparedName("cases-read")} ${CASE_READ_FROM}
  WHERE a.id = ANY($1::text[]) ORDER BY a.id`;
const CASES_READ_LOCK = `${preparedName("cases-read-lock")} ${CASE_READ_FROM}
  WHERE a.id = ANY($1::text[]) ORDER BY a.id FOR NO KEY UPDATE OF a`;

/**
 * Several cases read for a write in ONE statement (the deadline worker's automatic batch), in
 * primary-key order; `lock` (inside a transaction) holds every row until the commit, taken in
 * that order (the lock is taken above the sort), so two batches never wait on each other's cases
 * in a circle, and a writer of one case only waits its turn. The same shape as `loadCase` gives; an id with no
 * case is missing from the answer. One parameter (an array), a constant text: prepared.
 */
export async function loadCases(db: Db, ids: readonly string[], mode: "write" | "lock"): Promise<CaseRow[]> {
  if (ids.length === 0) return [];
  const text = mode === "lock" ? CASES_READ_LOCK : CASES_READ;
  return (await db.executeQuery<WriteRead>(CompiledQuery.raw(text, [[...ids]]))).rows.map((r) =>
    toCaseRow(r, mode === "lock"),
  );
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

export interface NewLogEntry {
  type: string;
  on: string;
  actorUserId: number | null;
  actorName: string;
  payload: Record<string, unknown>;
  reason: string | null;
}
