import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableProps,
  Tabs,
  Tag,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { listApplications } from "../api/endpoints.ts";
import type { ApiState, ApplicantType, Application, Channel, ListQuery } from "../api/types.ts";
import {
  type ClockCounter,
  fetchWorklistCounters,
  WORKLIST_VIEW_LABELS,
  type WorklistCounters,
  type WorklistSort,
  type WorklistView,
} from "../api/worklist.ts";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { DeadlineTag } from "../components/deadline-tag.tsx";
import { DeferredRangePicker } from "../components/deferred-range-picker.tsx";
import { fromPicker, todayInChina, toPicker } from "../lib/dates.ts";
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
  "dueBefore",
] as const;
const VIEWS: WorklistView[] = ["todo", "mine", "done", "all"];
const SORTS = new Set<string>([
  "urgency",
  "due",
  "receivedOn",
  "trackingNo",
  "applicant",
  "applicantType",
  "channel",
  "state",
  "handler",
  "agency",
]);

function queryOf(params: URLSearchParams, defaultView: WorklistView): ListQuery {
  const view = params.get("view");
  const q: ListQuery = {
    page: Number(params.get("page") ?? "1") || 1,
    pageSize: PAGE_SIZE,
    view: VIEWS.includes(view as WorklistView) ? (view as WorklistView) : defaultView,
  };
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
  const due = get("dueBefore");
  if (due) q.dueBefore = due;
  const sort = params.get("sort");
  if (sort && SORTS.has(sort)) {
    q.sort = sort as WorklistSort;
    q.order = params.get("order") === "desc" ? "desc" : "asc";
  }
  return q;
}

/** The counters of the tab: per clock kind, overdue, due today, due within 5 WD; the approval queue. */
function useCounters(agency: string | undefined, view: WorklistView | undefined) {
  const [counters, setCounters] = useState<WorklistCounters | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchWorklistCounters({ ...(agency ? { agency } : {}), ...(view ? { view } : {}) }, controller.signal)
      .then(setCounters)
      .catch(() => undefined); // the list below shows the error of the same scope
    return () => controller.abort();
  }, [agency, view]);
  return counters;
}

function ClockCounters({ counters }: { counters: WorklistCounters | null }) {
  if (!counters) return <Typography.Text type="secondary">正在统计期限……</Typography.Text>;
  const rows = counters.clocks.filter((c) => c.overdue + c.dueToday + c.dueSoon > 0);
  if (rows.length === 0)
    return <Typography.Text type="secondary">本标签下没有逾期、今天到期或即将到期的期限。</Typography.Text>;
  return (
    <Table<ClockCounter>
      className="clock-counters"
      rowKey="kind"
      size="small"
      pagination={false}
      scroll={{ x: "max-content" }}
      dataSource={rows}
      columns={[
        { title: "期限", dataIndex: "label" },
        {
          title: "已逾期",
          dataIndex: "overdue",
          render: (n: number) => <span className={n > 0 ? "count-overdue" : undefined}>{n}</span>,
        },
        { title: "今天到期", dataIndex: "dueToday" },
        { title: `${counters.soonWorkdays}个工作日内到期`, dataIndex: "dueSoon" },
      ]}
    />
  );
}

export function WorklistPage() {
  useTitle("工作台");
  const meta = useMeta();
  const { user, hasRole } = useSession();
  const agencies = useAgencies();
  const calendar = useWorkingCalendar({ lazyProvisional: true });
  const [params, setParams] = useSearchParams();
  // a handler, an approver or a clerk opens on 待办; the others (admins, supervisors) on 全部
  const defaultView: WorklistView = hasRole("handler", "approver", "intake") ? "todo" : "all";
  const query = useMemo(() => queryOf(params, defaultView), [params, defaultView]);
  const [data, setData] = useState<{ items: Application[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [form] = Form.useForm();
  const today = todayInChina();
  const counters = useCounters(query.agency, query.view);

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
      dueBefore: undefined,
    });
  };

  // every column sorts the whole list on the server (sort=<key>&order=); 证件号码 is masked, so it does not
  const sorted = (key: WorklistSort) => ({
    key,
    sorter: true,
    sortOrder:
      query.sort === key ? (query.order === "desc" ? ("descend" as const) : ("ascend" as const)) : null,
  });
  const columns: ColumnsType<Application> = [
    {
      title: "编号",
      ...sorted("trackingNo"),
      render: (_, a) => <Link to={`/applications/${a.id}`}>{a.trackingNo}</Link>,
    },
    { title: "申请人", ...sorted("applicant"), render: (_, a) => a.applicant.name },
    // masked by the server (src/domain/personal-data.ts): a list never shows the full number
    { title: "证件号码", className: "masked-id", render: (_, a) => a.applicant.idNumber ?? "—" },
    {
      title: "申请人类型",
      ...sorted("applicantType"),
      render: (_, a) => meta.label("applicantTypes", a.applicant.type),
    },
    {
      title: "申请方式",
      ...sorted("channel"),
      render: (_, a) => meta.label("channels", a.channel).replace(/（.*）/, ""),
    },
    { title: "收到日期", ...sorted("receivedOn"), render: (_, a) => a.receivedOn },
    { title: "状态", ...sorted("state"), render: (_, a) => a.stateLabel },
    {
      title: "最近期限",
      ...sorted("urgency"),
      render: (_, a) =>
        a.nextDue ? (
          <Space size={4} wrap className="next-due" data-clock={a.nextDue.kind}>
            <span>{a.nextDue.dueOn}</span>
            <Tag color={a.nextDue.dueOn < today ? "red" : a.nextDue.dueOn === today ? "orange" : "default"}>
              {a.nextDue.label}
            </Tag>
          </Space>
        ) : (
          "—"
        ),
    },
    {
      title: "答复期限",
      ...sorted("due"),
      render: (_, a) => <DeadlineTag clock={a.deadlines.reply} today={today} calendar={calendar} />,
    },
    { title: "承办人", ...sorted("handler"), render: (_, a) => a.handler ?? "—" },
  ];
  if (hasRole("supervisor") || user?.isSystemAdmin) {
    columns.splice(1, 0, { title: "机关", ...sorted("agency"), render: (_, a) => a.agencyName });
  }

  const onTableChange: TableProps<Application>["onChange"] = (pagination, _filters, sorter, extra) => {
    if (extra.action === "paginate") {
      update({ page: String(pagination.current ?? 1) });
      return;
    }
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.order ? String(s.columnKey ?? "") : "";
    update({
      sort: key || undefined,
      order: key ? (s?.order === "descend" ? "desc" : "asc") : undefined,
    });
  };

  const showAgencyFilter = agencies.length > 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        工作台
      </Typography.Title>
      <Tabs
        className="worklist-tabs"
        activeKey={query.view}
        onChange={(key) => update({ view: key, sort: undefined, order: undefined })}
        items={VIEWS.map((v) => ({ key: v, label: WORKLIST_VIEW_LABELS[v] }))}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={hasRole("approver") ? 18 : 24}>
          <Card size="small" title="期限提醒（按期限种类）">
            <ClockCounters counters={counters} />
          </Card>
        </Col>
        {hasRole("approver") && (
          <Col xs={24} lg={6}>
            <Card size="small">
              {/* not a link: the menu's 审批 (with its badge) is the one way to the queue */}
              <Statistic
                title="待审批"
                value={counters?.awaitingApproval ?? "…"}
                suffix="件"
                className="approval-count"
              />
            </Card>
          </Col>
        )}
      </Row>
      <Card size="small">
        <Form form={form} layout="inline" onFinish={applyFilters} aria-label="筛选申请" className="filters">
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
            <DeferredRangePicker allowEmpty={[true, true]} />
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
        scroll={{ x: "max-content" }}
        onChange={onTableChange}
        pagination={{
          current: query.page ?? 1,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 件`,
        }}
        locale={{ emptyText: "没有符合条件的申请" }}
      />
    </Space>
  );
}
