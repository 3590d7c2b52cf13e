import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import type { CaseFacts } from "../domain/case-facts.ts";
import { isFeeNoticeAwaitingReceipt, isSupplementNoticeAwaitingReceipt } from "../domain/case-predicates.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { feeWindowEnd, supplementWindowEnd } from "../domain/deadlines/window-ends.ts";
import {
  FEE_UNPAID_OUTCOME,
  type OutcomeId,
  SUPPLEMENT_OVERDUE_OUTCOME,
  WITHDRAWAL_OUTCOME,
} from "../domain/outcomes.ts";
import type { LedgerColumn } from "./ledger-columns.ts";
import { ledgerOutcomeLabel } from "./ledger-outcome-label.ts";
import type { LedgerEnding } from "./ledger-types.ts";

/** The case as written: its outcome and disposition date, and the facts they follow from. */
export interface DerivedCase {
  outcome: OutcomeId | null;
  dispositionOn: CivilDate | null;
  facts: CaseFacts;
}

const quoted = (id: OutcomeId) => `“${ledgerOutcomeLabel(id)}”`;

/** DOMAIN.md §5: a posted notice's window counts from its receipt, which the row does not give. */
const AWAITING_RECEIPT = (document: string, window: string, column: string) =>
  `${document}邮寄送达而台账未填写送达日：${window}自送达之日起算，未登记送达日的不会自动办结；请在“${column}”中加上送达日（如 2025-03-04,送达2025-03-07）`;

/** The dates behind an automatic closure (stated or derived), for the clerk to check. */
function explain(
  facts: CaseFacts,
  outcomes: readonly (OutcomeId | null)[],
  calendar: WorkingCalendar,
): string {
  const parts: string[] = [];
  if (outcomes.includes(SUPPLEMENT_OVERDUE_OUTCOME)) {
    const s = facts.supplement;
    if (!s) parts.push("台账未填写补正告知日");
    else if (s.receivedOn) parts.push(`台账填写了补正收到日 ${s.receivedOn}`);
    else if (isSupplementNoticeAwaitingReceipt(facts))
      parts.push(AWAITING_RECEIPT("补正告知书", "补正期限", "补正告知日"));
    else {
      const last = supplementWindowEnd(s, calendar);
      parts.push(`补正告知日 ${s.requestedOn}，补正期限 ${s.windowWorkdays} 个工作日，最后一日为 ${last}`);
    }
  }
  if (outcomes.includes(FEE_UNPAID_OUTCOME)) {
    const f = facts.fee;
    if (!f) parts.push("台账未填写收费通知日");
    else if (f.paidOn) parts.push(`台账填写了缴费日 ${f.paidOn}`);
    else if (isFeeNoticeAwaitingReceipt(facts))
      parts.push(AWAITING_RECEIPT("收费通知", "缴费期限", "收费通知日"));
    else
      parts.push(
        `收费通知日 ${f.notifiedOn}，缴费期限（20 个工作日）最后一日为 ${feeWindowEnd(f, calendar)}`,
      );
  }
  return parts.length > 0 ? `（${parts.join("；")}）` : "";
}

/**
 * Whether the outcome the system derived from the row's dates is the one the ledger states
 * (DOMAIN.md §5: the automatic closures are consequences the system computes, never entered).
 * Null when they agree; else the column to correct and what the system derived.
 */
export function checkDerivedOutcome(
  ending: LedgerEnding | null,
  derived: DerivedCase,
  calendar: WorkingCalendar,
  today: CivilDate,
): { column: LedgerColumn; message: string } | null {
  const stated = ending && {
    outcome: ending.how === "withdrawal" ? WITHDRAWAL_OUTCOME : ending.outcome,
    on: ending.on,
  };
  if (stated === null && derived.outcome === null) return null;
  if (stated && stated.outcome === derived.outcome && stated.on === derived.dispositionOn) return null;
  const why = explain(derived.facts, [stated?.outcome ?? null, derived.outcome], calendar);
  const result =
    derived.outcome === null
      ? `至今（${today}）尚未办结${why}`
      : `已于 ${derived.dispositionOn} 按${quoted(derived.outcome)}办结${why}`;
  if (stated === null) {
    return {
      column: "答复结果",
      message: `台账未填写答复日期和答复结果（尚未办结），但系统按台账的日期推算，本申请${result}；请填写答复日期 ${derived.dispositionOn} 和答复结果${quoted(derived.outcome as OutcomeId)}，或核对台账的日期`,
    };
  }
  if (stated.outcome === derived.outcome) {
    return {
      column: "答复日期",
      message: `系统按台账的日期推算，本申请${result}，与台账填写的答复日期 ${stated.on} 不符`,
    };
  }
  return {
    column: "答复结果",
    message: `台账填写 ${stated.on} ${quoted(stated.outcome)}，但系统按台账的日期推算，本申请${result}`,
  };
}
