/**
 * 在线申请: fill in (agency, applicant, the information asked for, how to receive it,
 * attachments) → 确认申请信息 → 提交成功 with the 查询码. The browser checks what it can with
 * the domain's rules; the server's refusals come back next to their fields.
 */
import { useState } from "react";
import { AgencyPicker } from "./agency-picker.tsx";
import { ApplicantFields } from "./applicant-fields.tsx";
import {
  type Draft,
  draftFieldOf,
  draftProblems,
  EMPTY_DRAFT,
  type Problems,
  toSubmission,
} from "./application-draft.ts";
import { ChallengeField, ErrorNotice, useRetryWait, waitWords } from "./challenge-box.tsx";
import { FilePicker } from "./file-picker.tsx";
import { Notice, RadioField, TextField } from "./form-controls.tsx";
import { DELIVERY_FORMS } from "./plain-words.ts";
import { PortalError, type Submitted, submitApplication } from "./portal-api.ts";
import { ReviewList } from "./review-step.tsx";
import { SubmittedStep } from "./submitted-step.tsx";

type Step = "fill" | "review" | "done";

function scrollTop() {
  window.scrollTo({ top: 0 });
}

export function ApplyPage(props: { onQuery: (code: string) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const [checked, setChecked] = useState(false);
  const [step, setStep] = useState<Step>("fill");
  const [error, setError] = useState<PortalError | null>(null);
  const [answer, setAnswer] = useState("");
  const [sending, setSending] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const wait = useRetryWait(error);

  function set<K extends keyof Draft>(field: K, value: Draft[K]) {
    const next = { ...draft, [field]: value };
    if (field === "type") next.idNumber = "";
    setDraft(next);
    // once the applicant has tried to go on, the messages follow the typing
    if (checked) setProblems(draftProblems(next));
  }

  function review() {
    const p = draftProblems(draft);
    setChecked(true);
    setProblems(p);
    if (Object.keys(p).length > 0) {
      const first = document.querySelector<HTMLElement>(
        ".has-error input, .has-error textarea, .has-error select",
      );
      requestAnimationFrame(() => first?.focus());
      return;
    }
    setStep("review");
    scrollTop();
  }

  async function send() {
    setSending(true);
    setError(null);
    try {
      const challenge = error?.challenge;
      const reply = await submitApplication(
        toSubmission(draft),
        files,
        challenge ? { token: challenge.token, answer: answer.trim() } : undefined,
      );
      setSubmitted(reply);
      setStep("done");
      scrollTop();
    } catch (e) {
      const pe = e instanceof PortalError ? e : new PortalError(0, "unknown", (e as Error).message);
      const byField: Problems = {};
      for (const d of pe.details) {
        const field = draftFieldOf(d.field);
        if (field && !byField[field]) byField[field] = d.message;
      }
      if (Object.keys(byField).length > 0) {
        setProblems(byField);
        setStep("fill");
      }
      setError(pe);
      setAnswer("");
    } finally {
      setSending(false);
    }
  }

  if (step === "done" && submitted) {
    return <SubmittedStep submitted={submitted} draft={draft} files={files} onQuery={props.onQuery} />;
  }
  if (step === "review") {
    return (
      <section className="card" aria-labelledby="review-title">
        <h2 id="review-title">确认申请信息</h2>
        <p>请核对以下信息。提交后如需更正，请联系受理机关。</p>
        <ReviewList draft={draft} files={files} />
        {error && <ErrorNotice error={error} />}
        {error?.challenge && (
          <ChallengeField question={error.challenge.question} value={answer} onChange={setAnswer} />
        )}
        <div className="actions">
          <button type="button" onClick={() => setStep("fill")} disabled={sending}>
            返回修改
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void send()}
            disabled={sending || wait > 0}
          >
            {sending ? "正在提交……" : wait > 0 ? `请${waitWords(wait)}后再提交` : "确认提交"}
          </button>
        </div>
      </section>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        review();
      }}
    >
      <p className="hint">
        无需注册登录。带<span className="required">*</span>的项目必须填写。
      </p>
      {error && <ErrorNotice error={error} />}
      {checked && Object.keys(problems).length > 0 && (
        <Notice tone="error">有{Object.keys(problems).length}处需要修改，请查看标红的项目。</Notice>
      )}
      <section className="card" aria-labelledby="agency-title">
        <h2 id="agency-title">向哪个机关申请</h2>
        <AgencyPicker
          value={draft.agencyCode}
          error={problems.agencyCode}
          onChange={(code, name) => setDraft((d) => ({ ...d, agencyCode: code, agencyName: name }))}
        />
      </section>
      <ApplicantFields draft={draft} problems={problems} set={set} />
      <section className="card" aria-labelledby="request-title">
        <h2 id="request-title">申请公开的信息</h2>
        <TextField
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          required
          multiline
          value={draft.description}
          error={problems.description}
          maxLength={3000}
          hint="尽量写明信息的名称、文号、制作机关、时间范围。根据2019年修订的《政府信息公开条例》，无需说明申请用途。"
          onChange={(v) => set("description", v)}
        />
        <RadioField
          label="获取信息的方式"
          name="deliveryForm"
          required
          value={draft.deliveryForm}
          options={DELIVERY_FORMS}
          error={problems.deliveryForm}
          onChange={(v) => set("deliveryForm", v)}
        />
        <FilePicker
          label="附件"
          hint="可上传身份证件或营业执照的照片、委托书等（PDF、JPG、PNG、OFD、Word、Excel）。"
          files={files}
          onChange={setFiles}
        />
      </section>
      <div className="actions">
        <button type="submit" className="primary">
          下一步：确认申请信息
        </button>
      </div>
    </form>
  );
}
