/**
 * The lifecycle's guards. Each check returns null when it passes, or the reason in Chinese a
 * clerk can act on; the machine's guards are these checks, and the 409 message quotes the first
 * one that failed, so the rule and its explanation cannot drift apart.
 */
import type { GuardArgs } from "xstate";
import type { ApplicationEvent, ApplicationEventType, Service } from "../src/domain/application-events.ts";
import type { CaseFacts, DocumentService } from "../src/domain/case-facts.ts";
import {
  isFeeAwaitingPayment,
  isFeeNoticeAwaitingReceipt,
  isSupplementNoticeAwaitingReceipt,
  openConsultations,
} from "../src/domain/case-predicates.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";
import { computeReplyDeadline } from "../src/domain/deadlines/compute-reply-deadline.ts";
import {
  consultationWindowEnd,
  expiryDate,
  feeService,
  feeWindowEnd,
  serviceStart,
  supplementWindowEnd,
} from "../src/domain/deadlines/window-ends.ts";
import { DECIDABLE_OUTCOME_IDS, getOutcome, isOutcomeId } from "../src/domain/outcomes.ts";
import { CONSULTATION_WINDOW_WORKDAYS, MAX_EXTENSION_WORKDAYS } from "../src/domain/statute.ts";
import { OUTGOING_DOCUMENT_LABELS } from "../src/domain/vocabulary.ts";
import type { ApplicationContext, ApplicationMachineDeps } from "./application-context.ts";

/**
 * Policy, not statute: a sanity bound on the supplement window the agency sets (art. 30 names no
 * length; the config default is 15 WD). A longer window is almost certainly a typo.
 */
export const MAX_SUPPLEMENT_WINDOW_WORKDAYS = 60;

/** The machine's deps, and the context's reply deadline when a caller checks many events against one context. */
export interface CheckDeps extends ApplicationMachineDeps {
  replyDueOn?: () => CivilDate;
}

type Check = (context: ApplicationContext, event: ApplicationEvent, deps: CheckDeps) => string | null;
type EventOf<T extends ApplicationEventType> = Extract<ApplicationEvent, { type: T }>;

/** A check that reads one event type's payload; any other event fails it. */
function forEvent<T extends ApplicationEventType>(
  type: T,
  check: (context: ApplicationContext, event: EventOf<T>, deps: CheckDeps) => string | null,
): Check {
  return forEvents([type], check);
}

/** A check that reads the payload shared by several event types (an action and its proposal). */
function forEvents<T extends ApplicationEventType>(
  types: readonly T[],
  check: (context: ApplicationContext, event: EventOf<T>, deps: CheckDeps) => string | null,
): Check {
  // The cast only restates the narrowing TypeScript cannot do on a generic `type`.
  return (context, event, deps) =>
    (types as readonly ApplicationEventType[]).includes(event.type)
      ? check(context, event as EventOf<T>, deps)
      : `事件类型应为 ${types.join(" 或 ")}`;
}

const isPositiveInteger = (n: number, max = Number.MAX_SAFE_INTEGER) =>
  Number.isInteger(n) && n >= 1 && n <= max;
const isBlank = (s: string | undefined) => s === undefined || s.trim() === "";

const isReceiptBeforeSending = (event: Service & { on: CivilDate }) =>
  event.receivedByAddresseeOn !== undefined && event.receivedByAddresseeOn < event.on;

/** The document a receipt names: when it went out and whether its receipt is recorded. */
function sentDocument(
  facts: CaseFacts,
  event: Extract<ApplicationEvent, { type: "document.received" }>,
): { sentOn: CivilDate; service: DocumentService | undefined } | undefined {
  switch (event.document) {
    case "supplement_notice":
      return facts.supplement && { sentOn: facts.supplement.requestedOn, service: facts.supplement.service };
    case "fee_notice":
      return facts.fee && { sentOn: facts.fee.notifiedOn, service: feeService(facts.fee) };
    case "consultation_letter": {
      const c = facts.consultations.find((x) => x.id === event.consultationId);
      return c && { sentOn: c.startedOn, service: c.service };
    }
    case "reply":
      return facts.disposition?.by === "decision"
        ? { sentOn: facts.disposition.on, service: facts.replyService }
        : undefined;
    default:
      return undefined;
  }
}

const CHECKS = {
  isOnOrAfterLastEvent: ({ lastOn, facts }, event) => {
    if (event.on < facts.receivedOn) return `日期 ${event.on} 早于收到申请之日 ${facts.receivedOn}`;
    if (event.on < lastOn)
      return `日期 ${event.on} 早于上一项办理事项的日期 ${lastOn}，办理事项须按时间顺序登记`;
    return null;
  },
  isFirstSupplementNotice: ({ facts }) =>
    facts.supplement
      ? `已于 ${facts.supplement.requestedOn} 告知补正，补正只能告知一次（《条例》第三十条）`
      : null,
  isValidSupplementRequest: forEvent("supplement.requested", (_c, event) => {
    if (isReceiptBeforeSending(event)) return "申请人收到补正告知书之日不能早于发出之日";
    if (event.items.length === 0 || event.items.some((item) => isBlank(item))) {
      return "补正告知书须逐项写明需要补正的事项（《条例》第三十条）";
    }
    if (!isPositiveInteger(event.windowWorkdays, MAX_SUPPLEMENT_WINDOW_WORKDAYS)) {
      return `补正期限应为 1 至 ${MAX_SUPPLEMENT_WINDOW_WORKDAYS} 个工作日的整数，收到 ${event.windowWorkdays}`;
    }
    return null;
  }),
  hasNoOpenConsultation: ({ facts }) => {
    const open = openConsultations(facts);
    if (open.length === 0) return null;
    const names = open.map((c) => `“${c.name}”`).join("、");
    return `征求意见尚未结束（${names}），须待答复或期限届满（《条例》第三十二条、第三十四条）`;
  },
  hasNoFeeAwaitingPayment: ({ facts }) =>
    isFeeAwaitingPayment(facts) ? `已于 ${facts.fee?.notifiedOn} 发出收费通知，尚待申请人缴费` : null,
  isAfterSupplementWindow: forEvent("supplement.expired", ({ facts }, event, { calendar }) => {
    if (!facts.supplement) return "未告知补正";
    if (isSupplementNoticeAwaitingReceipt(facts)) {
      return "补正告知书以邮寄方式送达，申请人签收日期尚未登记，补正期限尚未起算（《条例》第三十条）";
    }
    const lastDay = supplementWindowEnd(facts.supplement, calendar);
    return event.on > lastDay
      ? null
      : `补正期限最后一日为 ${lastDay}，${expiryDate(lastDay)} 起方可按逾期不补正处理（《条例》第三十条）`;
  }),
  isNewConsultation: forEvent("consultation.started", ({ facts }, event) => {
    if (isBlank(event.consultationId)) return "征求意见编号不能为空";
    if (facts.consultations.some((c) => c.id === event.consultationId)) {
      return `征求意见编号“${event.consultationId}”已在本申请中使用`;
    }
    if (isBlank(event.name)) return "须写明征求意见对象的名称";
    if (!isPositiveInteger(event.windowWorkdays)) {
      return `征求意见期限应为正整数个工作日，收到 ${event.windowWorkdays}`;
    }
    if (event.party !== "other_agency" && event.windowWorkdays !== CONSULTATION_WINDOW_WORKDAYS) {
      return `第三方、共同制作机关的答复期限为自收到征求意见书之日起${CONSULTATION_WINDOW_WORKDAYS}个工作日（《条例》第三十二条、第三十四条），不能另定`;
    }
    if (event.dueOn !== undefined && (event.party !== "other_agency" || event.dueOn <= event.on)) {
      return event.party !== "other_agency"
        ? "只有征求其他机关意见时才由本机关确定答复日期"
        : `确定的答复日期 ${event.dueOn} 须晚于发出征求意见书之日 ${event.on}`;
    }
    return isReceiptBeforeSending(event) ? "收到征求意见书之日不能早于发出之日" : null;
  }),
  isOpenConsultation: ({ facts }, event) => {
    const id = "consultationId" in event ? event.consultationId : undefined;
    return openConsultations(facts).some((c) => c.id === id) ? null : `没有编号为“${id}”且尚未结束的征求意见`;
  },
  isAfterConsultationWindow: forEvent("consultation.expired", ({ facts }, event, { calendar }) => {
    const c = facts.consultations.find((x) => x.id === event.consultationId);
    if (!c) return `没有编号为“${event.consultationId}”的征求意见`;
    const lastDay = consultationWindowEnd(c, calendar);
    return event.on > lastDay ? null : `征求意见期限最后一日为 ${lastDay}，尚未届满`;
  }),
  isFirstExtension: ({ facts }) =>
    facts.extension
      ? `已于 ${facts.extension.grantedOn} 延期答复 ${facts.extension.workdays} 个工作日，延期只能一次（《条例》第三十三条第二款）`
      : null,
  isExtensionAllowed: forEvents(["extension.granted", "extension.requested"], (_c, event) => {
    if (!isPositiveInteger(event.workdays, MAX_EXTENSION_WORKDAYS)) {
      return `延长的期限最长不得超过 ${MAX_EXTENSION_WORKDAYS} 个工作日（《条例》第三十三条第二款），收到 ${event.workdays}`;
    }
    return isBlank(event.reason) ? "须写明延期答复的理由" : null;
  }),
  isBeforeReplyDeadline: ({ facts }, event, { calendar, replyDueOn }) => {
    const dueOn = replyDueOn ? replyDueOn() : computeReplyDeadline(facts, calendar).dueOn;
    return event.on <= dueOn
      ? null
      : `答复期限已于 ${dueOn} 届满，延期须在期限届满前批准（《条例》第三十三条第二款）`;
  },
  isFirstFeeNotice: ({ facts }) =>
    facts.fee ? `已于 ${facts.fee.notifiedOn} 发出收费通知，收费通知只能发出一次` : null,
  isValidFeeNotice: forEvent("fee.notified", (_c, event) => {
    if (!Number.isFinite(event.amountYuan) || event.amountYuan <= 0) {
      return `收费金额应为大于 0 的数额（元），收到 ${event.amountYuan}`;
    }
    const received = event.receivedByAddresseeOn ?? event.receivedByApplicantOn;
    if (received !== undefined && received < event.on) {
      return `申请人收到收费通知之日 ${received} 不能早于通知发出之日 ${event.on}`;
    }
    return null;
  }),
  isAfterFeeWindow: forEvent("fee.expired", ({ facts }, event, { calendar }) => {
    if (!facts.fee) return "未发出收费通知";
    if (isFeeNoticeAwaitingReceipt(facts)) {
      return "收费通知书以邮寄方式送达，申请人签收日期尚未登记，缴费期限尚未起算";
    }
    const lastDay = feeWindowEnd(facts.fee, calendar);
    return event.on > lastDay
      ? null
      : `缴费期限最后一日为 ${lastDay}，尚未届满（《政府信息公开信息处理费管理办法》）`;
  }),
  isValidCustomDeadline: forEvent("deadline.customized", (_c, event) => {
    if (event.dueOn <= event.on) return `确定的答复期限 ${event.dueOn} 须晚于作出决定之日 ${event.on}`;
    return isBlank(event.reason) ? "须写明确定合理答复期限的理由（《条例》第三十五条）" : null;
  }),
  isDecidableOutcome: forEvents(["decision.issued", "decision.proposed", "rereply.issued"], (_c, event) => {
    if (!isOutcomeId(event.outcome)) return `“${event.outcome}”不是有效的办理结果`;
    if (DECIDABLE_OUTCOME_IDS.includes(event.outcome)) return null;
    return `“${getOutcome(event.outcome).shortLabel}”由系统在期限届满时自动办结，不能作为答复结果`;
  }),
  hasSupplementIfRequired: forEvents(["decision.issued", "decision.proposed"], ({ facts }, event) => {
    if (!isOutcomeId(event.outcome) || !getOutcome(event.outcome).requiresSupplementReceived) return null;
    return facts.supplement?.receivedOn
      ? null
      : `“${getOutcome(event.outcome).shortLabel}”只能在收到补正之后作出（《条例》第三十条）`;
  }),
  hasPendingProposal: ({ facts }) => (facts.proposal ? null : "没有待审批的答复或延期申请"),
  /** One pending proposal at a time: a second one would silently replace the first. */
  hasNoPendingProposal: ({ facts }) => {
    const p = facts.proposal;
    if (!p) return null;
    const what = p.kind === "decision" ? "答复意见" : "延期申请";
    return `已有一份待审批的${what}（${p.on} 提交）：请等待审批或先撤回`;
  },
  isValidAssignment: forEvent("case.assigned", (_c, event) =>
    isBlank(event.handlerUsername) ? "须选择承办人" : null,
  ),
  hasReturnReason: forEvent("proposal.returned", (_c, event) =>
    isBlank(event.reason) ? "须写明退回的理由" : null,
  ),
  hasDeliveryMethod: forEvent("reply.delivered", (_c, event) =>
    isBlank(event.method) ? "须写明送达方式" : null,
  ),
  isReReplyOrderable: forEvent("rereply.ordered", ({ facts }, event) => {
    if (facts.disposition?.by !== "decision") return "本申请尚未作出答复，无需重新答复";
    if (facts.reReply && !facts.reReply.issuedOn) {
      return `已于 ${facts.reReply.orderedOn} 登记须重新答复，尚未作出新的答复`;
    }
    if (event.dueOn !== undefined && event.dueOn <= event.on) {
      return `决定确定的重新答复期限 ${event.dueOn} 须晚于收到决定之日 ${event.on}`;
    }
    return null;
  }),
  hasOpenReReply: ({ facts }) =>
    facts.reReply && !facts.reReply.issuedOn
      ? null
      : "没有待重新答复的复议或诉讼决定（须先登记复议纠正或判决重新答复的结果）",
  isUnreceivedDocument: forEvent("document.received", ({ facts }, event) => {
    const label = OUTGOING_DOCUMENT_LABELS[event.document];
    const sent = sentDocument(facts, event);
    if (!sent) {
      return `本申请没有已发出的${label}${event.consultationId ? `（编号“${event.consultationId}”）` : ""}`;
    }
    if (sent.service?.receivedOn) return `${label}的送达日期已登记为 ${sent.service.receivedOn}`;
    if (serviceStart(sent.sentOn, sent.service) !== null) {
      return `${label}不是邮寄送达，发出之日即为送达之日，无需登记签收日期`;
    }
    if (event.on < sent.sentOn) return `收到日期 ${event.on} 早于${label}的发出日期 ${sent.sentOn}`;
    return null;
  }),
} satisfies Record<string, Check>;

export type CheckName = keyof typeof CHECKS;

/**
 * The checks each event must pass wherever the machine accepts it. Checks that only matter in
 * some states (an open consultation blocks a decision in inProgress) hold vacuously elsewhere.
 */
export const EVENT_CHECKS = {
  "supplement.requested": [
    "isOnOrAfterLastEvent",
    "isFirstSupplementNotice",
    "hasNoOpenConsultation",
    "hasNoFeeAwaitingPayment",
    "isValidSupplementRequest",
  ],
  "supplement.received": ["isOnOrAfterLastEvent"],
  "supplement.expired": ["isOnOrAfterLastEvent", "isAfterSupplementWindow"],
  "consultation.started": ["isOnOrAfterLastEvent", "isNewConsultation"],
  "consultation.answered": ["isOnOrAfterLastEvent", "isOpenConsultation"],
  "consultation.expired": ["isOnOrAfterLastEvent", "isOpenConsultation", "isAfterConsultationWindow"],
  "extension.granted": [
    "isOnOrAfterLastEvent",
    "isFirstExtension",
    "isExtensionAllowed",
    "isBeforeReplyDeadline",
  ],
  "fee.notified": ["isOnOrAfterLastEvent", "isFirstFeeNotice", "isValidFeeNotice"],
  "fee.paid": ["isOnOrAfterLastEvent"],
  "fee.expired": ["isOnOrAfterLastEvent", "isAfterFeeWindow"],
  "deadline.customized": ["isOnOrAfterLastEvent", "isValidCustomDeadline"],
  "decision.issued": [
    "isOnOrAfterLastEvent",
    "hasNoOpenConsultation",
    "hasNoFeeAwaitingPayment",
    "isDecidableOutcome",
    "hasSupplementIfRequired",
  ],
  "decision.proposed": [
    "isOnOrAfterLastEvent",
    "hasNoPendingProposal",
    "hasNoOpenConsultation",
    "hasNoFeeAwaitingPayment",
    "isDecidableOutcome",
    "hasSupplementIfRequired",
  ],
  "extension.requested": [
    "isOnOrAfterLastEvent",
    "hasNoPendingProposal",
    "isFirstExtension",
    "isExtensionAllowed",
    "isBeforeReplyDeadline",
  ],
  "proposal.returned": ["isOnOrAfterLastEvent", "hasPendingProposal", "hasReturnReason"],
  "proposal.withdrawn": ["isOnOrAfterLastEvent", "hasPendingProposal"],
  "case.assigned": ["isOnOrAfterLastEvent", "isValidAssignment"],
  "registration.amended": ["isOnOrAfterLastEvent"],
  "application.withdrawn": ["isOnOrAfterLastEvent"],
  "reply.delivered": ["isOnOrAfterLastEvent", "hasDeliveryMethod"],
  "application.archived": ["isOnOrAfterLastEvent"],
  "document.received": ["isOnOrAfterLastEvent", "isUnreceivedDocument"],
  "rereply.ordered": ["isOnOrAfterLastEvent", "isReReplyOrderable"],
  "rereply.issued": ["isOnOrAfterLastEvent", "hasOpenReReply", "isDecidableOutcome"],
} as const satisfies Record<ApplicationEventType, readonly CheckName[]>;

/** The first failing check's reason, or null when every check of this event type passes. */
export function refusalReason(
  context: ApplicationContext,
  event: ApplicationEvent,
  deps: CheckDeps,
): string | null {
  for (const name of EVENT_CHECKS[event.type]) {
    const reason = CHECKS[name](context, event, deps);
    if (reason !== null) return reason;
  }
  return null;
}

/** `deps` with the context's reply deadline computed on first use, once for every check after it. */
export function withReplyDeadlineOnce(deps: ApplicationMachineDeps, context: ApplicationContext): CheckDeps {
  let dueOn: CivilDate | undefined;
  return {
    ...deps,
    replyDueOn: () => {
      dueOn ??= computeReplyDeadline(context.facts, deps.calendar).dueOn;
      return dueOn;
    },
  };
}

type GuardFn = (args: GuardArgs<ApplicationContext, ApplicationEvent>) => boolean;

/** Predicates that choose between accepted transitions; they refuse nothing. */
const PREDICATES = {
  /** The event ends the only open consultation: the region returns to idle. */
  isLastOpenConsultation: ({ context, event }) => {
    const open = openConsultations(context.facts);
    return open.length === 1 && "consultationId" in event && open[0]?.id === event.consultationId;
  },
  hasExtension: ({ context }) => context.facts.extension !== undefined,
  isFeePaid: ({ context }) => context.facts.fee?.paidOn !== undefined,
  isFeeAwaitingPayment: ({ context }) => isFeeAwaitingPayment(context.facts),
} satisfies Record<string, GuardFn>;

export type GuardName = CheckName | keyof typeof PREDICATES;

/** The named guards of the machine, bound to its calendar. */
export function createGuards(deps: ApplicationMachineDeps): Record<GuardName, GuardFn> {
  const checks = Object.fromEntries(
    Object.entries(CHECKS).map(([name, check]) => [
      name,
      ({ context, event }: GuardArgs<ApplicationContext, ApplicationEvent>) =>
        check(context, event, deps) === null,
    ]),
  ) as Record<CheckName, GuardFn>; // Object.fromEntries loses the key type; the keys are CHECKS' own.
  return { ...checks, ...PREDICATES };
}
