import type { DeadlineJobData } from "../queues.ts";
import { readDueRow, settleDeadlineRow } from "./deadline-rows.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";

/**
 * `deadline.automatic`: a window ran out (supplement, consultation, fee). The application
 * service applies every automatic event owed today, as the system, with its version check (a
 * concurrent worker makes this attempt fail and retry, then find nothing owed).
 */
export async function handleAutomatic(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  const due = await readDueRow(deps, data.jobId);
  if (!due.isDue) return due.result;
  const applied = await deps.applications.applyAutomaticEvents(data.applicationId);
  if (applied > 0) {
    // Applying rewrote the case's rows (this one is normally gone): settle it if it is not.
    await settleDeadlineRow(deps.db, data.jobId, "done", deps.now());
    return { outcome: "done", detail: `${applied} automatic event(s) applied` };
  }
  // Nothing owed today: a concurrent worker applied it, or the calendar moved the window's end
  // since the job was planned. Re-deriving supersedes what moved and plans the right date.
  await deps.applications.rederive(data.applicationId);
  const isCancelled = await settleDeadlineRow(deps.db, data.jobId, "cancelled", deps.now());
  if (isCancelled) deps.logger.warn({ jobId: data.jobId }, "automatic event not owed today; row cancelled");
  return { outcome: isCancelled ? "cancelled" : "skipped", detail: "no automatic event owed" };
}
