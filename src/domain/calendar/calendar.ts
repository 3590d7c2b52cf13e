import {
  type CivilDate,
  dayNumberOf,
  fromDayNumber,
  isWeekend,
  toDayNumber,
  WEEKDAY_NAMES,
  weekdayOf,
  yearOf,
  yearOfDayNumber,
} from "../civil-date.ts";
import type { CalendarYear } from "./calendar-year.ts";

/**
 * Builds a year whose notice is not loaded (`buildProvisionalYear`, from the 放假办法). Passed in
 * so that this module does not import lunar-typescript: the web loads it only when a year needs it.
 */
export type ProvisionalYearBuilder = (year: number) => CalendarYear;

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
  /** Day number of 1 January. */
  start: number;
  /** before[i]: working days among the year's first i days (length: days in the year + 1). */
  before: Int32Array;
  /** The working days of the year, as offsets from 1 January, in order. */
  workdays: Int32Array;
}

/**
 * The working-day calendar: official years as loaded, any other year provisional. Immutable:
 * `withYear` returns a new calendar, so a running computation never sees a half-loaded year.
 */
export class WorkingCalendar {
  readonly #loaded = new Map<number, YearIndex>();
  readonly #provisional = new Map<number, YearIndex>();
  readonly #buildProvisional: ProvisionalYearBuilder;

  constructor(years: readonly CalendarYear[], buildProvisional: ProvisionalYearBuilder) {
    this.#buildProvisional = buildProvisional;
    for (const y of years) this.#loaded.set(y.year, indexYear(y));
  }

  /** A new calendar with `year` added or replaced. */
  withYear(year: CalendarYear): WorkingCalendar {
    return new WorkingCalendar(
      [...[...this.#loaded.values()].map((i) => i.data).filter((d) => d.year !== year.year), year],
      this.#buildProvisional,
    );
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
    return this.isWorkdayNumber(toDayNumber(date));
  }

  /** Whether a day number (days since 1970-01-01) is a working day. */
  isWorkdayNumber(day: number): boolean {
    const idx = this.#index(yearOfDayNumber(day));
    const i = day - idx.start;
    return (idx.before[i + 1] ?? 0) > (idx.before[i] ?? 0);
  }

  /** The n-th working day after `date` (`date` itself never counts); n = 0 gives `date`. */
  addWorkdays(date: CivilDate, n: number): CivilDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，收到 ${n}`);
    return fromDayNumber(this.addWorkdaysToDayNumber(toDayNumber(date), n));
  }

  /**
   * `addWorkdays` on day numbers: O(1) per calendar year crossed (the year's prefix sums give
   * the working days left in it, its list of working days the n-th one).
   */
  addWorkdaysToDayNumber(day: number, n: number): number {
    if (n === 0) return day;
    let year = yearOfDayNumber(day);
    let idx = this.#index(year);
    // Working days of the year up to and including `day`: the count starts after them.
    let passed = idx.before[day - idx.start + 1] ?? 0;
    let left = n;
    for (;;) {
      const total = idx.workdays.length;
      if (passed + left <= total) return idx.start + (idx.workdays[passed + left - 1] ?? 0);
      left -= total - passed;
      passed = 0;
      idx = this.#index(++year);
    }
  }

  /** The n-th working day before `date` (`date` itself never counts). */
  subtractWorkdays(date: CivilDate, n: number): CivilDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数应为非负整数，收到 ${n}`);
    if (n === 0) return date;
    const day = toDayNumber(date);
    let year = yearOfDayNumber(day);
    let idx = this.#index(year);
    // Working days of the year strictly before `day`.
    let earlier = idx.before[day - idx.start] ?? 0;
    let left = n;
    for (;;) {
      if (left <= earlier) return fromDayNumber(idx.start + (idx.workdays[earlier - left] ?? 0));
      left -= earlier;
      idx = this.#index(--year);
      earlier = idx.workdays.length;
    }
  }

  /** Working days d with from < d ≤ to (0 when to ≤ from). */
  countWorkdays(from: CivilDate, to: CivilDate): number {
    return this.workdaysBetween(toDayNumber(from), toDayNumber(to));
  }

  /** Working days d with from < d ≤ to, on day numbers (0 when to ≤ from); O(1) per year crossed. */
  workdaysBetween(fromDay: number, toDay: number): number {
    if (toDay <= fromDay) return 0;
    let year = yearOfDayNumber(fromDay);
    const lastYear = yearOfDayNumber(toDay);
    let idx = this.#index(year);
    let count = -(idx.before[fromDay - idx.start + 1] ?? 0);
    while (year < lastYear) {
      count += idx.workdays.length;
      idx = this.#index(++year);
    }
    return count + (idx.before[toDay - idx.start + 1] ?? 0);
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
      built = indexYear(this.#buildProvisional(year));
      this.#provisional.set(year, built);
    }
    return built;
  }
}

function indexYear(data: CalendarYear): YearIndex {
  const special = new Map<string, { isWorkday: boolean; name: string }>();
  for (const h of data.holidays) special.set(h.date, { isWorkday: false, name: h.name });
  for (const w of data.workdays) special.set(w.date, { isWorkday: true, name: w.name });
  const start = dayNumberOf(data.year, 1, 1);
  const length = dayNumberOf(data.year + 1, 1, 1) - start;
  const before = new Int32Array(length + 1);
  const workdays: number[] = [];
  for (let i = 0; i < length; i++) {
    const date = fromDayNumber(start + i);
    const isWorkday = special.get(date)?.isWorkday ?? !isWeekend(date);
    if (isWorkday) workdays.push(i);
    before[i + 1] = workdays.length;
  }
  return { data, special, start, before, workdays: Int32Array.from(workdays) };
}
