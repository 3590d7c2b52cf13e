import type { WorkingCalendar } from "../calendar/calendar.ts";
import { type CivilDate, eachDate, formatWithWeekday } from "../civil-date.ts";

/**
 * The lines that tell which holidays a count skipped and which make-up working days it
 * counted, between `after` (excluded) and `through` (included).
 */
export function describeCalendarDays(
  after: CivilDate,
  through: CivilDate,
  calendar: WorkingCalendar,
): string[] {
  const holidays: { name: string; from: CivilDate; to: CivilDate }[] = [];
  const makeups: CivilDate[] = [];
  let previous: CivilDate | undefined;
  for (const date of eachDate(after, through)) {
    if (date === after) continue;
    const info = calendar.classify(date);
    if (info.kind === "makeup_workday") makeups.push(date);
    if (info.kind === "holiday") {
      const last = holidays[holidays.length - 1];
      const name = info.name ?? "节假日";
      if (last && last.name === name && previous !== undefined && last.to === previous) last.to = date;
      else holidays.push({ name, from: date, to: date });
    }
    previous = date;
  }
  const lines: string[] = [];
  for (const h of holidays) {
    lines.push(`跳过 ${h.name}假期 ${h.from === h.to ? h.from : `${h.from}..${h.to}`}`);
  }
  if (makeups.length > 0) {
    lines.push(`计入调休上班日 ${makeups.map(formatWithWeekday).join("、")}`);
  }
  return lines;
}
