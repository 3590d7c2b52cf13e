/**
 * The server's answer to repeated failures: a 429 to wait out (Retry-After), or an arithmetic
 * question to answer before the next try.
 */
import { useEffect, useId, useState } from "react";
import { Notice } from "./form-controls.tsx";
import type { PortalError } from "./portal-api.ts";

/** "请于 N 秒后再试" in minutes when it is long. */
export function waitWords(seconds: number): string {
  return seconds >= 120 ? `${Math.ceil(seconds / 60)}分钟` : `${seconds}秒`;
}

export function ErrorNotice(props: { error: PortalError }) {
  const { error } = props;
  const hasWait = error.status === 429 && error.retryAfter !== undefined && !error.challenge;
  return (
    <Notice tone="error">
      {error.message}
      {hasWait && !error.message.includes("再试") && <>（请于{waitWords(error.retryAfter ?? 0)}后再试）</>}
    </Notice>
  );
}

/**
 * Seconds left of a 429's Retry-After (0 when none): the button that would be refused again
 * stays disabled until then.
 */
export function useRetryWait(error: PortalError | null): number {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    const seconds = error?.status === 429 && !error.challenge ? (error.retryAfter ?? 0) : 0;
    setLeft(seconds);
    if (seconds <= 0) return;
    const until = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      const rest = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [error]);
  return left;
}

export function ChallengeField(props: { question: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field challenge">
      <label htmlFor={id}>验证问题：{props.question}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <p className="hint">尝试次数较多，请先回答上面的算术题，再继续。</p>
    </div>
  );
}
