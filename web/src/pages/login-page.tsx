import { type FormEvent, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/client.ts";
import { useTitle } from "../lib/use-title.ts";
import { useSession } from "../session/session.tsx";

type Field = "username" | "password";
const REQUIRED: Record<Field, string> = { username: "请输入用户名", password: "请输入密码" };

/**
 * The login page: plain HTML styled like Ant Design (styles.css, `.login-*`), so that the first
 * page loads React, the router and the session only; Ant Design comes with the page after it.
 */
export function LoginPage() {
  useTitle("登录");
  const { status, login, notice } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (status === "ready") return <Navigate to={from === "/login" ? "/" : from} replace />;

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const username = String(data.get("username") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const empty = {
      ...(username ? {} : { username: REQUIRED.username }),
      ...(password ? {} : { password: REQUIRED.password }),
    };
    setMissing(empty);
    if (!username || !password) return;
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      void navigate(from === "/login" ? "/" : from, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "登录失败，请稍后重试");
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, type: string, autoComplete: string) => (
    <div className="login-field">
      <label htmlFor={`login-${name}`}>{label}</label>
      <input
        id={`login-${name}`}
        className="ogi-input"
        name={name}
        type={type}
        autoComplete={autoComplete}
        // biome-ignore lint/a11y/noAutofocus: the page's one purpose; as before with Ant Design's Input
        autoFocus={name === "username"}
        aria-invalid={missing[name] ? true : undefined}
        aria-describedby={missing[name] ? `login-${name}-help` : undefined}
        onChange={() => missing[name] && setMissing((m) => ({ ...m, [name]: undefined }))}
      />
      {missing[name] && (
        <div id={`login-${name}-help`} className="login-help">
          {missing[name]}
        </div>
      )}
    </div>
  );

  return (
    <div className="login-screen">
      {/* a plain box, not a Card: the Card brings its tabs into the first page's JavaScript */}
      <main className="login-card">
        <h1 className="login-title">政府信息公开申请办理系统</h1>
        {notice && <p className="login-alert login-alert-warning">{notice}</p>}
        {error && (
          <p className="login-alert login-alert-error" role="alert">
            {error}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate aria-label="登录">
          {field("username", "用户名", "text", "username")}
          {field("password", "密码", "password", "current-password")}
          <button type="submit" className="login-submit" disabled={busy} aria-busy={busy}>
            {busy ? "正在登录……" : "登录"}
          </button>
        </form>
      </main>
    </div>
  );
}
