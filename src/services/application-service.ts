import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { initialTransition } from "xstate";
import { type ApplicationMachine, createApplicationMachine } from "../../machines/application.machine.ts";
import { applyEvent, IllegalTransitionError } from "../../machines/apply-event.ts";
import {
  restoreSnapshot,
  type StoredApplicationSnapshot,
  toStoredSnapshot,
} from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import { nextCounter } from "../db/next-counter.ts";
import type { Database } from "../db/schema.ts";
import type { ApplicationEvent } from "../domain/application-events.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { type CivilDate, civilDateInChina, yearOf } from "../domain/civil-date.ts";
import { maySeeInFull, type PersonalDataMode, personalFieldsPresent } from "../domain/personal-data.ts";
import { ACTION_ROLES, REGISTER_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import { type Channel, DEFAULT_DELIVERY_BY_CHANNEL, type OutgoingDocument } from "../domain/vocabulary.ts";
import { recordAccess } from "./access-log-store.ts";
import { type Actor, canActInAgency, canSeeAgency, SYSTEM_ACTOR } from "./actor.ts";
import type {
  ActionInput,
  Applicant,
  ApplicationView,
  ListFilters,
  RegisterInput,
} from "./application-types.ts";
import { buildApplicationView } from "./application-view.ts";
import type { CalendarStore } from "./calendar-store.ts";
import { type CaseRow, type Db, insertCaseRow, loadCase, loadEvent, loadEvents } from "./case-store.ts";
import { countWorklistClocks } from "./count-worklist-clocks.ts";
import { listApplications } from "./list-applications.ts";
import type { PlannedJob } from "./plan-deadline-jobs.ts";
import { registrationCorrections } from "./registration-corrections.ts";
import { type EventDefaults, toMachineEvent } from "./to-machine-event.ts";
import type { WorklistView } from "./worklist-query.ts";
import {
  type Amendment,
  type CaseChange,
  type CaseWriteResult,
  versionConflict,
  type WriteContext,
  writeCase,
} from "./write-case.ts";

export type { Amendment };

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

/** What `inTransaction` hands its work: the API's writes, bound to one transaction. */
export interface CaseBatch {
  db: Db;
  today: CivilDate;
  /** Registers a case; resolves its id. */
  register(actor: Actor, input: RegisterInput): Promise<string>;
  act(actor: Actor, id: string, input: ActionInput): Promise<void>;
  /** What the history owes as of today (windows that ran out), as the worker would; the count. */
  applyAutomaticEvents(id: string): Promise<number>;
  /**
   * Records a human event that is no API action as such (a re-reply ordered with an appeal's
   * result, a hand-over's assignments), with the log's reason when given.
   */
  record(actor: Actor, id: string, event: ApplicationEvent, reason?: string): Promise<void>;
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

  async function afterCommit(applicationId: string, result: CaseWriteResult) {
    deps.afterCommit?.(applicationId);
    if (deps.onJobsPlanned) await deps.onJobsPlanned(result.jobs);
    for (const a of result.amendments) await deps.onAmendment?.(a);
  }

  /** Locks the case, writes `change` through the one write path, commits, then hands on the jobs. */
  async function write(
    id: string,
    change: CaseChange,
  ): Promise<{ c: CaseRow | undefined; result: CaseWriteResult }> {
    const ctx = await writeContext();
    const out = await db.transaction().execute(async (trx) => {
      const c = await loadCase(trx, id, true);
      if (!c) return { c, result: undefined };
      return { c, result: await writeCase(trx, c, change, ctx) };
    });
    if (!out.result)
      return {
        c: undefined,
        result: { appended: 0, automatic: 0, superseded: [], jobs: [], amendments: [] },
      };
    if (out.result.appended > 0 || out.result.jobs.length > 0) await afterCommit(id, out.result);
    return { c: out.c, result: out.result };
  }

  async function writeContext(): Promise<WriteContext> {
    const { calendar, machine, today: t } = await context();
    return { calendar, machine, today: t, now: deps.now(), reminderOffsets: deps.settings.reminderOffsets };
  }

  /** The case with its events; the applicant's personal fields masked unless `personalData: "full"`. */
  async function view(c: CaseRow, personalData: PersonalDataMode = "masked"): Promise<ApplicationView> {
    const { calendar, machine, today: t } = await context();
    const snapshot = restoreSnapshot(machine, c.row.snapshot as StoredApplicationSnapshot);
    const events = await loadEvents(db, c.row.id);
    return buildApplicationView({
      row: c.row,
      agency: c.agency,
      handler: c.handler,
      machine,
      snapshot,
      calendar,
      today: t,
      events,
      personalData,
    });
  }

  async function visibleCase(actor: Actor, id: string, trx: Db = db): Promise<CaseRow> {
    const c = await loadCase(trx, id);
    if (!c || !canSeeAgency(actor, c.agency.path)) throw notFound(id);
    return c;
  }

  /** Registers in the caller's transaction: the row, then its first entry through writeCase. */
  async function registerIn(
    trx: Db,
    ctx: WriteContext,
    actor: Actor,
    input: RegisterInput,
  ): Promise<{ id: string; result: CaseWriteResult }> {
    assertNotFuture(input.receivedOn, "receivedOn", ctx.today);
    const agency = await trx
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
    const handlerId = input.handlerUsername
      ? (await findHandler(trx, input.handlerUsername, agency.id)).id
      : null;
    const [snapshot] = initialTransition(ctx.machine, { receivedOn: input.receivedOn });
    const id = randomUUID();
    const seq = await nextCounter(trx, `tracking:${agency.id}:${yearOf(input.receivedOn)}`);
    await insertCaseRow(trx, {
      id,
      tracking_no: `${agency.code}-${yearOf(input.receivedOn)}-${String(seq).padStart(5, "0")}`,
      agency_id: agency.id,
      channel: input.channel,
      applicant_type: input.applicant.type,
      applicant: JSON.stringify(input.applicant),
      description: input.description,
      delivery_form: input.deliveryForm ?? null,
      mail_tracking_no: input.trackingNumber ?? null,
      handler_user_id: handlerId,
      received_on: input.receivedOn,
      state: "registered",
      outcome: null,
      disposition_on: null,
      reply_due_on: null,
      snapshot: JSON.stringify(toStoredSnapshot(snapshot)),
      version: 0,
    });
    const c = (await loadCase(trx, id, true)) as CaseRow;
    const result = await writeCase(
      trx,
      c,
      {
        kind: "registered",
        actor,
        payload: {
          channel: input.channel,
          applicantType: input.applicant.type,
          backdated: input.receivedOn < ctx.today,
          ...(input.ledgerNo ? { ledgerNo: input.ledgerNo } : {}),
          ...(input.trackingNumber ? { trackingNumber: input.trackingNumber } : {}),
        },
        amendmentReason: input.amendmentReason,
      },
      ctx,
    );
    return { id, result };
  }

  /** Facts a clerk records have happened: the receipt dates an action carries cannot lie ahead. */
  function assertReceiptsPast(input: ActionInput, t: CivilDate) {
    for (const field of ["receivedByAddresseeOn", "receivedByApplicantOn", "receivedOn"] as const) {
      const value = (input as Partial<Record<typeof field, CivilDate>>)[field];
      if (value !== undefined && value > t) {
        throw new AppError("invalid_input", {
          message: `字段 ${field}：不能晚于今天（${t}）；对方尚未收到时请不填，收到后再登记送达`,
          details: [{ field, message: `不能晚于今天（${t}）` }],
        });
      }
    }
  }

  /** A user's action in the caller's transaction, with the case's row locked. */
  async function actIn(
    trx: Db,
    ctx: WriteContext,
    actor: Actor,
    id: string,
    input: ActionInput,
    /** A user's own action (the API), not a recorded history (the ledger import): a first
     * action by a handler takes an unassigned case. */
    isOwnWork = false,
  ): Promise<{ c: CaseRow; result: CaseWriteResult }> {
    assertNotFuture(input.on, "on", ctx.today);
    assertReceiptsPast(input, ctx.today);
    const c = await loadCase(trx, id, true);
    if (!c || !canSeeAgency(actor, c.agency.path)) throw notFound(id);
    if (!canActInAgency(actor, c.agency.path, ACTION_ROLES[input.type])) {
      throw new AppError("forbidden", {
        message: `您没有执行此操作的权限（需要本机关的${ACTION_ROLES[input.type].map((r) => ROLE_LABELS[r]).join("或")}角色）`,
      });
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== c.row.version)
      throw versionConflict();
    const { context: machineContext } = c.row.snapshot as StoredApplicationSnapshot;
    const defaults: EventDefaults = {
      supplementWindowWorkdays: deps.settings.supplementWindowWorkdays,
      sentBy: DEFAULT_DELIVERY_BY_CHANNEL[c.row.channel as Channel],
    };
    if (input.type === "record_receipt")
      defaults.receiptOf = await documentOfEvent(trx, id, input.documentEventSeq);
    if (input.type === "assign") {
      // The state speaks first (409 on an archived or closed case), then the handler named (422).
      assertAssignable(ctx, c);
      defaults.assignee = await assigneeFor(trx, c, input);
    }
    const registration =
      input.type === "amend_registration"
        ? registrationCorrections(c.row, input.changes, ctx.today)
        : undefined;
    if (registration) defaults.corrections = registration.corrections;
    const event = toMachineEvent(input, machineContext, defaults);
    const handlerBefore = c.row.handler_user_id;
    const first = isOwnWork ? await assignOnFirstAction(trx, ctx, actor, c, input, event) : null;
    if (first) c.handler = actor.displayName;
    const change: CaseChange = {
      kind: "action",
      actor,
      event,
      reason: input.reason ?? input.amendmentReason ?? null,
      amendmentReason: input.amendmentReason,
      registration: registration?.columns,
    };
    const result = await writeCase(trx, c, change, ctx);
    if (c.row.handler_user_id !== handlerBefore && !first)
      c.handler = await displayNameOf(trx, c.row.handler_user_id);
    return { c, result: first ? mergeResults(first, result) : result };
  }

  /** 409 naming the state when the case, as stored, takes no assignment (archived, closed). */
  function assertAssignable(ctx: WriteContext, c: CaseRow) {
    const snapshot = restoreSnapshot(ctx.machine, c.row.snapshot as StoredApplicationSnapshot);
    const probe = { on: snapshot.context.lastOn, handlerUserId: 0, handlerUsername: "-", handlerName: "-" };
    try {
      applyEvent(ctx.machine, snapshot, { type: "case.assigned", ...probe });
    } catch (e) {
      if (!(e instanceof IllegalTransitionError)) throw e;
      throw new AppError("illegal_action", {
        message: e.message,
        details: [{ message: `allowedActions: ${e.allowedActions.join(",")}` }],
      });
    }
  }

  /**
   * 分办/转办: the handler named must be an enabled handler of the case's agency (422), another
   * than the current one; 转办 (the case has a handler) says why.
   */
  async function assigneeFor(
    trx: Db,
    c: CaseRow,
    input: Extract<ActionInput, { type: "assign" }>,
  ): Promise<NonNullable<EventDefaults["assignee"]>> {
    const to = await findHandler(trx, input.handlerUsername, c.agency.id);
    const current = c.row.handler_user_id;
    if (current === to.id) {
      throw new AppError("invalid_input", {
        message: `该申请已由“${to.displayName}”承办，请选择另一名承办人`,
        details: [{ field: "handlerUsername", message: "已是本申请的承办人" }],
      });
    }
    if (current === null) return { userId: to.id, username: to.username, displayName: to.displayName };
    if (!input.reason?.trim()) {
      throw new AppError("invalid_input", {
        message: `本申请已由“${c.handler ?? ""}”承办，转办须写明理由（reason）`,
        details: [{ field: "reason", message: "转办须写明理由" }],
      });
    }
    const previous = await trx
      .selectFrom("users")
      .select(["username", "display_name"])
      .where("id", "=", current)
      .executeTakeFirst();
    return {
      userId: to.id,
      username: to.username,
      displayName: to.displayName,
      previous: previous && { username: previous.username, displayName: previous.display_name },
    };
  }

  /**
   * A handler's first action on a case nobody was assigned: the case becomes theirs, an
   * assignment recorded just before the action, on its date, in the same transaction (issue 11).
   * Skipped where the case takes no assignment (the action's own refusal then speaks).
   */
  async function assignOnFirstAction(
    trx: Db,
    ctx: WriteContext,
    actor: Actor,
    c: CaseRow,
    input: ActionInput,
    event: ApplicationEvent,
  ): Promise<CaseWriteResult | null> {
    if (c.row.handler_user_id !== null || input.type === "assign" || actor.userId === null) return null;
    const isHandler = actor.agencyId === c.agency.id && actor.roles.includes("handler");
    if (!isHandler || !ACTION_ROLES[input.type].includes("handler")) return null;
    const assigned: ApplicationEvent = {
      type: "case.assigned",
      on: event.on,
      handlerUserId: actor.userId,
      handlerUsername: actor.username,
      handlerName: actor.displayName,
      byFirstAction: true,
    };
    try {
      return await writeCase(trx, c, { kind: "action", actor, event: assigned, reason: null }, ctx);
    } catch (e) {
      if (e instanceof AppError && e.code === "illegal_action") return null;
      throw e;
    }
  }

  return {
    async register(actor: Actor, input: RegisterInput): Promise<ApplicationView> {
      const ctx = await writeContext();
      const { id, result } = await db.transaction().execute((trx) => registerIn(trx, ctx, actor, input));
      await afterCommit(id, result);
      return view(await visibleCase(actor, id));
    },

    async act(actor: Actor, id: string, input: ActionInput): Promise<ApplicationView> {
      const ctx = await writeContext();
      const { c, result } = await db.transaction().execute((trx) => actIn(trx, ctx, actor, id, input, true));
      await afterCommit(id, result);
      return view(c);
    },

    /**
     * Several registrations and actions in ONE transaction, all or nothing (the ledger import):
     * each goes through the same write path as the API; the jobs are handed on after the commit.
     * `work` may read through `ops.db` (the transaction) and throw to roll everything back.
     */
    async inTransaction<T>(work: (ops: CaseBatch) => Promise<T>): Promise<T> {
      const ctx = await writeContext();
      const written: { id: string; result: CaseWriteResult }[] = [];
      const value = await db.transaction().execute((trx) =>
        work({
          db: trx,
          today: ctx.today,
          register: async (actor, input) => {
            const r = await registerIn(trx, ctx, actor, input);
            written.push(r);
            return r.id;
          },
          act: async (actor, id, input) => {
            const r = await actIn(trx, ctx, actor, id, input);
            written.push({ id, result: r.result });
          },
          record: async (actor, id, event, reason) => {
            const c = await loadCase(trx, id, true);
            if (!c) throw notFound(id);
            const change: CaseChange = { kind: "action", actor, event, reason: reason ?? null };
            const result = await writeCase(trx, c, change, ctx);
            written.push({ id, result });
          },
          applyAutomaticEvents: async (id) => {
            const c = await loadCase(trx, id, true);
            if (!c) throw notFound(id);
            const result = await writeCase(trx, c, { kind: "automatic" }, ctx);
            written.push({ id, result });
            return result.automatic;
          },
        }),
      );
      if (deps.onJobsPlanned) await deps.onJobsPlanned(written.flatMap((w) => w.result.jobs));
      const amendments = new Map(
        written.flatMap((w) => w.result.amendments).map((a) => [`${a.agencyId}:${a.year}`, a]),
      );
      for (const a of amendments.values()) await deps.onAmendment?.(a);
      return value;
    },

    /** The worker's entry: applies every automatic event owed today; a no-op when none is. */
    async applyAutomaticEvents(id: string): Promise<number> {
      return (await write(id, { kind: "automatic" })).result.automatic;
    },

    /**
     * Replays the case on the current calendar: automatic events whose date moved are
     * superseded and re-applied, deadline fields and jobs recomputed (DOMAIN.md §5). `actor`
     * and `year` name the calendar correction that caused it (the system when unknown).
     */
    async rederive(
      id: string,
      cause: { actor: Actor; year: number | null } = { actor: SYSTEM_ACTOR, year: null },
    ) {
      return (await write(id, { kind: "rederive", actor: cause.actor, year: cause.year })).result;
    },

    /** A case for the system's own use (letters, workers): personal fields masked, nothing logged. */
    async get(actor: Actor, id: string): Promise<ApplicationView> {
      return view(await visibleCase(actor, id));
    },

    /**
     * The case page (`GET /applications/:id`): the applicant's personal fields in full for a user
     * of the handling agency (`maySeeInFull`), and then the access log's row, in this request;
     * masked for everyone else, and then nothing is logged.
     */
    async read(actor: Actor, id: string, request: { requestId: string | null }): Promise<ApplicationView> {
      const c = await visibleCase(actor, id);
      const fields = personalFieldsPresent(c.row.applicant as unknown as Applicant);
      if (actor.userId === null || !maySeeInFull(actor, c.agency.id)) return view(c);
      const shown = await view(c, "full");
      if (fields.length === 0) return shown; // nothing personal to show, nothing to log
      await recordAccess(db, {
        at: deps.now(),
        userId: actor.userId,
        agencyId: c.agency.id,
        kind: "case_page",
        applicationId: c.row.id,
        fields,
        requestId: request.requestId,
      });
      return shown;
    },

    async list(actor: Actor, filters: ListFilters): Promise<{ items: ApplicationView[]; total: number }> {
      const { calendar, machine, today: t } = await context();
      return listApplications({ db, actor, filters, calendar, machine, today: t });
    },

    /** The 工作台 counters of a tab (issue 11): per clock kind, overdue, due today, due soon. */
    async counters(actor: Actor, q: { agency?: string | undefined; view?: WorklistView | undefined }) {
      const { calendar, today: t } = await context();
      return countWorklistClocks({ db, actor, agency: q.agency, view: q.view ?? "all", calendar, today: t });
    },

    visibleCase,
  };

  /** An enabled user with the handler role in the agency, or 422 naming the field. */
  async function findHandler(
    trx: Db,
    username: string,
    agencyId: number,
  ): Promise<{ id: number; username: string; displayName: string }> {
    const u = await trx
      .selectFrom("users")
      .select(["id", "username", "display_name", "agency_id", "roles", "is_disabled"])
      .where("username", "=", username)
      .executeTakeFirst();
    if (!u || u.agency_id !== agencyId || !(u.roles as unknown as string[]).includes("handler")) {
      throw new AppError("invalid_input", {
        message: `承办人“${username}”不是本机关的承办人`,
        details: [{ field: "handlerUsername", message: "不是本机关的承办人" }],
      });
    }
    if (u.is_disabled) {
      throw new AppError("invalid_input", {
        message: `承办人“${u.display_name}”的账号已停用，请选择本机关其他承办人`,
        details: [{ field: "handlerUsername", message: "账号已停用" }],
      });
    }
    return { id: u.id, username: u.username, displayName: u.display_name };
  }
}

/** Two writes of one case in one transaction (an assignment and the action after it), as one. */
function mergeResults(a: CaseWriteResult, b: CaseWriteResult): CaseWriteResult {
  return {
    appended: a.appended + b.appended,
    automatic: a.automatic + b.automatic,
    superseded: [...a.superseded, ...b.superseded],
    // The second write planned the case's deadline rows anew: its jobs are the case's.
    jobs: b.jobs,
    amendments: [...a.amendments, ...b.amendments],
  };
}

async function displayNameOf(db: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const u = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
  return u?.display_name ?? null;
}

/** The outgoing document an event of the log sent (record_receipt names it by its seq). */
async function documentOfEvent(
  db: Db,
  applicationId: string,
  seq: number,
): Promise<{ document: OutgoingDocument; consultationId?: string }> {
  const e = await loadEvent(db, applicationId, seq);
  const documents: Record<string, OutgoingDocument> = {
    "supplement.requested": "supplement_notice",
    "consultation.started": "consultation_letter",
    "fee.notified": "fee_notice",
    "decision.issued": "reply",
  };
  const document = e ? documents[e.type] : undefined;
  if (!e || !document) {
    throw new AppError("invalid_input", {
      message: `字段 documentEventSeq：第 ${seq} 项不是本申请发出文书（补正告知书、征求意见书、收费通知书、答复书）的事项`,
      details: [{ field: "documentEventSeq", message: "不是发出文书的事项" }],
    });
  }
  const consultationId = (e.payload as { consultationId?: unknown }).consultationId;
  return typeof consultationId === "string" ? { document, consultationId } : { document };
}

function notFound(id: string): AppError {
  return new AppError("not_found", { message: `申请 ${id} 不存在，或不在您的查看范围内` });
}
