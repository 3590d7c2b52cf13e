import type { CivilDate } from "../../src/domain/civil-date.ts";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import type { Clock } from "../../src/domain/deadlines/clock.ts";
import { PermanentJobError } from "../permanent-job-error.ts";
import type { DeadlineJobData } from "../queues.ts";
import { type ClaimedMailRow, claimMailRow } from "./claim-mail-row.ts";
import type { composeReminderMail } from "./compose-deadline-mail.ts";
import { explainUnclaimed, parsePayload, settleDeadlineRow } from "./deadline-rows.ts";
import type { Contact, Recipients } from "./find-recipients.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";
import { plannedClock } from "./planned-clock.ts";
import { sendNotificationIn } from "./send-notification-once.ts";

/** A claimed row's answer, the error to throw once its row is cancelled, or nothing claimed. */
type Outcome = HandlerResult | PermanentJobError | undefined;

export interface ClockMailSpec {
  /** The state the clock must still be in for the mail to apply. */
  state: Clock["state"];
  findRecipients: (contacts: readonly Contact[], handlerId: number | null) => Recipients;
  compose: typeof composeReminderMail;
}

/**
 * The common path of reminders and escalations, in ONE transaction: claim the row with what the
 * mail needs (one statement), check the clock against the case's stored facts, claim the
 * notification key and send, commit. Cancels the row when the clock is no longer in the expected
 * state at the planned due date. A failed send rolls the claims back, so the retry sends it; a
 * second worker's claim waits for this transaction and then finds the row done.
 */
export async function sendClockMail(
  deps: HandlerDeps,
  data: DeadlineJobData,
  spec: ClockMailSpec,
): Promise<HandlerResult> {
  const at = deps.now();
  const today = civilDateInChina(at);
  // Before the transaction: PGlite has one connection, a read through deps.db inside would wait.
  const calendar = await deps.calendars.get();
  const out = await deps.db.transaction().execute(async (trx): Promise<Outcome> => {
    const claimed = await claimMailRow(trx, data.jobId, today, at);
    if (!claimed) return undefined;
    const payload = parsePayload(data.jobId, claimed.payload);
    const found =
      payload instanceof PermanentJobError
        ? undefined
        : applicableClock(claimed, { ...payload, state: spec.state }, calendar, today);
    if (payload instanceof PermanentJobError || !found || !claimed.case) {
      await settleDeadlineRow(trx, data.jobId, "cancelled", at, "done");
      if (payload instanceof PermanentJobError) return payload;
      return { outcome: "cancelled", detail: `clock ${payload.clock} not ${spec.state} at ${payload.dueOn}` };
    }
    const c = claimed.case;
    const recipients = spec.findRecipients(c.contacts, c.handlerId);
    if (recipients.to.length === 0) {
      deps.logger.warn(
        { jobId: data.jobId, trackingNo: c.trackingNo },
        "deadline mail not sent: nobody it could go to has an email address",
      );
      return { outcome: "done", detail: "no recipient" };
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
    const isSent = await sendNotificationIn(trx, deps.mailer, {
      key: data.jobId,
      applicationId: c.id,
      mail: { ...recipients, ...mail },
    });
    return {
      outcome: "done",
      detail: isSent ? `sent to ${recipients.to.join(", ")}` : "sent by another worker",
    };
  });
  if (out === undefined) return explainUnclaimed(deps.db, data.jobId, today, deps.jobHour);
  if (out instanceof PermanentJobError) throw out;
  return out;
}

/** The clock, when the case is there and the clock still as planned (a late reply is no longer overdue). */
function applicableClock(
  claimed: ClaimedMailRow,
  expected: { clock: string; dueOn: CivilDate; state: Clock["state"] },
  calendar: Parameters<typeof plannedClock>[1],
  today: CivilDate,
) {
  if (!claimed.case) return undefined;
  const found = plannedClock(claimed.case.snapshot, calendar, today, expected);
  // A missed clock whose awaited act happened late (a reply, a re-reply) is no longer overdue.
  if (!found || (expected.state === "missed" && found.clock.doneOn !== undefined)) return undefined;
  return found;
}
