import { Alert, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { listApplications } from "../api/endpoints.ts";
import type { Application } from "../api/types.ts";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { DeadlineTag } from "../components/deadline-tag.tsx";
import { todayInChina } from "../lib/dates.ts";
import { useTitle } from "../lib/use-title.ts";
import { useMeta } from "../session/meta.tsx";

const PAGE = 100;
/** Enough for any one agency's open cases; past it the list says it is cut. */
const MAX_PAGES = 20;

/** Waits for an approver: in progress, no open consultation or fee, and 答复 or 延期 allowed. */
export function awaitsApprover(a: Application): boolean {
  return (
    a.state === "in_progress" &&
    !a.flags.consulting &&
    !a.flags.awaitingFee &&
    (a.allowedActions.includes("decide") || a.allowedActions.includes("extend"))
  );
}

/**
 * The list API has no "waiting for approval" filter: read the in-progress pages (soonest
 * deadline first, 100 a page) and keep those the approver can act on.
 */
async function fetchAwaitingApproval(): Promise<{ items: Application[]; truncated: boolean }> {
  const items: Application[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const p = await listApplications({ state: "in_progress", page, pageSize: PAGE });
    items.push(...p.items.filter(awaitsApprover));
    if (page * PAGE >= p.total) return { items, truncated: false };
  }
  return { items, truncated: true };
}

export default function ApprovalsPage() {
  useTitle("审批");
  const meta = useMeta();
  const calendar = useWorkingCalendar();
  const today = todayInChina();
  const [data, setData] = useState<{ items: Application[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchAwaitingApproval()
      .then(setData)
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        待审批
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        办理中、没有未结束的征求意见或待缴费、可以作出答复或批准延期的申请，按答复期限先后排列。
      </Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon />}
      {data?.truncated && <Alert type="warning" title={`只显示了前 ${MAX_PAGES * PAGE} 件办理中的申请`} />}
      <Table<Application>
        rowKey="id"
        className="approvals"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
        locale={{ emptyText: "没有等待审批的申请" }}
        columns={[
          {
            title: "编号",
            dataIndex: "trackingNo",
            render: (no: string, a) => <Link to={`/applications/${a.id}`}>{no}</Link>,
          },
          { title: "申请人", render: (_, a) => a.applicant.name },
          { title: "收到日期", dataIndex: "receivedOn" },
          { title: "状态", dataIndex: "stateLabel" },
          {
            title: "答复期限",
            render: (_, a) => <DeadlineTag clock={a.deadlines.reply} today={today} calendar={calendar} />,
          },
          { title: "承办人", dataIndex: "handler", render: (h: string | null) => h ?? "—" },
          {
            title: "可审批",
            render: (_, a) =>
              ["extend", "decide"]
                .filter((t) => a.allowedActions.includes(t))
                .map((t) => meta.actionLabel(t))
                .join("、"),
          },
        ]}
      />
    </Space>
  );
}
