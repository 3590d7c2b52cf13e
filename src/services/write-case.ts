/**
 * The one path that writes a case (STYLE.md): registration, a user's action, the deadline
 * worker's automatic events, a calendar correction and the ledger import all come here. Record
 * the events, replay the history when an event lands before later ones, re-derive the automatic
 * events (DOMAIN.md §5: consequences, not facts), then ONE version-checked statement writes row +
 * events + superseded marks + the changed deadline rows (case-write-store.ts). The caller read the
 * case with loadCase "write" (no transaction: the version check guards the write) or "lock"
 * (inside its transaction: writers of one case take turns).
 */
import { toApiState } from "../../machines/api-state.ts";
import type { ApplicationMachine, ApplicationSnapshot } from "../../machines/application.machine.ts";
import { applyEvent, IllegalTransitionError } from "../../machines/apply-event.ts";
import { applyOwedAutomaticEvents, explainAutomaticBlock } from "../../machines/replay-history.ts";
import {
  restoreSnapshot,
  type StoredApplicationSnapshot,
  toStoredSnapshot,
} from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import type { DbApplicationEvent } from "../db/schema.ts";
import type { ApplicationEvent } from "../domain/application-events.ts";
import { type CivilDate, minDate } from "../domain/civil-date.ts";
import { computeDeadlines } from "../domain/deadlines/compute-deadlines.ts";
import {
  AUTOMATIC_TYPES,
  type CaseChange,
  type CaseWriteResult,
  nothingWritten,
  type Plan,
  systemEntry,
  userEntry,
  type WriteContext,
} from "./case-change.ts";
import type { CaseRow, Db } from "./case-store.ts";
import { type CaseRowWrite, writeCaseRow } from "./case-write-store.ts";
import { closedYearAmendments } from "./closed-year-amendments.ts";
import { type PlannedJob, planDeadlineJobs } from "./plan-deadline-jobs.ts";
import { replayPlan } from "./replay-plan.ts";
import { worklistColumns } from "./worklist-columns.ts";

export type {
  Amendment,
  CaseChange,
  CaseWriteResult,
  RegistrationColumns,
  WriteContext,
} from "./case-change.ts";

/**
 * The row's version moved between the read and the write (another writer won): nothing was
 * written. Inside a locked transaction it cannot happen; without a lock the caller reads again.
 */
export class StaleCaseError extends Error {
  constructor(readonly applicationId: string) {
    super(`case ${applicationId} changed since it was read`);
  }
}

/** Writes `change` to the case `c` (its row is updated in place for the caller's answer). */
export async function writeCase(
  db: Db,
  c: CaseRow,
  change: CaseChange,
  ctx: WriteContext,
): Promise<CaseWriteResult> {
  const stored = restoreSnapshot(ctx.machine, c.row.snapshot as StoredApplicationSnapshot);
  const plan = await planChange(db, c, stored, change, ctx);
  if (typeof plan === "string") return { ...nothingWritten(), conflict: plan };
  if (plan.entries.length === 0 && change.kind === "automatic") return nothingWritten();
  const amendments = await closedYearAmendments(db, c, change, plan);
  const { jobs, added, dropped, events } = await persist(db, c, plan, ctx);
  return {
    appended: plan.entries.length,
    automatic: plan.entries.filter((e) => AUTOMATIC_TYPES.has(e.type)).length,
    superseded: plan.superseded.map((e) => e.seq),
    jobs,
    added,
    dropped,
    amendments,
    events,
    snapshot: plan.snapshot,
  };
}

/** The new snapshot, the entries to append and the events to supersede; a string: rederive refused. */
async function planChange(
  db: Db,
  c: CaseRow,
  stored: ApplicationSnapshot,
  change: CaseChange,
  ctx: WriteContext,
): Promise<Plan | string> {
  switch (change.kind) {
    case "registered":
      return {
        snapshot: stored,
        entries: [userEntry("application.registered", c.row.received_on, change.actor, change.payload, null)],
        superseded: [],
      };
    case "action": {
      const { event } = change;
      if (change.registration) {
        // 更正登记信息: allowed in the state as stored (409 naming it), then the whole history
        // replays from the receipt date as corrected: every deadline and owed event re-derived.
        applyHuman(ctx.machine, stored, event);
        const receivedOn = change.registration.received_on ?? (c.row.received_on as CivilDate);
        const plan = await replayPlan(db, c, ctx, undefined, change, receivedOn);
        return typeof plan === "string" ? plan : { ...plan, registration: change.registration };
      }
      // The usual case, dated on or after every recorded event: a plain append.
      if (event.on >= stored.context.lastOn) {
        const owed = applyOwedAutomaticEvents(ctx.machine, stored, minDate(ctx.today, event.on));
        if (!owed.stuck) {
          const snapshot = applyHuman(ctx.machine, owed.snapshot, event);
          const human = userEntry(event.type, event.on, change.actor, event, change.reason);
          return { snapshot, entries: [...owed.applied.map(systemEntry), human], superseded: [] };
        }
      }
      return replayPlan(db, c, ctx, { seq: Number.POSITIVE_INFINITY, event }, change);
    }
    case "automatic": {
      const owed = applyOwedAutomaticEvents(ctx.machine, stored, ctx.today);
      if (!owed.stuck)
        return { snapshot: owed.snapshot, entries: owed.applied.map(systemEntry), superseded: [] };
      return replayPlan(db, c, ctx, undefined, change);
    }
    case "rederive":
      return replayPlan(db, c, ctx, undefined, change);
    default:
      return assertNeverChange(change);
  }
}

function assertNeverChange(change: never): never {
  throw new Error(`unknown case change ${JSON.stringify(change)}`);
}

/** A human event on the machine: 409 naming the state, with the automatic event behind it if one is. */
function applyHuman(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  event: ApplicationEvent,
): ApplicationSnapshot {
  try {
    return applyEvent(machine, snapshot, event);
  } catch (e) {
    if (e instanceof IllegalTransitionError) {
      throw new AppError("illegal_action", {
        message: explainAutomaticBlock(snapshot, event) ?? e.message,
        details: [{ message: `allowedActions: ${e.allowedActions.join(",")}` }],
      });
    }
    throw e;
  }
}

/** Row (version-checked), entries, superseded marks and the changed deadline rows: one statement. */
async function persist(
  db: Db,
  c: CaseRow,
  plan: Plan,
  ctx: WriteContext,
): Promise<{ jobs: PlannedJob[]; added: PlannedJob[]; dropped: string[]; events: DbApplicationEvent[] }> {
  const facts = plan.snapshot.context.facts;
  const deadlines = computeDeadlines(facts, ctx.calendar, ctx.today);
  const stored = toStoredSnapshot(plan.snapshot);
  const changes = {
    version: c.row.version + plan.entries.length,
    state: toApiState(plan.snapshot),
    outcome: facts.disposition?.outcome ?? null,
    disposition_on: facts.disposition?.on ?? null,
    reply_due_on: facts.disposition ? null : deadlines.reply.dueOn,
    awaiting_approval: facts.proposal?.kind ?? null,
    // The latest 分办/转办 in replay order; without one, the handler registered with the case.
    handler_user_id: facts.assignee?.userId ?? c.row.handler_user_id,
  };
  const jobs = planDeadlineJobs({
    applicationId: c.row.id,
    facts,
    deadlines,
    calendar: ctx.calendar,
    today: ctx.today,
    reminderOffsets: ctx.reminderOffsets,
  });
  const pending = new Set(c.pendingJobIds ?? (await pendingJobIdsOf(db, c.row.id)));
  const planned = new Set(jobs.map((j) => j.jobId));
  const dropped = [...pending].filter((id) => !planned.has(id));
  const added = jobs.filter((j) => !pending.has(j.jobId));
  const { applicant, ...registration } = plan.registration ?? {};
  const write: CaseRowWrite = {
    id: c.row.id,
    fromVersion: c.row.version,
    // the 待办 order and the 工作台 counters (issue 11): the open clocks of these deadlines
    columns: { ...changes, ...worklistColumns(facts, deadlines), snapshot: JSON.stringify(stored) },
    registration: plan.registration && {
      ...registration,
      ...(applicant ? { applicant: JSON.stringify(applicant) } : {}),
    },
    entries: plan.entries,
    supersededSeqs: plan.superseded.map((e) => e.seq),
    supersededAt: ctx.now,
    plannedJobIds: [...planned],
    addJobs: added,
    jobsMayChange: dropped.length > 0 || added.length > 0 || c.pendingJobIdsMayBeStale === true,
  };
  const written =
    ctx.writeRow && !plan.registration ? await ctx.writeRow(write) : await writeCaseRow(db, write);
  if (!written.written) throw new StaleCaseError(c.row.id);
  Object.assign(c.row, changes, plan.registration ?? {}, { snapshot: stored });
  c.pendingJobIds = [...planned];
  c.pendingJobIdsMayBeStale = false; // as this write left them, the row still locked or version-checked
  return { jobs, added, dropped, events: written.events };
}

async function pendingJobIdsOf(db: Db, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("deadline_jobs")
    .select("job_id")
    .where("application_id", "=", applicationId)
    .where("status", "=", "pending")
    .execute();
  return rows.map((r) => r.job_id);
}

export function versionConflict(): AppError {
  return new AppError("version_conflict", { message: "该申请已被他人修改，请刷新后重试" });
}

/** Inside a locked transaction no other writer wins; should one anyway, the client re-reads (409). */
export async function lockedWrite<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof StaleCaseError) throw versionConflict();
    throw e;
  }
}

/** PostgreSQL's deadlock_detected (40P01): the statement chosen as the victim did nothing. */
export function isDeadlock(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "40P01";
}
