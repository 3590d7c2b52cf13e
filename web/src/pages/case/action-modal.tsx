import { DECIDABLE_OUTCOME_IDS, type OutcomeId } from "@domain/outcomes.ts";
import { CONSULTATION_PARTIES, FEE_BASES, DELIVERY_METHODS as SENT_BY } from "@domain/vocabulary.ts";
import {
  Alert,
  App,
  AutoComplete,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import dayjs from "dayjs";
import { type ReactNode, useEffect, useState } from "react";
import { actOn } from "../../api/endpoints.ts";
import type {
  ActionAnswer,
  ActionBody,
  Application,
  OutcomeMeta,
  ReplyField,
  ReplyFormMeta,
} from "../../api/types.ts";
import { caseActionProblem } from "../../components/form-errors.ts";
import { HandlerSelect } from "../../components/handler-select.tsx";
import { fromPicker, isAfterToday, todayInChina, toPicker } from "../../lib/dates.ts";
import { type MetaIndex, useMeta } from "../../session/meta.tsx";
import { FeeCalculator } from "./fee-calculator.tsx";

type Fields = Record<string, unknown> & { on: Dayjs; reason?: string };

const DELIVERY_METHODS = ["邮寄（挂号信）", "当面领取", "电子邮件", "传真", "网上申请平台"];

/** Reason is required for these (API.md); for the rest it is an optional note. */
const REASON_REQUIRED = new Set(["extend", "set_custom_deadline", "request_extension", "return_proposal"]);

/**
 * The form of the reply the fields describe: 予以公开 by `disclosure`, 本机关不掌握 by whether the
 * holding agency is named (art. 36(四)/(五)); otherwise the outcome's first form.
 */
function replyFormOf(
  outcome: OutcomeMeta,
  fields: { disclosure?: string | undefined; holdingAgency?: string | undefined },
): ReplyFormMeta | undefined {
  const forms = outcome.replyForms ?? [];
  const byId = (id: string) => forms.find((f) => f.id === id);
  const chosen = fields.disclosure
    ? byId(fields.disclosure)
    : fields.holdingAgency?.trim()
      ? byId("other_agency")
      : undefined;
  return chosen ?? forms.find((f) => f.id !== "other_agency" && f.id !== "already_public") ?? forms[0];
}

/** What the reply states besides its outcome: the reasons, the holding agency, the way of disclosure. */
function ReplyDetailFields({ outcome }: { outcome: OutcomeMeta }) {
  const form = Form.useFormInstance();
  const disclosure = Form.useWatch("disclosure", form) as string | undefined;
  const holdingAgency = Form.useWatch("holdingAgency", form) as string | undefined;
  const reply = replyFormOf(outcome, { disclosure, holdingAgency });
  const forms = outcome.replyForms ?? [];
  const asksReasons = forms.some((f) => f.requires.includes("reasons") || f.reasonsLabel);
  const requires = (field: ReplyField) => reply?.requires.includes(field) ?? false;
  return (
    <>
      {forms.some((f) => f.id === "already_public") && (
        <Form.Item label="公开方式" name="disclosure" extra="不选的，按提供该政府信息答复">
          <Radio.Group
            options={[
              { value: "provided", label: "提供（第三十六条第（二）项）" },
              { value: "already_public", label: "已主动公开，告知获取方式（第三十六条第（一）项）" },
            ]}
          />
        </Form.Item>
      )}
      {forms.some((f) => f.requires.includes("holdingAgency")) && (
        <Form.Item
          label="负责公开该信息的机关及联系方式（能够确定时填写）"
          name="holdingAgency"
          extra="填写的，按第三十六条第（五）项答复并须说明理由；不填的，按第三十六条第（四）项（该政府信息不存在）"
        >
          <Input />
        </Form.Item>
      )}
      {asksReasons && (
        <Form.Item
          label={requires("reasons") ? (reply?.reasonsLabel ?? "理由") : "理由（可选）"}
          name="reasons"
          rules={requires("reasons") ? [{ required: true, whitespace: true, message: "请说明理由" }] : []}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <Form.Item
        label={reply?.replyTextLabel ?? "答复内容（可选）"}
        name="replyText"
        rules={requires("replyText") ? [{ required: true, whitespace: true, message: "请填写" }] : []}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  );
}

function OutcomeField({ meta }: { meta: MetaIndex }) {
  const form = Form.useFormInstance();
  const chosen = meta.outcome(Form.useWatch("outcome", form) as string | undefined);
  const options = meta.outcomeGroups
    .map((g) => ({
      label: g.label,
      title: g.label,
      options: meta.outcomes
        .filter((o) => o.group === g.id && o.decidable)
        .map((o) => ({ value: o.id, label: `${o.row2021} ${o.shortLabel}` })),
    }))
    .filter((g) => g.options.length > 0);
  return (
    <>
      <Form.Item label="办理结果" name="outcome" rules={[{ required: true, message: "请选择办理结果" }]}>
        <Select
          options={options}
          showSearch={{ optionFilterProp: "label" }}
          placeholder="按年度报告表三的行选择"
        />
      </Form.Item>
      {chosen && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title={`表三：${chosen.label}`}
          description={`法律依据：${chosen.basis}`}
          aria-live="polite"
        />
      )}
      {chosen ? (
        <ReplyDetailFields outcome={chosen} />
      ) : (
        <Form.Item label="答复内容（可选）" name="replyText">
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </>
  );
}

function FeeFields({ meta }: { meta: MetaIndex }) {
  const form = Form.useFormInstance();
  const basis = Form.useWatch("basis", form) as string | undefined;
  return (
    <>
      <Form.Item label="计收方式" name="basis" rules={[{ required: true, message: "请选择计收方式" }]}>
        <Radio.Group options={meta.feeBases.map((b) => ({ value: b.id, label: b.label }))} />
      </Form.Item>
      {basis && (
        <FeeCalculator basis={basis} onUse={(amountYuan) => form.setFieldValue("amountYuan", amountYuan)} />
      )}
      <Form.Item
        label="收费金额（元）"
        name="amountYuan"
        rules={[{ required: true, message: "请填写收费金额" }]}
      >
        <InputNumber min={0} step={1} style={{ width: 200 }} />
      </Form.Item>
    </>
  );
}

/** The actions that send a document to the applicant or a party, and so record its service (送达). */
const SENDING_ACTIONS = new Set([
  "request_supplement",
  "start_consultation",
  "issue_fee_notice",
  "decide",
  "re_reply",
]);

/**
 * 送达方式 and 对方收到日期 of a document sent by the action (DOMAIN.md §5). The method defaults
 * to the application's channel (a consultation letter: by post), as the server would record it.
 */
function ServiceFields({ type, app, meta }: { type: string; app: Application; meta: MetaIndex }) {
  const isConsultation = type === "start_consultation";
  const channel = meta.channels.find((c) => c.id === app.channel);
  const fallback = isConsultation
    ? (meta.consultationParties.find((p) => p.defaultDelivery)?.defaultDelivery ?? "post")
    : (channel?.defaultDelivery ?? "post");
  return (
    <>
      <Form.Item
        label="送达方式"
        name="sentBy"
        initialValue={fallback}
        rules={[{ required: true, message: "请选择送达方式" }]}
        extra={
          isConsultation ? "征求意见书默认邮寄送达" : `默认与申请方式（${channel?.label ?? app.channel}）一致`
        }
      >
        <Select options={meta.deliveryMethods.map((m) => ({ value: m.id, label: m.label }))} />
      </Form.Item>
      <Form.Item
        label="对方收到日期（已知时填写）"
        name="receivedByAddresseeOn"
        extra="期限自对方收到之日起计算。邮寄的，可在签收后于“送达”中登记签收日期和快递单号"
      >
        <DatePicker disabledDate={isAfterToday} />
      </Form.Item>
    </>
  );
}

/** 征求意见: the party's window is fixed by law, except for another agency (a date it is given). */
function ConsultationWindowField() {
  const party = Form.useWatch("party", Form.useFormInstance()) as string | undefined;
  if (!party) return null;
  if (party === "other_agency") {
    return (
      <Form.Item
        label="答复日期（可选）"
        name="dueOn"
        extra="请该机关在此日期前答复；不填的，自其收到征求意见书之日起15个工作日"
      >
        <DatePicker />
      </Form.Item>
    );
  }
  return (
    <Form.Item label="答复期限">
      <Typography.Text className="consultation-window">
        自收到之日起15个工作日（条例第三十二条、第三十四条）
      </Typography.Text>
    </Form.Item>
  );
}

/** The fields each action asks for, beyond the effective date and the note. */
function ActionFields({ type, app, meta }: { type: string; app: Application; meta: MetaIndex }): ReactNode {
  switch (type) {
    case "request_supplement":
      return (
        <>
          <Form.Item
            label="需要补正的事项（每行一项）"
            name="items"
            rules={[{ required: true, whitespace: true, message: "请列出需要补正的事项" }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="补正期限（工作日，不填按本机关默认）" name="windowWorkdays">
            <InputNumber min={1} max={60} />
          </Form.Item>
        </>
      );
    case "start_consultation":
      return (
        <>
          <Form.Item
            label="征求意见对象"
            name="party"
            rules={[{ required: true, message: "请选择征求意见对象" }]}
          >
            <Select options={meta.consultationParties.map((p) => ({ value: p.id, label: p.label }))} />
          </Form.Item>
          <Form.Item
            label="对象名称"
            name="name"
            rules={[{ required: true, whitespace: true, message: "请填写第三方或机关的名称" }]}
          >
            <Input />
          </Form.Item>
          <ConsultationWindowField />
        </>
      );
    case "end_consultation": {
      const open = (app.deadlines.consultations ?? []).filter((c) => c.id && c.state === "running");
      return (
        <Form.Item
          label="收到哪一方的意见"
          name="consultationId"
          initialValue={open.length === 1 ? open[0]?.id : undefined}
          rules={[{ required: true, message: "请选择征求意见对象" }]}
        >
          <Select options={open.map((c) => ({ value: c.id, label: `${c.label}（期限 ${c.dueOn}）` }))} />
        </Form.Item>
      );
    }
    case "extend":
    case "request_extension":
      return (
        <Form.Item
          label="延长的工作日数（1–20）"
          name="workdays"
          rules={[{ required: true, message: "请填写延长的工作日数" }]}
        >
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
      );
    case "issue_fee_notice":
      return <FeeFields meta={meta} />;
    case "set_custom_deadline":
      return (
        <Form.Item
          label="确定的答复期限"
          name="dueOn"
          rules={[{ required: true, message: "请选择答复期限" }]}
        >
          <DatePicker />
        </Form.Item>
      );
    case "decide":
    case "propose_decision":
    case "re_reply":
      return <OutcomeField meta={meta} />;
    case "assign":
      return (
        <Form.Item
          label={app.handler ? `转办给（现承办人：${app.handler}）` : "分办给"}
          name="handlerUsername"
          rules={[{ required: true, message: "请选择承办人" }]}
        >
          <HandlerSelect agencyCode={app.agencyCode} />
        </Form.Item>
      );
    case "deliver":
      return (
        <Form.Item
          label="送达方式"
          name="method"
          rules={[{ required: true, whitespace: true, message: "请填写送达方式" }]}
        >
          <AutoComplete options={DELIVERY_METHODS.map((value) => ({ value }))} />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** The action's name on its button and dialog: 分办 or 转办 by whether the case has a handler. */
export function actionTitle(type: string, app: Application, meta: MetaIndex): string {
  if (type === "assign") return app.handler ? "转办" : "分办";
  return meta.actionLabel(type);
}

type Body<T extends ActionBody["type"]> = Extract<ActionBody, { type: T }>;
type Outcome = Body<"decide">["outcome"];

const DISCLOSURES: readonly NonNullable<Body<"decide">["disclosure"]>[] = ["provided", "already_public"];
/** The outcomes a reply decides: the domain's table (DOMAIN.md §6), as the server's decide schema reads it. */
const isDecidable = (id: OutcomeId): id is Outcome => DECIDABLE_OUTCOME_IDS.includes(id);

/** A filled text field (empty: absent). */
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
const day = (v: unknown): string | undefined => (dayjs.isDayjs(v) ? v.format("YYYY-MM-DD") : undefined);
const oneOf = <T extends string>(v: unknown, allowed: readonly T[]): T | undefined =>
  allowed.find((a) => a === v);
const lines = (v: unknown): string[] =>
  typeof v === "string"
    ? v
        .split("\n")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * The form's values as the action's body (the document's ActionBody, one shape per type): each
 * type reads its own fields; a required text or number left empty goes as "" (or 0) and the
 * server's 422 names it next to its field. Undefined for a type the dialog does not build, or
 * without a choice the form requires (outcome, party, basis).
 */
function toInput(type: string, app: Application, v: Fields): ActionBody | undefined {
  const reasonText = typeof v.reason === "string" && v.reason.trim() ? v.reason.trim() : undefined;
  const common = { on: fromPicker(v.on) ?? "", expectedVersion: app.version, reason: reasonText };
  const service = {
    sentBy: oneOf(v.sentBy, SENT_BY),
    receivedByAddresseeOn: day(v.receivedByAddresseeOn),
  };
  const reply = {
    replyText: text(v.replyText),
    reasons: text(v.reasons),
    holdingAgency: text(v.holdingAgency),
    disclosure: oneOf(v.disclosure, DISCLOSURES),
  };
  const reason = reasonText ?? "";
  // The form requires these choices; without one there is no body to send.
  const picked = oneOf(v.outcome, DECIDABLE_OUTCOME_IDS);
  const outcome = picked !== undefined && isDecidable(picked) ? picked : undefined;
  const party = oneOf(v.party, CONSULTATION_PARTIES);
  const basis = oneOf(v.basis, FEE_BASES);
  switch (type) {
    case "request_supplement":
      return { type, ...common, ...service, items: lines(v.items), windowWorkdays: num(v.windowWorkdays) };
    case "start_consultation":
      if (!party) return undefined;
      return {
        type,
        ...common,
        ...service,
        party,
        name: text(v.name) ?? "",
        dueOn: day(v.dueOn),
        windowWorkdays: num(v.windowWorkdays),
      };
    case "end_consultation":
      return { type, ...common, consultationId: text(v.consultationId) ?? "" };
    case "extend":
    case "request_extension":
      return { type, ...common, reason, workdays: num(v.workdays) ?? 0 };
    case "issue_fee_notice":
      if (!basis) return undefined;
      return {
        type,
        ...common,
        ...service,
        basis,
        amountYuan: num(v.amountYuan) ?? 0,
      };
    case "set_custom_deadline":
      return { type, ...common, reason, dueOn: day(v.dueOn) ?? "" };
    case "decide":
    case "re_reply":
      return outcome && { type, ...common, ...service, ...reply, outcome };
    case "propose_decision":
      return outcome && { type, ...common, ...reply, outcome };
    case "return_proposal":
      return { type, ...common, reason };
    case "assign":
      return { type, ...common, handlerUsername: text(v.handlerUsername) ?? "" };
    case "deliver":
      return { type, ...common, method: text(v.method) ?? "" };
    case "receive_supplement":
    case "receive_fee":
    case "withdraw":
    case "archive":
    case "withdraw_proposal":
      return { type, ...common };
    default:
      return undefined;
  }
}

/**
 * One action on the case as a small form. Sends expectedVersion: a 409 version conflict means
 * someone else changed the case (reload); a 409 illegal action shows the server's message; a
 * 422 puts each message next to its field.
 */
export function ActionModal(props: {
  type: string | null;
  /** The dialog's title when it is not the action's label (批准延期 for extend). */
  title?: string | undefined;
  /** Fields filled in advance (an approval takes over the proposal's outcome, days, reason). */
  initial?: Record<string, unknown> | undefined;
  app: Application;
  onClose: () => void;
  /** The action's slim answer (the page reads the case again). */
  onDone: (answer: ActionAnswer) => void;
  onConflict: () => void;
}) {
  const { type, app } = props;
  const meta = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm<Fields>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (type) {
      form.resetFields();
      setProblem(null);
    }
  }, [type, form]);
  if (!type) return null;
  const label = props.title ?? actionTitle(type, app, meta);
  // 转办 (the case has a handler) says why; 分办 may.
  const isReasonRequired = REASON_REQUIRED.has(type) || (type === "assign" && app.handler !== null);

  const submit = async () => {
    let values: Fields;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const input = toInput(type, app, values);
      if (!input) {
        setProblem(`${label}：请填写必填的选项`);
        return;
      }
      const next = await actOn(app.id, input);
      void message.success(`${label}：已保存`);
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
      title={label}
      okText="确定"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={620}
    >
      <Form<Fields>
        form={form}
        layout="vertical"
        aria-label={label}
        initialValues={{ on: toPicker(todayInChina()), ...props.initial }}
        preserve={false}
      >
        <Form.Item
          label="生效日期（实际发生之日）"
          name="on"
          rules={[{ required: true, message: "请选择生效日期" }]}
          extra="不能晚于今天，也不能早于上一项操作"
        >
          <DatePicker disabledDate={isAfterToday} />
        </Form.Item>
        <ActionFields type={type} app={app} meta={meta} />
        {SENDING_ACTIONS.has(type) && <ServiceFields type={type} app={app} meta={meta} />}
        <Form.Item
          label={isReasonRequired ? "理由" : "备注（可选）"}
          name="reason"
          rules={isReasonRequired ? [{ required: true, whitespace: true, message: "请填写理由" }] : []}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <Alert type="error" showIcon role="alert" title={problem} />}
      </Form>
    </Modal>
  );
}
