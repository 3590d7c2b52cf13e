/** The answers of the calendar routes, for the document and the web UI's generated types. */
import { z } from "zod";

export const ZCalendarYearView = z
  .object({
    year: z.number().int(),
    provisional: z.boolean().meta({ description: "未公布的年份：按放假办法推算的暂定安排" }),
    source: z.string().meta({ description: "放假安排的来源（通知文号）" }),
    holidays: z.array(z.string()).meta({ description: "放假的日期 YYYY-MM-DD" }),
    workdays: z.array(z.string()).meta({ description: "调休上班的日期 YYYY-MM-DD" }),
    holidayNames: z.record(z.string(), z.string()),
    workdayNames: z.record(z.string(), z.string()),
  })
  .meta({ id: "CalendarYearView" });

export const ZCalendarCorrection = ZCalendarYearView.extend({
  replanned: z.number().int().meta({ description: "重新计算了期限的案件数" }),
  conflicts: z
    .array(z.object({ applicationId: z.string(), trackingNo: z.string(), message: z.string() }))
    .meta({ description: "已记录的事实在新安排下不再成立的案件（未改动）" }),
}).meta({ id: "CalendarCorrection" });
