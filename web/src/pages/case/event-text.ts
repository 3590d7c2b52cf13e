import { ACTION_EVENT_TYPES } from "@domain/application-events.ts";
import type { EventView } from "../../api/types.ts";
import type { MetaIndex } from "../../session/meta.tsx";

const ACTION_OF_EVENT = new Map<string, string>(Object.entries(ACTION_EVENT_TYPES).map(([a, e]) => [e, a]));

const OTHER_EVENT_LABELS: Record<string, string> = {
  "application.registered": "登记",
  "supplement.expired": "补正期限届满未补正，终止办理（自动）",
  "consultation.expired": "征求意见期限届满（自动）",
  "fee.expired": "缴费期限届满未缴费，终止办理（自动）",
  "calendar.changed": "放假安排变更，期限重新计算",
};

export function eventLabel(e: EventView, meta: MetaIndex): string {
  if (e.type === "case.assigned") {
    if (e.payload.byFirstAction) return "接办（承办人首次办理）";
    return e.payload.previousUsername ? "转办" : "分办";
  }
  const action = ACTION_OF_EVENT.get(e.type);
  if (action) return meta.actionLabel(action);
  return OTHER_EVENT_LABELS[e.type] ?? e.type;
}

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** “；邮寄送达”, “；直接送达（当面交付），对方于 2026-03-04 收到”: a sent document's service. */
function serviceText(p: Record<string, unknown>, meta: MetaIndex): string {
  const how = p.sentBy ? `；${meta.label("deliveryMethods", text(p.sentBy))}` : "";
  const received = text(p.receivedByAddresseeOn) || text(p.receivedByApplicantOn);
  return `${how}${received ? `；对方于 ${received} 收到` : ""}`;
}

/** The names of the registration fields a correction may change (更正登记信息), in the log's words. */
export const REGISTRATION_FIELD_LABELS: Record<string, string> = {
  "applicant.type": "申请人类型",
  "applicant.name": "申请人姓名或名称",
  "applicant.idType": "证件类型",
  "applicant.idNumber": "证件号码",
  "applicant.phone": "联系电话",
  "applicant.email": "电子邮箱",
  "applicant.address": "通信地址",
  description: "申请内容",
  channel: "申请方式",
  receivedOn: "收到日期",
  deliveryForm: "获取信息的方式",
  trackingNumber: "挂号单号",
};

/** What the event says, in one line: the items, the party, the days, the outcome … */
export function eventSummary(e: EventView, all: readonly EventView[], meta: MetaIndex): string {
  const p = e.payload;
  const consultationName = () => {
    const started = all.find(
      (x) => x.type === "consultation.started" && x.payload.consultationId === p.consultationId,
    );
    return started ? text(started.payload.name) : text(p.consultationId);
  };
  switch (e.type) {
    case "application.registered":
      return [
        p.channel ? meta.label("channels", text(p.channel)) : "",
        p.backdated ? "补录（登记晚于收到申请之日）" : "",
      ]
        .filter(Boolean)
        .join("，");
    case "supplement.requested":
      return `补正事项：${Array.isArray(p.items) ? p.items.map(text).join("；") : ""}；补正期限 ${text(p.windowWorkdays)} 个工作日${serviceText(p, meta)}`;
    case "consultation.started": {
      const party = meta.consultationParties.find((x) => x.id === p.party)?.label ?? text(p.party);
      const window = p.dueOn ? `答复日期 ${text(p.dueOn)}` : `答复期限 ${text(p.windowWorkdays)} 个工作日`;
      return `${party}：${text(p.name)}；${window}${serviceText(p, meta)}`;
    }
    case "consultation.answered":
    case "consultation.expired":
      return `征求意见对象：${consultationName()}`;
    case "extension.granted":
      return `延长 ${text(p.workdays)} 个工作日；理由：${text(p.reason)}`;
    case "fee.notified": {
      const basis = meta.feeBases.find((x) => x.id === p.basis)?.label ?? text(p.basis);
      return `${basis} ${text(p.amountYuan)} 元${serviceText(p, meta)}`;
    }
    case "deadline.customized":
      return `答复期限定为 ${text(p.dueOn)}；理由：${text(p.reason)}`;
    case "decision.issued":
      return `办理结果：${meta.outcome(text(p.outcome))?.shortLabel ?? text(p.outcome)}${serviceText(p, meta)}`;
    case "document.received": {
      const doc = meta.label("outgoingDocuments", text(p.document));
      const party = p.consultationId ? `（${consultationName()}）` : "";
      const tracking = p.trackingNumber ? `；快递单号 ${text(p.trackingNumber)}` : "";
      return `${doc}${party}签收日期 ${e.on}${tracking}`;
    }
    case "reply.delivered":
      return `送达方式：${text(p.method)}`;
    case "decision.proposed":
      return `拟作出的办理结果：${meta.outcome(text(p.outcome))?.shortLabel ?? text(p.outcome)}`;
    case "extension.requested":
      return `拟延长 ${text(p.workdays)} 个工作日；理由：${text(p.reason)}`;
    case "proposal.returned":
      return `退回理由：${text(p.reason)}`;
    case "proposal.withdrawn":
      return "承办人撤回了待审批的意见，可重新提交";
    case "case.assigned": {
      const to = `承办人：${text(p.handlerName)}（${text(p.handlerUsername)}）`;
      return p.previousName ? `${to}；原承办人：${text(p.previousName)}` : to;
    }
    case "registration.amended": {
      // The fields by name only: a log line never carries the values (personal data).
      // In the form's order (a jsonb column keeps its own key order).
      const changed = new Set(Object.keys((p.changes ?? {}) as Record<string, unknown>));
      const known = Object.keys(REGISTRATION_FIELD_LABELS).filter((f) => changed.has(f));
      const fields = [...known, ...[...changed].filter((f) => !(f in REGISTRATION_FIELD_LABELS))];
      return `更正的项目：${fields.map((f) => REGISTRATION_FIELD_LABELS[f] ?? f).join("、")}`;
    }
    case "calendar.changed":
      return p.year
        ? `${text(p.year)}年放假安排更正后，自动事件的日期随之调整`
        : "自动事件的日期随放假安排调整";
    default:
      return "";
  }
}
