/**
 * 申请查询: the 查询码 and the last 4 digits of the phone or ID number. A wrong code and wrong
 * digits get the same answer (the server's 404); repeated failures are slowed (429 with
 * Retry-After) and then challenged with an arithmetic question.
 */
import { useState } from "react";
import { ChallengeField, ErrorNotice, useRetryWait, waitWords } from "./challenge-box.tsx";
import { TextField } from "./form-controls.tsx";
import { fetchStatus, PortalError, type PublicStatus } from "./portal-api.ts";
import { StatusView } from "./status-view.tsx";

export function QueryPage(props: { initialCode: string }) {
  const [code, setCode] = useState(props.initialCode);
  const [verify, setVerify] = useState("");
  const [answer, setAnswer] = useState("");
  const [problems, setProblems] = useState<{ code?: string; verify?: string }>({});
  const [error, setError] = useState<PortalError | null>(null);
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [asked, setAsked] = useState<{ code: string; verify: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const wait = useRetryWait(error);

  async function query() {
    const p: { code?: string; verify?: string } = {};
    if (!code.trim()) p.code = "请填写查询码";
    if (!/^[0-9Xx]{4}$/.test(verify.trim())) p.verify = "请填写联系电话或证件号码的后4位";
    setProblems(p);
    if (p.code || p.verify) return;
    setLoading(true);
    const challenge = error?.challenge;
    setError(null);
    try {
      const v = verify.trim().toUpperCase();
      const reply = await fetchStatus(
        code,
        v,
        challenge ? { token: challenge.token, answer: answer.trim() } : undefined,
      );
      setStatus(reply);
      setAsked({ code: code.trim(), verify: v });
    } catch (e) {
      setStatus(null);
      setError(e instanceof PortalError ? e : new PortalError(0, "unknown", (e as Error).message));
      setAnswer("");
    } finally {
      setLoading(false);
    }
  }

  return (
    <>
      <form
        className="card"
        noValidate
        aria-labelledby="query-title"
        onSubmit={(e) => {
          e.preventDefault();
          void query();
        }}
      >
        <h2 id="query-title">查询申请</h2>
        <TextField
          label="查询码"
          required
          value={code}
          error={problems.code}
          autoComplete="off"
          maxLength={64}
          onChange={setCode}
        />
        <TextField
          label="联系电话或证件号码的后4位"
          required
          value={verify}
          error={problems.verify}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          onChange={setVerify}
        />
        {error && <ErrorNotice error={error} />}
        {error?.challenge && (
          <ChallengeField question={error.challenge.question} value={answer} onChange={setAnswer} />
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={loading || wait > 0}>
            {loading ? "正在查询……" : wait > 0 ? `请${waitWords(wait)}后再查询` : "查询"}
          </button>
        </div>
      </form>
      {status && asked && (
        <StatusView code={asked.code} verify={asked.verify} status={status} onChange={setStatus} />
      )}
    </>
  );
}
