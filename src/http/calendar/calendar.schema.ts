import { z } from "zod";
import { intInRange, requiredText, ZCivilDate } from "../validation/common.schema.ts";

export const ZYearParams = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "年份应为四位数字，如 2027")
    .transform(Number)
    .refine((y) => y >= 1990 && y <= 2199, "年份应在 1990 到 2199 之间"),
});

const ZDayName = requiredText(40);

/**
 * A year's official schedule, as GET returns it: the days off and the weekend days that are
 * working days (调休上班); names by date are optional (kept from the stored year, else generic).
 */
export const ZCalendarBody = z
  .strictObject({
    /** Optional here: the path names the year; when given it must be the same. */
    year: intInRange(1990, 2199).optional(),
    provisional: z.boolean().default(false),
    source: requiredText(500),
    holidays: z.array(ZCivilDate).max(366, "最多 366 天"),
    workdays: z.array(ZCivilDate).max(366, "最多 366 天"),
    holidayNames: z.record(z.string(), ZDayName).optional(),
    workdayNames: z.record(z.string(), ZDayName).optional(),
  })
  .superRefine((body, ctx) => {
    for (const [namesKey, listKey] of [
      ["holidayNames", "holidays"],
      ["workdayNames", "workdays"],
    ] as const) {
      const listed = new Set<string>(body[listKey]);
      for (const date of Object.keys(body[namesKey] ?? {})) {
        if (!listed.has(date)) {
          ctx.addIssue({ code: "custom", path: [namesKey, date], message: `${date} 不在 ${listKey} 中` });
        }
      }
    }
  });
export type CalendarBody = z.output<typeof ZCalendarBody>;
