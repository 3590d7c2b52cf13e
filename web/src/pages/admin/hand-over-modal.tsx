import { Alert, Form, Input, Modal, Typography } from "antd";
import { useEffect, useState } from "react";
import { type HandOverReply, handOverCases } from "../../api/assignment.ts";
import type { User } from "../../api/types.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { HandlerSelect } from "../../components/handler-select.tsx";

interface HandOverFields {
  toUsername: string;
  reason: string;
}

/**
 * 工作交接 (issue 11): every open case of a handler to another handler of the agency, one request,
 * all or nothing; each case's log gets a 转办 with the reason.
 */
export function HandOverModal(props: {
  user: User | null;
  onClose: () => void;
  onDone: (reply: HandOverReply) => void;
}) {
  const { user } = props;
  const [form] = Form.useForm<HandOverFields>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (user) {
      form.resetFields();
      setProblem(null);
    }
  }, [user, form]);
  if (!user) return null;
  const submit = async () => {
    let v: HandOverFields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      props.onDone(await handOverCases(user.username, { toUsername: v.toUsername, reason: v.reason.trim() }));
    } catch (e) {
      const rest = showFieldErrors(form, e);
      setProblem(rest.length > 0 ? rest.join("；") : null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`交接 ${user.displayName} 的申请`}
      okText="交接"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {user.displayName}（{user.username}
        ）承办的全部未办结申请（未归档、未终止）一次转办给下面选择的承办人；每件申请的办理过程记入一条转办及理由。全部成功或全部不变。
      </Typography.Paragraph>
      <Form<HandOverFields> form={form} layout="vertical" aria-label="交接申请">
        <Form.Item
          label="接手的承办人"
          name="toUsername"
          rules={[{ required: true, message: "请选择承办人" }]}
        >
          <HandlerSelect agencyCode={user.agencyCode ?? ""} exclude={user.username} />
        </Form.Item>
        <Form.Item
          label="交接理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: "请填写交接理由" }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      </Form>
    </Modal>
  );
}
