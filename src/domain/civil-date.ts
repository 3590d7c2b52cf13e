/**
 * Civil dates: the whole days in which the law counts (`YYYY-MM-DD`, China Standard Time).
 * All calendar arithmetic is done on day numbers, never on local-time `Date` objects, so the
 * process time zone cannot shift a deadline.
 */

declare const civilDateBrand: unique symbol;
/** A date `YYYY-MM-DD` that has been checked to exist. */
export type CivilDate = string & { readonly [civilDateBrand]: true };

const CIVIL_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const WEEKDAY_NAMES = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"] as const;

export function isCivilDate(value: unknown): value is CivilDate {
  if (typeof value !== "string") return false;
  const m = CIVIL_DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Parses `YYYY-MM-DD`; throws a Chinese message naming the bad value. */
export function parseCivilDate(value: string, field = "日期"): CivilDate {
  if (!isCivilDate(value)) {
    throw new RangeError(`${field}“${value}”不是有效日期，应为 YYYY-MM-DD 格式的真实日期（如 2026-03-12）`);
  }
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC day number). */
export function toDayNumber(date: CivilDate): number {
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/**
 * The day number of a proleptic Gregorian date, in integer arithmetic (H. Hinnant's
 * days_from_civil): no `Date` object on the deadline engine's hot path.
 */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The year of a day number (civil_from_days, year part only). */
export function yearOfDayNumber(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

export function fromDayNumber(day: number): CivilDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}` as CivilDate;
}

export function makeCivilDate(year: number, month: number, day: number): CivilDate {
  return parseCivilDate(
    `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  );
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function diffDays(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CivilDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: CivilDate): boolean {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

export function minDate(a: CivilDate, b: CivilDate): CivilDate {
  return a <= b ? a : b;
}

/** Every date from `from` to `to`, both included. */
export function* eachDate(from: CivilDate, to: CivilDate): Generator<CivilDate> {
  for (let d = toDayNumber(from), end = toDayNumber(to); d <= end; d++) yield fromDayNumber(d);
}

/** The civil date in China (UTC+8, no daylight saving) at an instant. */
export function civilDateInChina(instant: Date): CivilDate {
  return isoInChina(instant).slice(0, 10) as CivilDate;
}

/** The instant's ISO text as a clock in China reads it (its trailing `Z` standing for +08:00). */
function isoInChina(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString();
}

/**
 * An instant as China Standard Time (UTC+8, no daylight saving): `2026-03-20 10:00`, or
 * `2026-03-20 10:00:00` with seconds. Every time a clerk reads is the agency's, whatever the
 * zone of the server or the browser.
 */
export function formatInstantInChina(instant: Date, withSeconds = false): string {
  return isoInChina(instant)
    .slice(0, withSeconds ? 19 : 16)
    .replace("T", " ");
}

/** `2026-03-12（星期四）` */
export function formatWithWeekday(date: CivilDate): string {
  return `${date}（${WEEKDAY_NAMES[weekdayOf(date)]}）`;
}
