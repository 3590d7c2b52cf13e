import { parseArgs } from "node:util";
import { createDefaultCalendar } from "../../domain/calendar/default-calendar.ts";
import { CliError } from "../cli-error.ts";
import { parseCliDate } from "../parse-cli-date.ts";

export const CALENDAR_USAGE = `用法：ogi calendar 日期 [--json]      某日是否为工作日及原因
      ogi calendar 年份 [--json]      某年的放假和调休上班安排`;

/** `ogi calendar DATE|YEAR [--json]` */
export function runCalendarCommand(args: string[], out: (line: string) => void): number {
  const { values, positionals } = parseCommandArgs(args);
  if (positionals.length !== 1) throw new CliError(`请给出一个日期或年份。\n${CALENDAR_USAGE}`);
  const arg = positionals[0] ?? "";
  const calendar = createDefaultCalendar();
  if (/^\d{4}$/.test(arg)) {
    const year = calendar.year(Number(arg));
    if (values.json) out(JSON.stringify(year, null, 2));
    else {
      out(`${year.year}年${year.provisional ? "（暂定）" : ""}：${year.source}`);
      for (const h of year.holidays) out(`  ${h.date} 放假  ${h.name}`);
      for (const w of year.workdays) out(`  ${w.date} 上班  ${w.name}`);
    }
    return 0;
  }
  const info = calendar.classify(parseCliDate(arg, "日期"));
  if (values.json) {
    out(
      JSON.stringify({
        date: info.date,
        workday: info.isWorkday,
        provisional: info.isProvisional,
        reason: info.reason,
      }),
    );
  } else {
    out(`${info.date} ${info.isWorkday ? "工作日" : "非工作日"}：${info.reason}`);
  }
  return 0;
}

function parseCommandArgs(args: string[]) {
  try {
    return parseArgs({ args, options: { json: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`参数有误：${(e as Error).message}\n${CALENDAR_USAGE}`);
  }
}
