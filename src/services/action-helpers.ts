/** The checks and reads around a user's action (application-service.ts `act`) that are not the write itself. */
import { applyEvent, IllegalTransitionError } from "../../machines/apply-event.ts";
import { restoreSnapshot, type StoredApplicationSnapshot } from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import type { ApplicationEvent } from "../domain/application-events.ts";
import { ACTION_ROLES } from "../domain/roles.ts";
import type { OutgoingDocument } from "../domain/vocabulary.ts";
import type { Actor } from "./actor.ts";
import type { ActionInput } from "./application-types.ts";
import { type CaseRow, type Db, loadEvent } from "./case-store.ts";
import type { EventDefaults } from "./to-machine-event.ts";
import { type CaseWriteResult, type WriteContext, writeCase } from "./write-case.ts";

/** 409 naming the state when the case, as stored, takes no assignment (archived, closed). */
export function assertAssignable(ctx: WriteContext, c: CaseRow) {
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
export async function assigneeFor(
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
export async function assignOnFirstAction(
  trx: Db,
  ctx: WriteContext,
  actor: Actor,
  c: CaseRow,
  input: ActionInput,
  event: ApplicationEvent,
): Promise<CaseWriteResult | null> {
  if (!takesCaseByFirstAction(actor, c, input) || actor.userId === null) return null;
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

/** An enabled user with the handler role in the agency, or 422 naming the field. */
export async function findHandler(
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

/** Whether a handler's action on an unassigned case first assigns it to them (two writes: a transaction). */
export function takesCaseByFirstAction(actor: Actor, c: CaseRow, input: ActionInput): boolean {
  if (c.row.handler_user_id !== null || input.type === "assign" || actor.userId === null) return false;
  const isHandler = actor.agencyId === c.agency.id && actor.roles.includes("handler");
  return isHandler && ACTION_ROLES[input.type].includes("handler");
}

/** Two writes of one case in one transaction (an assignment and the action after it), as one. */
export function mergeResults(a: CaseWriteResult, b: CaseWriteResult): CaseWriteResult {
  return {
    appended: a.appended + b.appended,
    automatic: a.automatic + b.automatic,
    superseded: [...a.superseded, ...b.superseded],
    // The second write planned the case's deadline rows anew: its jobs are the case's.
    jobs: b.jobs,
    added: [...a.added.filter((j) => !b.added.some((k) => k.jobId === j.jobId)), ...b.added].filter((j) =>
      b.jobs.some((k) => k.jobId === j.jobId),
    ),
    dropped: [...a.dropped, ...b.dropped].filter((id) => !b.jobs.some((j) => j.jobId === id)),
    amendments: [...a.amendments, ...b.amendments],
    ...(b.snapshot ? { snapshot: b.snapshot } : {}),
    events: [...a.events, ...b.events],
  };
}

export async function displayNameOf(db: Db, userId: number | null): Promise<string | null> {
  if (userId === null) return null;
  const u = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
  return u?.display_name ?? null;
}

/** The outgoing document an event of the log sent (record_receipt names it by its seq). */
export async function documentOfEvent(
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

export function notFound(id: string): AppError {
  return new AppError("not_found", { message: `申请 ${id} 不存在，或不在您的查看范围内` });
}
