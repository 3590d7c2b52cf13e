import { addDays, type CivilDate, isCivilDate } from "../domain/civil-date.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";

/** Excel's day 0 in the 1900 date system (serial 1 = 1900-01-01, with Excel's 1900 leap-day bug). */
const EXCEL_EPOCH = "1899-12-30" as CivilDate;
const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date cell: an Excel date (read as `YYYY-MM-DD`, or a serial number in a cell not formatted
 * as a date) or text `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D`, `YYYY年M月D日`.
 */
export function parseLedgerDate(value: string | number): Parsed<CivilDate> {
  if (typeof value === "number") {
    // 1 = 1900-01-01 … 2958465 = 9999-12-31; a time of day (the fraction) is ignored.
    if (Number.isFinite(value) && value >= 1 && value < 2958466) {
      const date = addDays(EXCEL_EPOCH, Math.floor(value));
      if (isCivilDate(date)) return ok(date);
    }
    return fail(`“${value}”不是有效日期，应为 Excel 日期或 YYYY-MM-DD（如 2025-03-05）`);
  }
  const m = TEXT_DATE.exec(value.trim());
  if (m) {
    const date = `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}`;
    if (isCivilDate(date)) return ok(date);
  }
  return fail(`“${value}”不是有效日期，应为 YYYY-MM-DD（如 2025-03-05）或 Excel 日期`);
}
