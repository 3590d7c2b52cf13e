import { Alert, App, Button, Card, Form, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useSession, useUser } from "../session/session.tsx";
import { ChangePasswordFields, type PasswordChangeValues } from "./change-password.tsx";

/**
 * Right after logging in with a password an administrator set: the user sets its own before
 * anything else (the server answers every other call 403 password_change_required until then).
 */
export function ForcedPasswordChange() {
  const user = useUser();
  const { passwordChanged, logout } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChangeValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div style={{ minHeight: "100vh", display: "grid", placeItems: "center", background: "#f0f2f5" }}>
      <Card style={{ width: 420 }} className="forced-password-change">
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          请先修改密码
        </Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${user.displayName}，管理员为您设置了临时密码。请设置您自己的新密码后再使用系统。`}
        />
        {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={problem} />}
        <ChangePasswordFields
          form={form}
          currentLabel="临时密码"
          onSaving={setSaving}
          onProblem={setProblem}
          onDone={() => {
            void message.success("密码已修改");
            passwordChanged();
          }}
        />
        <Space style={{ width: "100%", justifyContent: "space-between" }}>
          <Button
            onClick={() => {
              void logout().then(() => navigate("/login"));
            }}
          >
            退出登录
          </Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            保存新密码
          </Button>
        </Space>
      </Card>
    </div>
  );
}
