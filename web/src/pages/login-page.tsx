import { Alert, Button, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError } from "../api/client.ts";
import { useTitle } from "../lib/use-title.ts";
import { useSession } from "../session/session.tsx";

interface LoginFields {
  username: string;
  password: string;
}

export function LoginPage() {
  useTitle("登录");
  const { status, login, notice } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? "/";
  if (status === "ready") return <Navigate to={from === "/login" ? "/" : from} replace />;

  const submit = async (v: LoginFields) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username.trim(), v.password);
      void navigate(from === "/login" ? "/" : from, { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "登录失败，请稍后重试");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f0f2f5" }}>
      {/* a plain box, not a Card: the Card brings its tabs into the first page's JavaScript */}
      <div className="login-card">
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          政府信息公开申请办理系统
        </Typography.Title>
        {notice && <Alert type="warning" title={notice} showIcon style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginFields> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: "请输入用户名" }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </div>
    </div>
  );
}
