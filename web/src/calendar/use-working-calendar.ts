import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CalendarYear } from "@domain/calendar/calendar-year.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { useEffect, useState } from "react";
import { getCalendarYear } from "../api/endpoints.ts";
import type { CalendarYearView } from "../api/types.ts";
import { todayInChina } from "../lib/dates.ts";

/** The API's year as the domain's calendar data (names by date, where given). */
export function toCalendarYear(view: CalendarYearView): CalendarYear {
  const named = (dates: string[], names: Record<string, string> | undefined, fallback: string) =>
    dates.map((date) => ({ date: date as CivilDate, name: names?.[date] ?? fallback }));
  return {
    v: 1,
    year: view.year,
    provisional: view.provisional,
    source: view.source,
    holidays: named(view.holidays, view.holidayNames, "放假"),
    workdays: named(view.workdays, view.workdayNames, "调休上班"),
  };
}

let loading: Promise<WorkingCalendar> | null = null;

/**
 * The server's calendar (GET /api/v1/calendar/:year for last, this and next year) laid over the
 * shipped official years, in the domain's own WorkingCalendar: the same arithmetic as the server.
 * The engine is loaded lazily so that the first page does not wait for it.
 */
export function loadWorkingCalendar(): Promise<WorkingCalendar> {
  loading ??= (async () => {
    const year = Number(todayInChina().slice(0, 4));
    const [{ createDefaultCalendar }, years] = await Promise.all([
      import("@domain/calendar/default-calendar.ts"),
      Promise.all([year - 1, year, year + 1].map((y) => getCalendarYear(y).catch(() => null))),
    ]);
    let calendar = createDefaultCalendar();
    for (const y of years) if (y) calendar = calendar.withYear(toCalendarYear(y));
    return calendar;
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

/** Forget the loaded calendar (after an admin loads a year's notice). */
export function invalidateWorkingCalendar(): void {
  loading = null;
}

/** The working calendar, or null while it loads. */
export function useWorkingCalendar(): WorkingCalendar | null {
  const [calendar, setCalendar] = useState<WorkingCalendar | null>(null);
  useEffect(() => {
    let live = true;
    loadWorkingCalendar()
      .then((c) => {
        if (live) setCalendar(c);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return calendar;
}
