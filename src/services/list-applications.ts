import { type Kysely, type RawBuilder, sql } from "kysely";
import type { ApplicationMachine } from "../../machines/application.machine.ts";
import { restoreSnapshot, type StoredApplicationSnapshot } from "../../machines/restore-snapshot.ts";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { isWithinPath } from "../db/subtree.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { Actor } from "./actor.ts";
import { canSeeAgency } from "./actor.ts";
import type { ApplicationView, ListFilters } from "./application-types.ts";
import { buildApplicationView } from "./application-view.ts";
import { defaultSortOf, nextDueOf, viewCondition, worklistOrder } from "./worklist-query.ts";

export const DEFAULT_PAGE_SIZE = 20;

/**
 * A sorted column (issue 11), else a tab's own order; without either, soonest reply deadline
 * first (ascending puts NULLs, ended cases, last in PostgreSQL), read from the worklist index.
 */
function orderOf(f: ListFilters, today: CivilDate): RawBuilder<unknown>[] {
  if (!f.sort && !f.view) return [sql`a.reply_due_on`, sql`a.received_on`, sql`a.id`];
  const byView = defaultSortOf(f.view ?? "all");
  return worklistOrder(f.sort ?? byView.sort, f.order ?? (f.sort ? "asc" : byView.order), today);
}
const MAX_PAGE_SIZE = 100;

/** One page of the cases the actor may see, soonest reply deadline first. */
export async function listApplications(args: {
  db: Kysely<Database>;
  actor: Actor;
  filters: ListFilters;
  calendar: WorkingCalendar;
  machine: ApplicationMachine;
  today: CivilDate;
}): Promise<{ items: ApplicationView[]; total: number }> {
  const { db, actor, filters: f } = args;
  const pageSize = Math.min(f.pageSize ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const page = Math.max(1, f.page ?? 1);
  const scopePath = actor.agencyPath ?? "/";
  // One agency: filter on the case's own column, so the worklist index serves the order.
  let exactAgencyId: number | null =
    !actor.isSystemAdmin && !actor.roles.includes("supervisor") ? actor.agencyId : null;
  if (f.agency) {
    const agency = await db
      .selectFrom("agencies")
      .select(["id", "path"])
      .where("code", "=", f.agency)
      .executeTakeFirst();
    if (!agency || !canSeeAgency(actor, agency.path)) {
      throw new AppError("not_found", { message: `机关“${f.agency}”不存在，或不在您的查看范围内` });
    }
    exactAgencyId = agency.id;
  }
  let q = db
    .selectFrom("applications as a")
    .innerJoin("agencies as g", "g.id", "a.agency_id")
    .where((eb) =>
      exactAgencyId !== null ? eb("a.agency_id", "=", exactAgencyId) : isWithinPath("g.path", scopePath),
    );
  const view = f.view ? viewCondition(f.view, actor) : null;
  if (view) q = q.where(view);
  if (f.state) q = q.where("a.state", "=", f.state);
  if (f.dueBefore) q = q.where("a.reply_due_on", "<", f.dueBefore);
  if (f.applicantType) q = q.where("a.applicant_type", "=", f.applicantType);
  if (f.channel) q = q.where("a.channel", "=", f.channel);
  if (f.receivedFrom) q = q.where("a.received_on", ">=", f.receivedFrom);
  if (f.receivedTo) q = q.where("a.received_on", "<=", f.receivedTo);
  if (f.awaiting === "approval") q = q.where("a.awaiting_approval", "is not", null);
  if (f.mine && actor.userId !== null) q = q.where("a.handler_user_id", "=", actor.userId);
  // 尚未分办: the open cases nobody handles yet (an ended case is no work to hand out)
  if (f.assigned === false)
    q = q.where("a.handler_user_id", "is", null).where("a.state", "not in", ["archived", "closed"]);
  if (f.assigned === true) q = q.where("a.handler_user_id", "is not", null);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("a.tracking_no", "ilike", like),
        eb("a.description", "ilike", like),
        eb(sql<string>`a.applicant->>'name'`, "ilike", like),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const rows = await q
    .leftJoin("users as u", "u.id", "a.handler_user_id")
    .selectAll("a")
    .select(["g.code as agency_code", "g.name as agency_name", "u.display_name as handler_name"])
    .$call((qb) => orderOf(f, args.today).reduce((b, key) => b.orderBy(key), qb))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows.map(({ agency_code, agency_name, handler_name, ...row }) => ({
    ...buildApplicationView({
      row,
      agency: { code: agency_code, name: agency_name },
      handler: handler_name,
      machine: args.machine,
      snapshot: restoreSnapshot(args.machine, row.snapshot as StoredApplicationSnapshot),
      calendar: args.calendar,
      today: args.today,
    }),
    nextDue: nextDueOf(row, args.today),
  }));
  return { items, total: Number(total.n) };
}
