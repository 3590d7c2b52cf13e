import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { PermanentJobError } from "../permanent-job-error.ts";
import type { DeadlineJobData } from "../queues.ts";
import {
  batchCandidates,
  type ClaimBatch,
  type ClaimedRow,
  checkRow,
  claimDueRows,
  dropSettledJobs,
  explainUnclaimed,
  parsePayload,
  preferGenericPlans,
  settleDeadlineRow,
  unclaimRows,
} from "./deadline-rows.ts";
import type { HandlerDeps, HandlerResult } from "./handler-deps.ts";

/**
 * Other due automatic rows a job takes along into its transaction (their waiting jobs are then
 * removed; a running one finds its row done with one read). A case the batch fails on rolls it
 * back; the job then does its own row alone. 7, not 3: a batch's fixed cost (its job's fetch and
 * completion, the row check, the window, BEGIN, the claim, COMMIT, the removal) is several round
 * trips, about 17% of an automatic job's CPU at 3 (bench:deadlines --mix automatic). With 4 jobs at
 * once a first wave of 32 rows still leaves the SIGKILL fault test's 40 cases mid-run (16 runs:
 * 8 to 24 closed at the kill).
 */
export const AUTOMATIC_BATCH_EXTRA = 7;

/** The job's own row in a batch: events applied, nothing owed, malformed, or not claimed. */
type Own = number | "nothing owed" | PermanentJobError | "unclaimed";

/**
 * `deadline.automatic`: a window ran out (supplement, consultation, fee). One read of the row
 * (settled or not due: done). Then ONE transaction of the application service: claim the row
 * and up to AUTOMATIC_BATCH_EXTRA other due automatic rows (one statement), read and lock all
 * their cases (one statement, primary-key order: loadCases), and for each case apply every
 * automatic event owed today through the one write path, as the system, with its
 * version check. A second worker's claim of a row waits for this transaction and then finds it
 * done: no second write of the case. A failure rolls the claims back with the cases.
 */
export async function handleAutomatic(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  const at = deps.now();
  const today = civilDateInChina(at);
  const checked = await checkRow(deps.db, data.jobId, today, deps.jobHour);
  if (!("runOn" in checked)) return checked;
  const others = await batchCandidates(deps.waitingJobIds, AUTOMATIC_BATCH_EXTRA);
  const batch = {
    jobId: data.jobId,
    kind: data.kind,
    today,
    day: checked.runOn,
    others,
    extra: AUTOMATIC_BATCH_EXTRA,
    at,
  };
  let done: { own: Own; settled: string[] };
  try {
    done = await applyBatch(deps, batch);
  } catch (error) {
    // Another case of the batch may be the one failing: this job's own row alone.
    deps.logger.warn({ jobId: data.jobId, err: error }, "automatic batch failed; the job's own row alone");
    done = await applyBatch(deps, { ...batch, extra: 0 });
  }
  await dropSettledJobs(deps, done.settled);
  const { own } = done;
  if (own === "unclaimed") return explainUnclaimed(deps.db, data.jobId, today, deps.jobHour);
  if (own instanceof PermanentJobError) throw own;
  if (own === "nothing owed") return rederive(deps, data);
  return { outcome: "done", detail: `${own} automatic event(s) applied` };
}

/**
 * Claims the batch and applies each case's owed events, in one transaction. A row whose case
 * owed nothing (or was written already by this batch) is released, pending again for its job;
 * a malformed row is cancelled. `settled`: the other rows left done or cancelled.
 */
async function applyBatch(deps: HandlerDeps, batch: ClaimBatch): Promise<{ own: Own; settled: string[] }> {
  return deps.applications.inTransaction(async (ops) => {
    await preferGenericPlans(ops.db);
    const rows = await claimDueRows(ops.db, batch);
    const release: string[] = [];
    const written = new Set<string>();
    let own: Own = "unclaimed";
    const valid: ClaimedRow[] = [];
    for (const row of rows) {
      const payload = parsePayload(row.jobId, row.payload);
      if (!(payload instanceof PermanentJobError)) {
        valid.push(row);
        continue;
      }
      await settleDeadlineRow(ops.db, row.jobId, "cancelled", batch.at, "done");
      if (row.isOwn) own = payload;
      else deps.logger.error({ jobId: row.jobId, err: payload }, "deadline row cancelled");
    }
    // Every case of the batch read and locked in one statement, then each written.
    const counts = await ops.applyAutomaticEventsToEach(valid.map((r) => r.applicationId));
    for (const row of valid) {
      const applied = written.has(row.applicationId) ? 0 : (counts.get(row.applicationId) ?? 0);
      written.add(row.applicationId);
      if (applied === 0) release.push(row.jobId);
      if (row.isOwn) own = applied === 0 ? "nothing owed" : applied;
    }
    await unclaimRows(ops.db, release);
    const settled = rows.filter((r) => !r.isOwn && !release.includes(r.jobId)).map((r) => r.jobId);
    return { own, settled };
  });
}

/**
 * Nothing owed today (the row released): the calendar moved the window's end since the job was
 * planned. Re-deriving supersedes what moved and plans the right date; this row, if still
 * pending (planned again with the same id), is cancelled.
 */
async function rederive(deps: HandlerDeps, data: DeadlineJobData): Promise<HandlerResult> {
  await deps.applications.rederive(data.applicationId);
  const isCancelled = await settleDeadlineRow(deps.db, data.jobId, "cancelled", deps.now());
  if (isCancelled) deps.logger.warn({ jobId: data.jobId }, "automatic event not owed today; row cancelled");
  return { outcome: isCancelled ? "cancelled" : "skipped", detail: "no automatic event owed" };
}
