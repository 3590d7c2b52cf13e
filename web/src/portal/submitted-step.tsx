/**
 * 提交成功: the 查询码 shown large with a copy button and the advice to keep it, then the
 * submission's receipt: the server's PDF when it makes one, else this page printed (the print
 * style sheet keeps only the receipt).
 */
import { useState } from "react";
import type { Draft } from "./application-draft.ts";
import { Notice } from "./form-controls.tsx";
import { chineseDateTime } from "./plain-words.ts";
import type { Submitted } from "./portal-api.ts";
import { ReviewList } from "./review-step.tsx";

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function SubmittedStep(props: {
  submitted: Submitted;
  draft: Draft;
  files: File[];
  onQuery: (code: string) => void;
}) {
  const { submitted } = props;
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <section className="card receipt" aria-labelledby="done-title">
      <h2 id="done-title">申请已提交</h2>
      <p id="query-code-label">您的查询码：</p>
      <p className="query-code" aria-describedby="query-code-label">
        {submitted.queryCode}
      </p>
      <div className="actions no-print">
        <button
          type="button"
          onClick={() => {
            void copy(submitted.queryCode).then(setCopied);
          }}
        >
          复制查询码
        </button>
        <button type="button" onClick={() => window.print()}>
          打印申请回执
        </button>
      </div>
      {copied === true && <Notice tone="success">查询码已复制</Notice>}
      {copied === false && <Notice tone="warning">无法自动复制，请长按或手动抄下查询码</Notice>}
      <Notice tone="info">
        请妥善保存查询码（可截图或抄写）。凭查询码和联系电话或证件号码的后4位，可在“申请查询”中查看办理进度、答复文书，并在需要时补正材料。查询码丢失后无法找回。
      </Notice>
      <p>
        提交时间：{chineseDateTime(submitted.submittedAt)}
        。本机关确认受理后，答复期限自收到申请之日起计算（《政府信息公开条例》第三十一条、第三十三条）。
      </p>
      <h3>申请内容</h3>
      <ReviewList draft={props.draft} files={props.files} />
      <div className="actions no-print">
        <button type="button" className="primary" onClick={() => props.onQuery(submitted.queryCode)}>
          查询办理进度
        </button>
      </div>
    </section>
  );
}
