/**
 * The vocabulary of the event log and the lifecycle machine (DOMAIN.md §3). Each event is a
 * fact with its effective date `on` (a civil date). The stored log entry adds actor, entry time
 * and reason around it; the API's action types map onto these events (see ACTION_EVENT_TYPES).
 */
import type { CivilDate } from "./civil-date.ts";
import type { OutcomeId } from "./outcomes.ts";
import type { ConsultationParty, DeliveryMethod, FeeBasis, OutgoingDocument } from "./vocabulary.ts";

/**
 * How an outgoing document was sent, and when the addressee received it when known at sending
 * (DOMAIN.md §5: windows count from receipt). Omitted on events recorded before issue 9: such a
 * document counts from its sending day, as it did then.
 */
export interface Service {
  sentBy?: DeliveryMethod;
  receivedByAddresseeOn?: CivilDate;
}

/** What a reply decides besides its outcome (art. 36, 37; DOMAIN.md §10). */
export interface ReplyDetails {
  replyText?: string;
  /** art. 36(三), 37: the reasons for not disclosing (or for the withheld part). */
  reasons?: string;
  /** art. 36(五): the agency that holds the information, when this agency can name it. */
  holdingAgency?: string;
  /** `disclosed`: art. 36(一) already proactively disclosed (where to find it) or 36(二) provided. */
  disclosure?: "provided" | "already_public";
}

export type ApplicationEvent =
  | ({ type: "supplement.requested"; on: CivilDate; items: string[]; windowWorkdays: number } & Service)
  | { type: "supplement.received"; on: CivilDate }
  /** automatic: the supplement window ended without a supplement (art. 30) */
  | { type: "supplement.expired"; on: CivilDate }
  | ({
      type: "consultation.started";
      on: CivilDate;
      consultationId: string;
      party: ConsultationParty;
      name: string;
      /** art. 32, 34: 15 WD from the party's receipt (third party, co-producer). */
      windowWorkdays: number;
      /** Another agency: the date the agency set for its answer. */
      dueOn?: CivilDate;
    } & Service)
  | { type: "consultation.answered"; on: CivilDate; consultationId: string }
  /** automatic: the party's window ended without an answer (art. 32, 34) */
  | { type: "consultation.expired"; on: CivilDate; consultationId: string }
  | { type: "extension.granted"; on: CivilDate; workdays: number; reason: string }
  | ({
      type: "fee.notified";
      on: CivilDate;
      basis: FeeBasis;
      amountYuan: number;
      /** The number charged for: items (per_item) or pages (per_volume). */
      quantity?: number;
      /** per_item: the applicant's items earlier in the same calendar month (fee rules 第四条). */
      itemsEarlierThisMonth?: number;
      /** Why the amount differs from the fee rules' calculation, when it does. */
      amountReason?: string;
      /** 缴纳方式: how and where to pay. */
      paymentMethod?: string;
      receivedByApplicantOn?: CivilDate;
    } & Service)
  | { type: "fee.paid"; on: CivilDate }
  /** automatic: the payment window ended unpaid (fee rules) */
  | { type: "fee.expired"; on: CivilDate }
  /** art. 35: the agency sets a reasonable date for a large volume */
  | { type: "deadline.customized"; on: CivilDate; dueOn: CivilDate; reason: string }
  | ({ type: "decision.issued"; on: CivilDate; outcome: OutcomeId } & ReplyDetails & Service)
  /** The handler submits a reply for approval: a pending proposal, no change of state. */
  | ({ type: "decision.proposed"; on: CivilDate; outcome: OutcomeId } & ReplyDetails)
  /** The handler asks the approver for an extension (art. 33 ¶2): a pending proposal. */
  | { type: "extension.requested"; on: CivilDate; workdays: number; reason: string }
  /** The approver sends the pending proposal back; the reason stays in the log. */
  | { type: "proposal.returned"; on: CivilDate; reason: string }
  /** The handler takes the pending proposal back before the approver acts on it. */
  | { type: "proposal.withdrawn"; on: CivilDate }
  /**
   * 分办 / 转办: the case is given to a handler of its agency. Not a statutory step: no state,
   * clock or table row moves; the case's current handler is the latest one in replay order.
   */
  | {
      type: "case.assigned";
      on: CivilDate;
      handlerUserId: number;
      handlerUsername: string;
      handlerName: string;
      /** The handler before this one (转办), as recorded at the time. */
      previousUsername?: string;
      previousName?: string;
      /** Recorded with the handler's own first action on an unassigned case. */
      byFirstAction?: true;
    }
  /**
   * 更正登记信息: registration data entered wrongly is corrected (issue 11). Not a fact in time:
   * no state moves and the replay skips it; a corrected receipt date replays the whole history
   * from it (write-case.ts). `changes` holds each corrected field's old and new value.
   */
  | {
      type: "registration.amended";
      on: CivilDate;
      /** Personal data masked as outside the case page (absent when it is left out there). */
      changes: Record<string, { from?: unknown; to?: unknown }>;
    }
  | { type: "application.withdrawn"; on: CivilDate }
  | { type: "reply.delivered"; on: CivilDate; method: string }
  | { type: "application.archived"; on: CivilDate }
  /**
   * A review decision or judgment corrected the reply and orders a new one (重新答复, DOMAIN.md
   * §3): dated the day the agency received it; `dueOn` when the decision sets the period.
   */
  | { type: "rereply.ordered"; on: CivilDate; appealId: string; dueOn?: CivilDate }
  /** The new reply: its own letter; the year's tables keep the first disposition (policy). */
  | ({ type: "rereply.issued"; on: CivilDate; outcome: OutcomeId } & ReplyDetails & Service)
  /** The addressee received a document sent earlier (送达; a posted one's signature date). */
  | {
      type: "document.received";
      on: CivilDate;
      document: OutgoingDocument;
      consultationId?: string;
      /** EMS or registered-mail tracking number. */
      trackingNumber?: string;
    };

export type ApplicationEventType = ApplicationEvent["type"];

/** Events only the deadline workers write (actor `system`). */
export const AUTOMATIC_EVENT_TYPES = ["supplement.expired", "consultation.expired", "fee.expired"] as const;

/** The public API's action types (API.md) and the event each one records. */
export const ACTION_EVENT_TYPES = {
  request_supplement: "supplement.requested",
  receive_supplement: "supplement.received",
  start_consultation: "consultation.started",
  end_consultation: "consultation.answered",
  extend: "extension.granted",
  issue_fee_notice: "fee.notified",
  receive_fee: "fee.paid",
  set_custom_deadline: "deadline.customized",
  decide: "decision.issued",
  withdraw: "application.withdrawn",
  deliver: "reply.delivered",
  archive: "application.archived",
  propose_decision: "decision.proposed",
  request_extension: "extension.requested",
  return_proposal: "proposal.returned",
  record_receipt: "document.received",
  re_reply: "rereply.issued",
  withdraw_proposal: "proposal.withdrawn",
  assign: "case.assigned",
  amend_registration: "registration.amended",
} as const satisfies Record<string, ApplicationEventType>;

/**
 * The facts people record, which the replay keeps (DOMAIN.md §5): every event but the automatic
 * ones. The re-reply order comes with an appeal's result, not as an action of its own.
 */
export const HUMAN_EVENT_TYPES: readonly ApplicationEventType[] = [
  ...Object.values(ACTION_EVENT_TYPES).filter((t) => t !== "registration.amended"),
  "rereply.ordered",
];

export type ActionType = keyof typeof ACTION_EVENT_TYPES;
export const ACTION_TYPES = Object.keys(ACTION_EVENT_TYPES) as ActionType[];

export const ACTION_LABELS: Record<ActionType, string> = {
  request_supplement: "告知补正",
  receive_supplement: "收到补正",
  start_consultation: "征求意见",
  end_consultation: "收到意见",
  extend: "延期答复",
  issue_fee_notice: "发出收费通知",
  receive_fee: "确认缴费",
  set_custom_deadline: "确定合理答复期限（第三十五条）",
  decide: "作出答复",
  withdraw: "申请人撤回",
  deliver: "送达",
  archive: "归档",
  propose_decision: "提交答复审批",
  request_extension: "提交延期审批",
  return_proposal: "退回",
  record_receipt: "登记送达",
  re_reply: "重新答复",
  withdraw_proposal: "撤回待审批的意见",
  assign: "分办或转办",
  amend_registration: "更正登记信息",
};
