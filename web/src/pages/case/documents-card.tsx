import {
  DOCUMENT_KIND_LABELS,
  type DocumentKind,
  UPLOADABLE_DOCUMENT_KINDS,
} from "@domain/document-kinds.ts";
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from "antd";
import { useCallback, useEffect, useState } from "react";
import { type CaseDocument, documentUrl, listDocuments, uploadDocument } from "../../api/documents.ts";
import { downloadFile } from "../../api/download-file.ts";
import { formatInstant } from "../../lib/dates.ts";

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const KIND_OPTIONS = UPLOADABLE_DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }));

/**
 * 材料 on the case page: the case's documents (scans, receipts, the issued letters' PDFs) with
 * their download, and for the agency's intake, handler and approver an upload with its kind.
 * A chunk of its own (React.lazy in case-page.tsx).
 */
export function DocumentsCard({ applicationId, canUpload }: { applicationId: string; canUpload: boolean }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<CaseDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<DocumentKind>("application_scan");
  const [uploading, setUploading] = useState(false);
  const load = useCallback(
    (signal?: AbortSignal) =>
      listDocuments(applicationId, signal)
        .then((d) => {
          setItems(d);
          setError(null);
        })
        .catch((e: Error) => {
          if (e.name !== "AbortError") setError(e.message);
        }),
    [applicationId],
  );
  useEffect(() => {
    const abort = new AbortController();
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const d = await uploadDocument(applicationId, kind, file);
      void message.success(`已上传：${d.fileName}（${d.typeLabel}）`);
      await load();
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setUploading(false);
    }
  };

  const download = async (d: CaseDocument) => {
    try {
      await downloadFile(documentUrl(applicationId, d.id), d.downloadName);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  return (
    <Card
      title="材料"
      size="small"
      className="documents-card"
      extra={
        canUpload && (
          <Space wrap>
            <Select<DocumentKind>
              size="small"
              aria-label="材料类别"
              value={kind}
              onChange={setKind}
              options={KIND_OPTIONS}
              style={{ minWidth: 140 }}
            />
            <Upload
              showUploadList={false}
              accept=".pdf,.jpg,.jpeg,.png,.ofd,.docx,.xlsx"
              beforeUpload={(file) => {
                void upload(file);
                return false;
              }}
            >
              <Button size="small" type="primary" loading={uploading}>
                上传
              </Button>
            </Upload>
          </Space>
        )
      }
    >
      {error && <Alert type="error" title={error} showIcon />}
      <Table<CaseDocument>
        size="small"
        rowKey="id"
        loading={items === null && !error}
        dataSource={items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: "尚无材料" }}
        columns={[
          { title: "类别", dataIndex: "kindLabel" },
          {
            title: "文件",
            key: "file",
            render: (_, d) => (
              <Typography.Link onClick={() => void download(d)}>{d.downloadName}</Typography.Link>
            ),
          },
          { title: "类型", dataIndex: "typeLabel" },
          { title: "大小", key: "size", render: (_, d) => sizeText(d.size) },
          { title: "上传人", key: "by", render: (_, d) => d.uploadedBy ?? "系统" },
          { title: "时间", key: "at", render: (_, d) => formatInstant(d.uploadedAt) },
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        文件类型按内容识别：PDF、JPEG、PNG、OFD、DOCX、XLSX；已出具文书的 PDF 由系统自动存档。
      </Typography.Text>
    </Card>
  );
}
