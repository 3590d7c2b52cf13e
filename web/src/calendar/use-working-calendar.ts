import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CalendarYear } from "@domain/calendar/calendar-year.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { useEffect, useState } from "react";
import { getCalendarYear } from "../api/endpoints.ts";
import type { CalendarYearView } from "../api/types.ts";
import { todayInChina } from "../lib/dates.ts";
import { ProvisionalYearPending } from "./provisional-year-pending.ts";

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

type Builder = (year: number) => CalendarYear;

/** lunar-typescript's provisional years, once loaded (about 100 KB gzip: never on the first rows). */
let buildProvisional: Builder | null = null;
let builderLoading: Promise<Builder> | null = null;
const listeners = new Set<() => void>();

function loadProvisionalBuilder(): Promise<Builder> {
  builderLoading ??= import("@domain/calendar/build-provisional-year.ts").then(
    (m) => {
      buildProvisional = m.buildProvisionalYear;
      // a new instance, so that what React memoised on the calendar is computed again
      const before = loading;
      if (before) {
        loading = before.then(async (c) => {
          const { WorkingCalendar } = await import("@domain/calendar/calendar.ts");
          return new WorkingCalendar(c.loadedYears(), provisionalYear);
        });
      }
      for (const listener of listeners) listener();
      return m.buildProvisionalYear;
    },
    (e: unknown) => {
      builderLoading = null;
      throw e;
    },
  );
  return builderLoading;
}

/** Builds a provisional year, or starts loading the builder and says so (ProvisionalYearPending). */
function provisionalYear(year: number): CalendarYear {
  if (buildProvisional) return buildProvisional(year);
  loadProvisionalBuilder().catch(() => undefined);
  throw new ProvisionalYearPending(year);
}

let loading: Promise<WorkingCalendar> | null = null;

/**
 * The server's calendar (GET /api/v1/calendar/:year for last, this and next year: provisional
 * ones as the server builds them) laid over the shipped official years, in the domain's own
 * WorkingCalendar: the same arithmetic as the server. The engine is loaded lazily so that the
 * first page does not wait for it; lunar-typescript only when a year outside those is reached
 * (see `useWorkingCalendar`).
 */
export function loadWorkingCalendar(): Promise<WorkingCalendar> {
  loading ??= (async () => {
    const year = Number(todayInChina().slice(0, 4));
    const [{ WorkingCalendar }, { seedCalendarYears }, years] = await Promise.all([
      import("@domain/calendar/calendar.ts"),
      import("@domain/calendar/seed-calendar-years.ts"),
      Promise.all([year - 1, year, year + 1].map((y) => getCalendarYear(y).catch(() => null))),
    ]);
    let calendar = new WorkingCalendar(seedCalendarYears(), provisionalYear);
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

/**
 * The working calendar, or null while it loads. By default it also waits for lunar-typescript,
 * so that every year can be computed. `{ lazyProvisional: true }` (the 工作台) gives it without:
 * a year outside the shipped and served ones then throws ProvisionalYearPending (deadlineStatus
 * shows the clock as without a calendar) and starts the load, after which the hook gives a new
 * calendar that computes it.
 */
export function useWorkingCalendar(options: { lazyProvisional?: boolean } = {}): WorkingCalendar | null {
  const lazy = options.lazyProvisional === true;
  const [calendar, setCalendar] = useState<WorkingCalendar | null>(null);
  useEffect(() => {
    let live = true;
    const give = (c: WorkingCalendar) => {
      if (live) setCalendar(c);
    };
    const listener = () => {
      loadWorkingCalendar()
        .then(give)
        .catch(() => undefined);
    };
    listeners.add(listener);
    Promise.all([loadWorkingCalendar(), lazy ? null : loadProvisionalBuilder()])
      .then(([c]) => give(c))
      .catch(() => undefined);
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, [lazy]);
  return calendar;
}
