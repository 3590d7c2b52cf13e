import { civilDateInChina } from "@domain/civil-date.ts";
import { Alert, App, Button, Card, Input, Modal, Space, Table, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import {
  amendReport,
  type ReportVersionSummary,
  reportVersionFileUrl,
  reportVersions,
} from "../../api/endpoints.ts";

/** “2026-03-17T02:00:00.000Z” → the civil date in China (UTC+8). */
export function closedOnOf(closedAt: string): string {
  return civilDateInChina(new Date(closedAt));
}

/**
 * 定稿版本 of a closed year (GET …/versions): each with its 定稿日期, the amendment's reason and
 * changes, and its Word and Excel files; the agency admin amends the year with a reason
 * (POST …/amend), which stores a new version when something changed since the latest.
 */
export function ReportVersionsCard(props: {
  agency: string;
  year: number;
  canAmend: boolean;
  onAmended: () => void;
}) {
  const { message } = App.useApp();
  const [items, setItems] = useState<ReportVersionSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isAmending, setAmending] = useState(false);
  const [reason, setReason] = useState("");
  const [isSaving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    reportVersions(props.agency, props.year)
      .then((p) => setItems(p.items))
      .catch((e: Error) => setError(e.message));
  }, [props.agency, props.year]);
  useEffect(load, [load]);

  const amend = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const r = await amendReport(props.agency, props.year, reason);
      setAmending(false);
      setReason("");
      void message.success(
        r.created
          ? `已生成第 ${r.version} 版（${r.changes.length} 处变化）`
          : "与最新版本相比没有变化，未生成新版本",
      );
      load();
      props.onAmended();
    } catch (e) {
      setProblem((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      size="small"
      title="定稿版本"
      className="report-versions"
      extra={
        props.canAmend && (
          <Button onClick={() => setAmending(true)} aria-label="修订本年度报告">
            修订
          </Button>
        )
      }
    >
      {error ? (
        <Alert type="warning" title={`无法读取定稿版本：${error}`} />
      ) : (
        <Table<ReportVersionSummary>
          size="small"
          rowKey="version"
          pagination={false}
          loading={items === null}
          dataSource={items ?? []}
          scroll={{ x: "max-content" }}
          columns={[
            { title: "版本", dataIndex: "version", render: (v: number) => `第 ${v} 版` },
            { title: "定稿日期", dataIndex: "closedAt", render: (v: string) => closedOnOf(v) },
            {
              title: "修订原因",
              dataIndex: "reason",
              render: (v: string | null) =>
                v ?? <Typography.Text type="secondary">（首次定稿）</Typography.Text>,
            },
            {
              title: "与上一版的差异",
              render: (_, v) =>
                v.version === 1 ? (
                  "—"
                ) : (
                  <ul className="plain-list">
                    {v.changes.slice(0, 5).map((c) => (
                      <li key={`${c.table}-${c.row}-${c.column}`}>
                        表{c.table} {c.row} {c.column}：{String(c.from)} → {String(c.to)}
                      </li>
                    ))}
                    {v.changes.length > 5 && <li>……共 {v.changes.length} 处</li>}
                  </ul>
                ),
            },
            {
              title: "下载",
              render: (_, v) => (
                <Space>
                  <a href={reportVersionFileUrl(props.agency, props.year, v.version, "docx")} download>
                    第{v.version}版 Word
                  </a>
                  <a href={reportVersionFileUrl(props.agency, props.year, v.version, "xlsx")} download>
                    Excel
                  </a>
                </Space>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={isAmending}
        title={`修订${props.year}年度报告`}
        okText="生成新版本"
        cancelText="取消"
        okButtonProps={{ disabled: reason.trim() === "", loading: isSaving }}
        onOk={() => void amend()}
        onCancel={() => setAmending(false)}
        className="amend-modal"
      >
        <Typography.Paragraph>
          按当前数据生成新的定稿版本，并列出与上一版的差异；之前的版本保留不变，仍可下载。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="修订原因"
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="如：更正表二（八）行政事业性收费金额"
        />
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      </Modal>
    </Card>
  );
}
