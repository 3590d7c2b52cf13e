import { App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { api } from "../api/client.ts";
import { showFieldErrors } from "./form-errors.ts";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** 修改密码: POST /api/v1/auth/password; the user's other sessions end, this one goes on. */
export function ChangePasswordButton() {
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  async function save(v: Values) {
    setSaving(true);
    try {
      await api.post<void>("/api/v1/auth/password", {
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
      });
      void message.success("密码已修改，其他已登录的设备需重新登录");
      setOpen(false);
      form.resetFields();
    } catch (e) {
      const rest = showFieldErrors(form, e);
      if (rest.length > 0) void message.error(rest.join("；"));
    } finally {
      setSaving(false);
    }
  }
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        修改密码
      </Button>
      <Modal
        title="修改密码"
        open={open}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText="保存"
        confirmLoading={saving}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item
            name="currentPassword"
            label="当前密码"
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
      </Modal>
    </>
  );
}
