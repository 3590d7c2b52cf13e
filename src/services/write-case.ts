/**
 * The one path that writes a case (STYLE.md): registration, a user's action, the deadline
 * worker's automatic events, a calendar correction and the ledger import all come here, inside
 * the caller's transaction, with the case's row locked. Record the events, replay the history
 * when an event lands before later ones, re-derive the automatic events (DOMAIN.md §5:
 * consequences, not facts), persist row + events + superseded marks with the version check,
 * and plan the deadline jobs.
 */
import { toApiState } from "../../machines/api-state.ts";
import type { ApplicationMachine, ApplicationSnapshot } from "../../machines/application.machine.ts";
import { applyEvent, EVENT_LABELS, IllegalTransitionError } from "../../machines/apply-event.ts";
import {
  applyOwedAutomaticEvents,
  explainAutomaticBlock,
  type RecordedEvent,
  type ReplayResult,
  replayHistory,
} from "../../machines/replay-history.ts";
import {
  restoreSnapshot,
  type StoredApplicationSnapshot,
  toStoredSnapshot,
} from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import type { DbApplicationEvent } from "../db/schema.ts";
import {
  type ApplicationEvent,
  AUTOMATIC_EVENT_TYPES,
  HUMAN_EVENT_TYPES,
} from "../domain/application-events.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { type CivilDate, minDate, yearOf } from "../domain/civil-date.ts";
import { computeDeadlines } from "../domain/deadlines/compute-deadlines.ts";
import type { AutomaticEvent } from "../domain/deadlines/due-automatic-events.ts";
import { type Actor, SYSTEM_ACTOR } from "./actor.ts";
import {
  appendEvents,
  type CaseRow,
  type Db,
  isYearClosed,
  loadEvents,
  markSuperseded,
  type NewLogEntry,
  rewriteDeadlineJobs,
  updateCaseRow,
} from "./case-store.ts";
import { type PlannedJob, planDeadlineJobs } from "./plan-deadline-jobs.ts";
import { worklistColumns } from "./worklist-columns.ts";

export interface WriteContext {
  calendar: WorkingCalendar;
  machine: ApplicationMachine;
  today: CivilDate;
  /** The service's clock reading for this write (superseded marks). */
  now: Date;
  reminderOffsets: readonly number[];
}

/** A change closed years must accept: the agency's report for `year` gets a new version. */
export interface Amendment {
  agencyId: number;
  agencyCode: string;
  year: number;
  reason: string;
  actor: Actor;
}

export type CaseChange =
  /** The first entry of a new case (its row was just inserted with the initial snapshot). */
  | {
      kind: "registered";
      actor: Actor;
      payload: Record<string, unknown>;
      amendmentReason?: string | undefined;
    }
  /** A user's action: a human event, dated `event.on`, possibly before recorded ones. */
  | {
      kind: "action";
      actor: Actor;
      event: ApplicationEvent;
      reason: string | null;
      amendmentReason?: string | undefined;
      /** 更正登记信息: the registration columns corrected (received_on replays the history). */
      registration?: RegistrationColumns | undefined;
    }
  /** The deadline worker: apply what the history owes as of today. */
  | { kind: "automatic" }
  /** The calendar changed: replay the history, supersede and re-apply what moved. */
  | { kind: "rederive"; actor: Actor; year: number | null };

export interface CaseWriteResult {
  /** Entries appended to the log (0: nothing to write). */
  appended: number;
  /** Automatic events appended. */
  automatic: number;
  /** Seqs of the automatic events superseded. */
  superseded: number[];
  jobs: PlannedJob[];
  amendments: Amendment[];
  /** rederive only: the history no longer replays on the new calendar (left unchanged). */
  conflict?: string;
}

/** The registration data of a case's row that 更正登记信息 may correct. */
export interface RegistrationColumns {
  applicant?: Record<string, unknown>;
  applicant_type?: string;
  channel?: string;
  received_on?: CivilDate;
  description?: string;
  delivery_form?: string | null;
  mail_tracking_no?: string | null;
}

const HUMAN_TYPES = new Set<string>(HUMAN_EVENT_TYPES);
const ASSIGNED: ApplicationEvent["type"] = "case.assigned";
const AMENDED: ApplicationEvent["type"] = "registration.amended";
const AUTOMATIC_TYPES = new Set<string>(AUTOMATIC_EVENT_TYPES);

interface Plan {
  snapshot: ApplicationSnapshot;
  entries: NewLogEntry[];
  superseded: DbApplicationEvent[];
  registration?: RegistrationColumns | undefined;
}

/** Writes `change` to the locked case `c` (its row is updated in place for the caller's answer). */
export async function writeCase(
  trx: Db,
  c: CaseRow,
  change: CaseChange,
  ctx: WriteContext,
): Promise<CaseWriteResult> {
  const stored = restoreSnapshot(ctx.machine, c.row.snapshot as StoredApplicationSnapshot);
  const plan = await planChange(trx, c, stored, change, ctx);
  if (typeof plan === "string") return { ...nothing(), conflict: plan };
  if (plan.entries.length === 0 && change.kind === "automatic") return nothing();
  const amendments = await closedYearAmendments(trx, c, change, plan);
  const jobs = await persist(trx, c, plan, ctx);
  return {
    appended: plan.entries.length,
    automatic: plan.entries.filter((e) => AUTOMATIC_TYPES.has(e.type)).length,
    superseded: plan.superseded.map((e) => e.seq),
    jobs,
    amendments,
  };
}

function nothing(): CaseWriteResult {
  return { appended: 0, automatic: 0, superseded: [], jobs: [], amendments: [] };
}

/** The new snapshot, the entries to append and the events to supersede; a string: rederive refused. */
async function planChange(
  trx: Db,
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
        const plan = await replayPlan(trx, c, ctx, undefined, change, receivedOn);
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
      return replayPlan(trx, c, ctx, { seq: Number.POSITIVE_INFINITY, event }, change);
    }
    case "automatic": {
      const owed = applyOwedAutomaticEvents(ctx.machine, stored, ctx.today);
      if (!owed.stuck)
        return { snapshot: owed.snapshot, entries: owed.applied.map(systemEntry), superseded: [] };
      return replayPlan(trx, c, ctx, undefined, change);
    }
    case "rederive":
      return replayPlan(trx, c, ctx, undefined, change);
    default:
      return assertNeverChange(change);
  }
}

function assertNeverChange(change: never): never {
  throw new Error(`unknown case change ${JSON.stringify(change)}`);
}

/** Replays the human events (with `added` inserted) and diffs the automatic events owed. */
async function replayPlan(
  trx: Db,
  c: CaseRow,
  ctx: WriteContext,
  added: RecordedEvent | undefined,
  change: CaseChange,
  receivedOn = c.row.received_on as CivilDate,
): Promise<Plan | string> {
  const log = await loadEvents(trx, c.row.id, true);
  const human = log.filter((e) => HUMAN_TYPES.has(e.type)).map(toRecorded);
  const result = replayHistory(ctx.machine, receivedOn, added ? [...human, added] : human, ctx.today);
  if (!result.ok) {
    if (change.kind !== "action") return refusalMessage(result, added);
    throw new AppError("illegal_action", {
      message: change.registration ? registrationRefusal(result, receivedOn) : refusalMessage(result, added),
      details: [{ message: `allowedActions: ${result.error.allowedActions.join(",")}` }],
    });
  }
  const { superseded, missing } = diffAutomatic(
    log.filter((e) => AUTOMATIC_TYPES.has(e.type)),
    result.automatic,
  );
  const entries: NewLogEntry[] = [];
  if (change.kind === "action") {
    entries.push(userEntry(change.event.type, change.event.on, change.actor, change.event, change.reason));
  } else if (superseded.length > 0 || missing.length > 0) {
    // The cause of the re-derivation, so that the superseded events point at an entry.
    const actor = change.kind === "rederive" ? change.actor : SYSTEM_ACTOR;
    const year = change.kind === "rederive" ? change.year : null;
    entries.push(userEntry("calendar.changed", ctx.today, actor, { year }, null));
  }
  entries.push(...missing.map(systemEntry));
  return { snapshot: result.snapshot, entries, superseded };
}

/** The 409 text of a refused replay: the new event itself, or a later one it would invalidate. */
function refusalMessage(
  result: Extract<ReplayResult, { ok: false }>,
  added: RecordedEvent | undefined,
): string {
  const hint = explainAutomaticBlock(result.before, result.refused.event);
  if (result.refused === added) return hint ?? result.error.message;
  const what = `${result.refused.event.on} 的“${EVENT_LABELS[result.refused.event.type]}”`;
  const prefix = added ? `登记该事项后，已登记的${what}将不再成立` : `按现行放假安排重算后，${what}不再成立`;
  return `${prefix}：${hint ?? result.error.message}。请核对各事项的日期`;
}

/** The 409 text of a correction of the receipt date that a recorded event no longer fits. */
function registrationRefusal(result: Extract<ReplayResult, { ok: false }>, receivedOn: CivilDate): string {
  const what = `${result.refused.event.on} 的“${EVENT_LABELS[result.refused.event.type]}”`;
  const hint = explainAutomaticBlock(result.before, result.refused.event) ?? result.error.message;
  return `收到日期更正为 ${receivedOn} 后，已登记的${what}将不再成立：${hint}。请先核对各事项的日期`;
}

/** Stored automatic events the history no longer owes, and owed ones not stored yet. */
function diffAutomatic(
  stored: DbApplicationEvent[],
  owed: AutomaticEvent[],
): { superseded: DbApplicationEvent[]; missing: AutomaticEvent[] } {
  const keyOf = (type: string, on: string, payload: object) =>
    `${type}|${on}|${"consultationId" in payload ? String(payload.consultationId) : ""}`;
  const remaining = new Map<string, AutomaticEvent[]>();
  for (const e of owed) {
    const k = keyOf(e.type, e.on, e);
    remaining.set(k, [...(remaining.get(k) ?? []), e]);
  }
  const superseded: DbApplicationEvent[] = [];
  for (const e of stored) {
    const list = remaining.get(keyOf(e.type, e.effective_on, e.payload as object));
    if (list && list.length > 0) list.shift();
    else superseded.push(e);
  }
  return { superseded, missing: owed.filter((e) => remaining.get(keyOf(e.type, e.on, e))?.includes(e)) };
}

function toRecorded(e: DbApplicationEvent): RecordedEvent {
  const { v: _v, ...event } = e.payload as { v: number } & ApplicationEvent;
  return { seq: e.seq, event: { ...event, type: e.type, on: e.effective_on } as ApplicationEvent };
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

function userEntry(
  type: string,
  on: string,
  actor: Actor,
  payload: object,
  reason: string | null,
): NewLogEntry {
  const { type: _t, on: _o, ...rest } = payload as Record<string, unknown>;
  return {
    type,
    on,
    actorUserId: actor.userId,
    actorName: actor.userId === null ? "system" : actor.displayName,
    payload: rest,
    reason,
  };
}

function systemEntry(e: AutomaticEvent): NewLogEntry {
  return userEntry(e.type, e.on, SYSTEM_ACTOR, e, null);
}

/**
 * The closed years the change touches (DOMAIN.md §8): the years of the new entries and of the
 * superseded events. A user's change there needs an amendment reason (else 409); what the law
 * owes by itself (a window that ran out, a corrected calendar) amends with a reason of its own.
 */
async function closedYearAmendments(
  trx: Db,
  c: CaseRow,
  change: CaseChange,
  plan: Plan,
): Promise<Amendment[]> {
  const byUser = change.kind === "action" || change.kind === "registered";
  const userYears = new Set<number>(plan.superseded.map((e) => yearOf(e.effective_on as CivilDate)));
  // 分办/转办 changes no figure of any year: it amends nothing (only what it supersedes would).
  if (change.kind === "action" && change.event.type !== ASSIGNED && !change.registration)
    userYears.add(yearOf(change.event.on));
  if (change.kind === "registered") userYears.add(yearOf(c.row.received_on as CivilDate));
  // 更正登记信息 moves a case between the tables' rows only through its receipt date or type.
  const reg = change.kind === "action" ? change.registration : undefined;
  if (reg?.received_on !== undefined || reg?.applicant_type !== undefined) {
    userYears.add(yearOf(c.row.received_on as CivilDate));
    if (reg.received_on !== undefined) userYears.add(yearOf(reg.received_on));
  }
  const entryYears = plan.entries
    .filter((e) => e.type !== ASSIGNED && e.type !== AMENDED)
    .map((e) => yearOf(e.on as CivilDate));
  const years = new Set([...userYears, ...entryYears]);
  const out: Amendment[] = [];
  for (const year of [...years].sort()) {
    if (!(await isYearClosed(trx, c.agency.id, year))) continue;
    const isUsers = byUser && userYears.has(year);
    const why = isUsers
      ? change.amendmentReason?.trim()
      : change.kind === "rederive"
        ? `${change.year === null ? "" : `更正${change.year}年`}放假安排变更，期限届满的自动事件随之调整`
        : "期限届满，系统自动办结（《条例》第三十条或收费规定）";
    if (!why) {
      throw new AppError("year_closed", {
        message: `${year}年度报告已关闭，日期在${year}年内的操作会改变已发布的数据；如确需更正，请填写更正理由（amendmentReason）`,
        details: [{ field: "amendmentReason", message: "请填写更正理由" }],
      });
    }
    const actor = change.kind === "rederive" || (isUsers && byUser) ? change.actor : SYSTEM_ACTOR;
    out.push({ agencyId: c.agency.id, agencyCode: c.agency.code, year, reason: why, actor });
  }
  return out;
}

/** Row (version-checked), entries, superseded marks and deadline rows, in the caller's transaction. */
async function persist(trx: Db, c: CaseRow, plan: Plan, ctx: WriteContext): Promise<PlannedJob[]> {
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
  // the 待办 order and the 工作台 counters (issue 11): the open clocks of these deadlines
  const worklist = worklistColumns(facts, deadlines);
  const { applicant, ...registration } = plan.registration ?? {};
  const columns = { ...registration, ...(applicant ? { applicant: JSON.stringify(applicant) } : {}) };
  if (
    !(await updateCaseRow(trx, c.row.id, c.row.version, {
      ...changes,
      ...worklist,
      ...columns,
      snapshot: stored,
    }))
  ) {
    throw versionConflict();
  }
  await appendEvents(trx, c.row.id, c.row.version, plan.entries);
  await markSuperseded(
    trx,
    c.row.id,
    plan.superseded.map((e) => e.seq),
    c.row.version + 1,
    ctx.now,
  );
  const jobs = planDeadlineJobs({
    applicationId: c.row.id,
    facts,
    deadlines,
    calendar: ctx.calendar,
    today: ctx.today,
    reminderOffsets: ctx.reminderOffsets,
  });
  await rewriteDeadlineJobs(trx, c.row.id, jobs);
  Object.assign(c.row, changes, plan.registration ?? {}, { snapshot: stored });
  return jobs;
}

export function versionConflict(): AppError {
  return new AppError("version_conflict", { message: "该申请已被他人修改，请刷新后重试" });
}
