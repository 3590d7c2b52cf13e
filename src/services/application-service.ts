import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { initialTransition } from "xstate";
import { toApiState } from "../../machines/api-state.ts";
import {
  type ApplicationMachine,
  type ApplicationSnapshot,
  createApplicationMachine,
} from "../../machines/application.machine.ts";
import { applyEvent, IllegalTransitionError } from "../../machines/apply-event.ts";
import {
  restoreSnapshot,
  type StoredApplicationSnapshot,
  toStoredSnapshot,
} from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import { nextCounter } from "../db/next-counter.ts";
import type { Database, DbApplicationEvent } from "../db/schema.ts";
import type { ApplicationEvent } from "../domain/application-events.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { type CivilDate, civilDateInChina, minDate, yearOf } from "../domain/civil-date.ts";
import { computeDeadlines } from "../domain/deadlines/compute-deadlines.ts";
import { dueAutomaticEvents } from "../domain/deadlines/due-automatic-events.ts";
import { ACTION_ROLES, REGISTER_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import { type Actor, canActInAgency, canSeeAgency, SYSTEM_ACTOR } from "./actor.ts";
import type { ActionInput, ApplicationView, ListFilters, RegisterInput } from "./application-types.ts";
import { buildApplicationView } from "./application-view.ts";
import type { CalendarStore } from "./calendar-store.ts";
import { type CaseRow, type Db, isYearClosed, loadCase, rewriteDeadlineJobs } from "./case-store.ts";
import { listApplications } from "./list-applications.ts";
import { type PlannedJob, planDeadlineJobs } from "./plan-deadline-jobs.ts";
import { toMachineEvent } from "./to-machine-event.ts";

export interface ApplicationServiceDeps {
  db: Kysely<Database>;
  calendars: CalendarStore;
  /** The clock; deadline code never calls Date.now() itself. */
  now: () => Date;
  settings: { supplementWindowWorkdays: number; reminderOffsets: readonly number[] };
  /** Called after each commit with the case's pending jobs (to enqueue them). Never throws. */
  onJobsPlanned?: (jobs: PlannedJob[]) => Promise<void>;
  /** Test hook: runs after the commit and before onJobsPlanned (crash injection). */
  afterCommit?: (applicationId: string) => void;
  /**
   * After a commit that changed a closed year (an amendment): produce its new report version.
   * Errors are the caller's to log; the case change itself is committed.
   */
  onAmendment?: (amendment: Amendment) => Promise<void>;
}

export interface Amendment {
  agencyId: number;
  agencyCode: string;
  year: number;
  reason: string;
  actor: Actor;
}

interface LogEntry {
  event: ApplicationEvent | { type: "application.registered"; on: CivilDate; [k: string]: unknown };
  actor: Actor;
  reason: string | null;
}

export type ApplicationService = ReturnType<typeof makeApplicationService>;

/** One machine per calendar: building the statechart is costly, and a calendar never changes. */
const MACHINES = new WeakMap<WorkingCalendar, ApplicationMachine>();

function machineFor(calendar: WorkingCalendar): ApplicationMachine {
  let machine = MACHINES.get(calendar);
  if (!machine) {
    machine = createApplicationMachine({ calendar });
    MACHINES.set(calendar, machine);
  }
  return machine;
}

export function makeApplicationService(deps: ApplicationServiceDeps) {
  const { db } = deps;
  const today = () => civilDateInChina(deps.now());

  async function context() {
    const calendar = await deps.calendars.get();
    return { calendar, machine: machineFor(calendar), today: today() };
  }

  function assertNotFuture(on: CivilDate, field: string, t: CivilDate) {
    if (on > t) {
      throw new AppError("invalid_input", {
        message: `字段 ${field}：不能晚于今天（${t}）`,
        details: [{ field, message: `不能晚于今天（${t}）` }],
      });
    }
  }

  /** Appends the entries, saves the snapshot if the version is still `row.version`, rewrites the jobs. */
  async function persist(
    trx: Db,
    c: CaseRow,
    snapshot: ApplicationSnapshot,
    entries: LogEntry[],
    calendar: WorkingCalendar,
    t: CivilDate,
  ): Promise<PlannedJob[]> {
    const facts = snapshot.context.facts;
    const deadlines = computeDeadlines(facts, calendar, t);
    const version = c.row.version + entries.length;
    const stored = toStoredSnapshot(snapshot);
    const changes = {
      version,
      state: toApiState(snapshot),
      outcome: facts.disposition?.outcome ?? null,
      disposition_on: facts.disposition?.on ?? null,
      reply_due_on: facts.disposition ? null : deadlines.reply.dueOn,
      awaiting_approval: facts.proposal?.kind ?? null,
    };
    const res = await trx
      .updateTable("applications")
      .set({ ...changes, snapshot: JSON.stringify(stored), updated_at: sql<Date>`now()` })
      .where("id", "=", c.row.id)
      .where("version", "=", c.row.version)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw versionConflict();
    await appendEvents(trx, c.row.id, c.row.version, entries);
    const jobs = planDeadlineJobs({
      applicationId: c.row.id,
      facts,
      deadlines,
      calendar,
      today: t,
      reminderOffsets: deps.settings.reminderOffsets,
    });
    await rewriteDeadlineJobs(trx, c.row.id, jobs);
    // The caller answers from this row: no second read after the commit.
    Object.assign(c.row, changes, { snapshot: stored });
    return jobs;
  }

  async function eventsOf(trx: Db, id: string) {
    return trx
      .selectFrom("application_events")
      .selectAll()
      .where("application_id", "=", id)
      .orderBy("seq")
      .execute();
  }

  async function afterCommit(applicationId: string, jobs: PlannedJob[], amendments: Amendment[] = []) {
    deps.afterCommit?.(applicationId);
    if (deps.onJobsPlanned) await deps.onJobsPlanned(jobs);
    for (const a of amendments) await deps.onAmendment?.(a);
  }

  /**
   * The amendments the entries make: every closed year an entry is dated in. A user's action
   * there needs an amendment reason (else 409); the workers' automatic events are owed by law
   * and amend with a reason of their own.
   */
  async function closedYearAmendments(
    trx: Db,
    c: CaseRow,
    entries: LogEntry[],
    reason: string | undefined,
  ): Promise<Amendment[]> {
    const out: Amendment[] = [];
    for (const year of new Set(entries.map((e) => yearOf(e.event.on)))) {
      if (!(await isYearClosed(trx, c.agency.id, year))) continue;
      const byUser = entries.some((e) => e.actor.userId !== null && yearOf(e.event.on) === year);
      const why = byUser ? reason?.trim() : "期限届满，系统自动办结（《条例》第三十条或收费规定）";
      if (!why) {
        throw new AppError("year_closed", {
          message: `${year}年度报告已关闭，日期在${year}年内的操作会改变已发布的数据；如确需更正，请填写更正理由（amendmentReason）`,
          details: [{ field: "amendmentReason", message: "请填写更正理由" }],
        });
      }
      out.push({
        agencyId: c.agency.id,
        agencyCode: c.agency.code,
        year,
        reason: why,
        actor: byUser ? (entries.find((e) => e.actor.userId !== null)?.actor ?? SYSTEM_ACTOR) : SYSTEM_ACTOR,
      });
    }
    return out;
  }

  async function view(
    c: CaseRow,
    withEvents: boolean,
    loaded?: DbApplicationEvent[],
  ): Promise<ApplicationView> {
    const { calendar, machine, today: t } = await context();
    const snapshot = restoreSnapshot(machine, c.row.snapshot as StoredApplicationSnapshot);
    const events = loaded ?? (withEvents ? await eventsOf(db, c.row.id) : undefined);
    return buildApplicationView({
      row: c.row,
      agency: c.agency,
      handler: c.handler,
      machine,
      snapshot,
      calendar,
      today: t,
      ...(events ? { events } : {}),
    });
  }

  async function visibleCase(actor: Actor, id: string, trx: Db = db): Promise<CaseRow> {
    const c = await loadCase(trx, id);
    if (!c || !canSeeAgency(actor, c.agency.path)) {
      throw new AppError("not_found", { message: `申请 ${id} 不存在，或不在您的查看范围内` });
    }
    return c;
  }

  return {
    async register(actor: Actor, input: RegisterInput): Promise<ApplicationView> {
      const { calendar, machine, today: t } = await context();
      assertNotFuture(input.receivedOn, "receivedOn", t);
      const agency = await db
        .selectFrom("agencies")
        .selectAll()
        .where("code", "=", input.agencyCode)
        .executeTakeFirst();
      if (!agency || !canSeeAgency(actor, agency.path)) {
        throw new AppError("not_found", {
          message: `机关“${input.agencyCode}”不存在，或不在您的范围内`,
          details: [{ field: "agencyCode", message: "机关不存在" }],
        });
      }
      if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, REGISTER_ROLES)) {
        throw new AppError("forbidden", { message: "只有本机关的登记人员可以登记申请" });
      }
      const handlerId = input.handlerUsername ? await findHandler(input.handlerUsername, agency.id) : null;
      const [snapshot] = initialTransition(machine, { receivedOn: input.receivedOn });
      const id = randomUUID();
      const jobs = await db.transaction().execute(async (trx) => {
        const seq = await nextCounter(trx, `tracking:${agency.id}:${yearOf(input.receivedOn)}`);
        const trackingNo = `${agency.code}-${yearOf(input.receivedOn)}-${String(seq).padStart(5, "0")}`;
        await trx
          .insertInto("applications")
          .values({
            id,
            tracking_no: trackingNo,
            agency_id: agency.id,
            channel: input.channel,
            applicant_type: input.applicant.type,
            applicant: JSON.stringify(input.applicant),
            description: input.description,
            delivery_form: input.deliveryForm ?? null,
            handler_user_id: handlerId,
            received_on: input.receivedOn,
            state: "registered",
            outcome: null,
            disposition_on: null,
            reply_due_on: null,
            snapshot: JSON.stringify(toStoredSnapshot(snapshot)),
            version: 0,
          })
          .execute();
        const c = (await loadCase(trx, id)) as CaseRow;
        const entry: LogEntry = {
          event: {
            type: "application.registered",
            on: input.receivedOn,
            channel: input.channel,
            applicantType: input.applicant.type,
            backdated: input.receivedOn < t,
          },
          actor,
          reason: null,
        };
        const amendments = await closedYearAmendments(trx, c, [entry], input.amendmentReason);
        return { jobs: await persist(trx, c, snapshot, [entry], calendar, t), amendments };
      });
      await afterCommit(id, jobs.jobs, jobs.amendments);
      return view(await visibleCase(actor, id), true);
    },

    async act(actor: Actor, id: string, input: ActionInput): Promise<ApplicationView> {
      const { calendar, machine, today: t } = await context();
      assertNotFuture(input.on, "on", t);
      const jobs = await db.transaction().execute(async (trx) => {
        const c = await visibleCase(actor, id, trx);
        if (!canActInAgency(actor, c.agency.path, ACTION_ROLES[input.type])) {
          throw new AppError("forbidden", {
            message: `您没有执行此操作的权限（需要本机关的${ACTION_ROLES[input.type].map((r) => ROLE_LABELS[r]).join("或")}角色）`,
          });
        }
        if (input.expectedVersion !== undefined && input.expectedVersion !== c.row.version)
          throw versionConflict();
        let snapshot = restoreSnapshot(machine, c.row.snapshot as StoredApplicationSnapshot);
        const entries: LogEntry[] = [];
        // Windows that ran out on or before this action's date close first (art. 30, fee rules).
        for (const e of dueAutomaticEvents(snapshot.context.facts, calendar, minDate(t, input.on))) {
          snapshot = applyEvent(machine, snapshot, e);
          entries.push({ event: e, actor: SYSTEM_ACTOR, reason: null });
        }
        const event = toMachineEvent(input, snapshot.context, deps.settings);
        snapshot = tryApply(machine, snapshot, event);
        entries.push({ event, actor, reason: input.reason ?? input.amendmentReason ?? null });
        const amendments = await closedYearAmendments(trx, c, entries, input.amendmentReason);
        const planned = await persist(trx, c, snapshot, entries, calendar, t);
        return { jobs: planned, amendments, c, events: await eventsOf(trx, id) };
      });
      await afterCommit(id, jobs.jobs, jobs.amendments);
      return view(jobs.c, true, jobs.events);
    },

    /** The worker's entry: applies every automatic event owed today; a no-op when none is. */
    async applyAutomaticEvents(id: string): Promise<number> {
      const { calendar, machine, today: t } = await context();
      const result = await db.transaction().execute(async (trx) => {
        const c = await loadCase(trx, id);
        if (!c) return { applied: 0, jobs: [] as PlannedJob[], amendments: [] as Amendment[] };
        let snapshot = restoreSnapshot(machine, c.row.snapshot as StoredApplicationSnapshot);
        const entries: LogEntry[] = [];
        for (const e of dueAutomaticEvents(snapshot.context.facts, calendar, t)) {
          if (snapshot.status !== "active" || !snapshot.can(e)) continue;
          snapshot = applyEvent(machine, snapshot, e);
          entries.push({ event: e, actor: SYSTEM_ACTOR, reason: null });
        }
        if (entries.length === 0)
          return { applied: 0, jobs: [] as PlannedJob[], amendments: [] as Amendment[] };
        const amendments = await closedYearAmendments(trx, c, entries, undefined);
        return {
          applied: entries.length,
          jobs: await persist(trx, c, snapshot, entries, calendar, t),
          amendments,
        };
      });
      if (result.applied > 0) await afterCommit(id, result.jobs, result.amendments);
      return result.applied;
    },

    /** Recomputes the stored deadline fields and jobs of a case (after a calendar change). */
    async replan(id: string): Promise<PlannedJob[]> {
      const { calendar, machine, today: t } = await context();
      const jobs = await db.transaction().execute(async (trx) => {
        const c = await loadCase(trx, id);
        if (!c) return [];
        const snapshot = restoreSnapshot(machine, c.row.snapshot as StoredApplicationSnapshot);
        const facts = snapshot.context.facts;
        const deadlines = computeDeadlines(facts, calendar, t);
        await trx
          .updateTable("applications")
          .set({ reply_due_on: facts.disposition ? null : deadlines.reply.dueOn })
          .where("id", "=", id)
          .execute();
        const planned = planDeadlineJobs({
          applicationId: id,
          facts,
          deadlines,
          calendar,
          today: t,
          reminderOffsets: deps.settings.reminderOffsets,
        });
        await rewriteDeadlineJobs(trx, id, planned);
        return planned;
      });
      if (deps.onJobsPlanned) await deps.onJobsPlanned(jobs);
      return jobs;
    },

    async get(actor: Actor, id: string): Promise<ApplicationView> {
      return view(await visibleCase(actor, id), true);
    },

    async list(actor: Actor, filters: ListFilters): Promise<{ items: ApplicationView[]; total: number }> {
      const { calendar, machine, today: t } = await context();
      return listApplications({ db, actor, filters, calendar, machine, today: t });
    },

    visibleCase,
  };

  async function findHandler(username: string, agencyId: number): Promise<number> {
    const u = await db
      .selectFrom("users")
      .select(["id", "agency_id", "roles"])
      .where("username", "=", username)
      .executeTakeFirst();
    if (!u || u.agency_id !== agencyId || !(u.roles as unknown as string[]).includes("handler")) {
      throw new AppError("invalid_input", {
        message: `承办人“${username}”不是本机关的承办人`,
        details: [{ field: "handlerUsername", message: "不是本机关的承办人" }],
      });
    }
    return u.id;
  }
}

function tryApply(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  event: ApplicationEvent,
): ApplicationSnapshot {
  try {
    return applyEvent(machine, snapshot, event);
  } catch (e) {
    if (e instanceof IllegalTransitionError) {
      throw new AppError("illegal_action", {
        message: e.message,
        details: [{ message: `allowedActions: ${e.allowedActions.join(",")}` }],
      });
    }
    throw e;
  }
}

function versionConflict(): AppError {
  return new AppError("version_conflict", { message: "该申请已被他人修改，请刷新后重试" });
}

async function appendEvents(
  trx: Db,
  applicationId: string,
  fromVersion: number,
  entries: LogEntry[],
): Promise<void> {
  await trx
    .insertInto("application_events")
    .values(
      entries.map((e, i) => {
        const { type, on, ...rest } = e.event;
        return {
          application_id: applicationId,
          seq: fromVersion + i + 1,
          type,
          actor_user_id: e.actor.userId,
          actor_name: e.actor.userId === null ? "system" : e.actor.displayName,
          effective_on: on,
          payload: JSON.stringify({ v: 1, type, on, ...rest }),
          reason: e.reason,
        };
      }),
    )
    .execute();
}
