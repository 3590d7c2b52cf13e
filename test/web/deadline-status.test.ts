/**
 * The 工作台's working calendar comes without lunar-typescript (web/src/calendar/
 * use-working-calendar.ts): a year neither shipped nor served throws ProvisionalYearPending while
 * the builder loads, and the deadline shows as without a calendar (never a wrong count); once the
 * builder is there, the count is the server's.
 */
import { describe, expect, it } from "vitest";
import { buildProvisionalYear } from "../../src/domain/calendar/build-provisional-year.ts";
import { WorkingCalendar } from "../../src/domain/calendar/calendar.ts";
import { createDefaultCalendar } from "../../src/domain/calendar/default-calendar.ts";
import { seedCalendarYears } from "../../src/domain/calendar/seed-calendar-years.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import type { ClockView } from "../../web/src/api/types.ts";
import { ProvisionalYearPending } from "../../web/src/calendar/provisional-year-pending.ts";
import { deadlineStatus } from "../../web/src/lib/deadline-status.ts";

const clock = (dueOn: string): ClockView => ({
  label: "答复期限",
  startsOn: dueOn,
  dueOn,
  provisional: false,
  state: "running",
  explanation: [],
});
const TODAY = "2026-11-30" as CivilDate;
const pending = new WorkingCalendar(seedCalendarYears(), (year) => {
  throw new ProvisionalYearPending(year);
});

describe("deadlineStatus on the 工作台's calendar without lunar-typescript", () => {
  it("counts within the shipped years as the full calendar does", () => {
    const full = createDefaultCalendar();
    for (const due of ["2026-12-10", "2026-11-02", "2021-06-30"]) {
      expect(deadlineStatus(clock(due), TODAY, pending)).toEqual(deadlineStatus(clock(due), TODAY, full));
    }
    expect(deadlineStatus(clock("2026-11-02"), TODAY, pending).text).toMatch(/^逾期 \d+ 个工作日$/);
  });

  it("shows a clock that reaches an unloaded year as without a calendar, then counts it", () => {
    const due = clock("2018-03-01");
    expect(deadlineStatus(due, TODAY, pending)).toEqual(deadlineStatus(due, TODAY, null));
    expect(deadlineStatus(due, TODAY, pending).text).toBe("已逾期");
    // the same calendar's years with the builder: the count the server makes
    const loaded = new WorkingCalendar(pending.loadedYears(), buildProvisionalYear);
    expect(deadlineStatus(due, TODAY, loaded)).toEqual(deadlineStatus(due, TODAY, createDefaultCalendar()));
    expect(deadlineStatus(due, TODAY, loaded).workdaysLeft).toBeLessThan(-1000);
  });

  it("lets any other error through", () => {
    const broken = new WorkingCalendar(seedCalendarYears(), () => {
      throw new Error("其他错误");
    });
    expect(() => deadlineStatus(clock("2018-03-01"), TODAY, broken)).toThrow("其他错误");
  });
});
