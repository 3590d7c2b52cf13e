import { type Kysely, sql } from "kysely";
import { buildProvisionalYear } from "../../domain/calendar/build-provisional-year.ts";
import { WorkingCalendar } from "../../domain/calendar/calendar.ts";
import { type CalendarYear, ZCalendarYear } from "../../domain/calendar/calendar-year.ts";
import { seedCalendarYears } from "../../domain/calendar/seed-calendar-years.ts";
import type { CaseFacts } from "../../domain/case-facts.ts";
import { civilDateInChina } from "../../domain/civil-date.ts";
import { computeDeadlines } from "../../domain/deadlines/compute-deadlines.ts";
import { worklistClocks } from "../../domain/deadlines/worklist-clocks.ts";

const BATCH = 500;

/**
 * The 工作台's 待办 order (issue 11): each case's open clocks (`worklistClocks`), the earliest
 * due date among them apart from the supplement notice, and the supplement-notice date while a
 * notice may still be sent. Kept by the write path (write-case.ts); backfilled here from each
 * stored snapshot's facts and the calendar as stored, in batches. The partial index serves the
 * 待办 candidates of an agency in due order; `application_events (actor_user_id)` the 已办 tab.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE applications
    ADD COLUMN next_due_on date NULL,
    ADD COLUMN next_due_clock text NULL,
    ADD COLUMN notice_due_on date NULL,
    ADD COLUMN open_clocks jsonb NOT NULL DEFAULT '[]'::jsonb`.execute(db);
  await backfill(db);
  await sql`CREATE INDEX applications_todo_idx ON applications (agency_id, next_due_on, id)
    WHERE next_due_on IS NOT NULL OR notice_due_on IS NOT NULL`.execute(db);
  await sql`CREATE INDEX application_events_actor_idx ON application_events (actor_user_id, application_id)
    WHERE actor_user_id IS NOT NULL`.execute(db);
}

async function loadCalendar(db: Kysely<unknown>): Promise<WorkingCalendar> {
  const rows = await sql<{ data: unknown }>`SELECT data FROM calendar_years`.execute(db);
  const years = new Map<number, CalendarYear>(seedCalendarYears().map((y) => [y.year, y]));
  for (const row of rows.rows) {
    const y = ZCalendarYear.parse(
      typeof row.data === "string" ? JSON.parse(row.data) : row.data,
    ) as CalendarYear;
    years.set(y.year, y);
  }
  return new WorkingCalendar([...years.values()], buildProvisionalYear);
}

async function backfill(db: Kysely<unknown>): Promise<void> {
  const calendar = await loadCalendar(db);
  const today = civilDateInChina(new Date());
  let after = "";
  for (;;) {
    const { rows } = await sql<{ id: string; snapshot: unknown }>`
      SELECT id, snapshot FROM applications WHERE id > ${after} ORDER BY id LIMIT ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    const values = rows.map((r) => {
      const snapshot = (typeof r.snapshot === "string" ? JSON.parse(r.snapshot) : r.snapshot) as {
        context: { facts: CaseFacts };
      };
      const facts = snapshot.context.facts;
      const w = worklistClocks(facts, computeDeadlines(facts, calendar, today));
      return sql`(${r.id}, ${w.nextDueOn}::date, ${w.nextDueClock}::text, ${w.noticeDueOn}::date, ${JSON.stringify(w.open)}::jsonb)`;
    });
    await sql`UPDATE applications AS a SET next_due_on = v.next_due_on, next_due_clock = v.next_due_clock,
        notice_due_on = v.notice_due_on, open_clocks = v.open_clocks
      FROM (VALUES ${sql.join(values)}) AS v (id, next_due_on, next_due_clock, notice_due_on, open_clocks)
      WHERE a.id = v.id`.execute(db);
    after = rows[rows.length - 1]?.id ?? after;
  }
}
