import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { Card, Collapse, Space, Typography } from "antd";
import type { Application, ClockView } from "../../api/types.ts";
import { DeadlineTag } from "../../components/deadline-tag.tsx";

const CLOCK_STATE_LABELS: Record<ClockView["state"], string> = {
  running: "计时中",
  paused: "暂停计时",
  met: "已按期完成",
  missed: "已逾期",
  lapsed: "不再适用",
};

function clocksOf(app: Application): ClockView[] {
  const d = app.deadlines;
  return [d.reply, d.supplementNotice, d.supplementWindow, ...(d.consultations ?? []), d.feePayment].filter(
    (c): c is ClockView => c !== undefined,
  );
}

/** Every clock of the case: due date, state, working days left and how the date was reached. */
export function ClocksCard(props: { app: Application; today: CivilDate; calendar: WorkingCalendar | null }) {
  const clocks = clocksOf(props.app);
  return (
    <Card title="期限" size="small">
      <Collapse
        defaultActiveKey={["0"]}
        items={clocks.map((c, i) => ({
          key: String(i),
          label: (
            <Space wrap>
              <Typography.Text strong>{c.label}</Typography.Text>
              <DeadlineTag clock={c} today={props.today} calendar={props.calendar} />
              <Typography.Text type="secondary">{CLOCK_STATE_LABELS[c.state]}</Typography.Text>
            </Space>
          ),
          children: (
            <ul className="explanation" aria-label={`${c.label}的计算说明`}>
              {c.explanation.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ),
        }))}
      />
    </Card>
  );
}
