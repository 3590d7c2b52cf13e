import { Alert, App, Button, Space, Spin, Tag } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { ApiError } from "../api/client.ts";
import { downloadFile } from "../api/download-file.ts";
import { fetchLetterModel, issueLetter, type LetterModel, letterUrl } from "../api/endpoints.ts";
import { useTitle } from "../lib/use-title.ts";

/**
 * The receipt (回执) as a print view: the words the server composes for the DOCX
 * (`…/letters/receipt/model`), paragraph by paragraph, with its 文号 once issued (草稿 before),
 * its Chinese dates and its own date; 出具 numbers it once and downloads the issued DOCX.
 */
export default function ReceiptPage() {
  useTitle("申请回执");
  const { id = "" } = useParams();
  const [letter, setLetter] = useState<LetterModel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isIssuing, setIssuing] = useState(false);
  const { message } = App.useApp();
  const load = useCallback(
    () =>
      fetchLetterModel(id, "receipt")
        .then(setLetter)
        .catch((e: Error) => setError(e.message)),
    [id],
  );
  // 出具 numbers the receipt once (again: the same one), then the issued DOCX downloads
  const issueAndDownload = async () => {
    setIssuing(true);
    try {
      const issued = await issueLetter(id, "receipt");
      await load();
      await downloadFile(
        letterUrl(id, "receipt"),
        `政府信息公开申请登记回执（${issued.serialNo ?? ""}）.docx`,
      );
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e), 6);
    } finally {
      setIssuing(false);
    }
  };
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <Alert type="error" title={error} showIcon style={{ margin: 24 }} />;
  if (!letter) return <Spin style={{ display: "block", margin: 80 }} />;
  return (
    <div>
      <Space className="no-print" wrap style={{ margin: "16px 24px" }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
        <Button loading={isIssuing} onClick={() => void issueAndDownload()}>
          {letter.issued ? "下载回执（Word）" : "出具并下载回执（Word）"}
        </Button>
        <Link to={`/applications/${id}`}>返回申请</Link>
        {letter.issued ? null : <Tag color="orange">尚未出具：草稿，无文号，不得送达</Tag>}
      </Space>
      <article className="receipt" aria-label={letter.title} style={{ overflowWrap: "anywhere" }}>
        <h1 data-part="title">{letter.title}</h1>
        <p data-part="serialNo" style={{ textAlign: "center" }}>
          {letter.serialNo}
        </p>
        <p data-part="addressee">{letter.addressee}</p>
        {letter.paragraphs.map((text, i) => (
          // the paragraphs are the letter's, in order; the index is their identity
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed order, never reordered
          <p key={i} data-part="paragraph" style={{ textIndent: "2em" }}>
            {text}
          </p>
        ))}
        <p data-part="signature" style={{ textAlign: "right", marginTop: 48, marginBottom: 0 }}>
          {letter.signature}
        </p>
        <p data-part="date" style={{ textAlign: "right" }}>
          {letter.date}
        </p>
      </article>
    </div>
  );
}
