import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { Space, Tag, Tooltip } from "antd";
import type { ClockView } from "../api/types.ts";
import { deadlineStatus } from "../lib/deadline-status.ts";

/** A clock's due date, its working days left in colour, and the 暂定 mark of a provisional year. */
export function DeadlineTag(props: {
  clock: ClockView;
  today: CivilDate;
  calendar: WorkingCalendar | null;
  showDate?: boolean;
}) {
  const { clock, today, calendar, showDate = true } = props;
  const status = deadlineStatus(clock, today, calendar);
  return (
    <Space size={4} wrap>
      {showDate && <span className="due-date">{clock.dueOn}</span>}
      <Tag color={status.color} data-deadline={status.kind}>
        {status.text}
      </Tag>
      {clock.provisional && (
        <Tooltip title="期限经过的年度放假安排尚未公布，按《全国年节及纪念日放假办法》推算">
          <Tag color="purple">暂定</Tag>
        </Tooltip>
      )}
    </Space>
  );
}
