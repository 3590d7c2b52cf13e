import {
  type CivilDate,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  WEEKDAY_NAMES,
  weekdayOf,
  yearOf,
} from "../civil-date.ts";
import { buildProvisionalYear } from "./build-provisional-year.ts";
import type { CalendarYear } from "./calendar-year.ts";

export type DayKind = "workday" | "weekend" | "holiday" | "makeup_workday";

export interface DayInfo {
  date: CivilDate;
  isWorkday: boolean;
  kind: DayKind;
  /** The year's schedule is not published yet (built from the 放假办法). */
  isProvisional: boolean;
  /** Festival name for holidays and make-up days. */
  name?: string;
  /** Why, in Chinese: 春节假期, 春节调休上班（星期六）, 周末（星期日）, 工作日（星期二）. */
  reason: string;
}

interface YearIndex {
  data: CalendarYear;
  special: Map<string, { isWorkday: boolean; name: string }>;
}

/**
 * The working-day calendar: official years as loaded, any other year provisional. Immutable:
 * `withYear` returns a new calendar, so a running computation never sees a half-loaded year.
 */
export class WorkingCalendar {
  readonly #loaded = new Map<number, YearIndex>();
  readonly #provisional = new Map<number, YearIndex>();

  constructor(years: readonly CalendarYear[]) {
    for (const y of years) this.#loaded.set(y.year, indexYear(y));
  }

  /** A new calendar with `year` added or replaced. */
  withYear(year: CalendarYear): WorkingCalendar {
    return new WorkingCalendar([
      ...[...this.#loaded.values()].map((i) => i.data).filter((d) => d.year !== year.year),
      year,
    ]);
  }

  /** The loaded years (official or explicitly stored), by year. */
  loadedYears(): CalendarYear[] {
    return [...this.#loaded.values()].map((i) => i.data).sort((a, b) => a.year - b.year);
  }

  /** A year's data: the loaded one, or the provisional one built from the 放假办法. */
  year(year: number): CalendarYear {
    return this.#index(year).data;
  }

  isProvisionalYear(year: number): boolean {
    return this.#index(year).data.provisional;
  }

  classify(date: CivilDate): DayInfo {
    const idx = this.#index(yearOf(date));
    const special = idx.special.get(date);
    const wd = WEEKDAY_NAMES[weekdayOf(date)];
    const isProvisional = idx.data.provisional;
    const tail = isProvisional ? "；该年放假安排尚未公布，暂定" : "";
    if (special?.isWorkday) {
      return {
        date,
        isWorkday: true,
        kind: "makeup_workday",
        isProvisional,
        name: special.name,
        reason: `${special.name}（${wd}）${tail}`,
      };
    }
    if (special) {
      return {
        date,
        isWorkday: false,
        kind: "holiday",
        isProvisional,
        name: special.name,
        reason: `${special.name}假期（${wd}）${tail}`,
      };
    }
    if (isWeekend(date)) {
      return { date, isWorkday: false, kind: "weekend", isProvisional, reason: `周末（${wd}）${tail}` };
    }
    return { date, isWorkday: true, kind: "workday", isProvisional, reason: `工作日（${wd}）${tail}` };
  }

  isWorkday(date: CivilDate): boolean {
    const special = this.#index(yearOf(date)).special.get(date);
    return special ? special.isWorkday : !isWeekend(date);
  }

  /** The n-th working day after `date` (`date` itself never counts); n = 0 gives `date`. */
  addWorkdays(date: CivilDate, n: number): CivilDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，收到 ${n}`);
    let day = toDayNumber(date);
    for (let left = n; left > 0; ) {
      day++;
      if (this.isWorkday(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /** The n-th working day before `date` (`date` itself never counts). */
  subtractWorkdays(date: CivilDate, n: number): CivilDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，收到 ${n}`);
    let day = toDayNumber(date);
    for (let left = n; left > 0; ) {
      day--;
      if (this.isWorkday(fromDayNumber(day))) left--;
    }
    return fromDayNumber(day);
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from). */
  countWorkdays(from: CivilDate, to: CivilDate): number {
    let count = 0;
    for (let d = toDayNumber(from) + 1, end = toDayNumber(to); d <= end; d++) {
      if (this.isWorkday(fromDayNumber(d))) count++;
    }
    return count;
  }

  /** Whether any day in [from, to] lies in a provisional year. */
  touchesProvisional(from: CivilDate, to: CivilDate): boolean {
    for (let y = yearOf(from); y <= yearOf(to); y++) if (this.isProvisionalYear(y)) return true;
    return false;
  }

  #index(year: number): YearIndex {
    const loaded = this.#loaded.get(year);
    if (loaded) return loaded;
    let built = this.#provisional.get(year);
    if (!built) {
      built = indexYear(buildProvisionalYear(year));
      this.#provisional.set(year, built);
    }
    return built;
  }
}

function indexYear(data: CalendarYear): YearIndex {
  const special = new Map<string, { isWorkday: boolean; name: string }>();
  for (const h of data.holidays) special.set(h.date, { isWorkday: false, name: h.name });
  for (const w of data.workdays) special.set(w.date, { isWorkday: true, name: w.name });
  return { data, special };
}
