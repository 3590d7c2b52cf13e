import type { DeadlineJobData } from "../queues.ts";
import { composeOverdueMail } from "./compose-deadline-mail.ts";
import { escalationRecipientsAmong } from "./find-recipients.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";
import { sendClockMail } from "./send-clock-mail.ts";

/**
 * `deadline.overdue`: the reply deadline passed without a reply (art. 33). Escalates to the
 * agency's approvers and admins, the handler in copy; once per job id, and only while the reply
 * clock is still missed at the planned due date (a reply, a pause or a moved date cancels it).
 */
export function handleOverdue(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  return sendClockMail(deps, data, {
    state: "missed",
    findRecipients: escalationRecipientsAmong,
    compose: composeOverdueMail,
  });
}
