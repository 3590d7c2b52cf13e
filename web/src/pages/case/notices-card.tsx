import { Alert, Card, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { type CaseNotice, listCaseNotices, type NoticeChannel } from "../../api/notices.ts";
import { formatInstant } from "../../lib/dates.ts";

const KIND_LABELS: Record<CaseNotice["kind"], string> = {
  receipt: "登记回执",
  supplement: "补正告知",
  extension: "延期答复",
  fee: "收费通知",
  reply: "答复",
  re_reply: "重新答复",
  withdrawal: "撤回确认",
};

const REASON_LABELS: Record<string, string> = {
  backdated: "补录的过去事件，未通知",
  imported: "台账导入，未通知",
  demo: "示范数据，未通知",
  superseded: "事件已被取代，已取消",
};

function channelText(c: NoticeChannel, none: string) {
  switch (c.status) {
    case "sent":
      return <Tag color="green">{c.sentAt ? `已发送 ${formatInstant(c.sentAt)}` : "已发送"}</Tag>;
    case "failed":
      return <Tag color="red">{`发送失败（${c.error ?? "错误"}，${c.attempts} 次）`}</Tag>;
    case "pending":
      return <Tag>{c.attempts > 0 ? `待重试（已试 ${c.attempts} 次，${c.error ?? ""}）` : "待发送"}</Tag>;
    case "none":
      return <Typography.Text type="secondary">{none}</Typography.Text>;
    case "cancelled":
      return <Typography.Text type="secondary">已取消</Typography.Text>;
  }
}

function statusText(n: CaseNotice) {
  if (n.status === "skipped" || n.status === "cancelled") return REASON_LABELS[n.reason ?? ""] ?? "未通知";
  if (n.status === "pending" && n.mail.status === "pending" && n.mail.attempts === 0 && n.sms.attempts === 0)
    return n.kind === "reply" || n.kind === "re_reply" ? "等待出具答复书后发送" : "待发送";
  return n.letterSerial ? `随附 ${n.letterSerial}` : "";
}

/** 给申请人的通知 on the case page: each notice, its mail and SMS, what failed. */
export function NoticesCard({ applicationId }: { applicationId: string }) {
  const [items, setItems] = useState<CaseNotice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    listCaseNotices(applicationId, abort.signal)
      .then((r) => setItems(r.items))
      .catch((e: Error) => {
        if (e.name !== "AbortError") setError(e.message);
      });
    return () => abort.abort();
  }, [applicationId]);
  return (
    <Card title="给申请人的通知" size="small">
      {error && <Alert type="error" title={error} showIcon />}
      {items === null && !error && <Typography.Text type="secondary">正在读取……</Typography.Text>}
      {items?.length === 0 && <Typography.Text type="secondary">尚无通知</Typography.Text>}
      {items?.map((n, i) => (
        <section
          key={n.id}
          className="notice-item"
          aria-label={`${KIND_LABELS[n.kind]} ${n.on}`}
          style={{
            paddingTop: i === 0 ? 0 : 8,
            marginTop: i === 0 ? 0 : 8,
            borderTop: i === 0 ? undefined : "1px solid #f0f0f0",
          }}
        >
          <Typography.Text strong>{KIND_LABELS[n.kind]}</Typography.Text>
          <Typography.Text type="secondary"> {n.on}</Typography.Text>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 4, marginTop: 4, alignItems: "center" }}>
            <span>邮件</span>
            {channelText(n.mail, "无邮箱")}
            <span>短信</span>
            {channelText(n.sms, "无手机号或未配置短信网关")}
          </div>
          {statusText(n) && <Typography.Text type="secondary">{statusText(n)}</Typography.Text>}
          {n.text && (
            <Typography.Paragraph
              ellipsis={{ rows: 2, expandable: true, symbol: "展开" }}
              style={{ margin: "4px 0 0" }}
            >
              {n.text}
            </Typography.Paragraph>
          )}
        </section>
      ))}
    </Card>
  );
}
