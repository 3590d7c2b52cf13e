import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts } from "../case-facts.ts";
import { type CivilDate, formatWithWeekday, fromDayNumber, toDayNumber } from "../civil-date.ts";
import { REPLY_WORKDAYS } from "../statute.ts";
import { describeCalendarDays } from "./describe-calendar-days.ts";
import { type ExcludedInterval, excludedIntervals, mergeIntervals } from "./excluded-intervals.ts";
import { defineLazyExplanation } from "./lazy-explanation.ts";
import { supplementWindowEnd } from "./window-ends.ts";

export interface ReplyDeadline {
  dueOn: CivilDate;
  /** The day the clock counts from (receipt, or the supplement's receipt). */
  startsOn: CivilDate;
  isProvisional: boolean;
  /** The date rests on something still open (a consultation, a fee, a supplement): a projection. */
  isProjected: boolean;
  explanation: string[];
}

/**
 * The statutory reply deadline (art. 33): 20 working days from receipt, restarted from the
 * supplement's receipt (art. 30), plus an approved extension, with consultation and fee days
 * left out (art. 33 ¶3), unless the agency set a date under art. 35. The explanation is built
 * on first read (`defineLazyExplanation`): deciding and planning never read it, views do.
 */
export function computeReplyDeadline(facts: CaseFacts, calendar: WorkingCalendar): ReplyDeadline {
  const start = replyStart(facts, calendar);
  const extension = facts.extension?.workdays ?? 0;
  const intervals = mergeIntervals(excludedIntervals(facts, calendar));
  const walked = walkWorkdays(start.startsOn, REPLY_WORKDAYS + extension, intervals, calendar);
  const isProjected = start.isProjected || intervals.some((iv) => iv.isOpen);
  const dueOn = facts.customDeadline ? facts.customDeadline.dueOn : walked.dueOn;
  const isProvisional = !facts.customDeadline && calendar.touchesProvisional(start.startsOn, dueOn);
  const explain = (): string[] => {
    const lines = [...start.lines];
    lines.push(`法定答复期限：${REPLY_WORKDAYS}个工作日（《条例》第三十三条第二款）`);
    if (facts.extension) {
      lines.push(`延期答复：+${extension}个工作日（${facts.extension.grantedOn}经批准，第三十三条第二款）`);
    }
    for (const [i, iv] of intervals.entries()) {
      const n = walked.excludedPerInterval[i] ?? 0;
      if (n === 0) continue;
      const tail = iv.isOpen ? "，尚未结束，按期满日推算" : "";
      lines.push(`不计入期限：${iv.label} ${iv.from}→${iv.to}，扣除${n}个工作日（${iv.basis}）${tail}`);
    }
    lines.push(...describeCalendarDays(start.startsOn, walked.dueOn, calendar));
    if (facts.customDeadline) {
      lines.push(`法定期限本为 ${formatWithWeekday(walked.dueOn)}`);
      lines.push(
        `《条例》第三十五条：机关于 ${facts.customDeadline.setOn} 确定合理答复期限 ${formatWithWeekday(dueOn)}，取代法定期限`,
      );
    }
    if (isProvisional)
      lines.push("期限经过的年度放假安排尚未公布，按《全国年节及纪念日放假办法》推算，为暂定期限");
    lines.push(`答复期限：${formatWithWeekday(dueOn)}${isProjected ? "（预计）" : ""}`);
    return lines;
  };
  const out = { dueOn, startsOn: start.startsOn, isProvisional, isProjected };
  return defineLazyExplanation(out, explain);
}

function replyStart(
  facts: CaseFacts,
  calendar: WorkingCalendar,
): { startsOn: CivilDate; isProjected: boolean; lines: string[] } {
  const s = facts.supplement;
  if (s?.receivedOn) {
    return {
      startsOn: s.receivedOn,
      isProjected: false,
      lines: [
        `起算日：${formatWithWeekday(s.receivedOn)}，收到补正之日，答复期限重新计算（《条例》第三十条），当日不计入`,
      ],
    };
  }
  const lines = [`收到申请之日：${formatWithWeekday(facts.receivedOn)}（《条例》第三十一条），当日不计入`];
  if (s && !s.expiredOn && !facts.disposition) {
    const lastDay = supplementWindowEnd(s, calendar);
    lines.push(
      `待补正：答复期限自收到补正之日起重新计算；按补正期限最后一日 ${formatWithWeekday(lastDay)} 收到补正推算`,
    );
    return { startsOn: lastDay, isProjected: true, lines };
  }
  return { startsOn: facts.receivedOn, isProjected: false, lines };
}

/**
 * Counts n working days after `start`, skipping those inside the (merged, sorted) intervals
 * (days d with from < d ≤ to): whole stretches at a time on the calendar's prefix sums.
 */
function walkWorkdays(
  start: CivilDate,
  n: number,
  intervals: readonly ExcludedInterval[],
  calendar: WorkingCalendar,
): { dueOn: CivilDate; excludedPerInterval: number[] } {
  const excludedPerInterval = intervals.map(() => 0);
  let cursor = toDayNumber(start);
  let left = n;
  for (const [k, iv] of intervals.entries()) {
    const to = toDayNumber(iv.to);
    if (to <= cursor) continue;
    const from = Math.max(toDayNumber(iv.from), cursor);
    const counted = calendar.workdaysBetween(cursor, from);
    if (counted >= left) break;
    left -= counted;
    excludedPerInterval[k] = calendar.workdaysBetween(from, to);
    cursor = to;
  }
  return { dueOn: fromDayNumber(calendar.addWorkdaysToDayNumber(cursor, left)), excludedPerInterval };
}

/** For callers that need only the date, e.g. the machine's extension guard. */
export function replyDueOn(facts: CaseFacts, calendar: WorkingCalendar): CivilDate {
  return computeReplyDeadline(facts, calendar).dueOn;
}
