import { Alert, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { listApplications } from "../api/endpoints.ts";
import type { Application, ApplicationPage, Proposal } from "../api/types.ts";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { DeadlineTag } from "../components/deadline-tag.tsx";
import { todayInChina } from "../lib/dates.ts";
import { useTitle } from "../lib/use-title.ts";
import { type MetaIndex, useMeta } from "../session/meta.tsx";
import { UnassignedCard } from "./unassigned-card.tsx";

const PAGE_SIZE = 20;

const KIND_LABELS: Record<Proposal["kind"], string> = { decision: "答复", extension: "延期" };

/** One line for the proposal: the outcome proposed, or the days and the reason of the extension. */
function proposalSummary(p: Proposal, meta: MetaIndex): string {
  if (p.kind === "decision") return `拟${meta.outcome(p.outcome)?.shortLabel ?? p.outcome ?? ""}`;
  return `拟延长 ${p.workdays ?? ""} 个工作日：${p.reason ?? ""}`;
}

/** The 审批 queue: cases with a handler's proposal waiting for the approver (`awaiting=approval`). */
export default function ApprovalsPage() {
  useTitle("审批");
  const meta = useMeta();
  const calendar = useWorkingCalendar();
  const today = todayInChina();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ApplicationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    listApplications({ awaiting: "approval", page, pageSize: PAGE_SIZE }, abort.signal)
      .then(setData)
      .catch((e: Error) => {
        if (!abort.signal.aborted) setError(e.message);
      });
    return () => abort.abort();
  }, [page]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        待审批
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        承办人提交审批的答复和延期申请，按答复期限先后排列。
      </Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon />}
      <Table<Application>
        rowKey="id"
        className="approvals"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 件`,
        }}
        locale={{ emptyText: "没有等待审批的申请" }}
        columns={[
          {
            title: "编号",
            dataIndex: "trackingNo",
            render: (no: string, a) => <Link to={`/applications/${a.id}`}>{no}</Link>,
          },
          { title: "申请人", render: (_, a) => a.applicant.name },
          {
            title: "审批事项",
            render: (_, a) =>
              a.proposal && (
                <Tag color={a.proposal.kind === "decision" ? "green" : "blue"}>
                  {KIND_LABELS[a.proposal.kind]}
                </Tag>
              ),
          },
          {
            title: "内容",
            render: (_, a) => (a.proposal ? proposalSummary(a.proposal, meta) : "—"),
          },
          { title: "提交日期", render: (_, a) => a.proposal?.on ?? "—" },
          { title: "状态", dataIndex: "stateLabel" },
          {
            title: "答复期限",
            render: (_, a) => <DeadlineTag clock={a.deadlines.reply} today={today} calendar={calendar} />,
          },
          { title: "承办人", dataIndex: "handler", render: (h: string | null) => h ?? "—" },
        ]}
      />
      <UnassignedCard />
    </Space>
  );
}
