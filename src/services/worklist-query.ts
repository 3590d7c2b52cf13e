/**
 * The 工作台's tabs and column sorts as SQL (issue 11): which cases a view holds for an actor,
 * and the ORDER BY of a sort, every one ending in the case id so that pages never overlap.
 */
import { type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import { API_STATES } from "../../machines/api-state.ts";
import { AppError } from "../app-error.ts";
import type { Database, DbApplication } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { ClockKind } from "../domain/deadlines/clock.ts";
import { CLOCK_KIND_LABELS, isNoticeStillOpen } from "../domain/deadlines/worklist-clocks.ts";
import { type Actor, canSeeAgency } from "./actor.ts";
import type { NextDue } from "./application-types.ts";

/** 待办 / 我承办的 / 已办 / 全部. */
export const WORKLIST_VIEWS = ["todo", "mine", "done", "all"] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];

/** The columns of the 工作台 that sort (证件号码 does not: it is shown masked). */
export const WORKLIST_SORTS = [
  "urgency",
  "due",
  "receivedOn",
  "trackingNo",
  "applicant",
  "applicantType",
  "channel",
  "state",
  "handler",
  "agency",
] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

const OPEN_STATES = ["registered", "awaiting_supplement", "in_progress", "decided", "delivered"];

/**
 * The case's most urgent open clock as of `today`: the earliest due date of its open clocks,
 * the supplement notice only up to its date (it lapses then, art. 30). NULL: nothing runs.
 */
export function urgencyOf(today: CivilDate): RawBuilder<string | null> {
  return sql<
    string | null
  >`least(a.next_due_on, case when a.notice_due_on >= ${today}::date then a.notice_due_on end)`;
}

/**
 * 待办: the open cases of the actor's own agency that wait for one of the actor's roles —
 * handler: assigned to them or to nobody, no proposal pending; approver: a proposal pending;
 * intake: registered and not handed on, a reply to deliver, a posted document's receipt to
 * record. Never NULL (the 已办 tab negates it).
 */
function todoCondition(actor: Actor): RawBuilder<SqlBool> {
  const me = actor.userId;
  if (me === null || actor.agencyId === null) return sql<SqlBool>`false`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (actor.roles.includes("handler"))
    parts.push(sql<SqlBool>`(a.awaiting_approval is null
      and (a.handler_user_id is null or a.handler_user_id = ${me})
      and (a.state in (${sql.join(OPEN_STATES)}) or a.next_due_on is not null))`);
  if (actor.roles.includes("approver")) parts.push(sql<SqlBool>`(a.awaiting_approval is not null)`);
  if (actor.roles.includes("intake"))
    parts.push(sql<SqlBool>`((a.state = 'registered' and a.handler_user_id is null)
      or a.state = 'decided'
      or a.open_clocks @> '[{"k":"receipt"}]'::jsonb)`);
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(a.agency_id = ${actor.agencyId} and (${sql.join(parts, sql` or `)}))`;
}

/** The condition of a tab; null: every case the actor may see (全部). */
export function viewCondition(view: WorklistView, actor: Actor): RawBuilder<SqlBool> | null {
  switch (view) {
    case "all":
      return null;
    case "mine":
      return sql<SqlBool>`a.handler_user_id = ${actor.userId ?? -1}`;
    case "todo":
      return todoCondition(actor);
    case "done":
      // 已办: cases the actor entered something on that no longer wait for them.
      return sql<SqlBool>`(exists (select 1 from application_events e
          where e.application_id = a.id and e.actor_user_id = ${actor.userId ?? -1})
        and not ${todoCondition(actor)})`;
    default:
      return assertNeverView(view);
  }
}

function assertNeverView(view: never): never {
  throw new Error(`unknown worklist view ${String(view)}`);
}

function sortKey(sort: WorklistSort, today: CivilDate): RawBuilder<unknown> {
  switch (sort) {
    case "urgency":
      return urgencyOf(today);
    case "due":
      return sql`a.reply_due_on`;
    case "receivedOn":
      return sql`a.received_on`;
    case "trackingNo":
      return sql`a.tracking_no`;
    case "applicant":
      return sql`a.applicant->>'name'`;
    case "applicantType":
      return sql`a.applicant_type`;
    case "channel":
      return sql`a.channel`;
    case "state":
      // the lifecycle's order, not the alphabet's
      return sql`array_position(array[${sql.join([...API_STATES])}]::text[], a.state)`;
    case "handler":
      return sql`u.display_name`;
    case "agency":
      return sql`g.name`;
    default:
      return assertNeverSort(sort);
  }
}

function assertNeverSort(sort: never): never {
  throw new Error(`unknown worklist sort ${String(sort)}`);
}

/**
 * ORDER BY of a sort: the column (NULLs last either way), then the receipt date and the id, so
 * that the order is total and a case appears on exactly one page.
 */
export function worklistOrder(
  sort: WorklistSort,
  order: "asc" | "desc",
  today: CivilDate,
): RawBuilder<unknown>[] {
  const dir = order === "desc" ? sql`desc` : sql`asc`;
  return [sql`${sortKey(sort, today)} ${dir} nulls last`, sql`a.received_on ${dir}`, sql`a.id ${dir}`];
}

/** The agencies a worklist covers: `agency` (visible to the actor), else the actor's visibility. */
export async function worklistScope(
  db: Kysely<Database>,
  actor: Actor,
  agency: string | undefined,
): Promise<RawBuilder<SqlBool>> {
  if (agency) {
    const row = await db
      .selectFrom("agencies")
      .select(["id", "path"])
      .where("code", "=", agency)
      .executeTakeFirst();
    if (!row || !canSeeAgency(actor, row.path)) {
      throw new AppError("not_found", { message: `机关“${agency}”不存在，或不在您的查看范围内` });
    }
    return sql<SqlBool>`a.agency_id = ${row.id}`;
  }
  if (!actor.isSystemAdmin && !actor.roles.includes("supervisor") && actor.agencyId !== null)
    return sql<SqlBool>`a.agency_id = ${actor.agencyId}`;
  return isWithinPath("g.path", actor.agencyPath ?? "/");
}

/** A tab's order when no column is sorted: 已办 the latest received first, the others most urgent first. */
export function defaultSortOf(view: WorklistView): { sort: WorklistSort; order: "asc" | "desc" } {
  return view === "done" ? { sort: "receivedOn", order: "desc" } : { sort: "urgency", order: "asc" };
}

/** The clock that runs out first as of `today`, from the row's worklist columns (as `urgencyOf`). */
export function nextDueOf(
  row: Pick<DbApplication, "next_due_on" | "next_due_clock" | "notice_due_on">,
  today: CivilDate,
): NextDue | null {
  const notice = row.notice_due_on;
  if (notice !== null && isNoticeStillOpen(notice as CivilDate, today)) {
    if (row.next_due_on === null || notice <= row.next_due_on)
      return {
        kind: "supplementNotice",
        label: CLOCK_KIND_LABELS.supplementNotice,
        dueOn: notice as CivilDate,
      };
  }
  if (row.next_due_on === null || row.next_due_clock === null) return null;
  const kind = row.next_due_clock as ClockKind;
  return { kind, label: CLOCK_KIND_LABELS[kind], dueOn: row.next_due_on as CivilDate };
}
