import { App, Form, type FormInstance, Input, Modal } from "antd";
import { useState } from "react";
import { changeOwnPassword } from "../api/accounts.ts";
import { showFieldErrors } from "./form-errors.ts";

export interface PasswordChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * The fields of 修改密码 (POST /api/v1/auth/password): current password, new one twice. The
 * server's refusals (wrong current password, too short, 429 after repeated wrong guesses) go next
 * to their field or to `onProblem`.
 */
export function ChangePasswordFields(props: {
  form: FormInstance<PasswordChangeValues>;
  onSaving(saving: boolean): void;
  onDone(): void;
  onProblem(message: string | null): void;
  currentLabel?: string;
}) {
  const { form } = props;
  async function save(v: PasswordChangeValues) {
    props.onSaving(true);
    props.onProblem(null);
    try {
      await changeOwnPassword(v.currentPassword, v.newPassword);
      form.resetFields();
      props.onDone();
    } catch (e) {
      const rest = showFieldErrors(form, e);
      if (rest.length > 0) props.onProblem(rest.join("；"));
    } finally {
      props.onSaving(false);
    }
  }
  return (
    <Form form={form} layout="vertical" onFinish={save} aria-label="修改密码">
      <Form.Item
        name="currentPassword"
        label={props.currentLabel ?? "当前密码"}
        rules={[{ required: true, message: "请输入当前密码" }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新密码"
        rules={[
          { required: true, message: "请输入新密码" },
          { min: 8, message: "密码至少 8 位" },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="再次输入新密码"
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: "请再次输入新密码" },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error("两次输入的新密码不一致")),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Form>
  );
}

/**
 * 修改密码 as a dialog: POST /api/v1/auth/password; the user's other sessions end, this one goes
 * on. Loaded by ChangePasswordButton when first opened (the Form and Modal are not on the 工作台),
 * with its own App for the message (the layout has none).
 */
export default function ChangePasswordDialog(props: { open: boolean; onClose(): void }) {
  return (
    <App component={false}>
      <PasswordDialog {...props} />
    </App>
  );
}

function PasswordDialog(props: { open: boolean; onClose(): void }) {
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<PasswordChangeValues>();
  const { message } = App.useApp();
  return (
    <Modal
      title="修改密码"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
    >
      <ChangePasswordFields
        form={form}
        onSaving={setSaving}
        onProblem={(m) => {
          if (m) void message.error(m);
        }}
        onDone={() => {
          void message.success("密码已修改，其他已登录的设备需重新登录");
          props.onClose();
        }}
      />
    </Modal>
  );
}
