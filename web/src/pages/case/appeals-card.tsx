import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Modal, Select, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { fileAppeal, listAppeals, recordAppealResult } from "../../api/endpoints.ts";
import type { Appeal } from "../../api/types.ts";
import { showFieldErrors } from "../../components/form-errors.ts";
import { fromPicker, isAfterToday, todayInChina, toPicker } from "../../lib/dates.ts";
import { useMeta } from "../../session/meta.tsx";

type Dialog = { kind: "file" } | { kind: "result"; appeal: Appeal } | null;

interface Fields {
  kind?: string;
  result?: string;
  date: Dayjs;
  /** 重新答复 (DOMAIN.md §3): the decision corrects the reply and orders a new one. */
  reReplyRequired?: boolean;
  decisionReceivedOn?: Dayjs;
  reReplyDueOn?: Dayjs;
}

/** Reviews and lawsuits about the case (table 四): record one, record its result. */
export function AppealsCard(props: { applicationId: string; canRecord: boolean }) {
  const meta = useMeta();
  const { message } = App.useApp();
  const [items, setItems] = useState<Appeal[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<Fields>();
  const result = Form.useWatch("result", form);
  const reReply = Form.useWatch("reReplyRequired", form);

  const load = useCallback(() => {
    listAppeals(props.applicationId)
      .then((p) => {
        setItems(p.items);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [props.applicationId]);
  useEffect(load, [load]);

  const submit = async () => {
    if (!dialog) return;
    let v: Fields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setProblem(null);
    try {
      if (dialog.kind === "file") {
        await fileAppeal(props.applicationId, { kind: v.kind ?? "", filedOn: fromPicker(v.date) ?? "" });
      } else {
        const received = fromPicker(v.decisionReceivedOn);
        const dueOn = fromPicker(v.reReplyDueOn);
        await recordAppealResult(dialog.appeal.id, {
          result: v.result ?? "",
          on: fromPicker(v.date) ?? "",
          ...(v.reReplyRequired ? { reReplyRequired: true } : {}),
          ...(v.reReplyRequired && received ? { decisionReceivedOn: received } : {}),
          ...(v.reReplyRequired && dueOn ? { reReplyDueOn: dueOn } : {}),
        });
      }
      void message.success("已保存");
      setDialog(null);
      load();
    } catch (e) {
      const rest = showFieldErrors(form, e, { filedOn: ["date"], on: ["date"] });
      setProblem(rest.length > 0 ? rest.join("；") : null);
    }
  };

  const open = (d: Dialog) => {
    form.resetFields();
    form.setFieldsValue({ date: toPicker(todayInChina()) });
    setProblem(null);
    setDialog(d);
  };

  return (
    <Card
      title="行政复议和行政诉讼"
      size="small"
      extra={
        props.canRecord && (
          <Button size="small" onClick={() => open({ kind: "file" })}>
            登记复议或诉讼
          </Button>
        )
      }
    >
      {error && <Alert type="error" title={error} showIcon />}
      <Table<Appeal>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: "无" }}
        columns={[
          { title: "类别", dataIndex: "kindLabel" },
          { title: "申请或起诉日期", dataIndex: "filedOn" },
          {
            title: "结果",
            render: (_, a) =>
              a.result ? (
                `${a.resultLabel ?? a.result}（${a.resultOn}）`
              ) : (
                <Typography.Text type="secondary">尚未审结</Typography.Text>
              ),
          },
          {
            title: "操作",
            render: (_, a) =>
              !a.result &&
              props.canRecord && (
                <Button size="small" onClick={() => open({ kind: "result", appeal: a })}>
                  登记结果
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog?.kind === "result" ? "登记复议决定或判决结果" : "登记行政复议或行政诉讼"}
        okText="确定"
        cancelText="取消"
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {dialog?.kind === "file" ? (
            <Form.Item label="类别" name="kind" rules={[{ required: true, message: "请选择类别" }]}>
              <Select options={meta.appealKinds.map((k) => ({ value: k.id, label: k.label }))} />
            </Form.Item>
          ) : (
            <Form.Item label="结果" name="result" rules={[{ required: true, message: "请选择结果" }]}>
              <Select options={meta.appealResults.map((k) => ({ value: k.id, label: k.label }))} />
            </Form.Item>
          )}
          <Form.Item
            label={dialog?.kind === "result" ? "决定或判决日期" : "申请复议或起诉日期"}
            name="date"
            rules={[{ required: true, message: "请选择日期" }]}
          >
            <DatePicker disabledDate={isAfterToday} />
          </Form.Item>
          {dialog?.kind === "result" && result === "corrected" && (
            <>
              <Form.Item name="reReplyRequired" valuePropName="checked">
                <Checkbox>决定或判决责令重新答复</Checkbox>
              </Form.Item>
              {reReply && (
                <>
                  <Form.Item label="本机关收到决定或判决之日（不填为决定日期）" name="decisionReceivedOn">
                    <DatePicker disabledDate={isAfterToday} />
                  </Form.Item>
                  <Form.Item
                    label="决定确定的重新答复期限（未确定的，自收到之日起20个工作日）"
                    name="reReplyDueOn"
                  >
                    <DatePicker />
                  </Form.Item>
                </>
              )}
            </>
          )}
          {problem && <Alert type="error" showIcon role="alert" title={problem} />}
        </Form>
      </Modal>
    </Card>
  );
}
