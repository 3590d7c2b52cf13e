import type { CaseFacts, ConsultationFacts } from "@domain/case-facts.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { computeReplyDeadline, type ReplyDeadline } from "@domain/deadlines/compute-reply-deadline.ts";
import { CONSULTATION_WINDOW_WORKDAYS } from "@domain/statute.ts";
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { fromPicker } from "../lib/dates.ts";
import { useTitle } from "../lib/use-title.ts";
import { useMeta } from "../session/meta.tsx";

interface CalcFields {
  receivedOn: Dayjs;
  supplementReceivedOn?: Dayjs;
  consultations?: {
    party: ConsultationFacts["party"];
    startedOn: Dayjs;
    answeredOn?: Dayjs;
    windowWorkdays?: number;
  }[];
  feeNotifiedOn?: Dayjs;
  feePaidOn?: Dayjs;
  extensionWorkdays?: number;
  extensionOn?: Dayjs;
}

const d = (v: Dayjs | undefined) => fromPicker(v) as CivilDate | undefined;

function toFacts(v: CalcFields): CaseFacts {
  const receivedOn = d(v.receivedOn) as CivilDate;
  const facts: CaseFacts = {
    receivedOn,
    consultations: (v.consultations ?? [])
      .filter((c) => c?.startedOn)
      .map((c, i) => {
        const f: ConsultationFacts = {
          id: `c${i + 1}`,
          party: c.party ?? "third_party",
          name: `第${i + 1}项征求意见`,
          startedOn: d(c.startedOn) as CivilDate,
          windowWorkdays: c.windowWorkdays ?? CONSULTATION_WINDOW_WORKDAYS,
        };
        const answered = d(c.answeredOn);
        if (answered) f.answeredOn = answered;
        return f;
      }),
  };
  const supplement = d(v.supplementReceivedOn);
  if (supplement) facts.supplement = { requestedOn: receivedOn, windowWorkdays: 15, receivedOn: supplement };
  const notified = d(v.feeNotifiedOn);
  if (notified) {
    facts.fee = { notifiedOn: notified, basis: "per_volume", amountYuan: 0 };
    const paid = d(v.feePaidOn);
    if (paid) facts.fee.paidOn = paid;
  }
  if (v.extensionWorkdays) {
    facts.extension = { grantedOn: d(v.extensionOn) ?? receivedOn, workdays: v.extensionWorkdays };
  }
  return facts;
}

/** 期限计算器: the reply deadline by the domain's engine, with the server's calendar years. */
export default function CalculatorPage() {
  useTitle("期限计算器");
  const meta = useMeta();
  const calendar = useWorkingCalendar();
  const [result, setResult] = useState<ReplyDeadline | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const compute = (v: CalcFields) => {
    if (!calendar) return;
    try {
      setResult(computeReplyDeadline(toFacts(v), calendar));
      setProblem(null);
    } catch (e) {
      setResult(null);
      setProblem((e as Error).message);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        期限计算器
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        与系统办理案件使用同一套期限规则和工作日历（含国务院办公厅每年的放假安排；尚未公布的年度按《全国年节及纪念日放假办法》暂定）。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small">
            <Form<CalcFields> layout="vertical" onFinish={compute} aria-label="期限计算">
              <Form.Item
                label="收到申请之日"
                name="receivedOn"
                rules={[{ required: true, message: "请选择收到申请之日" }]}
              >
                <DatePicker />
              </Form.Item>
              <Form.Item label="收到补正之日（如有，答复期限重新计算）" name="supplementReceivedOn">
                <DatePicker />
              </Form.Item>
              <Form.List name="consultations">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="end" wrap style={{ marginBottom: 8 }}>
                        <Form.Item
                          label={`征求意见 ${i + 1}：对象`}
                          name={[f.name, "party"]}
                          initialValue="third_party"
                        >
                          <Select
                            style={{ width: 200 }}
                            options={meta.consultationParties.map((p) => ({ value: p.id, label: p.label }))}
                          />
                        </Form.Item>
                        <Form.Item
                          label="发出日期"
                          name={[f.name, "startedOn"]}
                          rules={[{ required: true, message: "请选择日期" }]}
                        >
                          <DatePicker />
                        </Form.Item>
                        <Form.Item label="收到意见日期" name={[f.name, "answeredOn"]}>
                          <DatePicker />
                        </Form.Item>
                        <Button onClick={() => remove(f.name)} aria-label={`删除征求意见 ${i + 1}`}>
                          删除
                        </Button>
                      </Space>
                    ))}
                    <Button onClick={() => add()} style={{ marginBottom: 16 }}>
                      添加征求意见
                    </Button>
                  </>
                )}
              </Form.List>
              <Space wrap>
                <Form.Item label="收费通知发出日期" name="feeNotifiedOn">
                  <DatePicker />
                </Form.Item>
                <Form.Item label="缴费日期" name="feePaidOn">
                  <DatePicker />
                </Form.Item>
              </Space>
              <Space wrap>
                <Form.Item label="延期（工作日，0–20）" name="extensionWorkdays">
                  <InputNumber min={0} max={20} precision={0} />
                </Form.Item>
                <Form.Item label="批准延期日期" name="extensionOn">
                  <DatePicker />
                </Form.Item>
              </Space>
              <Form.Item>
                <Button type="primary" htmlType="submit" disabled={!calendar}>
                  计算
                </Button>
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          {problem && <Alert type="error" title={problem} showIcon />}
          {result && (
            <Card size="small" title="答复期限" aria-live="polite">
              <Typography.Title level={4} className="calc-due">
                {result.dueOn}
                {result.isProvisional && "（暂定）"}
                {result.isProjected && "（预计）"}
              </Typography.Title>
              <ul className="explanation">
                {result.explanation.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
