import { Alert, Card, Col, Row, Select, Space, Spin, Statistic, Table, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { type AgencyStats, type DashboardStats, fetchDashboardStats } from "../api/dashboard-stats.ts";
import { reportOverview } from "../api/endpoints.ts";
import type { ReportStatusLine } from "../api/types.ts";
import { EChart, type EChartOption } from "../components/echart.tsx";
import { YearSelect } from "../components/year-select.tsx";
import { todayInChina } from "../lib/dates.ts";
import { useAgencies } from "../lib/use-agencies.ts";
import { useTitle } from "../lib/use-title.ts";
import { type MetaIndex, useMeta } from "../session/meta.tsx";
import { useSession } from "../session/session.tsx";
import { closedOnOf } from "./report/report-versions-card.tsx";

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function outcomeSeries(stats: DashboardStats, meta: MetaIndex) {
  const byGroup = new Map<string, number>();
  for (const [id, n] of Object.entries(stats.outcomes)) {
    const group = meta.outcome(id)?.group ?? id;
    byGroup.set(group, (byGroup.get(group) ?? 0) + n);
  }
  return meta.outcomeGroups
    .filter((g) => byGroup.has(g.id))
    .map((g) => ({ name: g.label.replace(/（区分处理.*）/, ""), value: byGroup.get(g.id) ?? 0 }));
}

function Charts({ stats, meta }: { stats: DashboardStats; meta: MetaIndex }) {
  const perMonth = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 40, right: 16, top: 24, bottom: 28 },
      xAxis: { type: "category", data: MONTHS },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        { type: "bar", name: "收到申请", data: stats.receivedPerMonth, itemStyle: { color: "#b71c1c" } },
      ],
    }),
    [stats],
  );
  const outcomes = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: "item", formatter: "{b}：{c} 件（{d}%）" },
      // The names in the legend, the counts inside the ring: no label outside the box to be cut.
      legend: { bottom: 0, left: "center", type: "scroll" },
      series: [
        {
          type: "pie",
          radius: ["38%", "70%"],
          center: ["50%", "42%"],
          avoidLabelOverlap: true,
          data: outcomeSeries(stats, meta),
          label: { position: "inside", formatter: "{c}", color: "#fff", fontWeight: "bold" },
          labelLine: { show: false },
        },
      ],
    }),
    [stats, meta],
  );
  const overdue = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: "axis" },
      grid: { left: 110, right: 16, top: 16, bottom: 28 },
      xAxis: { type: "value", minInterval: 1 },
      yAxis: { type: "category", data: stats.overdueByHandler.map((h) => h.handler) },
      series: [
        {
          type: "bar",
          name: "逾期件数",
          data: stats.overdueByHandler.map((h) => h.count),
          itemStyle: { color: "#cf1322" },
        },
      ],
    }),
    [stats],
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small" title={`${stats.year}年每月收到申请`}>
          <EChart
            option={perMonth}
            label={`${stats.year}年每月收到申请数：${stats.receivedPerMonth.join("、")}`}
          />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="办理结果">
          <EChart option={outcomes} label="办理结果分布" />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="当前逾期未答复（按承办人）">
          {stats.overdueByHandler.length === 0 ? (
            <Typography.Text type="secondary">当前没有逾期未答复的申请。</Typography.Text>
          ) : (
            <EChart option={overdue} label="按承办人统计的逾期件数" style={{ height: 240 }} />
          )}
        </Card>
      </Col>
    </Row>
  );
}

const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);

/**
 * The supervisor's overview: each agency of the subtree with its open and overdue cases, its
 * on-time rate (open cases past their deadline count as late) and its annual report's status.
 */
function SupervisorOverview(props: { stats: DashboardStats; reportYear: number }) {
  const { stats, reportYear } = props;
  const [lines, setLines] = useState<ReportStatusLine[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!stats.agencyCode) return;
    setLines(null);
    setProblem(null);
    reportOverview(stats.agencyCode, reportYear)
      .then((o) => setLines(o.agencies))
      .catch((e: Error) => setProblem(e.message));
  }, [stats.agencyCode, reportYear]);
  const statusOf = (code: string) => lines?.find((l) => l.agencyCode === code);
  return (
    <Card size="small" title="各机关概况" className="supervisor-overview">
      {problem && (
        <Alert type="warning" title={`无法读取年度报告状态：${problem}`} style={{ marginBottom: 8 }} />
      )}
      <Table<AgencyStats>
        size="small"
        rowKey="agencyCode"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={stats.agencies}
        columns={[
          { title: "机关", dataIndex: "agencyName", fixed: "left" },
          { title: "办理中", dataIndex: "open", align: "right" },
          {
            title: "逾期未答复",
            dataIndex: "overdue",
            align: "right",
            render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          {
            title: `${stats.year}年按期答复率`,
            align: "right",
            render: (_, a) => (
              <span title={`按期 ${a.onTime} 件；已答复 ${a.decided} 件，逾期未答复 ${a.lateOpen} 件`}>
                {percent(a.onTimeRate)}
              </span>
            ),
          },
          {
            title: `${reportYear}年度报告`,
            render: (_, a) => {
              const l = statusOf(a.agencyCode);
              if (!l) return lines === null && !problem ? <Spin size="small" /> : "—";
              return (
                <Space size={4}>
                  {l.status === "closed" ? (
                    <Tag color="green">已定稿（第 {l.version} 版）</Tag>
                  ) : (
                    <Tag>草稿</Tag>
                  )}
                  {l.isLate ? (
                    <Tag color="red">逾期</Tag>
                  ) : (
                    l.status === "closed" && <Tag color="green">按期</Tag>
                  )}
                </Space>
              );
            },
          },
          {
            title: "定稿日期",
            render: (_, a) => {
              const l = statusOf(a.agencyCode);
              return l?.closedAt ? closedOnOf(l.closedAt) : l ? `期限 ${l.dueOn}` : "—";
            },
          },
        ]}
      />
    </Card>
  );
}

export default function DashboardPage() {
  useTitle("统计");
  const meta = useMeta();
  const { user } = useSession();
  const agencies = useAgencies();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [agency, setAgency] = useState<string | undefined>(
    user?.can.viewSubtree ? undefined : (user?.agencyCode ?? undefined),
  );
  const [stats, setStats] = useState<DashboardStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    setStats(null);
    setError(null);
    fetchDashboardStats({ ...(agency ? { agency } : {}), year, signal: controller.signal })
      .then((s) => !controller.signal.aborted && setStats(s))
      .catch((e: Error) => !controller.signal.aborted && setError(e.message));
    return () => controller.abort();
  }, [agency, year]);

  const rate = stats?.onTimeRate == null ? null : Math.round(stats.onTimeRate * 1000) / 10;
  // The annual report the overview shows: the selected year once it is over, else the last one.
  const reportYear = year < thisYear ? year : thisYear - 1;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        统计
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          {agencies.length > 1 && (
            <span>
              范围{" "}
              <Select
                aria-label="范围"
                style={{ width: 240 }}
                value={agency ?? ""}
                onChange={(v) => setAgency(v || undefined)}
                options={[
                  { value: "", label: "本机关及全部下级机关" },
                  ...agencies.map((a) => ({ value: a.code, label: a.name })),
                ]}
              />
            </span>
          )}
          <YearSelect value={year} onChange={setYear} />
          <Typography.Text type="secondary">
            收到申请按收到之日、办理结果与答复按办结之日统计该年度；逾期件数为当前情况。
          </Typography.Text>
        </Space>
      </Card>
      {error && <Alert type="error" title={error} showIcon />}
      {!stats && !error && (
        <Card size="small">
          <Spin size="small" /> <Typography.Text type="secondary">正在统计……</Typography.Text>
        </Card>
      )}
      {stats && (
        <>
          {stats.agencies.length > 0 && <SupervisorOverview stats={stats} reportYear={reportYear} />}
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="收到申请" value={stats.total} suffix="件" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="已作出答复" value={stats.decisions} suffix="件" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="按期答复率" value={rate ?? "—"} suffix={rate === null ? "" : "%"} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  按期 {stats.onTime} 件 / 已答复 {stats.decisions} 件
                  {stats.lateOpen > 0 ? ` + 逾期未答复 ${stats.lateOpen} 件` : ""}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="平均答复用时"
                  value={
                    stats.averageWorkdaysToReply === null ? "—" : stats.averageWorkdaysToReply.toFixed(1)
                  }
                  suffix={stats.averageWorkdaysToReply === null ? "" : "个工作日"}
                />
              </Card>
            </Col>
          </Row>
          <Charts stats={stats} meta={meta} />
        </>
      )}
    </Space>
  );
}
