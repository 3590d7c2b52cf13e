import { type Kysely, sql } from "kysely";
import type { Database } from "../db/schema.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { ClockKind } from "../domain/deadlines/clock.ts";
import { CLOCK_KIND_LABELS, CLOCK_KINDS } from "../domain/deadlines/worklist-clocks.ts";
import type { Actor } from "./actor.ts";
import { viewCondition, type WorklistView, worklistScope } from "./worklist-query.ts";

/** How far ahead "due soon" looks on the 工作台, in working days (today not counted). */
export const DUE_SOON_WORKDAYS = 5;

export interface ClockCounter {
  kind: ClockKind;
  label: string;
  /** Cases with a clock of this kind past its date and still open (the supplement notice lapses instead). */
  overdue: number;
  /** Cases with a clock of this kind due today. */
  dueToday: number;
  /** Cases with a clock of this kind due after today, within DUE_SOON_WORKDAYS working days. */
  dueSoon: number;
}

export interface WorklistCounters {
  today: CivilDate;
  /** The last day counted as "due soon". */
  soonUntil: CivilDate;
  soonWorkdays: number;
  /** One entry per clock kind, in the order of CLOCK_KINDS, zeros included. */
  clocks: ClockCounter[];
  /** Proposals waiting for the approver in the scope (the 审批 queue). */
  awaitingApproval: number;
}

/** The 工作台 counters of the cases of a tab, per clock kind, from the stored open clocks. */
export async function countWorklistClocks(args: {
  db: Kysely<Database>;
  actor: Actor;
  agency?: string | undefined;
  view: WorklistView;
  calendar: WorkingCalendar;
  today: CivilDate;
}): Promise<WorklistCounters> {
  const { db, actor, today } = args;
  const soonUntil = args.calendar.addWorkdays(today, DUE_SOON_WORKDAYS);
  const scope = await worklistScope(db, actor, args.agency);
  const view = viewCondition(args.view, actor) ?? sql`true`;
  const { rows } = await sql<{ k: string; overdue: number; due_today: number; due_soon: number }>`
    select c.k,
      count(distinct a.id) filter (where c.d < ${today}::date and c.k <> 'supplementNotice')::int as overdue,
      count(distinct a.id) filter (where c.d = ${today}::date)::int as due_today,
      count(distinct a.id) filter (where c.d > ${today}::date and c.d <= ${soonUntil}::date)::int as due_soon
    from applications a
      join agencies g on g.id = a.agency_id
      cross join lateral jsonb_to_recordset(a.open_clocks) as c(k text, d date)
    where ${scope} and ${view} and (a.next_due_on is not null or a.notice_due_on is not null)
    group by c.k`.execute(db);
  const approvals = await sql<{ n: number }>`
    select count(*)::int as n from applications a join agencies g on g.id = a.agency_id
    where ${scope} and a.awaiting_approval is not null`.execute(db);
  const byKind = new Map(rows.map((r) => [r.k, r]));
  return {
    today,
    soonUntil,
    soonWorkdays: DUE_SOON_WORKDAYS,
    clocks: CLOCK_KINDS.map((kind) => {
      const r = byKind.get(kind);
      return {
        kind,
        label: CLOCK_KIND_LABELS[kind],
        overdue: Number(r?.overdue ?? 0),
        dueToday: Number(r?.due_today ?? 0),
        dueSoon: Number(r?.due_soon ?? 0),
      };
    }),
    awaitingApproval: Number(approvals.rows[0]?.n ?? 0),
  };
}
