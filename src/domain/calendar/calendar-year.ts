/**
 * The calendar vocabulary. A year's schedule is data: the days off (with the festival they
 * belong to) and the weekend days that are working days (调休上班). It is seeded from the State
 * Council's yearly notice, stored in the database later, and can be replaced at run time.
 */
import { z } from "zod";
import { type CivilDate, isCivilDate } from "../civil-date.ts";

export interface NamedDate {
  date: CivilDate;
  /** e.g. 春节, 国庆节 */
  name: string;
}

export interface CalendarYear {
  /** Version of this stored shape. */
  v: 1;
  year: number;
  /** true while the year's notice is not published: built from the 放假办法 alone. */
  provisional: boolean;
  /** The notice that published the schedule, or how a provisional year was built. */
  source: string;
  /** Days off in holiday periods (weekend days inside a period may be listed too). */
  holidays: NamedDate[];
  /** Weekend days that are working days (调休上班). */
  workdays: NamedDate[];
}

const ZCivilDate = z.string().refine(isCivilDate, { message: "应为 YYYY-MM-DD 格式的真实日期" });
const ZNamedDate = z.object({ date: ZCivilDate, name: z.string().min(1).max(40) });

export const ZCalendarYear = z
  .object({
    v: z.literal(1).default(1),
    year: z.number().int().min(1990).max(2199),
    provisional: z.boolean(),
    source: z.string().min(1, "请填写放假安排的来源（通知文号）").max(500),
    holidays: z.array(ZNamedDate).max(366),
    workdays: z.array(ZNamedDate).max(366),
  })
  .superRefine((cy, ctx) => {
    const seen = new Set<string>();
    for (const [listName, list] of [
      ["holidays", cy.holidays],
      ["workdays", cy.workdays],
    ] as const) {
      for (const [i, { date }] of list.entries()) {
        if (!date.startsWith(`${cy.year}-`)) {
          ctx.addIssue({
            code: "custom",
            path: [listName, i, "date"],
            message: `${date} 不在 ${cy.year} 年内`,
          });
        }
        if (seen.has(date)) {
          ctx.addIssue({
            code: "custom",
            path: [listName, i, "date"],
            message: `${date} 重复出现（同一天不能既放假又上班）`,
          });
        }
        seen.add(date);
      }
    }
  });

export type CalendarYearInput = z.input<typeof ZCalendarYear>;
