import { buildProvisionalYear } from "./build-provisional-year.ts";
import { WorkingCalendar } from "./calendar.ts";
import { seedCalendarYears } from "./seed-calendar-years.ts";

/** The calendar as shipped: the official years 2019–2026, every other year provisional. */
export function createDefaultCalendar(): WorkingCalendar {
  return new WorkingCalendar(seedCalendarYears(), buildProvisionalYear);
}
