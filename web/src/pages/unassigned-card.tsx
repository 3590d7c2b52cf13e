import { Alert, Card, Table } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { listApplications } from "../api/endpoints.ts";
import type { Application, ApplicationPage } from "../api/types.ts";

const PAGE_SIZE = 10;

/**
 * 尚未分办 (issue 11): the agency's open cases nobody handles yet (`assigned=false`), soonest reply
 * deadline first, for the approver to 分办 from the case page.
 */
export function UnassignedCard() {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<ApplicationPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    listApplications({ assigned: false, page, pageSize: PAGE_SIZE }, abort.signal)
      .then(setData)
      .catch((e: Error) => {
        if (!abort.signal.aborted) setError(e.message);
      });
    return () => abort.abort();
  }, [page]);
  return (
    <Card size="small" title={`尚未分办${data ? `（${data.total} 件）` : ""}`} className="unassigned">
      {error && <Alert type="error" title={error} showIcon />}
      <Table<Application>
        rowKey="id"
        size="small"
        loading={!data && !error}
        dataSource={data?.items ?? []}
        scroll={{ x: "max-content" }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage }}
        locale={{ emptyText: "没有尚未分办的申请" }}
        columns={[
          {
            title: "编号",
            dataIndex: "trackingNo",
            render: (no: string, a) => <Link to={`/applications/${a.id}`}>{no}</Link>,
          },
          { title: "收到申请之日", dataIndex: "receivedOn" },
          { title: "状态", dataIndex: "stateLabel" },
          { title: "答复期限", render: (_, a) => a.deadlines.reply.dueOn },
          { title: "申请内容", dataIndex: "description", ellipsis: true },
        ]}
      />
    </Card>
  );
}
