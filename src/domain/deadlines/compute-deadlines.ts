import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts, ConsultationFacts } from "../case-facts.ts";
import {
  isFeeAwaitingPayment,
  isRepliedOnTime,
  isSupplementAwaited,
  openConsultations,
} from "../case-predicates.ts";
import { type CivilDate, formatWithWeekday } from "../civil-date.ts";
import { FEE_PAYMENT_WORKDAYS, SUPPLEMENT_NOTICE_WORKDAYS } from "../statute.ts";
import { CONSULTATION_PARTY_LABELS } from "../vocabulary.ts";
import type { CaseDeadlines, Clock, ClockState } from "./clock.ts";
import { computeReplyDeadline } from "./compute-reply-deadline.ts";
import { describeCalendarDays } from "./describe-calendar-days.ts";
import {
  consultationWindowEnd,
  expiryDate,
  feeWindowEnd,
  supplementNoticeDue,
  supplementWindowEnd,
} from "./window-ends.ts";

/**
 * Every clock of an application, as of `asOf` (today, from the caller's clock): a pure function
 * of the case's facts and the calendar, never stored as the truth (DOMAIN.md §5).
 */
export function computeDeadlines(
  facts: CaseFacts,
  calendar: WorkingCalendar,
  asOf: CivilDate,
): CaseDeadlines {
  const out: CaseDeadlines = {
    reply: replyClock(facts, calendar, asOf),
    supplementNotice: supplementNoticeClock(facts, calendar, asOf),
    consultations: facts.consultations.map((c) => consultationClock(c, facts, calendar, asOf)),
  };
  const supplementWindow = supplementWindowClock(facts, calendar, asOf);
  if (supplementWindow) out.supplementWindow = supplementWindow;
  const feePayment = feeClock(facts, calendar, asOf);
  if (feePayment) out.feePayment = feePayment;
  return out;
}

/** The state of a clock awaiting one act: done (on time or late), ended otherwise, or still counting. */
function awaitedState(
  dueOn: CivilDate,
  doneOn: CivilDate | undefined,
  endedOn: CivilDate | undefined,
  asOf: CivilDate,
): ClockState {
  if (doneOn !== undefined) return doneOn <= dueOn ? "met" : "missed";
  if (endedOn !== undefined) return endedOn > dueOn ? "missed" : "lapsed";
  return asOf > dueOn ? "missed" : "running";
}

function replyClock(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): Clock {
  const r = computeReplyDeadline(facts, calendar);
  const d = facts.disposition;
  let state: ClockState;
  if (d) state = d.by === "decision" ? (isRepliedOnTime(facts, calendar) ? "met" : "missed") : "lapsed";
  else if (isReplyPaused(facts, calendar, asOf)) state = "paused";
  else state = asOf > r.dueOn ? "missed" : "running";
  const clock: Clock = {
    kind: "reply",
    label: "答复期限",
    startsOn: r.startsOn,
    dueOn: r.dueOn,
    isProvisional: r.isProvisional,
    state,
    explanation: r.explanation,
  };
  if (d?.by === "decision") clock.doneOn = d.on;
  return clock;
}

/** The reply clock stands still while a supplement, a consultation or a fee payment is awaited. */
function isReplyPaused(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): boolean {
  if (isSupplementAwaited(facts)) return true;
  const consulting = openConsultations(facts).some((c) => asOf <= consultationWindowEnd(c, calendar));
  const awaitingFee =
    facts.fee !== undefined && isFeeAwaitingPayment(facts) && asOf <= feeWindowEnd(facts.fee, calendar);
  return consulting || awaitingFee;
}

function supplementNoticeClock(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): Clock {
  const dueOn = supplementNoticeDue(facts.receivedOn, calendar);
  const sentOn = facts.supplement?.requestedOn;
  let state = awaitedState(dueOn, sentOn, facts.disposition?.on, asOf);
  // Without a notice the case was clear enough: a passed date is not a breach, only a closed door.
  if (!sentOn && state === "missed") state = "lapsed";
  const lines = [
    `收到申请之日：${formatWithWeekday(facts.receivedOn)}，当日不计入`,
    `需补正的，应在${SUPPLEMENT_NOTICE_WORKDAYS}个工作日内一次性告知（《条例》第三十条）`,
    ...describeCalendarDays(facts.receivedOn, dueOn, calendar),
    `补正告知期限：${formatWithWeekday(dueOn)}`,
  ];
  if (sentOn) lines.push(`已于 ${sentOn} 发出补正告知${sentOn > dueOn ? "（逾期）" : ""}`);
  return clockOf("supplementNotice", "补正告知期限", facts.receivedOn, dueOn, state, sentOn, lines, calendar);
}

function supplementWindowClock(
  facts: CaseFacts,
  calendar: WorkingCalendar,
  asOf: CivilDate,
): Clock | undefined {
  const s = facts.supplement;
  if (!s) return undefined;
  const dueOn = supplementWindowEnd(s, calendar);
  const endedOn = s.expiredOn ?? facts.disposition?.on;
  const state = awaitedState(dueOn, s.receivedOn, endedOn, asOf);
  const lines = [
    `补正告知日：${formatWithWeekday(s.requestedOn)}，当日不计入`,
    `补正期限：${s.windowWorkdays}个工作日（机关在补正告知书中确定）`,
    ...describeCalendarDays(s.requestedOn, dueOn, calendar),
    `补正期限最后一日：${formatWithWeekday(dueOn)}；逾期未补正的，视为放弃申请，于 ${expiryDate(dueOn)} 终止办理（第三十条）`,
  ];
  if (s.receivedOn) lines.push(`已于 ${s.receivedOn} 收到补正`);
  return clockOf("supplementWindow", "补正期限", s.requestedOn, dueOn, state, s.receivedOn, lines, calendar);
}

function consultationClock(
  c: ConsultationFacts,
  facts: CaseFacts,
  calendar: WorkingCalendar,
  asOf: CivilDate,
): Clock {
  const dueOn = consultationWindowEnd(c, calendar);
  const endedOn = c.expiredOn ?? facts.disposition?.on;
  const party = CONSULTATION_PARTY_LABELS[c.party];
  const lines = [
    `征求意见书发出日：${formatWithWeekday(c.startedOn)}，当日不计入`,
    `${party}答复期限：${c.windowWorkdays}个工作日`,
    ...describeCalendarDays(c.startedOn, dueOn, calendar),
    `意见答复期限：${formatWithWeekday(dueOn)}`,
  ];
  if (c.answeredOn) lines.push(`已于 ${c.answeredOn} 收到意见`);
  else if (c.party === "co_producer") lines.push("逾期未提出意见的，视为同意公开（第三十四条）");
  else if (c.party === "third_party")
    lines.push("逾期未提出意见的，由机关依照条例规定决定是否公开（第三十二条）");
  const clock = clockOf(
    "consultation",
    `征求意见（${c.name}）`,
    c.startedOn,
    dueOn,
    awaitedState(dueOn, c.answeredOn, endedOn, asOf),
    c.answeredOn,
    lines,
    calendar,
  );
  clock.id = c.id;
  return clock;
}

function feeClock(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): Clock | undefined {
  const fee = facts.fee;
  if (!fee) return undefined;
  const startsOn = fee.receivedByApplicantOn ?? fee.notifiedOn;
  const dueOn = feeWindowEnd(fee, calendar);
  const state = awaitedState(dueOn, fee.paidOn, fee.expiredOn ?? facts.disposition?.on, asOf);
  const lines = [
    fee.receivedByApplicantOn
      ? `申请人收到收费通知之日：${formatWithWeekday(startsOn)}，当日不计入`
      : `收费通知发出日：${formatWithWeekday(startsOn)}（未登记申请人收到日期，自通知日起算），当日不计入`,
    `缴费期限：${FEE_PAYMENT_WORKDAYS}个工作日（国办函〔2020〕109号）`,
    ...describeCalendarDays(startsOn, dueOn, calendar),
    `缴费期限最后一日：${formatWithWeekday(dueOn)}；逾期未缴纳的，于 ${expiryDate(dueOn)} 终止办理`,
  ];
  if (fee.paidOn) lines.push(`已于 ${fee.paidOn} 缴费`);
  return clockOf("feePayment", "缴费期限", startsOn, dueOn, state, fee.paidOn, lines, calendar);
}

function clockOf(
  kind: Clock["kind"],
  label: string,
  startsOn: CivilDate,
  dueOn: CivilDate,
  state: ClockState,
  doneOn: CivilDate | undefined,
  explanation: string[],
  calendar: WorkingCalendar,
): Clock {
  const isProvisional = calendar.touchesProvisional(startsOn, dueOn);
  if (isProvisional) explanation.push("期限经过的年度放假安排尚未公布，为暂定期限");
  const clock: Clock = { kind, label, startsOn, dueOn, isProvisional, state, explanation };
  if (doneOn !== undefined) clock.doneOn = doneOn;
  return clock;
}
