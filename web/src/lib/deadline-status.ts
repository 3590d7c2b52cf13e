import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import type { ClockView } from "../api/types.ts";
import { ProvisionalYearPending } from "../calendar/provisional-year-pending.ts";

/** Reply deadlines within this many working days show as due soon (the first reminder). */
export const DUE_SOON_WORKDAYS = 5;

export type DeadlineKind = "overdue" | "due_soon" | "running" | "paused" | "done" | "late" | "lapsed";

export interface DeadlineStatus {
  kind: DeadlineKind;
  /** Working days left (negative: overdue by); null when not counting or without a calendar. */
  workdaysLeft: number | null;
  /** Short Chinese text: 剩 3 个工作日, 逾期 2 个工作日, 暂停计时 … */
  text: string;
  color: string;
}

const COLORS: Record<DeadlineKind, string> = {
  overdue: "red",
  due_soon: "orange",
  running: "green",
  paused: "blue",
  done: "default",
  late: "volcano",
  lapsed: "default",
};

function of(kind: DeadlineKind, text: string, workdaysLeft: number | null = null): DeadlineStatus {
  return { kind, text, workdaysLeft, color: COLORS[kind] };
}

/**
 * Where a clock stands today, in working days of the calendar; as without a calendar while a
 * provisional year it needs is still loading (the 工作台's calendar: see useWorkingCalendar).
 */
export function deadlineStatus(
  clock: ClockView,
  today: CivilDate,
  calendar: WorkingCalendar | null,
): DeadlineStatus {
  try {
    return statusOn(clock, today, calendar);
  } catch (e) {
    if (e instanceof ProvisionalYearPending) return statusOn(clock, today, null);
    throw e;
  }
}

function statusOn(clock: ClockView, today: CivilDate, calendar: WorkingCalendar | null): DeadlineStatus {
  const due = clock.dueOn as CivilDate;
  switch (clock.state) {
    case "met":
      return of("done", clock.doneOn ? `已于 ${clock.doneOn} 办结` : "已按期办结");
    case "lapsed":
      return of("lapsed", "不再适用");
    case "paused":
      return of("paused", "暂停计时");
    case "missed":
      if (clock.doneOn) return of("late", `逾期办结（${clock.doneOn}）`);
      break;
    case "running":
      break;
  }
  if (today > due) {
    const n = calendar ? calendar.countWorkdays(due, today) : null;
    return of("overdue", n === null ? "已逾期" : `逾期 ${n} 个工作日`, n === null ? null : -n);
  }
  if (!calendar) return of("running", "计时中");
  const left = calendar.countWorkdays(today, due);
  if (left === 0) return of("due_soon", "今日到期", 0);
  return of(left <= DUE_SOON_WORKDAYS ? "due_soon" : "running", `剩 ${left} 个工作日`, left);
}
