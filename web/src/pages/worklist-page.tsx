import { addDays, type CivilDate } from "@domain/civil-date.ts";
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { listApplications } from "../api/endpoints.ts";
import type { ApiState, ApplicantType, Application, Channel, ListQuery } from "../api/types.ts";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { DeadlineTag } from "../components/deadline-tag.tsx";
import { fromPicker, todayInChina, toPicker } from "../lib/dates.ts";
import { DUE_SOON_WORKDAYS } from "../lib/deadline-status.ts";
import { useAgencies } from "../lib/use-agencies.ts";
import { useTitle } from "../lib/use-title.ts";
import { useMeta } from "../session/meta.tsx";
import { useSession } from "../session/session.tsx";

const PAGE_SIZE = 20;
const FILTER_KEYS = [
  "agency",
  "state",
  "applicantType",
  "channel",
  "receivedFrom",
  "receivedTo",
  "q",
  "mine",
  "dueBefore",
] as const;

function queryOf(params: URLSearchParams): ListQuery {
  const q: ListQuery = { page: Number(params.get("page") ?? "1") || 1, pageSize: PAGE_SIZE };
  const get = (k: (typeof FILTER_KEYS)[number]) => params.get(k) ?? undefined;
  const agency = get("agency");
  if (agency) q.agency = agency;
  const state = get("state");
  if (state) q.state = state as ApiState;
  const type = get("applicantType");
  if (type) q.applicantType = type as ApplicantType;
  const channel = get("channel");
  if (channel) q.channel = channel as Channel;
  const from = get("receivedFrom");
  if (from) q.receivedFrom = from;
  const to = get("receivedTo");
  if (to) q.receivedTo = to;
  const text = get("q");
  if (text) q.q = text;
  if (get("mine") === "true") q.mine = true;
  const due = get("dueBefore");
  if (due) q.dueBefore = due;
  return q;
}

/** Overdue and due-soon counts of the scope: two one-row list queries read `total`. */
function useDeadlineCounts(
  agency: string | undefined,
  mine: boolean | undefined,
  today: CivilDate,
  soonBefore: CivilDate | null,
) {
  const [counts, setCounts] = useState<{ overdue: number; soon: number } | null>(null);
  useEffect(() => {
    if (!soonBefore) return;
    let live = true;
    const scope = { ...(agency ? { agency } : {}), ...(mine ? { mine } : {}) };
    Promise.all([
      listApplications({ ...scope, dueBefore: today, pageSize: 1 }),
      listApplications({ ...scope, dueBefore: soonBefore, pageSize: 1 }),
    ])
      .then(([overdue, upToSoon]) => {
        if (live) setCounts({ overdue: overdue.total, soon: upToSoon.total - overdue.total });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [agency, mine, today, soonBefore]);
  return counts;
}

export function WorklistPage() {
  useTitle("工作台");
  const meta = useMeta();
  const { user, hasRole } = useSession();
  const agencies = useAgencies();
  const calendar = useWorkingCalendar();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const [data, setData] = useState<{ items: Application[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm();
  const today = todayInChina();
  const soonBefore = calendar ? addDays(calendar.addWorkdays(today, DUE_SOON_WORKDAYS), 1) : null;
  const counts = useDeadlineCounts(query.agency, query.mine, today, soonBefore);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    listApplications(query, controller.signal)
      .then((page) => {
        setData(page);
        setError(null);
      })
      .catch((e: Error) => {
        if (e.name !== "AbortError") setError(e.message);
      })
      .finally(() => setLoading(false));
    return () => controller.abort();
  }, [query]);

  useEffect(() => {
    form.setFieldsValue({
      ...Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])),
      received:
        params.get("receivedFrom") || params.get("receivedTo")
          ? [toPicker(params.get("receivedFrom")), toPicker(params.get("receivedTo"))]
          : undefined,
      mine: params.get("mine") === "true" ? "mine" : "agency",
    });
  }, [params, form]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };

  const applyFilters = (v: Record<string, unknown>) => {
    const range = v.received as [unknown, unknown] | undefined;
    update({
      agency: (v.agency as string) || undefined,
      state: (v.state as string) || undefined,
      applicantType: (v.applicantType as string) || undefined,
      channel: (v.channel as string) || undefined,
      q: ((v.q as string) ?? "").trim() || undefined,
      receivedFrom: fromPicker(range?.[0] as never),
      receivedTo: fromPicker(range?.[1] as never),
      mine: v.mine === "mine" ? "true" : undefined,
      dueBefore: undefined,
    });
  };

  const columns: ColumnsType<Application> = [
    {
      title: "编号",
      dataIndex: "trackingNo",
      render: (no: string, a) => <Link to={`/applications/${a.id}`}>{no}</Link>,
    },
    { title: "申请人", render: (_, a) => a.applicant.name },
    // masked by the server (src/domain/personal-data.ts): a list never shows the full number
    { title: "证件号码", className: "masked-id", render: (_, a) => a.applicant.idNumber ?? "—" },
    { title: "申请人类型", render: (_, a) => meta.label("applicantTypes", a.applicant.type) },
    { title: "申请方式", render: (_, a) => meta.label("channels", a.channel).replace(/（.*）/, "") },
    {
      title: "收到日期",
      dataIndex: "receivedOn",
      sorter: (a, b) => a.receivedOn.localeCompare(b.receivedOn),
    },
    { title: "状态", dataIndex: "stateLabel" },
    {
      title: "答复期限",
      key: "due",
      defaultSortOrder: "ascend",
      sorter: (a, b) => a.deadlines.reply.dueOn.localeCompare(b.deadlines.reply.dueOn),
      render: (_, a) => <DeadlineTag clock={a.deadlines.reply} today={today} calendar={calendar} />,
    },
    { title: "承办人", dataIndex: "handler", render: (h: string | null) => h ?? "—" },
  ];
  if (hasRole("supervisor") || user?.isSystemAdmin) {
    columns.splice(1, 0, { title: "机关", dataIndex: "agencyName" });
  }

  const showAgencyFilter = agencies.length > 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        工作台
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Button
              type="text"
              block
              style={{ height: "auto", padding: 0, textAlign: "left" }}
              aria-label="只看已逾期的申请"
              onClick={() => update({ dueBefore: today, state: undefined })}
            >
              <Statistic
                title="已逾期"
                value={counts?.overdue ?? "…"}
                suffix="件"
                styles={{ content: { color: "#cf1322" } }}
              />
            </Button>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Button
              type="text"
              block
              style={{ height: "auto", padding: 0, textAlign: "left" }}
              aria-label={`只看${DUE_SOON_WORKDAYS}个工作日内到期的申请`}
              onClick={() => soonBefore && update({ dueBefore: soonBefore, state: undefined })}
            >
              <Statistic
                title={`${DUE_SOON_WORKDAYS}个工作日内到期`}
                value={counts?.soon ?? "…"}
                suffix="件"
                styles={{ content: { color: "#d46b08" } }}
              />
            </Button>
          </Card>
        </Col>
      </Row>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={applyFilters} aria-label="筛选申请" className="filters">
          <Form.Item label="范围" name="mine">
            <Select
              style={{ width: 120 }}
              options={[
                { value: "agency", label: hasRole("supervisor") ? "全部" : "本机关" },
                { value: "mine", label: "我承办的" },
              ]}
            />
          </Form.Item>
          {showAgencyFilter && (
            <Form.Item label="机关" name="agency">
              <Select
                allowClear
                style={{ width: 200 }}
                placeholder="全部机关"
                options={agencies.map((a) => ({ value: a.code, label: a.name }))}
              />
            </Form.Item>
          )}
          <Form.Item label="状态" name="state">
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder="全部"
              options={meta.states.map((s) => ({ value: s.id, label: s.label }))}
            />
          </Form.Item>
          <Form.Item label="申请人类型" name="applicantType">
            <Select
              allowClear
              style={{ width: 140 }}
              placeholder="全部"
              options={meta.applicantTypes.map((s) => ({ value: s.id, label: s.label }))}
            />
          </Form.Item>
          <Form.Item label="申请方式" name="channel">
            <Select
              allowClear
              style={{ width: 200 }}
              placeholder="全部"
              options={meta.channels.map((s) => ({ value: s.id, label: s.label }))}
            />
          </Form.Item>
          <Form.Item label="收到日期" name="received">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item label="关键词" name="q">
            <Input allowClear placeholder="编号、申请人或申请内容" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
        {query.dueBefore && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            title={`只显示答复期限早于 ${query.dueBefore} 的未办结申请`}
            action={
              <Button size="small" onClick={() => update({ dueBefore: undefined })}>
                取消
              </Button>
            }
          />
        )}
      </Card>
      {error && <Alert type="error" title={error} showIcon role="alert" />}
      <Table<Application>
        rowKey="id"
        className="worklist"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        size="middle"
        pagination={{
          current: query.page ?? 1,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 件`,
          onChange: (page) => update({ page: String(page) }),
        }}
        locale={{ emptyText: "没有符合条件的申请" }}
      />
    </Space>
  );
}
