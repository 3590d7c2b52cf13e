import { AppError } from "../../app-error.ts";
import type { CalendarYear, NamedDate } from "../../domain/calendar/calendar-year.ts";
import type { CivilDate } from "../../domain/civil-date.ts";
import type { CalendarService } from "../../services/calendar-service.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import { type CalendarBody, ZCalendarBody, ZYearParams } from "./calendar.schema.ts";
import { ZCalendarCorrection, ZCalendarYearView } from "./calendar-answers.schema.ts";

/** The API shape of a year: dates as lists, their names by date. */
export function toCalendarView(y: CalendarYear) {
  return {
    year: y.year,
    provisional: y.provisional,
    source: y.source,
    holidays: y.holidays.map((d) => d.date),
    workdays: y.workdays.map((d) => d.date),
    holidayNames: Object.fromEntries(y.holidays.map((d) => [d.date, d.name])),
    workdayNames: Object.fromEntries(y.workdays.map((d) => [d.date, d.name])),
  };
}

function named(dates: CivilDate[], names: Record<string, string>, old: NamedDate[], fallback: string) {
  const oldNames = new Map<string, string>(old.map((d) => [d.date, d.name]));
  return [...dates].sort().map((date) => ({ date, name: names[date] ?? oldNames.get(date) ?? fallback }));
}

function toCalendarYear(year: number, body: CalendarBody, stored: CalendarYear): CalendarYear {
  return {
    v: 1,
    year,
    provisional: body.provisional,
    source: body.source,
    holidays: named(body.holidays, body.holidayNames ?? {}, stored.holidays, "放假"),
    workdays: named(body.workdays, body.workdayNames ?? {}, stored.workdays, "调休上班"),
  };
}

export function calendarRoutes(calendar: CalendarService): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/calendar/:year",
      summary: "一年的放假安排（未公布的年份为按《全国年节及纪念日放假办法》推算的暂定安排）",
      tag: "calendar",
      access: "user",
      params: ZYearParams,
      response: ZCalendarYearView,
      async handle({ params }) {
        return toCalendarView(await calendar.getYear(params.year));
      },
    }),
    defineRoute({
      method: "put",
      path: "/api/v1/calendar/:year",
      summary: "载入或更正一年的放假安排（系统管理员）；所有未办结申请的期限随即重新计算",
      tag: "calendar",
      access: "user",
      params: ZYearParams,
      body: ZCalendarBody,
      response: ZCalendarCorrection,
      errors: [403],
      async handle({ actor, params, body }) {
        if (body.year !== undefined && body.year !== params.year) {
          throw new AppError("invalid_input", {
            message: `字段 year：${body.year} 与地址中的年份 ${params.year} 不一致`,
            details: [{ field: "year", message: `应为 ${params.year}` }],
          });
        }
        const stored = await calendar.getYear(params.year);
        const result = await calendar.putYear(actor, toCalendarYear(params.year, body, stored));
        return { ...toCalendarView(result.year), replanned: result.replanned, conflicts: result.conflicts };
      },
    }),
  ];
}
