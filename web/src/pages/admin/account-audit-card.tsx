import { Alert, Card, Table } from "antd";
import { useEffect, useState } from "react";
import { type AccountAuditLine, listAccountAudit } from "../../api/accounts.ts";
import { formatInstant } from "../../lib/dates.ts";
import { useMeta } from "../../session/meta.tsx";

const PAGE_SIZE = 20;

/** The account audit's details in words (never a password: the server keeps none). */
function useDescribe(): (line: AccountAuditLine) => string {
  const meta = useMeta();
  const roles = (v: unknown) =>
    Array.isArray(v) ? v.map((r) => meta.label("roles", String(r))).join("、") || "无" : "—";
  const text = (v: unknown) => (v === null || v === undefined || v === "" ? "（空）" : String(v));
  return (line) => {
    const d = line.details;
    const parts: string[] = [];
    const changed = d.changed as Record<string, { from: unknown; to: unknown }> | undefined;
    if (changed?.displayName)
      parts.push(`姓名：${text(changed.displayName.from)} → ${text(changed.displayName.to)}`);
    if (changed?.email) parts.push(`电子邮箱：${text(changed.email.from)} → ${text(changed.email.to)}`);
    if (changed?.roles) parts.push(`角色：${roles(changed.roles.from)} → ${roles(changed.roles.to)}`);
    if (line.action === "user.created") parts.push(`机关 ${text(d.agencyCode)}，角色：${roles(d.roles)}`);
    if (line.action === "password.reset") parts.push(d.generated ? "系统生成临时密码" : "管理员设定临时密码");
    if (typeof d.reason === "string") parts.push(`原因：${d.reason}`);
    if (typeof d.sessionsEnded === "number") parts.push(`结束会话 ${d.sessionsEnded} 个`);
    return parts.join("；") || "—";
  };
}

/** 账号操作记录: who did what to which account, newest first (GET /api/v1/account-audit). */
export function AccountAuditCard(props: { agency: string | undefined; version: number }) {
  const describe = useDescribe();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: AccountAuditLine[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new version (a change above) reloads
  useEffect(() => {
    const query = { page, pageSize: PAGE_SIZE, ...(props.agency ? { agency: props.agency } : {}) };
    listAccountAudit(query)
      .then((r) => {
        setData(r);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [props.agency, props.version, page]);
  return (
    <Card title="账号操作记录" size="small" className="account-audit">
      {error && <Alert type="error" showIcon title={error} />}
      <Table<AccountAuditLine>
        rowKey="id"
        size="small"
        loading={data === null && !error}
        dataSource={data?.items ?? []}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: "时间", dataIndex: "at", render: (at: string) => formatInstant(at), width: 150 },
          {
            title: "操作人",
            render: (_, l) => (l.actor ? `${l.actor.displayName}（${l.actor.username}）` : "系统"),
          },
          { title: "用户", render: (_, l) => `${l.target.displayName}（${l.target.username}）` },
          { title: "操作", dataIndex: "actionLabel" },
          { title: "说明", render: (_, l) => describe(l) },
        ]}
      />
    </Card>
  );
}
