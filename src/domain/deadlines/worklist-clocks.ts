/**
 * The clocks a case's 待办 (to-do) order and the 工作台 counters read (issue 11), kept on the
 * case's row by the one write path. Each entry is a clock still waiting for someone's act, as
 * the facts say: none of them stops by the mere passing of days, except the supplement-notice
 * clock (art. 30: 7 WD), which closes its door on its date without a breach — readers drop it
 * once its date is past (`isNoticeStillOpen`), so the stored value never goes stale.
 */
import type { CaseFacts } from "../case-facts.ts";
import { isConsultationWindowProvisional } from "../case-predicates.ts";
import type { CivilDate } from "../civil-date.ts";
import type { CaseDeadlines, ClockKind } from "./clock.ts";

/** One open clock as stored (`applications.open_clocks`): its kind and its due date. */
export interface OpenClock {
  k: ClockKind;
  d: CivilDate;
}

export interface WorklistClocks {
  /** Every open clock, earliest first. */
  open: OpenClock[];
  /** The earliest due date of the open clocks other than the supplement notice; null: none. */
  nextDueOn: CivilDate | null;
  nextDueClock: ClockKind | null;
  /** The supplement-notice date while a notice may still be sent; null: sent, or the case ended. */
  noticeDueOn: CivilDate | null;
}

/**
 * Open clocks: the reply while it counts (not while paused: the window that holds it is the
 * open clock then), a supplement, consultation or fee window not answered nor expired (once
 * its start is known: before a posted document's receipt is recorded, the receipt clock is the
 * open one), a posted document's receipt to record, a re-reply not issued, and the supplement notice while
 * no notice was sent.
 */
export function worklistClocks(facts: CaseFacts, d: CaseDeadlines): WorklistClocks {
  const open: OpenClock[] = [];
  if (!facts.disposition) {
    if (d.reply.state === "running" || d.reply.state === "missed")
      open.push({ k: "reply", d: d.reply.dueOn });
    if (!facts.supplement) open.push({ k: "supplementNotice", d: d.supplementNotice.dueOn });
    const s = facts.supplement;
    // a window awaiting a posted document's receipt has no date yet: its receipt clock is the open one
    if (d.supplementWindow && s && !s.receivedOn && !s.expiredOn && !d.supplementWindow.isAwaitingReceipt)
      open.push({ k: "supplementWindow", d: d.supplementWindow.dueOn });
    for (const clock of d.consultations) {
      const c = facts.consultations.find((x) => x.id === clock.id);
      if (c && !c.answeredOn && !c.expiredOn && !isConsultationWindowProvisional(c))
        open.push({ k: "consultation", d: clock.dueOn });
    }
    const fee = facts.fee;
    if (d.feePayment && fee && !fee.paidOn && !fee.expiredOn && !d.feePayment.isAwaitingReceipt)
      open.push({ k: "feePayment", d: d.feePayment.dueOn });
    for (const clock of d.receipts)
      if (clock.state === "running") open.push({ k: "receipt", d: clock.dueOn });
  }
  if (d.reReply && facts.reReply && !facts.reReply.issuedOn) open.push({ k: "reReply", d: d.reReply.dueOn });
  open.sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : 0));
  const next = open.find((c) => c.k !== "supplementNotice");
  const notice = open.find((c) => c.k === "supplementNotice");
  return {
    open,
    nextDueOn: next?.d ?? null,
    nextDueClock: next?.k ?? null,
    noticeDueOn: notice?.d ?? null,
  };
}

/** The supplement-notice clock counts up to and including its date (art. 30), then lapses. */
export function isNoticeStillOpen(noticeDueOn: CivilDate, today: CivilDate): boolean {
  return noticeDueOn >= today;
}

/** Every clock kind, in the order the 工作台 counters list them. */
export const CLOCK_KINDS: readonly ClockKind[] = [
  "reply",
  "supplementNotice",
  "supplementWindow",
  "consultation",
  "feePayment",
  "receipt",
  "reReply",
];

export const CLOCK_KIND_LABELS: Record<ClockKind, string> = {
  reply: "答复期限",
  supplementNotice: "补正告知（7个工作日）",
  supplementWindow: "补正期限",
  consultation: "征求意见期限",
  feePayment: "缴费期限",
  receipt: "送达签收登记",
  reReply: "重新答复期限",
};
