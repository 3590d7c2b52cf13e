import { Alert, App, DatePicker, Form, Input, Modal, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { actOn } from "../../api/endpoints.ts";
import type { ActionAnswer, Application, RecordReceiptInput } from "../../api/types.ts";
import { caseActionProblem } from "../../components/form-errors.ts";
import { fromPicker, isAfterToday, todayInChina, toPicker } from "../../lib/dates.ts";
import { useMeta } from "../../session/meta.tsx";
import { documentTitle } from "./delivery-text.ts";
import type { ServedDocument } from "./served-documents.ts";

interface Fields {
  key: string;
  receivedOn: Dayjs;
  trackingNumber?: string;
}

/**
 * 登记送达: the addressee's signature date of a posted document (and its EMS or registered-mail
 * number), as `record_receipt` with the sending event's seq. The windows then count from that
 * date (DOMAIN.md §5). `pending` are the posted documents still lacking a receipt; `initialKey`
 * the one whose row was clicked.
 */
export function RecordReceiptModal(props: {
  app: Application;
  pending: ServedDocument[];
  initialKey: string | undefined;
  onClose: () => void;
  /** The action's slim answer (the page reads the case again). */
  onDone: (answer: ActionAnswer) => void;
  onConflict: () => void;
}) {
  const { app, pending } = props;
  const meta = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenKey = Form.useWatch("key", form) as string | undefined;
  const chosen = pending.find((d) => d.key === chosenKey) ?? pending[0];

  const submit = async () => {
    let values: Fields;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const doc = pending.find((d) => d.key === values.key);
    if (!doc) return;
    const receivedOn = fromPicker(values.receivedOn) ?? "";
    const input: RecordReceiptInput = {
      type: "record_receipt",
      // the receipt is a fact of its signature date
      on: receivedOn,
      receivedOn,
      documentEventSeq: doc.eventSeq,
      expectedVersion: app.version,
    };
    const tracking = values.trackingNumber?.trim();
    if (tracking) input.trackingNumber = tracking;
    setBusy(true);
    setProblem(null);
    try {
      const next = await actOn(app.id, input);
      void message.success(`登记送达：${documentTitle(doc, meta)}已登记签收日期 ${receivedOn}`);
      props.onDone(next);
    } catch (e) {
      setProblem(
        caseActionProblem(form, e, {
          warn: (t, s) => message.warning(t, s),
          onConflict: props.onConflict,
          aliases: { on: ["receivedOn"], documentEventSeq: ["key"] },
        }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="登记送达"
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={560}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        aria-label="登记送达"
        initialValues={{ key: props.initialKey ?? pending[0]?.key, receivedOn: toPicker(todayInChina()) }}
        preserve={false}
      >
        <Form.Item label="送达的文书" name="key" rules={[{ required: true, message: "请选择送达的文书" }]}>
          <Select
            disabled={pending.length < 2}
            options={pending.map((d) => ({
              value: d.key,
              label: `${documentTitle(d, meta)}（${d.sentOn} 邮寄）`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="签收日期"
          name="receivedOn"
          rules={[{ required: true, message: "请选择对方签收的日期" }]}
          extra="以邮件回执或物流查询的签收日期为准；期限自签收之日起计算，当日不计入"
        >
          <DatePicker
            disabledDate={(d) =>
              isAfterToday(d) || (chosen !== undefined && d.format("YYYY-MM-DD") < chosen.sentOn)
            }
          />
        </Form.Item>
        <Form.Item label="快递单号（可选）" name="trackingNumber" extra="EMS 或挂号信的邮件号">
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      </Form>
    </Modal>
  );
}
