import { sql } from "kysely";
import { preparedName } from "../../src/db/statement-hooks.ts";
import type { WorkingCalendar } from "../../src/domain/calendar/calendar.ts";
import { type CivilDate, civilDateInChina } from "../../src/domain/civil-date.ts";
import type { Clock } from "../../src/domain/deadlines/clock.ts";
import type { Db } from "../../src/services/case-store.ts";
import { PermanentJobError } from "../permanent-job-error.ts";
import type { DeadlineJobData } from "../queues.ts";
import { type ClaimedMailRow, claimMailRows } from "./claim-mail-row.ts";
import { type composeReminderMail, deadlineMessageId } from "./compose-deadline-mail.ts";
import {
  batchCandidates,
  checkRow,
  dropSettledJobs,
  explainUnclaimed,
  parsePayload,
  preferGenericPlans,
} from "./deadline-rows.ts";
import type { Contact, Recipients } from "./find-recipients.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";
import { plannedClock } from "./planned-clock.ts";

/**
 * Other due rows of the same kind a mail job takes along (their own jobs then find them done
 * with one read). A crash between a send and the commit sends the batch's mails again.
 */
export const MAIL_BATCH_EXTRA = 20;

export interface ClockMailSpec {
  /** The state the clock must still be in for the mail to apply. */
  state: Clock["state"];
  findRecipients: (contacts: readonly Contact[], handlerId: number | null) => Recipients;
  compose: typeof composeReminderMail;
}

/** What became of one claimed row; `record` is its sent_notifications row once sent. */
type RowOutcome =
  | { result: HandlerResult; record?: { key: string; applicationId: string; to: string; subject: string } }
  | { result: "cancel"; detail: string; error?: PermanentJobError }
  | { result: "retry"; error: unknown };

/**
 * The common path of reminders and escalations. One read of the job's row (settled or not due:
 * done). Then ONE transaction: claim the row and up to MAIL_BATCH_EXTRA other due rows of its
 * kind with what their mails need (one statement); per row, check the clock against the case's
 * stored facts (cancelled when no longer in the expected state at the planned due date) and
 * send; record the notifications, cancel and release rows (one statement); commit. A failed
 * send releases its row (pending again) for its job's retry; a second worker's claim of a row
 * waits for this transaction and then finds it done.
 */
export async function sendClockMail(
  deps: HandlerDeps,
  data: DeadlineJobData,
  spec: ClockMailSpec,
): Promise<HandlerResult> {
  const at = deps.now();
  const today = civilDateInChina(at);
  const checked = await checkRow(deps.db, data.jobId, today, deps.jobHour);
  if (!("runOn" in checked)) return checked;
  // Before the transaction: PGlite has one connection, a read through deps.db inside would wait.
  const calendar = await deps.calendars.get();
  const others = await batchCandidates(deps.waitingJobIds, MAIL_BATCH_EXTRA);
  const batch = {
    jobId: data.jobId,
    kind: data.kind,
    today,
    day: checked.runOn,
    others,
    extra: MAIL_BATCH_EXTRA,
    at,
  };
  const done = await deps.db.transaction().execute(async (trx) => {
    const rows = await claimMailRows(trx, batch);
    // the finishing statement on its generic plan (not the claim: its generic plan is slow)
    if (rows.length > 0) await preferGenericPlans(trx);
    const outcomes = new Map<string, RowOutcome>();
    for (const row of rows) outcomes.set(row.jobId, await mailRow(deps, spec, row, calendar, today));
    await finishRows(trx, outcomes, at);
    const settled = [...outcomes].filter(([id, o]) => id !== data.jobId && o.result !== "retry");
    return { own: rows[0]?.isOwn ? outcomes.get(data.jobId) : undefined, settled: settled.map(([id]) => id) };
  });
  await dropSettledJobs(deps, done.settled);
  const { own } = done;
  if (own === undefined) return explainUnclaimed(deps.db, data.jobId, today, deps.jobHour);
  if (own.result === "retry") throw own.error;
  if (own.result === "cancel") {
    if (own.error) throw own.error;
    return { outcome: "cancelled", detail: own.detail };
  }
  return own.result;
}

/** One claimed row: its mail composed and sent, or why not. Never throws for a failed send. */
async function mailRow(
  deps: HandlerDeps,
  spec: ClockMailSpec,
  row: ClaimedMailRow,
  calendar: WorkingCalendar,
  today: CivilDate,
): Promise<RowOutcome> {
  const payload = parsePayload(row.jobId, row.payload);
  if (payload instanceof PermanentJobError) {
    deps.logger.error({ jobId: row.jobId, err: payload }, "deadline row cancelled: malformed payload");
    return { result: "cancel", detail: "malformed payload", error: payload };
  }
  const c = row.case;
  const found = c && plannedClock(c.snapshot, calendar, today, { ...payload, state: spec.state });
  // A missed clock whose awaited act happened late (a reply, a re-reply) is no longer overdue.
  if (!c || !found || (spec.state === "missed" && found.clock.doneOn !== undefined))
    return { result: "cancel", detail: `clock ${payload.clock} not ${spec.state} at ${payload.dueOn}` };
  if (row.isSent) return { result: { outcome: "done", detail: "sent by another worker" } };
  const recipients = spec.findRecipients(c.contacts, c.handlerId);
  if (recipients.to.length === 0) {
    deps.logger.warn(
      { jobId: row.jobId, trackingNo: c.trackingNo },
      "deadline mail not sent: nobody it could go to has an email address",
    );
    return { result: { outcome: "done", detail: "no recipient" } };
  }
  const view = {
    id: c.id,
    trackingNo: c.trackingNo,
    agencyName: c.agencyName,
    applicantName: c.applicant.name,
    receivedOn: c.receivedOn,
    description: c.description,
    handler: c.handlerName,
    stateLabel: found.stateLabel,
  };
  const mail = spec.compose({ view, clock: found.clock, today, calendar, publicUrl: deps.publicUrl });
  try {
    await deps.mailer.send({ ...recipients, ...mail, messageId: deadlineMessageId(row.jobId) });
  } catch (error) {
    if (!row.isOwn)
      deps.logger.warn({ jobId: row.jobId, err: error }, "deadline mail failed; left to its job");
    return { result: "retry", error };
  }
  return {
    result: { outcome: "done", detail: `sent to ${recipients.to.join(", ")}` },
    record: {
      key: row.jobId,
      applicationId: c.id,
      to: [...recipients.to, ...recipients.cc.map((a) => `cc:${a}`)].join(", "),
      subject: mail.subject,
    },
  };
}

/**
 * ONE statement for the batch: the sent mails' notifications recorded (a second send of a key
 * is refused by its primary key), the rows that no longer apply cancelled, the rows whose send
 * failed pending again.
 */
async function finishRows(trx: Db, outcomes: ReadonlyMap<string, RowOutcome>, at: Date): Promise<void> {
  const sent = [...outcomes.values()].flatMap((o) => ("record" in o && o.record ? [o.record] : []));
  const ids = (kind: "cancel" | "retry") =>
    [...outcomes].filter(([, o]) => o.result === kind).map(([id]) => id);
  const [cancel, retry] = [ids("cancel"), ids("retry")];
  if (sent.length + cancel.length + retry.length === 0) return;
  await sql`${sql.raw(preparedName("deadline-mail-finish"))}
    WITH recorded AS (
      INSERT INTO sent_notifications (notification_key, application_id, recipients, subject)
      SELECT * FROM unnest(${sent.map((s) => s.key)}::text[], ${sent.map((s) => s.applicationId)}::text[],
                           ${sent.map((s) => s.to)}::text[], ${sent.map((s) => s.subject)}::text[])
      ON CONFLICT (notification_key) DO NOTHING RETURNING 1),
    cancelled AS (
      UPDATE deadline_jobs SET status = 'cancelled', done_at = ${at}
      WHERE job_id = ANY(${cancel}::text[]) AND status = 'done' RETURNING 1),
    released AS (
      UPDATE deadline_jobs SET status = 'pending', done_at = NULL
      WHERE job_id = ANY(${retry}::text[]) AND status = 'done' RETURNING 1)
    SELECT (SELECT count(*) FROM recorded) AS recorded`.execute(trx);
}
