import { Alert, App, Button, Space, Spin } from "antd";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { downloadFile } from "../api/download-file.ts";
import { getApplication, issueLetter, letterUrl } from "../api/endpoints.ts";
import type { Application } from "../api/types.ts";
import { todayInChina } from "../lib/dates.ts";
import { useTitle } from "../lib/use-title.ts";
import { useMeta } from "../session/meta.tsx";

/** The receipt (回执) as a print view; the DOCX letter comes from the letters endpoint. */
export default function ReceiptPage() {
  useTitle("申请回执");
  const { id = "" } = useParams();
  const meta = useMeta();
  const [app, setApp] = useState<Application | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isIssuing, setIssuing] = useState(false);
  const { message } = App.useApp();
  // 出具 numbers the receipt once (again: the same one), then the issued DOCX downloads
  const issueAndDownload = async (a: Application) => {
    setIssuing(true);
    try {
      await issueLetter(a.id, "receipt");
      await downloadFile(letterUrl(a.id, "receipt"), "政府信息公开申请登记回执.docx");
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setIssuing(false);
    }
  };
  useEffect(() => {
    getApplication(id)
      .then(setApp)
      .catch((e: Error) => setError(e.message));
  }, [id]);
  if (error) return <Alert type="error" title={error} showIcon style={{ margin: 24 }} />;
  if (!app) return <Spin style={{ display: "block", margin: 80 }} />;
  const reply = app.deadlines.reply;
  return (
    <div>
      <Space className="no-print" style={{ margin: "16px 24px" }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        <Button loading={isIssuing} onClick={() => void issueAndDownload(app)}>
          出具并下载回执（Word）
        </Button>
        <Link to={`/applications/${app.id}`}>返回申请</Link>
      </Space>
      <article className="receipt" aria-label="政府信息公开申请回执">
        <h1>政府信息公开申请回执</h1>
        <p>编号：{app.trackingNo}</p>
        <p>{app.applicant.name}：</p>
        <p>
          　　本机关于 {app.receivedOn} 收到您（单位）以{meta.label("channels", app.channel)}
          方式提出的政府信息公开申请， 申请公开的内容为：“{app.description}”。
        </p>
        <p>
          　　根据《中华人民共和国政府信息公开条例》第三十三条，本机关将在收到申请之日起20个工作日内（即
          {reply.dueOn} 前{reply.provisional ? "，该日期按尚未公布的放假安排暂定" : ""}
          ）予以答复；需要延长答复期限的，将另行告知。
          申请内容不明确的，本机关将在收到申请之日起7个工作日内一次性告知需要补正的事项。
        </p>
        <p style={{ textAlign: "right", marginTop: 48 }}>
          {app.agencyName}（印章）
          <br />
          {todayInChina()}
        </p>
      </article>
    </div>
  );
}
