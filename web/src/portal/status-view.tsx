/**
 * What the applicant sees of the case: the stage in plain words, the deadline as a sentence,
 * the letters issued (download), the notices sent, and while a supplement is requested the form
 * to answer it; 撤回申请 with a confirmation.
 */
import { useState } from "react";
import { ErrorNotice } from "./challenge-box.tsx";
import { FilePicker } from "./file-picker.tsx";
import { Notice, TextField } from "./form-controls.tsx";
import { chineseDate, chineseDateTime, deadlineSentence } from "./plain-words.ts";
import {
  answerSupplement,
  downloadLetter,
  PortalError,
  type PublicStatus,
  withdrawApplication,
} from "./portal-api.ts";

const asPortalError = (e: unknown) =>
  e instanceof PortalError ? e : new PortalError(0, "unknown", (e as Error).message);

function SupplementForm(props: { code: string; verify: string; onDone: (s: PublicStatus) => void }) {
  const [text, setText] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<PortalError | null>(null);
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  async function send() {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setSending(true);
    setError(null);
    try {
      props.onDone(await answerSupplement(props.code, props.verify, text.trim(), files));
    } catch (e) {
      setError(asPortalError(e));
    } finally {
      setSending(false);
    }
  }
  return (
    <section className="card" aria-labelledby="supplement-title">
      <h2 id="supplement-title">补正申请</h2>
      <TextField
        label="补正说明"
        multiline
        value={text}
        required
        error={missing ? "请填写补正说明（按补正告知书的要求补充或更正）" : undefined}
        maxLength={3000}
        onChange={(v) => {
          setText(v);
          setMissing(false);
        }}
      />
      <FilePicker
        label="补正材料"
        hint="PDF、JPG、PNG、OFD、Word、Excel；提交之日即为本机关收到补正之日。"
        files={files}
        onChange={setFiles}
      />
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void send()} disabled={sending}>
          {sending ? "正在提交……" : "提交补正"}
        </button>
      </div>
    </section>
  );
}

function WithdrawPanel(props: { code: string; verify: string; onDone: (s: PublicStatus) => void }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<PortalError | null>(null);
  const [sending, setSending] = useState(false);
  async function withdraw() {
    setSending(true);
    setError(null);
    try {
      props.onDone(await withdrawApplication(props.code, props.verify));
      setAsking(false);
    } catch (e) {
      setError(asPortalError(e));
    } finally {
      setSending(false);
    }
  }
  if (!asking) {
    return (
      <div className="actions">
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          撤回申请
        </button>
      </div>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-labelledby="withdraw-q">
      <p id="withdraw-q">
        <strong>确定撤回这件申请吗？</strong>撤回后本机关不再办理；如仍需要该信息，需要重新申请。
      </p>
      {error && <ErrorNotice error={error} />}
      <div className="actions">
        <button type="button" onClick={() => setAsking(false)} disabled={sending}>
          不撤回
        </button>
        <button type="button" className="danger" onClick={() => void withdraw()} disabled={sending}>
          确定撤回
        </button>
      </div>
    </div>
  );
}

export function StatusView(props: {
  code: string;
  verify: string;
  status: PublicStatus;
  onChange: (s: PublicStatus) => void;
}) {
  const { status: s, code, verify } = props;
  const [downloadError, setDownloadError] = useState<PortalError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const after = (words: string) => (next: PublicStatus) => {
    setDone(words);
    props.onChange(next);
  };
  return (
    <>
      <section className="card" aria-labelledby="status-title">
        <h2 id="status-title">办理进度</h2>
        <p>
          {s.agencyName}，提交于{chineseDateTime(s.submittedAt)}
        </p>
        {done && <Notice tone="success">{done}</Notice>}
        <p className="stage">{s.stageLabel}</p>
        {s.receivedOn && <p>本机关收到申请之日：{chineseDate(s.receivedOn)}</p>}
        {s.dueOn && (
          <p className="deadline">
            {deadlineSentence(s.dueOn)}
            {s.dueOnProvisional && "（该年节假日安排尚未公布，日期可能调整）"}
          </p>
        )}
        {s.dispositionOn && <p>办结日期：{chineseDate(s.dispositionOn)}</p>}
        {s.rejectReason && <Notice tone="warning">原因：{s.rejectReason}</Notice>}
        {s.supplementRequested && (
          <Notice tone="warning">
            本机关请您补正申请{s.supplementText ? `：${s.supplementText}` : "，请阅读补正告知书"}。
            {s.supplementDueOn && `请于${chineseDate(s.supplementDueOn)}前提交。`}
            逾期不补正的，视为放弃申请（《政府信息公开条例》第三十条）。
          </Notice>
        )}
      </section>
      {s.letters.length > 0 && (
        <section className="card" aria-labelledby="letters-title">
          <h2 id="letters-title">本机关出具的文书</h2>
          <ul className="letters">
            {s.letters.map((l) => (
              <li key={`${l.kind}-${l.serialNo ?? ""}`}>
                <span>
                  {l.title}
                  {l.serialNo && <small>（{l.serialNo}）</small>}
                  <small> {chineseDate(l.issuedOn)}</small>
                </span>
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setDownloadError(null);
                    downloadLetter(code, l.kind, verify, `${l.title}.pdf`).catch((e) =>
                      setDownloadError(asPortalError(e)),
                    );
                  }}
                >
                  下载{l.title}
                </button>
              </li>
            ))}
          </ul>
          {downloadError && <ErrorNotice error={downloadError} />}
        </section>
      )}
      {s.notices.length > 0 && (
        <section className="card" aria-labelledby="notices-title">
          <h2 id="notices-title">本机关的通知</h2>
          <ul className="notices">
            {s.notices.map((n) => (
              <li key={`${n.kind}-${n.sentOn}-${n.text}`}>
                <small>{chineseDate(n.sentOn)}</small>
                <p>{n.text}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
      {s.supplementRequested && (
        <SupplementForm
          code={code}
          verify={verify}
          onDone={after("补正已提交，本机关以今天为收到补正之日。")}
        />
      )}
      {s.canWithdraw && <WithdrawPanel code={code} verify={verify} onDone={after("申请已撤回。")} />}
    </>
  );
}
