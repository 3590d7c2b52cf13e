import type { WorkingCalendar } from "@domain/calendar/calendar.ts";
import type { CivilDate } from "@domain/civil-date.ts";
import { computeDeadlines } from "@domain/deadlines/compute-deadlines.ts";
import {
  ID_TYPE_LABELS,
  type IdType,
  idNumberProblem,
  idTypeFits,
  PERSON_ID_TYPES,
  phoneProblem,
} from "@domain/identity-numbers.ts";
import {
  Alert,
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import { listApplications, registerApplication } from "../api/endpoints.ts";
import type { ApplicantType, Application, Channel, RegisterInput } from "../api/types.ts";
import { useWorkingCalendar } from "../calendar/use-working-calendar.ts";
import { showFieldErrors } from "../components/form-errors.ts";
import { HandlerSelect } from "../components/handler-select.tsx";
import { fromPicker, isAfterToday, oneYearBefore, todayInChina } from "../lib/dates.ts";
import { RECEIPT_EVIDENCE } from "../lib/receipt-evidence.ts";
import { DUPLICATE_SIMILARITY, textSimilarity } from "../lib/similarity.ts";
import { useTitle } from "../lib/use-title.ts";
import { useMeta } from "../session/meta.tsx";
import { useUser } from "../session/session.tsx";

/** The applicant as the intake form and the registration correction edit it. */
export interface ApplicantFields {
  type: ApplicantType;
  name: string;
  idType?: IdType;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
}

interface IntakeFields {
  channel: Channel;
  evidenceOn: Dayjs;
  applicant: ApplicantFields;
  description: string;
  deliveryForm?: string;
  trackingNumber?: string;
  handlerUsername?: string;
}

const DELIVERY_FORMS = ["纸质文本", "电子邮件", "光盘", "当场阅读、抄录"];

const ORG_ID_TYPES: readonly IdType[] = ["uscc", "other"];

/** The ID types an applicant of a type may show (the same rule as the API's, src/domain/identity-numbers.ts). */
export function idTypeOptions(applicantType: ApplicantType | undefined) {
  const types = applicantType === "natural_person" || !applicantType ? PERSON_ID_TYPES : ORG_ID_TYPES;
  return types.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }));
}

/** The form rules of the ID number and the phone: the domain's checks, the server's messages. */
export function idNumberRule(idType: IdType | undefined, applicantType: ApplicantType | undefined) {
  return {
    validator: async (_: unknown, value: string | undefined) => {
      if (!value?.trim() || !idType || !applicantType || !idTypeFits(idType, applicantType)) return;
      const problem = idNumberProblem(idType, value, todayInChina());
      if (problem) throw new Error(`证件号码${problem}`);
    },
  };
}

export const phoneRule = {
  validator: async (_: unknown, value: string | undefined) => {
    const problem = value?.trim() ? phoneProblem(value) : undefined;
    if (problem) throw new Error(`联系电话${problem}`);
  },
};

/** The first deadlines a receipt date implies, by the domain's engine (same code as the server). */
function FirstDeadlines(props: { receivedOn: CivilDate; calendar: WorkingCalendar }) {
  const clocks = useMemo(
    () =>
      computeDeadlines({ receivedOn: props.receivedOn, consultations: [] }, props.calendar, todayInChina()),
    [props.receivedOn, props.calendar],
  );
  return (
    <Descriptions size="small" column={1} bordered aria-label="保存前预计的期限">
      <Descriptions.Item label="收到申请之日">{props.receivedOn}</Descriptions.Item>
      {[clocks.supplementNotice, clocks.reply].map((c) => (
        <Descriptions.Item key={c.label} label={c.label}>
          <strong className="due-date">{c.dueOn}</strong>
          {c.isProvisional && <span>（暂定）</span>}
          <ul className="explanation">
            {c.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** Earlier applications of the same applicant in the last year with a similar description. */
function useDuplicates(agency: string | null, name: string | undefined, description: string | undefined) {
  const [hits, setHits] = useState<Application[]>([]);
  useEffect(() => {
    const who = name?.trim();
    const what = description?.trim();
    if (!who || !what || what.length < 4) {
      setHits([]);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      listApplications(
        {
          ...(agency ? { agency } : {}),
          q: who,
          receivedFrom: oneYearBefore(todayInChina()),
          pageSize: 100,
        },
        controller.signal,
      )
        .then((page) =>
          setHits(
            page.items.filter(
              (a) => a.applicant.name === who && textSimilarity(a.description, what) >= DUPLICATE_SIMILARITY,
            ),
          ),
        )
        .catch(() => undefined);
    }, 500);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [agency, name, description]);
  return hits;
}

function Registered(props: { app: Application; onNext: () => void }) {
  const { app } = props;
  return (
    <Result
      status="success"
      title={`已登记：${app.trackingNo}`}
      subTitle={`收到申请之日 ${app.receivedOn}；答复期限 ${app.deadlines.reply.dueOn}${app.deadlines.reply.provisional ? "（暂定）" : ""}`}
      extra={[
        <Link key="receipt" to={`/applications/${app.id}/receipt`} target="_blank">
          <Button type="primary">打印回执</Button>
        </Link>,
        <Link key="case" to={`/applications/${app.id}`}>
          <Button>查看申请</Button>
        </Link>,
        <Button key="next" onClick={props.onNext}>
          继续登记
        </Button>,
      ]}
    />
  );
}

export default function IntakePage() {
  useTitle("登记");
  const meta = useMeta();
  const user = useUser();
  const { message } = App.useApp();
  const calendar = useWorkingCalendar();
  const [form] = Form.useForm<IntakeFields>();
  const [saved, setSaved] = useState<Application | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const channel = Form.useWatch("channel", form);
  const evidenceOn = Form.useWatch("evidenceOn", form);
  const name = Form.useWatch(["applicant", "name"], form);
  const applicantType = Form.useWatch(["applicant", "type"], form);
  const idType = Form.useWatch(["applicant", "idType"], form);
  const description = Form.useWatch("description", form);
  const duplicates = useDuplicates(user.agencyCode, name, description);
  const receivedOn = fromPicker(evidenceOn) as CivilDate | undefined;
  const evidence = channel ? RECEIPT_EVIDENCE[channel] : null;

  if (saved) {
    return (
      <Registered
        app={saved}
        onNext={() => {
          setSaved(null);
          form.resetFields();
        }}
      />
    );
  }

  const submit = async (v: IntakeFields) => {
    setBusy(true);
    setProblems([]);
    const input: RegisterInput = {
      agencyCode: user.agencyCode ?? "",
      channel: v.channel,
      receivedOn: fromPicker(v.evidenceOn) ?? "",
      applicant: {
        ...(Object.fromEntries(
          Object.entries(v.applicant).flatMap(([k, x]) =>
            typeof x === "string" && x.trim() ? [[k, x.trim()]] : [],
          ),
        ) as Partial<RegisterInput["applicant"]>),
        type: v.applicant.type,
        name: v.applicant.name.trim(),
      },
      description: v.description,
    };
    if (v.deliveryForm?.trim()) input.deliveryForm = v.deliveryForm.trim();
    if (v.channel === "post" && v.trackingNumber?.trim()) input.trackingNumber = v.trackingNumber.trim();
    if (v.handlerUsername?.trim()) input.handlerUsername = v.handlerUsername.trim();
    try {
      const app = await registerApplication(input);
      void message.success(`已登记 ${app.trackingNo}`);
      setSaved(app);
    } catch (e) {
      setProblems(showFieldErrors(form, e, { receivedOn: ["evidenceOn"] }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} className="page-title">
        登记政府信息公开申请
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card>
            <Form<IntakeFields>
              form={form}
              layout="vertical"
              onFinish={(v) => void submit(v)}
              initialValues={{ applicant: { type: "natural_person", idType: "resident_id" } }}
              onValuesChange={(changed: Partial<IntakeFields>) => {
                const type = changed.applicant?.type;
                if (type) {
                  // The ID type follows the applicant type: 居民身份证 for a person, 统一社会信用代码 otherwise.
                  form.setFieldValue(
                    ["applicant", "idType"],
                    type === "natural_person" ? "resident_id" : "uscc",
                  );
                  if (form.getFieldValue(["applicant", "idNumber"]))
                    void form.validateFields([["applicant", "idNumber"]]);
                }
                if (changed.applicant?.idType && form.getFieldValue(["applicant", "idNumber"]))
                  void form.validateFields([["applicant", "idNumber"]]);
              }}
              aria-label="登记表"
            >
              <Form.Item
                label="申请方式"
                name="channel"
                rules={[{ required: true, message: "请选择申请方式" }]}
              >
                <Radio.Group options={meta.channels.map((c) => ({ value: c.id, label: c.label }))} />
              </Form.Item>
              <Form.Item
                label={evidence?.label ?? "收到日期"}
                name="evidenceOn"
                extra={evidence?.help ?? "请先选择申请方式"}
                rules={[{ required: true, message: `请填写${evidence?.label ?? "收到日期"}` }]}
              >
                <DatePicker disabledDate={isAfterToday} disabled={!channel} />
              </Form.Item>
              {channel === "post" && (
                <Form.Item
                  label="挂号单号"
                  name="trackingNumber"
                  extra="信封或邮件详情单上的挂号单号（如 XA123456789CN），作为收到挂号信的凭证"
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
              <Form.Item
                label="申请人情况"
                name={["applicant", "type"]}
                rules={[{ required: true, message: "请选择申请人类型" }]}
                extra="按年度报告表三的六列：自然人；法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）"
              >
                <Radio.Group options={meta.applicantTypes.map((t) => ({ value: t.id, label: t.label }))} />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    label="申请人姓名或名称"
                    name={["applicant", "name"]}
                    rules={[{ required: true, whitespace: true, message: "请填写申请人姓名或名称" }]}
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="证件类型" name={["applicant", "idType"]}>
                    <Select options={idTypeOptions(applicantType)} aria-label="证件类型" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    label="证件号码"
                    name={["applicant", "idNumber"]}
                    rules={[idNumberRule(idType, applicantType)]}
                    validateTrigger="onBlur"
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item
                    label="联系电话"
                    name={["applicant", "phone"]}
                    rules={[phoneRule]}
                    validateTrigger="onBlur"
                    extra="手机号，或带区号的固定电话（如 0571-87654321）"
                  >
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label="电子邮箱" name={["applicant", "email"]}>
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="通信地址" name={["applicant", "address"]}>
                <Input />
              </Form.Item>
              <Form.Item
                label="所需政府信息的内容描述"
                name="description"
                rules={[{ required: true, whitespace: true, message: "请填写申请公开的政府信息" }]}
              >
                <Input.TextArea rows={4} />
              </Form.Item>
              {duplicates.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 16 }}
                  title="可能是重复申请：同一申请人一年内提出过内容相近的申请"
                  description={
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {duplicates.map((d) => (
                        <li key={d.id}>
                          <Link to={`/applications/${d.id}`} target="_blank">
                            {d.trackingNo}
                          </Link>
                          （{d.receivedOn}，{d.stateLabel}）：{d.description}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="获取信息的方式" name="deliveryForm">
                    <AutoComplete options={DELIVERY_FORMS.map((value) => ({ value }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    label="承办人（分办，可选）"
                    name="handlerUsername"
                    extra="不选的，由审核人稍后分办，或由首先办理的承办人接办"
                  >
                    <HandlerSelect agencyCode={user.agencyCode ?? ""} />
                  </Form.Item>
                </Col>
              </Row>
              {problems.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 16 }}
                  title={problems.join("；")}
                />
              )}
              <Button type="primary" htmlType="submit" loading={busy}>
                保存登记
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="收到申请之日与期限（保存前预览）">
            {receivedOn && calendar ? (
              <FirstDeadlines receivedOn={receivedOn} calendar={calendar} />
            ) : (
              <Typography.Text type="secondary">
                选择申请方式并填写{evidence?.label ?? "日期"}
                后，这里显示收到申请之日（《条例》第三十一条）以及由此起算的补正告知期限和答复期限。
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
