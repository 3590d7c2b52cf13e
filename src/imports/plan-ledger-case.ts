import type { ActionType } from "../domain/application-events.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { DeliveryMethod } from "../domain/vocabulary.ts";
import type { ActionInput, RegisterInput } from "../services/application-types.ts";
import {
  LEDGER_DELIVERY_METHOD,
  LEDGER_EVENT_REASON,
  LEDGER_SUPPLEMENT_ITEMS,
  type LedgerColumn,
} from "./ledger-columns.ts";
import type { LedgerCase, LedgerService } from "./ledger-types.ts";

/** One action of a row, with the column it comes from (for the row's error). */
export interface PlannedAction {
  column: LedgerColumn;
  input: ActionInput;
  /**
   * The consultation (index in LedgerCase.consultations) this action starts or ends; an end's
   * `consultationId` is filled in when written, from the id the start's event was given.
   */
  consultation?: number;
}

export interface LedgerCasePlan {
  register: RegisterInput;
  /** In the order to record: by date, same-day ones in the order of SAME_DAY_ORDER. */
  actions: PlannedAction[];
}

/** Same-day actions in the order they can happen: a notice before its answer, a reply last. */
const SAME_DAY_ORDER: Partial<Record<ActionType, number>> = {
  request_supplement: 0,
  receive_supplement: 1,
  start_consultation: 2,
  end_consultation: 3,
  extend: 4,
  issue_fee_notice: 5,
  receive_fee: 6,
  decide: 7,
  withdraw: 7,
  deliver: 8,
};

/** A document's service as the API takes it; absent parts take the API's defaults (the channel's way). */
function service(s: LedgerService): { sentBy?: DeliveryMethod; receivedByAddresseeOn?: CivilDate } {
  return {
    ...(s.sentBy ? { sentBy: s.sentBy } : {}),
    ...(s.receivedOn ? { receivedByAddresseeOn: s.receivedOn } : {}),
  };
}

type WithoutBase<A> = A extends unknown ? Omit<A, "on" | "amendmentReason"> : never;

/**
 * What the import records for one row: the registration and the row's actions in date order
 * (the automatic closures are not actions: the system derives them). `amendmentReason` goes
 * with each write, for rows dated in a closed year.
 */
export function planLedgerCase(
  c: LedgerCase,
  agencyCode: string,
  options: { amendmentReason?: string | undefined } = {},
): LedgerCasePlan {
  const register: RegisterInput = {
    agencyCode,
    channel: c.channel,
    receivedOn: c.receivedOn,
    applicant: {
      type: c.applicantType,
      name: c.applicantName,
      ...(c.applicantIdNumber ? { idNumber: c.applicantIdNumber } : {}),
      ...(c.applicantPhone ? { phone: c.applicantPhone } : {}),
    },
    description: c.description,
    handlerUsername: c.handlerUsername,
    ledgerNo: c.ledgerNo,
    amendmentReason: options.amendmentReason,
  };
  const actions: PlannedAction[] = [];
  const add = (
    column: LedgerColumn,
    on: CivilDate,
    action: WithoutBase<ActionInput>,
    consultation?: number,
  ) => {
    // The log's reason says where the entry came from; an extension's own reason (art. 33) stays.
    const input = { reason: LEDGER_EVENT_REASON, ...action, on, amendmentReason: options.amendmentReason };
    actions.push({
      column,
      input: input as ActionInput,
      ...(consultation === undefined ? {} : { consultation }),
    });
  };
  if (c.supplement) {
    const { requestedOn, windowWorkdays, notice, receivedOn } = c.supplement;
    add("补正告知日", requestedOn, {
      type: "request_supplement",
      items: LEDGER_SUPPLEMENT_ITEMS,
      windowWorkdays,
      ...service(notice),
    });
    if (receivedOn) add("补正收到日", receivedOn, { type: "receive_supplement" });
  }
  c.consultations.forEach((x, i) => {
    const { party, name, windowWorkdays, dueOn } = x;
    add(
      "征求意见",
      x.startedOn,
      { type: "start_consultation", party, name, windowWorkdays, dueOn, ...service(x) },
      i,
    );
    if (x.answeredOn) add("征求意见", x.answeredOn, { type: "end_consultation", consultationId: "" }, i);
  });
  if (c.extension) {
    const { on, workdays, reason } = c.extension;
    add("延期", on, { type: "extend", workdays, reason });
  }
  if (c.fee) {
    const { notifiedOn, notice, basis, amountYuan, paidOn } = c.fee;
    add("收费通知日", notifiedOn, { type: "issue_fee_notice", basis, amountYuan, ...service(notice) });
    if (paidOn) add("缴费日", paidOn, { type: "receive_fee" });
  }
  const ending = c.ending;
  if (ending?.how === "decision") add("答复结果", ending.on, { type: "decide", outcome: ending.outcome });
  if (ending?.how === "withdrawal") add("答复结果", ending.on, { type: "withdraw" });
  if (c.deliveredOn) add("送达日期", c.deliveredOn, { type: "deliver", method: LEDGER_DELIVERY_METHOD });
  const rank = (a: PlannedAction) => SAME_DAY_ORDER[a.input.type] ?? 9;
  // Array.prototype.sort is stable: same day and rank keep the order above (consultations in cell order).
  actions.sort((a, b) => a.input.on.localeCompare(b.input.on) || rank(a) - rank(b));
  return { register, actions };
}
