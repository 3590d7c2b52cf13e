import { Alert, App, Checkbox, Form, Input, Modal, Radio, Typography } from "antd";
import { useEffect, useState } from "react";
import { resetUserPassword, updateUser } from "../../api/accounts.ts";
import type { Role, RoleLabel, User } from "../../api/types.ts";
import { showFieldErrors } from "../../components/form-errors.ts";

interface EditFields {
  displayName: string;
  email?: string;
  roles: Role[];
}

/** 编辑: name, e-mail, roles (PATCH /users/:username); only what changed is sent. */
export function EditUserModal(props: {
  user: User | null;
  grantable: RoleLabel[];
  onClose(): void;
  onSaved(user: User): void;
}) {
  const { user } = props;
  const [form] = Form.useForm<EditFields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!user) return;
    setProblem(null);
    form.setFieldsValue({ displayName: user.displayName, email: user.email ?? "", roles: user.roles });
  }, [user, form]);

  const save = async () => {
    if (!user) return;
    let v: EditFields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const email = v.email?.trim() ? v.email.trim() : null;
    const changes = {
      ...(v.displayName.trim() !== user.displayName ? { displayName: v.displayName.trim() } : {}),
      ...(email !== user.email ? { email } : {}),
      ...(v.roles.length !== user.roles.length || v.roles.some((r) => !user.roles.includes(r))
        ? { roles: v.roles }
        : {}),
    };
    if (Object.keys(changes).length === 0) {
      props.onClose();
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      props.onSaved(await updateUser(user.username, changes));
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    } finally {
      setSaving(false);
    }
  };

  // A role the user has that this administrator may not grant stays shown, and cannot be added.
  const options = [
    ...props.grantable.map((r) => ({ value: r.id, label: r.label })),
    ...(user?.roles ?? [])
      .filter((r) => !props.grantable.some((g) => g.id === r))
      .map((r) => ({ value: r, label: r, disabled: true })),
  ];
  return (
    <Modal
      open={user !== null}
      title={`编辑用户 ${user?.username ?? ""}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<EditFields> form={form} layout="vertical" aria-label="编辑用户">
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="电子邮箱（接收期限提醒）" name="email">
          <Input />
        </Form.Item>
        <Form.Item label="角色" name="roles" rules={[{ required: true, message: "至少选择 1 个角色" }]}>
          <Checkbox.Group options={options} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      </Form>
    </Modal>
  );
}

interface ResetFields {
  mode: "generate" | "set";
  password?: string;
}

/**
 * 重置密码: a generated temporary password (shown here once) or one the administrator types; the
 * user's sessions end and it must change the password at its next login.
 */
export function ResetPasswordModal(props: { user: User | null; onClose(): void; onDone(): void }) {
  const { user } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetFields>();
  const mode = Form.useWatch("mode", form);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [generated, setGenerated] = useState<string | null>(null);
  useEffect(() => {
    if (!user) return;
    setProblem(null);
    setGenerated(null);
    form.setFieldsValue({ mode: "generate", password: "" });
  }, [user, form]);

  const submit = async () => {
    if (!user) return;
    if (generated) {
      props.onClose();
      return;
    }
    let v: ResetFields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const r = await resetUserPassword(user.username, v.mode === "set" ? v.password : undefined);
      props.onDone();
      if (r.generatedPassword) setGenerated(r.generatedPassword);
      else {
        void message.success(`已重置 ${user.username} 的密码，请将临时密码告知本人`);
        props.onClose();
      }
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={user !== null}
      title={`重置 ${user?.displayName ?? ""}（${user?.username ?? ""}）的密码`}
      okText={generated ? "我已记下" : "重置密码"}
      cancelText="取消"
      cancelButtonProps={generated ? { style: { display: "none" } } : {}}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {generated ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title="密码已重置。临时密码只显示这一次，请告知本人；其下次登录时须先修改密码。"
          description={
            <Typography.Text copyable strong className="temporary-password" style={{ fontSize: 18 }}>
              {generated}
            </Typography.Text>
          }
        />
      ) : (
        <Form<ResetFields> form={form} layout="vertical" aria-label="重置密码">
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="重置后该用户在所有设备上立即退出登录，下次登录须先修改密码。"
          />
          <Form.Item name="mode" label="临时密码">
            <Radio.Group
              options={[
                { value: "generate", label: "由系统生成" },
                { value: "set", label: "由我设定" },
              ]}
            />
          </Form.Item>
          {mode === "set" && (
            <Form.Item
              name="password"
              label="设定的临时密码"
              rules={[
                { required: true, message: "请填写临时密码" },
                { min: 8, message: "密码至少 8 位" },
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        </Form>
      )}
    </Modal>
  );
}
