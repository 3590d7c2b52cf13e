import { CompiledQuery } from "kysely";
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
  /**
   * Every deadline row planned now: the case's pending rows NOT among them are deleted, as the
   * write statement finds them (not as the read found them: a read that waited for a row lock
   * saw the deadline rows as they were before the other writer's commit).
   */
  plannedJobIds: readonly string[];
  /** Planned deadline rows not pending when read (a row already done keeps its state). */
  addJobs: readonly PlannedJob[];
  /**
   * Whether the deadline rows may change: the read found pending rows no longer planned, or
   * planned rows not pending, or it cannot tell (a locked read). False leaves the deadline part
   * out of the statement.
   */
  jobsMayChange: boolean;
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
 * marks set, only the changed deadline rows deleted (the pending ones no longer planned) and
 * inserted, and — when they changed — one
 * `deadline_job_outbox` entry naming them, which the workers relay to BullMQ (no Redis call on
 * the request path) — each CTE reads `upd`, so nothing is written when the version check fails.
 * A named prepared statement of constant text (`caseWriteText`) unless it carries registration
 * columns; the parts with nothing to do (no superseded marks, no deadline row changed) are left
 * out of the text, so PostgreSQL does not set up a write of application_events or
 * deadline_jobs that writes nothing.
 */
export async function writeCaseRow(db: Db, w: CaseRowWrite): Promise<CaseRowWritten> {
  const c = w.columns;
  const registration = REGISTRATION_COLUMNS.filter((k) => w.registration?.[k] !== undefined);
  const entries = entriesOf(w);
  const parts: WriteParts = {
    superseded: w.supersededSeqs.length > 0,
    jobs: w.jobsMayChange,
  };
  const params: unknown[] = [
    c.version,
    c.state,
    c.outcome,
    c.disposition_on,
    c.reply_due_on,
    c.awaiting_approval,
    c.handler_user_id,
    c.next_due_on,
    c.next_due_clock,
    c.notice_due_on,
    c.open_clocks,
    c.snapshot,
    w.id,
    w.fromVersion,
    JSON.stringify(entries),
  ];
  if (parts.superseded) params.push(w.fromVersion + 1, w.supersededAt, [...w.supersededSeqs]);
  if (parts.jobs) params.push([...w.plannedJobIds], JSON.stringify(addedJobsOf(w)));
  const extra = registration.map((k) => {
    params.push(w.registration?.[k]);
    const cast = k === "applicant" ? "::jsonb" : k === "received_on" ? "::date" : "";
    return `, ${k} = $${params.length}${cast}`;
  });
  const text =
    registration.length === 0 ? caseWriteText(parts) : buildCaseWriteText(parts, "", extra.join(""));
  const r = (await db.executeQuery(CompiledQuery.raw(text, params))).rows[0] as WriteResult | undefined;
  if (!r || Number(r.updated) !== 1) return { written: false, events: [] };
  return { written: true, events: [...asEvents(r.appended), ...asEvents(r.superseded)] };
}

interface WriteResult {
  updated: number;
  appended: unknown;
  superseded: unknown;
}

/** Which optional parts a write has: superseded marks; deadline rows deleted or inserted. */
interface WriteParts {
  superseded: boolean;
  jobs: boolean;
}

const WRITE_TEXTS = new Map<string, string>();

/** The prepared statement's text for these parts (four at most, each named). */
function caseWriteText(parts: WriteParts): string {
  const key = `${parts.superseded ? "-sup" : ""}${parts.jobs ? "" : "-nojobs"}`;
  let text = WRITE_TEXTS.get(key);
  if (text === undefined) {
    text = buildCaseWriteText(parts, preparedName(`case-write${key}`), "");
    WRITE_TEXTS.set(key, text);
  }
  return text;
}

/**
 * The statement's text. Parameters: $1–$12 the columns, $13 id, $14 the version read, $15 the
 * entries (JSON); with superseded marks $16 the superseding seq, $17 when, $18 the seqs; with
 * deadline rows then the ids planned (the pending rows not among them are deleted) and the rows
 * inserted (JSON); registration columns last.
 */
function buildCaseWriteText(parts: WriteParts, name: string, registrationSets: string): string {
  let n = 15;
  const next = () => `$${++n}`;
  const sup = parts.superseded
    ? `,
sup AS (
  UPDATE application_events SET superseded_by_seq = ${next()}::int, superseded_at = ${next()}
  WHERE application_id = (SELECT id FROM upd) AND seq = ANY(${next()}::int[])
  RETURNING *)`
    : "";
  const jobs = parts.jobs
    ? `,
del AS (
  DELETE FROM deadline_jobs
  WHERE application_id = (SELECT id FROM upd) AND status = 'pending' AND job_id <> ALL(${next()}::text[])
  RETURNING job_id),
job AS (
  INSERT INTO deadline_jobs (job_id, application_id, kind, run_on, payload, status)
  SELECT j.job_id, upd.id, j.kind, j.run_on, j.payload, 'pending'
  FROM upd, jsonb_to_recordset(${next()}::jsonb) AS j(job_id text, kind text, run_on date, payload jsonb)
  ON CONFLICT (job_id) DO NOTHING
  RETURNING job_id),
outbox AS (
  INSERT INTO deadline_job_outbox (application_id, added, dropped)
  SELECT upd.id, ARRAY(SELECT job_id FROM job), ARRAY(SELECT job_id FROM del)
  FROM upd WHERE EXISTS (SELECT 1 FROM job) OR EXISTS (SELECT 1 FROM del))`
    : "";
  return `${name}
WITH upd AS (
  UPDATE applications SET version = $1, state = $2, outcome = $3,
    disposition_on = $4::date, reply_due_on = $5::date,
    awaiting_approval = $6, handler_user_id = $7::int,
    next_due_on = $8::date, next_due_clock = $9,
    notice_due_on = $10::date, open_clocks = $11::jsonb,
    snapshot = $12::jsonb, updated_at = now()${registrationSets}
  WHERE id = $13 AND version = $14
  RETURNING id),
ins AS (
  INSERT INTO application_events (application_id, seq, type, actor_user_id, actor_name, effective_on, payload, reason)
  SELECT upd.id, e.seq, e.type, e.actor_user_id, e.actor_name, e.effective_on, e.payload, e.reason
  FROM upd, jsonb_to_recordset($15::jsonb)
    AS e(seq int, type text, actor_user_id int, actor_name text, effective_on date, payload jsonb, reason text)
  RETURNING *)${sup}${jobs}
SELECT (SELECT count(*) FROM upd)::int AS updated,
  (SELECT coalesce(json_agg(ins ORDER BY ins.seq), '[]'::json) FROM ins) AS appended,
  ${parts.superseded ? "(SELECT coalesce(json_agg(sup ORDER BY sup.seq), '[]'::json) FROM sup)" : "'[]'::json"} AS superseded`;
}

/**
 * Several cases' writes (no registration columns, distinct cases) as ONE statement: what
 * `writeCaseRow` does for one, for each, every part joined to its own case's version-checked
 * UPDATE, so a case whose version moved writes nothing while the others are written. Atomic
 * as a whole: a failure writes none of them. Rows are updated in primary-key order (as the
 * batch reads lock them). Answers in the order given. A named prepared statement: one
 * parameter, the writes as JSON.
 */
export async function writeCaseRows(db: Db, writes: readonly CaseRowWrite[]): Promise<CaseRowWritten[]> {
  const input = [...writes]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((w) => {
      if (w.registration && REGISTRATION_COLUMNS.some((k) => w.registration?.[k] !== undefined))
        throw new Error(`writeCaseRows: ${w.id} carries registration columns`);
      const c = w.columns;
      const { open_clocks, snapshot, ...columns } = c;
      const json = JSON.stringify({
        ...columns,
        id: w.id,
        from_version: w.fromVersion,
        entries: entriesOf(w),
        sup_seq: w.supersededSeqs.length > 0 ? w.fromVersion + 1 : null,
        sup_at: w.supersededSeqs.length > 0 ? w.supersededAt.toISOString() : null,
        sup_seqs: w.supersededSeqs,
        jobs: w.jobsMayChange,
        planned: w.plannedJobIds,
        add_jobs: w.jobsMayChange ? addedJobsOf(w) : [],
      });
      // the two JSON columns are JSON text already: spliced in, not parsed and written again
      return `${json.slice(0, -1)},"open_clocks":${open_clocks},"snapshot":${snapshot}}`;
    });
  const r = await db.executeQuery<{ id: string; updated: boolean; appended: unknown; superseded: unknown }>(
    CompiledQuery.raw(CASE_WRITE_BATCH, [`[${input.join(",")}]`]),
  );
  const byId = new Map(r.rows.map((row) => [row.id, row]));
  return writes.map((w) => {
    const row = byId.get(w.id);
    if (!row?.updated) return { written: false, events: [] };
    return { written: true, events: [...asEvents(row.appended), ...asEvents(row.superseded)] };
  });
}

const CASE_WRITE_BATCH = `${preparedName("case-write-batch")}
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS i(
    id text, from_version int, version int, state text, outcome text, disposition_on date,
    reply_due_on date, awaiting_approval text, handler_user_id int, next_due_on date,
    next_due_clock text, notice_due_on date, open_clocks jsonb, snapshot jsonb, entries jsonb,
    sup_seq int, sup_at timestamptz, sup_seqs int[], jobs boolean, planned text[], add_jobs jsonb)),
upd AS (
  UPDATE applications a SET version = i.version, state = i.state, outcome = i.outcome,
    disposition_on = i.disposition_on, reply_due_on = i.reply_due_on,
    awaiting_approval = i.awaiting_approval, handler_user_id = i.handler_user_id,
    next_due_on = i.next_due_on, next_due_clock = i.next_due_clock,
    notice_due_on = i.notice_due_on, open_clocks = i.open_clocks, snapshot = i.snapshot,
    updated_at = now()
  FROM input i
  WHERE a.id = i.id AND a.version = i.from_version
  RETURNING a.id),
ins AS (
  INSERT INTO application_events (application_id, seq, type, actor_user_id, actor_name, effective_on, payload, reason)
  SELECT upd.id, e.seq, e.type, e.actor_user_id, e.actor_name, e.effective_on, e.payload, e.reason
  FROM upd JOIN input i ON i.id = upd.id,
    jsonb_to_recordset(i.entries)
      AS e(seq int, type text, actor_user_id int, actor_name text, effective_on date, payload jsonb, reason text)
  RETURNING *),
sup AS (
  UPDATE application_events ev SET superseded_by_seq = i.sup_seq, superseded_at = i.sup_at
  FROM upd JOIN input i ON i.id = upd.id
  WHERE i.sup_seq IS NOT NULL AND ev.application_id = upd.id AND ev.seq = ANY(i.sup_seqs)
  RETURNING ev.*),
del AS (
  DELETE FROM deadline_jobs dj USING upd JOIN input i ON i.id = upd.id
  WHERE i.jobs AND dj.application_id = upd.id AND dj.status = 'pending' AND dj.job_id <> ALL(i.planned)
  RETURNING dj.application_id, dj.job_id),
job AS (
  INSERT INTO deadline_jobs (job_id, application_id, kind, run_on, payload, status)
  SELECT j.job_id, upd.id, j.kind, j.run_on, j.payload, 'pending'
  FROM upd JOIN input i ON i.id = upd.id,
    jsonb_to_recordset(i.add_jobs) AS j(job_id text, kind text, run_on date, payload jsonb)
  ON CONFLICT (job_id) DO NOTHING
  RETURNING application_id, job_id),
outbox AS (
  INSERT INTO deadline_job_outbox (application_id, added, dropped)
  SELECT upd.id, ARRAY(SELECT job.job_id FROM job WHERE job.application_id = upd.id),
    ARRAY(SELECT del.job_id FROM del WHERE del.application_id = upd.id)
  FROM upd
  WHERE EXISTS (SELECT 1 FROM job WHERE job.application_id = upd.id)
     OR EXISTS (SELECT 1 FROM del WHERE del.application_id = upd.id))
SELECT i.id, upd.id IS NOT NULL AS updated,
  (SELECT coalesce(json_agg(ins ORDER BY ins.seq), '[]'::json) FROM ins WHERE ins.application_id = i.id) AS appended,
  (SELECT coalesce(json_agg(sup ORDER BY sup.seq), '[]'::json) FROM sup WHERE sup.application_id = i.id) AS superseded
FROM input i LEFT JOIN upd ON upd.id = i.id`;

/** The entries as the events' columns, seq fromVersion + 1, + 2 … */
function entriesOf(w: CaseRowWrite) {
  return w.entries.map((e, i) => ({
    seq: w.fromVersion + i + 1,
    type: e.type,
    actor_user_id: e.actorUserId,
    actor_name: e.actorName,
    effective_on: e.on,
    payload: { v: 1, ...e.payload, type: e.type, on: e.on },
    reason: e.reason,
  }));
}

function addedJobsOf(w: CaseRowWrite) {
  return w.addJobs.map((j) => ({ job_id: j.jobId, kind: j.kind, run_on: j.runOn, payload: j.payload }));
}

/** json_agg's rows as the table's rows (dates stay `YYYY-MM-DD`, timestamps ISO text). */
function asEvents(json: unknown): DbApplicationEvent[] {
  const rows = (typeof json === "string" ? JSON.parse(json) : json) as DbApplicationEvent[];
  return rows;
}
