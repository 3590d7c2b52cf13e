import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { PermanentJobError } from "../permanent-job-error.ts";
import type { DeadlineJobData } from "../queues.ts";
import { claimDueRow, explainUnclaimed, parsePayload, settleDeadlineRow } from "./deadline-rows.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";

/** Thrown inside the claim's transaction to roll it back: nothing was owed today. */
class NothingOwed extends Error {}

/**
 * `deadline.automatic`: a window ran out (supplement, consultation, fee). In ONE transaction of
 * the application service: claim the row (pending → done, one statement), then apply every
 * automatic event owed today through the one write path, as the system, with its version check.
 * A second worker's claim waits for this transaction and then finds the row done: no second
 * write of the case. A failure rolls the claim back with the case, so the retry does it all.
 */
export async function handleAutomatic(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  const at = deps.now();
  const today = civilDateInChina(at);
  let out: number | PermanentJobError | undefined;
  try {
    out = await deps.applications.inTransaction(async (batch) => {
      const claimed = await claimDueRow(batch.db, data.jobId, today, at);
      if (!claimed) return undefined;
      const payload = parsePayload(data.jobId, claimed.payload);
      if (payload instanceof PermanentJobError) {
        await settleDeadlineRow(batch.db, data.jobId, "cancelled", at, "done");
        return payload;
      }
      const applied = await batch.applyAutomaticEvents(data.applicationId);
      if (applied === 0) throw new NothingOwed();
      return applied;
    });
  } catch (error) {
    if (!(error instanceof NothingOwed)) throw error;
    return rederive(deps, data);
  }
  if (out === undefined) return explainUnclaimed(deps.db, data.jobId, today, deps.jobHour);
  if (out instanceof PermanentJobError) throw out;
  return { outcome: "done", detail: `${out} automatic event(s) applied` };
}

/**
 * Nothing owed today (the claim rolled back): the calendar moved the window's end since the job
 * was planned. Re-deriving supersedes what moved and plans the right date; this row, if still
 * pending (planned again with the same id), is cancelled.
 */
async function rederive(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  await deps.applications.rederive(data.applicationId);
  const isCancelled = await settleDeadlineRow(deps.db, data.jobId, "cancelled", deps.now());
  if (isCancelled) deps.logger.warn({ jobId: data.jobId }, "automatic event not owed today; row cancelled");
  return { outcome: isCancelled ? "cancelled" : "skipped", detail: "no automatic event owed" };
}
