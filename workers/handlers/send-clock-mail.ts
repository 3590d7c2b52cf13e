import type { Kysely } from "kysely";
import type { Database } from "../../src/db/schema.ts";
import type { ClockView } from "../../src/services/application-types.ts";
import type { DeadlineJobData } from "../queues.ts";
import type { composeReminderMail } from "./compose-deadline-mail.ts";
import { readDueRow, settleDeadlineRow } from "./deadline-rows.ts";
import type { Recipients } from "./find-recipients.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";
import { loadCaseClock } from "./load-case-clock.ts";
import { sendNotificationOnce } from "./send-notification-once.ts";

export interface ClockMailSpec {
  /** The state the clock must still be in for the mail to apply. */
  state: ClockView["state"];
  findRecipients: (db: Kysely<Database>, applicationId: string) => Promise<Recipients>;
  compose: typeof composeReminderMail;
}

/**
 * The common path of reminders and escalations: re-read the row; cancel it when the clock is no
 * longer in the expected state at the planned due date; otherwise send the mail once per job id
 * and settle the row in the same transaction.
 */
export async function sendClockMail(
  deps: HandlerDeps,
  data: DeadlineJobData,
  spec: ClockMailSpec,
): Promise<HandlerResult> {
  const due = await readDueRow(deps, data.jobId);
  if (!due.isDue) return due.result;
  const { payload, today } = due;
  const found = await loadCaseClock(deps, data.applicationId, { ...payload, state: spec.state });
  // A missed clock whose awaited act happened late (a reply, a re-reply) is no longer overdue.
  if (!found || (spec.state === "missed" && found.clock.doneOn !== undefined)) {
    await settleDeadlineRow(deps.db, data.jobId, "cancelled", deps.now());
    return { outcome: "cancelled", detail: `clock ${payload.clock} not ${spec.state} at ${payload.dueOn}` };
  }
  const recipients = await spec.findRecipients(deps.db, data.applicationId);
  if (recipients.to.length === 0) {
    deps.logger.warn(
      { jobId: data.jobId, trackingNo: found.view.trackingNo },
      "deadline mail not sent: nobody it could go to has an email address",
    );
    await settleDeadlineRow(deps.db, data.jobId, "done", deps.now());
    return { outcome: "done", detail: "no recipient" };
  }
  const calendar = await deps.calendars.get();
  const mail = spec.compose({ ...found, today, calendar, publicUrl: deps.publicUrl });
  const isSent = await sendNotificationOnce(deps.db, deps.mailer, {
    key: data.jobId,
    applicationId: data.applicationId,
    mail: { ...recipients, ...mail },
    alongside: (trx) => settleDeadlineRow(trx, data.jobId, "done", deps.now()),
  });
  return {
    outcome: "done",
    detail: isSent ? `sent to ${recipients.to.join(", ")}` : "sent by another worker",
  };
}
