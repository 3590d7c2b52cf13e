import { Alert, App, AutoComplete, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { actOn } from "../../api/endpoints.ts";
import type { ActionAnswer, Applicant, Application, Channel } from "../../api/types.ts";
import { caseActionProblem } from "../../components/form-errors.ts";
import { fromPicker, isAfterToday, todayInChina, toPicker } from "../../lib/dates.ts";
import { useMeta } from "../../session/meta.tsx";
import { type ApplicantFields, idNumberRule, idTypeOptions, phoneRule } from "../intake-page.tsx";

interface Fields {
  changes: {
    applicant: ApplicantFields;
    description: string;
    channel: Channel;
    receivedOn: Dayjs;
    deliveryForm?: string;
    trackingNumber?: string;
  };
  reason: string;
}

const DELIVERY_FORMS = ["纸质文本", "电子邮件", "光盘", "当场阅读、抄录"];

/** The applicant's filled fields, trimmed; the empty ones left out. */
function trimmedApplicant(a: Fields["changes"]["applicant"]): Applicant {
  const filled = Object.fromEntries(
    Object.entries(a).flatMap(([k, v]) => (typeof v === "string" && v.trim() ? [[k, v.trim()]] : [])),
  );
  return { ...filled, type: a.type, name: a.name.trim() } as Applicant;
}

/**
 * 更正登记信息 (issue 11): the registration as entered, prefilled; what differs is sent with the
 * required reason. The applicant is corrected only where the page shows it in full (a masked
 * number would be stored as such). A corrected receipt date re-derives every deadline; the
 * server refuses one a recorded event no longer fits (409, shown here).
 */
export function AmendRegistrationModal(props: {
  app: Application;
  onClose: () => void;
  /** The action's slim answer (the page reads the case again). */
  onDone: (answer: ActionAnswer) => void;
  onConflict: () => void;
}) {
  const { app } = props;
  const meta = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const channel = Form.useWatch(["changes", "channel"], form) ?? app.channel;
  const applicantType = Form.useWatch(["changes", "applicant", "type"], form) ?? app.applicant.type;
  const idType = Form.useWatch(["changes", "applicant", "idType"], form);
  const applicantEditable = app.personalData === "full";

  const submit = async () => {
    let v: Fields;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const c = v.changes;
    const changes: Record<string, unknown> = {};
    if (applicantEditable) {
      const applicant = trimmedApplicant(c.applicant);
      if (JSON.stringify(applicant) !== JSON.stringify(trimmedApplicant(app.applicant)))
        changes.applicant = applicant;
    }
    if (c.description !== app.description) changes.description = c.description;
    if (c.channel !== app.channel) changes.channel = c.channel;
    const receivedOn = fromPicker(c.receivedOn);
    if (receivedOn && receivedOn !== app.receivedOn) changes.receivedOn = receivedOn;
    const deliveryForm = c.deliveryForm?.trim() ?? "";
    if (deliveryForm && deliveryForm !== (app.deliveryForm ?? "")) changes.deliveryForm = deliveryForm;
    const tracking = c.trackingNumber?.trim() ?? "";
    if (c.channel === "post" && tracking && tracking !== (app.trackingNumber ?? ""))
      changes.trackingNumber = tracking;
    if (Object.keys(changes).length === 0) {
      setProblem("没有需要更正的内容：所填各项与已登记的相同");
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const next = await actOn(app.id, {
        type: "amend_registration",
        on: todayInChina(),
        expectedVersion: app.version,
        reason: v.reason.trim(),
        changes,
      });
      void message.success("更正登记信息：已保存");
      props.onDone(next);
    } catch (e) {
      setProblem(
        caseActionProblem(form, e, { warn: (t, s) => message.warning(t, s), onConflict: props.onConflict }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="更正登记信息"
      okText="保存更正"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={680}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        aria-label="更正登记信息"
        preserve={false}
        initialValues={{
          changes: {
            applicant: { ...app.applicant },
            description: app.description,
            channel: app.channel,
            receivedOn: toPicker(app.receivedOn),
            deliveryForm: app.deliveryForm ?? undefined,
            trackingNumber: app.trackingNumber ?? undefined,
          },
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item label="申请方式" name={["changes", "channel"]} rules={[{ required: true }]}>
              <Select
                options={meta.channels.map((c) => ({ value: c.id, label: c.label }))}
                aria-label="申请方式"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label="收到日期"
              name={["changes", "receivedOn"]}
              rules={[{ required: true, message: "请填写收到日期" }]}
              extra="更正后按新日期重新计算全部期限"
            >
              <DatePicker disabledDate={isAfterToday} />
            </Form.Item>
          </Col>
        </Row>
        {channel === "post" && (
          <Form.Item
            label="挂号单号"
            name={["changes", "trackingNumber"]}
            rules={[
              {
                pattern: /^\s*[A-Za-z0-9-]{6,30}\s*$/,
                message: "挂号单号应为6到30位字母或数字（如 XA123456789CN）",
              },
            ]}
          >
            <Input style={{ maxWidth: 280 }} />
          </Form.Item>
        )}
        {applicantEditable ? (
          <>
            <Form.Item
              label="申请人类型"
              name={["changes", "applicant", "type"]}
              rules={[{ required: true }]}
            >
              <Radio.Group options={meta.applicantTypes.map((t) => ({ value: t.id, label: t.label }))} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="申请人姓名或名称"
                  name={["changes", "applicant", "name"]}
                  rules={[{ required: true, whitespace: true, message: "请填写申请人姓名或名称" }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item label="证件类型" name={["changes", "applicant", "idType"]}>
                  <Select options={idTypeOptions(applicantType)} aria-label="证件类型" allowClear />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="证件号码"
                  name={["changes", "applicant", "idNumber"]}
                  rules={[idNumberRule(idType, applicantType)]}
                  validateTrigger="onBlur"
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item
                  label="联系电话"
                  name={["changes", "applicant", "phone"]}
                  rules={[phoneRule]}
                  validateTrigger="onBlur"
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item label="电子邮箱" name={["changes", "applicant", "email"]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item label="通信地址" name={["changes", "applicant", "address"]}>
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </>
        ) : (
          <Alert type="info" showIcon title="申请人信息仅在本机关的申请页面完整显示，此处不能更正" />
        )}
        <Form.Item
          label="所需政府信息的内容描述"
          name={["changes", "description"]}
          rules={[{ required: true, whitespace: true, message: "请填写申请公开的政府信息" }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label="获取信息的方式" name={["changes", "deliveryForm"]}>
          <AutoComplete options={DELIVERY_FORMS.map((value) => ({ value }))} />
        </Form.Item>
        <Form.Item
          label="更正理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: "请填写更正理由" }]}
          extra="记入办理记录（记录只列更正的项目，不记内容）"
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      </Form>
    </Modal>
  );
}
