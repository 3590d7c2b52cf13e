import type { Kysely } from "kysely";
import { type ApplicationMachine, createApplicationMachine } from "../../machines/application.machine.ts";
import { restoreSnapshot, type StoredApplicationSnapshot } from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { civilDateInChina } from "../domain/civil-date.ts";
import { maySeeInFull, type PersonalDataMode, personalFieldsPresent } from "../domain/personal-data.ts";
import { ACTION_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import { type Channel, DEFAULT_DELIVERY_BY_CHANNEL } from "../domain/vocabulary.ts";
import { recordAccess } from "./access-log-store.ts";
import { type ActionAnswer, buildActionAnswer } from "./action-answer.ts";
import {
  assertAssignable,
  assigneeFor,
  assignOnFirstAction,
  displayNameOf,
  documentOfEvent,
  mergeResults,
  notFound,
  takesCaseByFirstAction,
} from "./action-helpers.ts";
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
import { type CaseBatch, nothingWritten } from "./case-change.ts";
import { makeCaseReadCoalescer } from "./case-read-coalescer.ts";
import { type CaseRow, type Db, loadCase, loadCases, loadEvents } from "./case-store.ts";
import { makeCaseWriteCoalescer } from "./case-write-coalescer.ts";
import { countWorklistClocks } from "./count-worklist-clocks.ts";
import { listApplications } from "./list-applications.ts";
import type { PlannedJob } from "./plan-deadline-jobs.ts";
import { assertNotFuture, assertReceiptsPast, registerCase } from "./register-case.ts";
import { registrationCorrections } from "./registration-corrections.ts";
import { type EventDefaults, toMachineEvent } from "./to-machine-event.ts";
import type { WorklistView } from "./worklist-query.ts";
import {
  type Amendment,
  type CaseChange,
  type CaseWriteResult,
  isDeadlock,
  lockedWrite,
  StaleCaseError,
  versionConflict,
  type WriteContext,
  writeCase,
} from "./write-case.ts";

export type { Amendment, CaseBatch };

export interface ApplicationServiceDeps {
  db: Kysely<Database>;
  calendars: CalendarStore;
  /** The clock; deadline code never calls Date.now() itself. */
  now: () => Date;
  settings: { supplementWindowWorkdays: number; reminderOffsets: readonly number[] };
  /**
   * Called after each commit with the case's pending jobs (to enqueue them) and the ids of the
   * pending rows the commit deleted (their queued jobs are superseded). Never throws.
   */
  onJobsPlanned?: (jobs: PlannedJob[], dropped?: readonly string[]) => Promise<void>;
  /** Test hook: runs after the commit and before onJobsPlanned (crash injection). */
  afterCommit?: (applicationId: string) => void;
  /**
   * After a commit that changed a closed year (an amendment): produce its new report version.
   * Errors are the caller's to log; the case change itself is committed.
   */
  onAmendment?: (amendment: Amendment) => Promise<void>;
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
  /** An API action's read (no lock) and write (autocommit), each coalesced with the others of the same event-loop turn. */
  const readForWrite = makeCaseReadCoalescer(db);
  const writeRow = makeCaseWriteCoalescer(db);

  async function context() {
    const calendar = await deps.calendars.get();
    return { calendar, machine: machineFor(calendar), today: today() };
  }

  async function afterCommit(applicationId: string, result: CaseWriteResult) {
    deps.afterCommit?.(applicationId);
    // Only the rows this write inserted: a job already pending was enqueued when its row was
    // written (or, lost, is re-added by the reconciler); the deleted rows' jobs are removed.
    if (deps.onJobsPlanned) await deps.onJobsPlanned(result.added, result.dropped);
    for (const a of result.amendments) await deps.onAmendment?.(a);
  }

  /** Locks the case, writes `change` through the one write path, commits, then hands on the jobs. */
  async function write(
    id: string,
    change: CaseChange,
  ): Promise<{ c: CaseRow | undefined; result: CaseWriteResult }> {
    const ctx = await writeContext();
    const out = await lockedWrite(() =>
      db.transaction().execute(async (trx) => {
        const c = await loadCase(trx, id, true);
        if (!c) return { c, result: undefined };
        return { c, result: await writeCase(trx, c, change, ctx) };
      }),
    );
    if (!out.result) return { c: undefined, result: nothingWritten() };
    if (out.result.appended > 0 || out.result.added.length > 0 || out.result.dropped.length > 0)
      await afterCommit(id, out.result);
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

  /** A user's action in the caller's transaction, with the case's row locked (the ledger import). */
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
    return actOn(trx, ctx, actor, id, await loadCase(trx, id, "lock"), input, isOwnWork);
  }

  /**
   * An API action: read the case (one statement, no lock), write it (one version-checked
   * statement, no transaction). When another writer won in between, read and write again (twice); the
   * fourth time, or when the action writes twice (a handler's first action takes the case), in a
   * transaction with the row locked.
   */
  async function actNow(
    ctx: WriteContext,
    actor: Actor,
    id: string,
    input: ActionInput,
  ): Promise<{ c: CaseRow; result: CaseWriteResult }> {
    assertNotFuture(input.on, "on", ctx.today);
    assertReceiptsPast(input, ctx.today);
    for (let attempt = 0; attempt < 3; attempt++) {
      const c = await readForWrite(id);
      if (c && takesCaseByFirstAction(actor, c, input)) break;
      try {
        return await actOn(db, { ...ctx, writeRow }, actor, id, c, input, true);
      } catch (e) {
        // A deadlock (a worker's batch claims deadline rows, then locks the case) aborted only
        // this one autocommit statement: nothing was written, so it is read and written again.
        if (!(e instanceof StaleCaseError) && !isDeadlock(e)) throw e;
        if (e instanceof StaleCaseError && input.expectedVersion !== undefined) throw versionConflict();
      }
    }
    return lockedWrite(() =>
      db
        .transaction()
        .execute(async (trx) => actOn(trx, ctx, actor, id, await loadCase(trx, id, "lock"), input, true)),
    );
  }

  /** The checks, the event and the write of an action on the case as read. */
  async function actOn(
    trx: Db,
    ctx: WriteContext,
    actor: Actor,
    id: string,
    c: CaseRow | undefined,
    input: ActionInput,
    isOwnWork: boolean,
  ): Promise<{ c: CaseRow; result: CaseWriteResult }> {
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

  return {
    async register(actor: Actor, input: RegisterInput): Promise<ApplicationView> {
      const ctx = await writeContext();
      const { id, result } = await lockedWrite(() =>
        db.transaction().execute((trx) => registerCase(trx, ctx, actor, input)),
      );
      await afterCommit(id, result);
      return view(await visibleCase(actor, id));
    },

    /** A user's action (POST …/actions): the full Application (API.md), its events read again. */
    async act(actor: Actor, id: string, input: ActionInput): Promise<ApplicationView> {
      const ctx = await writeContext();
      const { c, result } = await actNow(ctx, actor, id, input);
      await afterCommit(id, result);
      return view(c);
    },

    /**
     * The same action answered from what the write returned (`Prefer: return=minimal`): id,
     * version, state, the new and newly superseded events, allowedActions; no further read.
     */
    async actMinimal(actor: Actor, id: string, input: ActionInput): Promise<ActionAnswer> {
      const ctx = await writeContext();
      const { c, result } = await actNow(ctx, actor, id, input);
      await afterCommit(id, result);
      return buildActionAnswer(c, result, ctx);
    },

    /**
     * Several registrations and actions in ONE transaction, all or nothing (the ledger import):
     * each goes through the same write path as the API; the jobs are handed on after the commit.
     * `work` may read through `ops.db` (the transaction) and throw to roll everything back.
     */
    async inTransaction<T>(work: (ops: CaseBatch) => Promise<T>): Promise<T> {
      const ctx = await writeContext();
      const written: { id: string; result: CaseWriteResult }[] = [];
      const value = await lockedWrite(() =>
        db.transaction().execute((trx) => {
          /**
           * The batch's cases read and locked in ONE statement (loadCases), then written
           * together: their writes, planned side by side, are ONE statement as well
           * (writeCaseRows through a coalescer on the transaction) when none needs a replay.
           */
          const writeInBatch = makeCaseWriteCoalescer(trx, { inTransaction: true });
          const applyAutomaticEventsToEach = async (ids: readonly string[]) => {
            const unique = [...new Set(ids)];
            const read = new Map((await loadCases(trx, unique, "lock")).map((c) => [c.row.id, c]));
            const cases = unique.map((id) => {
              const c = read.get(id);
              if (!c) throw notFound(id);
              return c;
            });
            const batchCtx = { ...ctx, writeRow: writeInBatch };
            const results = await Promise.all(
              cases.map((c) => writeCase(trx, c, { kind: "automatic" }, batchCtx)),
            );
            const counts = new Map<string, number>();
            unique.forEach((id, i) => {
              const result = results[i] as CaseWriteResult;
              written.push({ id, result });
              counts.set(id, result.automatic);
            });
            return counts;
          };
          return work({
            db: trx,
            today: ctx.today,
            register: async (actor, input) => {
              const r = await registerCase(trx, ctx, actor, input);
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
            applyAutomaticEvents: async (id) => (await applyAutomaticEventsToEach([id])).get(id) ?? 0,
            applyAutomaticEventsToEach,
          });
        }),
      );
      if (deps.onJobsPlanned) {
        const planned = written.flatMap((w) => w.result.jobs);
        const kept = new Set(planned.map((j) => j.jobId));
        const dropped = written.flatMap((w) => w.result.dropped).filter((id) => !kept.has(id));
        await deps.onJobsPlanned(planned, dropped);
      }
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
}
