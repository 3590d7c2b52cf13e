import { type CivilDate, eachDate, makeCivilDate, weekdayOf } from "@domain/civil-date.ts";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { getCalendarYear, putCalendarYear } from "../../api/endpoints.ts";
import type { CalendarYearView } from "../../api/types.ts";
import { invalidateWorkingCalendar } from "../../calendar/use-working-calendar.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { todayInChina } from "../../lib/dates.ts";
import { useTitle } from "../../lib/use-title.ts";
import { useUser } from "../../session/session.tsx";

const WEEK = ["一", "二", "三", "四", "五", "六", "日"];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

function MonthGrid(props: { year: number; month: number; view: CalendarYearView }) {
  const { year, month, view } = props;
  const first = makeCivilDate(year, month, 1);
  const last = makeCivilDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
  const cells: { key: string; date: string | null }[] = [];
  for (let pad = (weekdayOf(first) + 6) % 7; pad > 0; pad--) cells.push({ key: `pad${pad}`, date: null });
  for (const d of eachDate(first, last)) cells.push({ key: d, date: d });
  const weeks: { key: string; date: string | null }[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const holidays = new Set(view.holidays);
  const workdays = new Set(view.workdays);
  return (
    <table
      className="month-grid"
      aria-label={`${year}年${month}月`}
      style={{ width: "100%", textAlign: "center", fontSize: 12 }}
    >
      <caption style={{ fontWeight: 600 }}>{month}月</caption>
      <thead>
        <tr>
          {WEEK.map((w) => (
            <th key={w} scope="col">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]?.key}>
            {week.map(({ key, date: d }) => {
              if (!d) return <td key={key} />;
              const weekend = weekdayOf(d as CivilDate) % 6 === 0;
              const day = Number(d.slice(8));
              if (holidays.has(d)) {
                return (
                  <td key={d} className="calendar-day-holiday">
                    <Tooltip title={`${view.holidayNames?.[d] ?? "放假"}（休）`}>
                      <span>
                        {day}
                        <span className="sr-only">（{view.holidayNames?.[d] ?? ""}放假）</span>
                      </span>
                    </Tooltip>
                  </td>
                );
              }
              if (workdays.has(d)) {
                return (
                  <td key={d} className="calendar-day-makeup">
                    <Tooltip title={`${view.workdayNames?.[d] ?? "调休上班"}（班）`}>
                      <span>
                        {day}班<span className="sr-only">（调休上班）</span>
                      </span>
                    </Tooltip>
                  </td>
                );
              }
              return (
                <td key={d} style={{ color: weekend ? "#aaa" : undefined }}>
                  {day}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function parseDates(text: string): string[] {
  return text
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

interface NoticeFields {
  source: string;
  holidays: string;
  workdays: string;
}

export default function CalendarPage() {
  useTitle("工作日历");
  const me = useUser();
  const { message } = App.useApp();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<CalendarYearView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<NoticeFields>();
  const load = useCallback(() => {
    getCalendarYear(year)
      .then((v) => {
        setView(v);
        setError(null);
        form.setFieldsValue({
          source: v.provisional ? "" : v.source,
          holidays: v.holidays.join("\n"),
          workdays: v.workdays.join("\n"),
        });
      })
      .catch((e: Error) => setError(e.message));
  }, [year, form]);
  useEffect(load, [load]);

  const save = async (v: NoticeFields) => {
    setProblem(null);
    try {
      const r = await putCalendarYear(year, {
        source: v.source,
        provisional: false,
        holidays: parseDates(v.holidays),
        workdays: parseDates(v.workdays),
      });
      invalidateWorkingCalendar();
      void message.success(
        `已载入${year}年放假安排${r.replanned !== undefined ? `，${r.replanned} 件申请的期限和自动办结日期已重新计算` : ""}`,
      );
      const conflicts = r.conflicts ?? [];
      if (conflicts.length > 0) {
        setProblem(
          `${conflicts.length} 件申请按新的放假安排重算时与已登记的事项冲突，保持原状，请逐件核对：${conflicts
            .map((c) => c.message)
            .join("；")}`,
        );
      }
      load();
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        工作日历
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label="年度"
          value={year}
          onChange={setYear}
          style={{ width: 110 }}
          options={Array.from({ length: thisYear - 2017 }, (_, i) => 2019 + i).map((y) => ({
            value: y,
            label: `${y}年`,
          }))}
        />
        {view &&
          (view.provisional ? (
            <Tag color="purple">暂定（通知尚未发布）</Tag>
          ) : (
            <Tag color="green">已按通知载入</Tag>
          ))}
      </Space>
      {error && <Alert type="error" title={error} showIcon />}
      {view && (
        <>
          <Typography.Paragraph type="secondary">来源：{view.source}</Typography.Paragraph>
          <Typography.Paragraph>
            <span className="calendar-day-holiday">红色</span>为放假日，
            <span className="calendar-day-makeup">“班”</span>
            为调休上班的周末，灰色为周末。
          </Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {MONTHS.map((month) => (
              <Col key={month} xs={12} md={8} xl={6}>
                <Card size="small">
                  <MonthGrid year={year} month={month} view={view} />
                </Card>
              </Col>
            ))}
          </Row>
          {me.can.editCalendar && (
            <Card size="small" title={`载入或更正${year}年放假安排（国务院办公厅通知）`}>
              <Form<NoticeFields> form={form} layout="vertical" onFinish={(v) => void save(v)}>
                <Form.Item
                  label="通知名称和文号"
                  name="source"
                  rules={[{ required: true, whitespace: true, message: "请填写通知名称和文号" }]}
                >
                  <Input />
                </Form.Item>
                <Row gutter={16}>
                  <Col span={12}>
                    <Form.Item label="放假日期（每行一个，YYYY-MM-DD）" name="holidays">
                      <Input.TextArea rows={8} />
                    </Form.Item>
                  </Col>
                  <Col span={12}>
                    <Form.Item label="调休上班日期（每行一个）" name="workdays">
                      <Input.TextArea rows={8} />
                    </Form.Item>
                  </Col>
                </Row>
                {problem && (
                  <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />
                )}
                <Button type="primary" htmlType="submit">
                  保存并重新计算期限
                </Button>
              </Form>
            </Card>
          )}
        </>
      )}
    </Space>
  );
}
