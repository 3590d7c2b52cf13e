import type { CaseFacts } from "../domain/case-facts.ts";
import type { CaseDeadlines } from "../domain/deadlines/clock.ts";
import { worklistClocks } from "../domain/deadlines/worklist-clocks.ts";

/** The columns of `applications` the 待办 order and the 工作台 counters read (migration 0012). */
export interface WorklistColumns {
  next_due_on: string | null;
  next_due_clock: string | null;
  notice_due_on: string | null;
  /** JSON of `OpenClock[]`. */
  open_clocks: string;
}

/** The row's worklist columns from the deadlines the write path has just computed. */
export function worklistColumns(facts: CaseFacts, deadlines: CaseDeadlines): WorklistColumns {
  const w = worklistClocks(facts, deadlines);
  return {
    next_due_on: w.nextDueOn,
    next_due_clock: w.nextDueClock,
    notice_due_on: w.noticeDueOn,
    open_clocks: JSON.stringify(w.open),
  };
}
