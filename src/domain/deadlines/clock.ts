/**
 * The clocks of an application (DOMAIN.md §5). Each one says when it is due, whether that date
 * rests on a provisional calendar year, where it stands, and how the date was reached.
 */
import type { CivilDate } from "../civil-date.ts";

export type ClockKind =
  | "reply"
  | "supplementNotice"
  | "supplementWindow"
  | "consultation"
  | "feePayment"
  /** A posted document whose receipt (签收) should be recorded (DOMAIN.md §5). */
  | "receipt"
  /** A new reply ordered by a review decision or a judgment (DOMAIN.md §3). */
  | "reReply";

/**
 * running: counting; paused: the reply clock while a consultation, fee or supplement holds it;
 * met: the awaited act happened in time; missed: it did not (or happened late);
 * lapsed: no longer applies (the case ended another way, or an optional act was not needed).
 */
export type ClockState = "running" | "paused" | "met" | "missed" | "lapsed";

export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  running: "计时中",
  paused: "暂停计时",
  met: "已按期完成",
  missed: "已逾期",
  lapsed: "不再适用",
};

export interface Clock {
  kind: ClockKind;
  /** Consultation clocks: the consultation's id. */
  id?: string;
  /** Chinese name of the clock, e.g. 答复期限, 第三方征求意见（某公司）. */
  label: string;
  /** The day from which it counts (itself not counted). */
  startsOn: CivilDate;
  dueOn: CivilDate;
  isProvisional: boolean;
  state: ClockState;
  /** When the awaited act happened (met or late). */
  doneOn?: CivilDate;
  /**
   * The window counts from a posted document's receipt, not recorded yet: `dueOn` is projected
   * from the sending day, no reminder is sent and nothing closes by itself until it is recorded.
   */
  isAwaitingReceipt?: boolean;
  /** How the date was reached, line by line, in Chinese. */
  explanation: string[];
}

export interface CaseDeadlines {
  reply: Clock;
  supplementNotice: Clock;
  supplementWindow?: Clock;
  consultations: Clock[];
  feePayment?: Clock;
  /** Posted documents whose receipt is to be recorded (one reminder, 5 WD after sending). */
  receipts: Clock[];
  /** 重新答复: present once a review or a court ordered a new reply. */
  reReply?: Clock;
}
