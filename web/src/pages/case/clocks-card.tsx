import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { Card, Collapse, Space, Tag, Tooltip, Typography } from "antd";
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
  return [
    d.reply,
    d.supplementNotice,
    d.supplementWindow,
    ...(d.consultations ?? []),
    d.feePayment,
    d.reReply,
  ].filter((c): c is ClockView => c !== undefined);
}

/**
 * Whether the clock's window waits for a posted document's signature date: a supplement or fee
 * window says so (`awaitingReceipt`); a consultation window is provisional while its letter's
 * receipt clock runs.
 */
function isAwaitingReceipt(c: ClockView, app: Application): boolean {
  if (c.awaitingReceipt) return true;
  const letter = c.id ? `consultation_letter-${c.id}` : null;
  return (app.deadlines.receipts ?? []).some((r) => r.id === letter && r.state === "running");
}

const AWAITING = "待登记签收日期，期限自签收之日起计算";

function ClockLabel(props: {
  c: ClockView;
  app: Application;
  today: CivilDate;
  calendar: WorkingCalendar | null;
}) {
  const { c } = props;
  const awaiting = isAwaitingReceipt(c, props.app);
  // A supplement or fee window does not run before the receipt: its date is only a projection.
  if (awaiting && c.awaitingReceipt) {
    return (
      <Space wrap className="clock-awaiting-receipt">
        <Typography.Text strong>{c.label}</Typography.Text>
        <Tag color="orange">{AWAITING}</Tag>
        <Typography.Text type="secondary">按发出之日推算：{c.dueOn}</Typography.Text>
      </Space>
    );
  }
  return (
    <Space wrap className={awaiting ? "clock-awaiting-receipt" : undefined}>
      <Typography.Text strong>{c.label}</Typography.Text>
      <DeadlineTag clock={c} today={props.today} calendar={props.calendar} />
      {awaiting && (
        <Tooltip title="征求意见书邮寄送达，对方签收日期登记前按发出之日暂算">
          <Tag color="orange">{AWAITING}</Tag>
        </Tooltip>
      )}
      <Typography.Text type="secondary">{CLOCK_STATE_LABELS[c.state]}</Typography.Text>
    </Space>
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
          label: <ClockLabel c={c} app={props.app} today={props.today} calendar={props.calendar} />,
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
