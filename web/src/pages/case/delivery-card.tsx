import { App, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ApiError } from "../../api/client.ts";
import { downloadFile } from "../../api/download-file.ts";
import { deliveryReceiptUrl } from "../../api/endpoints.ts";
import type { Application } from "../../api/types.ts";
import { useMeta } from "../../session/meta.tsx";
import { deliveryLabel, documentTitle } from "./delivery-text.ts";
import type { ServedDocument } from "./served-documents.ts";

function ReceivedCell({ d }: { d: ServedDocument }) {
  if (d.isAwaitingReceipt) {
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="orange">待登记</Tag>
        {d.reminder && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            请于 {d.reminder.dueOn} 前登记
          </Typography.Text>
        )}
      </Space>
    );
  }
  if (!d.receivedOn) return <>—</>;
  return (
    <>
      <span className="nowrap">{d.receivedOn}</span>
      {d.isReceivedOnSending && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {" "}
          （发出当日送达）
        </Typography.Text>
      )}
    </>
  );
}

/**
 * 送达: every document the case sent (supplement notice, consultation letters, fee notice,
 * reply), when and how it went out and when the addressee received it. A posted document whose
 * signature date is missing shows 待登记 with the reminder's date and, for intake and handler
 * staff, 登记送达; every document has its 送达回证 to print.
 */
export function DeliveryCard(props: {
  app: Application;
  documents: ServedDocument[];
  canRecord: boolean;
  onRecord: (key: string) => void;
}) {
  const { app, documents, canRecord } = props;
  const meta = useMeta();
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState<string | null>(null);

  const printReceipt = async (d: ServedDocument) => {
    setDownloading(d.key);
    try {
      await downloadFile(
        deliveryReceiptUrl(app.id, d.document, d.consultationId),
        `送达回证（${documentTitle(d, meta)}）.docx`,
      );
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <Card title="送达" size="small" className="delivery-card">
      <Table<ServedDocument>
        size="small"
        rowKey="key"
        pagination={false}
        aria-label="文书送达情况"
        dataSource={documents}
        locale={{ emptyText: "尚未发出需送达的文书（补正告知书、征求意见书、收费通知书、答复书）" }}
        columns={[
          { title: "文书", key: "title", render: (_, d) => documentTitle(d, meta) },
          { title: "发出日期", dataIndex: "sentOn", key: "sentOn", className: "nowrap" },
          { title: "送达方式", key: "sentBy", render: (_, d) => deliveryLabel(d.sentBy, meta) },
          { title: "签收日期", key: "receivedOn", render: (_, d) => <ReceivedCell d={d} /> },
          {
            title: "快递单号",
            key: "trackingNumber",
            className: "nowrap",
            render: (_, d) => d.trackingNumber ?? "—",
          },
          {
            title: "操作",
            key: "actions",
            render: (_, d) => (
              <Space size={0} wrap>
                {canRecord && d.isAwaitingReceipt && (
                  <Button size="small" type="primary" onClick={() => props.onRecord(d.key)}>
                    登记送达
                  </Button>
                )}
                <Button
                  size="small"
                  type="link"
                  loading={downloading === d.key}
                  onClick={() => void printReceipt(d)}
                >
                  打印送达回证
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
