import { type RawBuilder, sql } from "kysely";
import type { DbApplicationEvent } from "../db/schema.ts";
import { preparedName } from "../db/statement-hooks.ts";
import type { Db, NewLogEntry } from "./case-store.ts";
import type { PlannedJob } from "./plan-deadline-jobs.ts";

/** The derived columns every write of a case sets (write-case.ts computes them). */
export interface CaseRowColumns {
  version: number;
  state: string;
  outcome: string | null;
  disposition_on: string | null;
  reply_due_on: string | null;
  awaiting_approval: string | null;
  handler_user_id: number | null;
  next_due_on: string | null;
  next_due_clock: string | null;
  notice_due_on: string | null;
  /** JSON text of the open clocks. */
  open_clocks: string;
  /** JSON text of the stored snapshot. */
  snapshot: string;
}

/** 更正登记信息: registration columns set as well (JSON text for `applicant`). */
export type RegistrationUpdate = Partial<
  Record<
    | "channel"
    | "applicant_type"
    | "applicant"
    | "description"
    | "delivery_form"
    | "mail_tracking_no"
    | "received_on",
    string | null
  >
>;

export interface CaseRowWrite {
  id: string;
  /** The version read: the write happens only if the row still has it. */
  fromVersion: number;
  columns: CaseRowColumns;
  registration?: RegistrationUpdate | undefined;
  /** Appended with seq fromVersion + 1, + 2 … */
  entries: readonly NewLogEntry[];
  /** Automatic events superseded by the first new entry (seq fromVersion + 1). */
  supersededSeqs: readonly number[];
  supersededAt: Date;
  /** Pending deadline rows no longer planned. */
  dropJobIds: readonly string[];
  /** Planned deadline rows not pending yet (a row already done keeps its state). */
  addJobs: readonly PlannedJob[];
}

export interface CaseRowWritten {
  /** False: the row's version moved since it was read; nothing was written. */
  written: boolean;
  /** The entries appended, then the events newly superseded, as stored. */
  events: DbApplicationEvent[];
}

const REGISTRATION_COLUMNS = [
  "channel",
  "applicant_type",
  "applicant",
  "description",
  "delivery_form",
  "mail_tracking_no",
  "received_on",
] as const;

/**
 * The second of an action's two statements, ONE statement (atomic without BEGIN/COMMIT): the
 * row updated when its version is still `fromVersion`, the entries appended, the superseded
 * marks set, only the changed deadline rows deleted and inserted, and — when they changed — one
 * `deadline_job_outbox` entry naming them, which the workers relay to BullMQ (no Redis call on
 * the request path) — each CTE reads `upd`, so nothing is written when the version check fails. A named prepared statement unless it carries
 * registration columns.
 */
export async function writeCaseRow(db: Db, w: CaseRowWrite): Promise<CaseRowWritten> {
  const c = w.columns;
  const registration = REGISTRATION_COLUMNS.filter((k) => w.registration?.[k] !== undefined);
  const extra = registration.map((k) =>
    k === "applicant"
      ? sql`, applicant = ${w.registration?.[k]}::jsonb`
      : k === "received_on"
        ? sql`, received_on = ${w.registration?.[k]}::date`
        : sql`, ${sql.ref(k)} = ${w.registration?.[k]}`,
  );
  const name = registration.length === 0 ? sql.raw(preparedName("case-write")) : sql.raw("");
  const entries = w.entries.map((e, i) => ({
    seq: w.fromVersion + i + 1,
    type: e.type,
    actor_user_id: e.actorUserId,
    actor_name: e.actorName,
    effective_on: e.on,
    payload: { v: 1, ...e.payload, type: e.type, on: e.on },
    reason: e.reason,
  }));
  const jobs = w.addJobs.map((j) => ({ job_id: j.jobId, kind: j.kind, run_on: j.runOn, payload: j.payload }));
  const q: RawBuilder<{ updated: number; appended: unknown; superseded: unknown }> = sql`${name}
WITH upd AS (
  UPDATE applications SET version = ${c.version}, state = ${c.state}, outcome = ${c.outcome},
    disposition_on = ${c.disposition_on}::date, reply_due_on = ${c.reply_due_on}::date,
    awaiting_approval = ${c.awaiting_approval}, handler_user_id = ${c.handler_user_id}::int,
    next_due_on = ${c.next_due_on}::date, next_due_clock = ${c.next_due_clock},
    notice_due_on = ${c.notice_due_on}::date, open_clocks = ${c.open_clocks}::jsonb,
    snapshot = ${c.snapshot}::jsonb, updated_at = now()${sql.join(extra, sql``)}
  WHERE id = ${w.id} AND version = ${w.fromVersion}
  RETURNING id),
ins AS (
  INSERT INTO application_events (application_id, seq, type, actor_user_id, actor_name, effective_on, payload, reason)
  SELECT upd.id, e.seq, e.type, e.actor_user_id, e.actor_name, e.effective_on, e.payload, e.reason
  FROM upd, jsonb_to_recordset(${JSON.stringify(entries)}::jsonb)
    AS e(seq int, type text, actor_user_id int, actor_name text, effective_on date, payload jsonb, reason text)
  RETURNING *),
sup AS (
  UPDATE application_events SET superseded_by_seq = ${w.fromVersion + 1}::int, superseded_at = ${w.supersededAt}
  WHERE application_id = (SELECT id FROM upd) AND seq = ANY(${[...w.supersededSeqs]}::int[])
  RETURNING *),
del AS (
  DELETE FROM deadline_jobs
  WHERE application_id = (SELECT id FROM upd) AND status = 'pending' AND job_id = ANY(${[...w.dropJobIds]}::text[])
  RETURNING job_id),
job AS (
  INSERT INTO deadline_jobs (job_id, application_id, kind, run_on, payload, status)
  SELECT j.job_id, upd.id, j.kind, j.run_on, j.payload, 'pending'
  FROM upd, jsonb_to_recordset(${JSON.stringify(jobs)}::jsonb) AS j(job_id text, kind text, run_on date, payload jsonb)
  ON CONFLICT (job_id) DO NOTHING
  RETURNING job_id),
outbox AS (
  INSERT INTO deadline_job_outbox (application_id, added, dropped)
  SELECT upd.id, ARRAY(SELECT job_id FROM job), ARRAY(SELECT job_id FROM del)
  FROM upd WHERE EXISTS (SELECT 1 FROM job) OR EXISTS (SELECT 1 FROM del))
SELECT (SELECT count(*) FROM upd)::int AS updated,
  (SELECT coalesce(json_agg(ins ORDER BY ins.seq), '[]'::json) FROM ins) AS appended,
  (SELECT coalesce(json_agg(sup ORDER BY sup.seq), '[]'::json) FROM sup) AS superseded,
  (SELECT count(*) FROM del) + (SELECT count(*) FROM job) AS jobs_changed`;
  const r = (await q.execute(db)).rows[0];
  if (!r || Number(r.updated) !== 1) return { written: false, events: [] };
  return { written: true, events: [...asEvents(r.appended), ...asEvents(r.superseded)] };
}

/** json_agg's rows as the table's rows (dates stay `YYYY-MM-DD`, timestamps ISO text). */
function asEvents(json: unknown): DbApplicationEvent[] {
  const rows = (typeof json === "string" ? JSON.parse(json) : json) as DbApplicationEvent[];
  return rows;
}
