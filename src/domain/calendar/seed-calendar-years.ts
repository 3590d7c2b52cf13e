import { OFFICIAL_YEAR_SEEDS, type OfficialYearSeed } from "../../../config/calendar/official-years.ts";
import { eachDate, parseCivilDate } from "../civil-date.ts";
import type { CalendarYear, NamedDate } from "./calendar-year.ts";

/** Turns one seeded notice into stored calendar data. */
export function toCalendarYear(seed: OfficialYearSeed): CalendarYear {
  const holidays: NamedDate[] = [];
  const workdays: NamedDate[] = [];
  for (const period of seed.periods) {
    for (const date of eachDate(parseCivilDate(period.from), parseCivilDate(period.to))) {
      if (date.startsWith(`${seed.year}-`)) holidays.push({ date, name: period.name });
    }
    for (const date of period.makeup ?? []) {
      workdays.push({ date: parseCivilDate(date), name: `${period.name}调休上班` });
    }
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  workdays.sort((a, b) => a.date.localeCompare(b.date));
  return { v: 1, year: seed.year, provisional: false, source: seed.source, holidays, workdays };
}

/** The official years shipped with the system (2019–2026). */
export function seedCalendarYears(): CalendarYear[] {
  return OFFICIAL_YEAR_SEEDS.map(toCalendarYear);
}
