import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { buildProvisionalYear } from "../domain/calendar/build-provisional-year.ts";
import { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { type CalendarYear, ZCalendarYear } from "../domain/calendar/calendar-year.ts";
import { seedCalendarYears } from "../domain/calendar/seed-calendar-years.ts";

export interface CalendarStore {
  /** The calendar as stored now: the seeded years, overridden by the years in the database. */
  get(): Promise<WorkingCalendar>;
  /**
   * Stores a year (load a new notice, or correct one) through `trx`. Call `get()` after the
   * commit: PGlite has one connection, so reading through `db` inside the transaction would wait
   * for it forever.
   */
  put(trx: Kysely<Database>, year: CalendarYear, userId: number | null): Promise<void>;
  /** Forget the built calendar: call after the commit of a put (the next get rebuilds). */
  invalidate(): void;
}

/**
 * The calendar is data in the database (seeded from config/ at first start). Each process keeps
 * one built calendar and rebuilds it when the table's stamp changes, so a year loaded through one
 * API process is seen by every worker at its next job.
 */
export function makeCalendarStore(db: Kysely<Database>, options: { maxAgeMs?: number } = {}): CalendarStore {
  /** How long a checked calendar is used without asking the database again (default 2 s). */
  const maxAgeMs = options.maxAgeMs ?? 2000;
  let cached: { stamp: string; calendar: WorkingCalendar; checkedAt: number } | undefined;
  async function stamp(): Promise<string> {
    const r = await db
      .selectFrom("calendar_years")
      .select((eb) => [eb.fn.countAll<number>().as("n"), eb.fn.max("updated_at").as("m")])
      .executeTakeFirstOrThrow();
    return `${r.n}:${r.m ? new Date(r.m as unknown as string).toISOString() : ""}`;
  }
  async function build(): Promise<WorkingCalendar> {
    const rows = await db.selectFrom("calendar_years").select(["data"]).execute();
    const years = new Map<number, CalendarYear>(seedCalendarYears().map((y) => [y.year, y]));
    for (const row of rows) {
      const y = ZCalendarYear.parse(row.data) as CalendarYear;
      years.set(y.year, y);
    }
    return new WorkingCalendar([...years.values()], buildProvisionalYear);
  }
  return {
    async get() {
      const now = Date.now();
      if (cached && now - cached.checkedAt < maxAgeMs) return cached.calendar;
      const s = await stamp();
      if (cached?.stamp === s) cached.checkedAt = now;
      else cached = { stamp: s, calendar: await build(), checkedAt: now };
      return cached.calendar;
    },
    async put(trx, year, userId) {
      await trx
        .insertInto("calendar_years")
        .values({
          year: year.year,
          data: JSON.stringify(year),
          provisional: year.provisional,
          source: year.source,
          updated_by: userId,
        })
        .onConflict((oc) =>
          oc.column("year").doUpdateSet({
            data: JSON.stringify(year),
            provisional: year.provisional,
            source: year.source,
            updated_by: userId,
            updated_at: new Date(),
          }),
        )
        .execute();
    },
    invalidate() {
      cached = undefined;
    },
  };
}
