import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import type { ClockView } from "../api/types.ts";
import { deadlineStatus } from "../lib/deadline-status.ts";
import { PlainTag } from "./plain-tag.tsx";

const PROVISIONAL = "期限经过的年度放假安排尚未公布，按《全国年节及纪念日放假办法》推算";

/**
 * A clock's due date, its working days left in colour, and the 暂定 mark of a provisional year
 * (its reason as the mark's title and, for a screen reader, in the text). Plain HTML: it is on
 * the 工作台, which loads no Tooltip.
 */
export function DeadlineTag(props: {
  clock: ClockView;
  today: CivilDate;
  calendar: WorkingCalendar | null;
  showDate?: boolean;
}) {
  const { clock, today, calendar, showDate = true } = props;
  const status = deadlineStatus(clock, today, calendar);
  return (
    <span className="ogi-tags">
      {showDate && <span className="due-date">{clock.dueOn}</span>}
      <PlainTag color={status.color} data-deadline={status.kind}>
        {status.text}
      </PlainTag>
      {clock.provisional && (
        <PlainTag color="purple" title={PROVISIONAL}>
          暂定<span className="sr-only">（{PROVISIONAL}）</span>
        </PlainTag>
      )}
    </span>
  );
}
