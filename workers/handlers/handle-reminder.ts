import type { DeadlineJobData } from "../queues.ts";
import { composeReminderMail } from "./compose-deadline-mail.ts";
import { reminderRecipientsAmong } from "./find-recipients.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";
import { sendClockMail } from "./send-clock-mail.ts";

/**
 * `deadline.reminder`: tells the handler that a running clock is due soon (DOMAIN.md §5: by
 * default 5 WD, 2 WD and on the day). Sent once per job id, and only while the clock still runs
 * with the due date it was planned for; see reminderRecipients for who gets it.
 */
export function handleReminder(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  return sendClockMail(deps, data, {
    state: "running",
    findRecipients: reminderRecipientsAmong,
    compose: composeReminderMail,
  });
}
