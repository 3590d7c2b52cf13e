import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts, ConsultationFacts, DocumentService } from "../case-facts.ts";
import {
  isConsultationWindowProvisional,
  isFeeAwaitingPayment,
  isFeeNoticeAwaitingReceipt,
  isSupplementAwaited,
  isSupplementNoticeAwaitingReceipt,
  openConsultations,
} from "../case-predicates.ts";
import { type CivilDate, formatWithWeekday } from "../civil-date.ts";
import { RE_REPLY_WORKDAYS, RECEIPT_RECORD_WORKDAYS } from "../policy.ts";
import { FEE_PAYMENT_WORKDAYS, SUPPLEMENT_NOTICE_WORKDAYS } from "../statute.ts";
import { CONSULTATION_PARTY_LABELS, DELIVERY_METHOD_LABELS } from "../vocabulary.ts";
import type { CaseDeadlines, Clock, ClockState } from "./clock.ts";
import { computeReplyDeadline } from "./compute-reply-deadline.ts";
import { describeCalendarDays } from "./describe-calendar-days.ts";
import { defineLazyExplanation } from "./lazy-explanation.ts";
import {
  consultationWindowEnd,
  expiryDate,
  feeService,
  feeWindowEnd,
  serviceStart,
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
    receipts: receiptClocks(facts, calendar),
  };
  const supplementWindow = supplementWindowClock(facts, calendar, asOf);
  if (supplementWindow) out.supplementWindow = supplementWindow;
  const feePayment = feeClock(facts, calendar, asOf);
  if (feePayment) out.feePayment = feePayment;
  const reReply = reReplyClock(facts, calendar, asOf);
  if (reReply) out.reReply = reReply;
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
  // isRepliedOnTime, on the deadline just computed instead of a second computation
  if (d) state = d.by === "decision" ? (d.on <= r.dueOn ? "met" : "missed") : "lapsed";
  else if (isReplyPaused(facts, calendar, asOf)) state = "paused";
  else state = asOf > r.dueOn ? "missed" : "running";
  const clock: Omit<Clock, "explanation"> = {
    kind: "reply",
    label: "答复期限",
    startsOn: r.startsOn,
    dueOn: r.dueOn,
    isProvisional: r.isProvisional,
    state,
  };
  if (d?.by === "decision") clock.doneOn = d.on;
  return defineLazyExplanation(clock, () => r.explanation);
}

/** The reply clock stands still while a supplement, a consultation or a fee payment is awaited. */
function isReplyPaused(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): boolean {
  if (isSupplementAwaited(facts)) return true;
  const consulting = openConsultations(facts).some((c) => asOf <= consultationWindowEnd(c, calendar));
  const awaitingFee =
    facts.fee !== undefined &&
    isFeeAwaitingPayment(facts) &&
    (isFeeNoticeAwaitingReceipt(facts) || asOf <= feeWindowEnd(facts.fee, calendar));
  return consulting || awaitingFee;
}

function supplementNoticeClock(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): Clock {
  const dueOn = supplementNoticeDue(facts.receivedOn, calendar);
  const sentOn = facts.supplement?.requestedOn;
  let state = awaitedState(dueOn, sentOn, facts.disposition?.on, asOf);
  // Without a notice the case was clear enough: a passed date is not a breach, only a closed door.
  if (!sentOn && state === "missed") state = "lapsed";
  const lines = () => [
    `收到申请之日：${formatWithWeekday(facts.receivedOn)}，当日不计入`,
    `需补正的，应在${SUPPLEMENT_NOTICE_WORKDAYS}个工作日内一次性告知（《条例》第三十条）`,
    ...describeCalendarDays(facts.receivedOn, dueOn, calendar),
    `补正告知期限：${formatWithWeekday(dueOn)}`,
    ...(sentOn ? [`已于 ${sentOn} 发出补正告知${sentOn > dueOn ? "（逾期）" : ""}`] : []),
  ];
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
  const awaiting = isSupplementNoticeAwaitingReceipt(facts);
  const startsOn = serviceStart(s.requestedOn, s.service) ?? s.requestedOn;
  // Awaiting a posted notice's receipt, the window has not started: it cannot be missed yet.
  const state =
    awaiting && !s.receivedOn && !endedOn ? "running" : awaitedState(dueOn, s.receivedOn, endedOn, asOf);
  const lines = () => [
    ...serviceLines("补正告知书", s.requestedOn, s.service),
    `补正期限：${s.windowWorkdays}个工作日，自申请人收到补正告知书之日起计算（机关在补正告知书中确定）`,
    ...describeCalendarDays(startsOn, dueOn, calendar),
    awaiting
      ? `签收日期登记前不会因逾期不补正而终止；按发出之日推算，最后一日为 ${formatWithWeekday(dueOn)}`
      : `补正期限最后一日：${formatWithWeekday(dueOn)}；逾期未补正的，视为放弃申请，于 ${expiryDate(dueOn)} 终止办理（第三十条）`,
    ...(s.receivedOn ? [`已于 ${s.receivedOn} 收到补正`] : []),
  ];
  const clock = clockOf(
    "supplementWindow",
    "补正期限",
    startsOn,
    dueOn,
    state,
    s.receivedOn,
    lines,
    calendar,
  );
  if (awaiting) clock.isAwaitingReceipt = true;
  return clock;
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
  const provisional = isConsultationWindowProvisional(c);
  const startsOn = c.dueOn ? c.startedOn : (serviceStart(c.startedOn, c.service) ?? c.startedOn);
  const lines = () => {
    const out = [
      ...serviceLines("征求意见书", c.startedOn, c.service),
      c.dueOn
        ? `${party}答复期限：本机关确定于 ${formatWithWeekday(c.dueOn)} 前答复`
        : `${party}答复期限：自收到征求意见书之日起${c.windowWorkdays}个工作日（第三十二条、第三十四条）`,
      ...(c.dueOn ? [] : describeCalendarDays(startsOn, dueOn, calendar)),
      `意见答复期限：${formatWithWeekday(dueOn)}${provisional ? "（按发出之日暂算，登记签收日期后重新计算）" : ""}`,
    ];
    if (c.answeredOn) out.push(`已于 ${c.answeredOn} 收到意见`);
    else if (c.party === "co_producer") out.push("逾期未提出意见的，视为同意公开（第三十四条）");
    else if (c.party === "third_party")
      out.push("逾期未提出意见的，由机关依照条例规定决定是否公开（第三十二条）");
    return out;
  };
  const clock = clockOf(
    "consultation",
    `征求意见（${c.name}）`,
    startsOn,
    dueOn,
    awaitedState(dueOn, c.answeredOn, endedOn, asOf),
    c.answeredOn,
    lines,
    calendar,
  );
  clock.id = c.id;
  if (provisional) clock.isProvisional = true;
  return clock;
}

function feeClock(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): Clock | undefined {
  const fee = facts.fee;
  if (!fee) return undefined;
  const awaiting = isFeeNoticeAwaitingReceipt(facts);
  const startsOn = serviceStart(fee.notifiedOn, feeService(fee)) ?? fee.notifiedOn;
  const dueOn = feeWindowEnd(fee, calendar);
  const endedOn = fee.expiredOn ?? facts.disposition?.on;
  const state =
    awaiting && !fee.paidOn && !endedOn ? "running" : awaitedState(dueOn, fee.paidOn, endedOn, asOf);
  const lines = () => [
    ...serviceLines("收费通知书", fee.notifiedOn, feeService(fee)),
    `缴费期限：自申请人收到收费通知之日起${FEE_PAYMENT_WORKDAYS}个工作日（国办函〔2020〕109号）`,
    ...describeCalendarDays(startsOn, dueOn, calendar),
    awaiting
      ? `签收日期登记前不会因逾期未缴费而终止；按发出之日推算，最后一日为 ${formatWithWeekday(dueOn)}`
      : `缴费期限最后一日：${formatWithWeekday(dueOn)}；逾期未缴纳的，于 ${expiryDate(dueOn)} 终止办理`,
    ...(fee.paidOn ? [`已于 ${fee.paidOn} 缴费`] : []),
  ];
  const clock = clockOf("feePayment", "缴费期限", startsOn, dueOn, state, fee.paidOn, lines, calendar);
  if (awaiting) clock.isAwaitingReceipt = true;
  return clock;
}

function clockOf(
  kind: Clock["kind"],
  label: string,
  startsOn: CivilDate,
  dueOn: CivilDate,
  state: ClockState,
  doneOn: CivilDate | undefined,
  explain: () => string[],
  calendar: WorkingCalendar,
): Clock {
  const isProvisional = calendar.touchesProvisional(startsOn, dueOn);
  const clock: Omit<Clock, "explanation"> = { kind, label, startsOn, dueOn, isProvisional, state };
  if (doneOn !== undefined) clock.doneOn = doneOn;
  return defineLazyExplanation(clock, () =>
    isProvisional ? [...explain(), "期限经过的年度放假安排尚未公布，为暂定期限"] : explain(),
  );
}

/** How a document went out and from when its window counts, as lines of the explanation. */
function serviceLines(title: string, sentOn: CivilDate, service: DocumentService | undefined): string[] {
  const how = service?.sentBy ? `，${DELIVERY_METHOD_LABELS[service.sentBy]}` : "";
  const lines = [`${title}发出日：${formatWithWeekday(sentOn)}${how}`];
  const start = serviceStart(sentOn, service);
  if (service?.receivedOn)
    lines.push(`对方收到（签收）之日：${formatWithWeekday(service.receivedOn)}，当日不计入`);
  else if (start === null) lines.push("邮寄送达：对方签收日期尚未登记，期限自签收之日起计算");
  else lines.push(service?.sentBy ? "当日送达，当日不计入" : "自发出之日起计算，当日不计入");
  return lines;
}

/** One clock per posted document whose window waits for its receipt (DOMAIN.md §5). */
function receiptClocks(facts: CaseFacts, calendar: WorkingCalendar): Clock[] {
  const docs: { id: string; title: string; sentOn: CivilDate; service: DocumentService | undefined }[] = [];
  if (facts.supplement) {
    docs.push({
      id: "supplement_notice",
      title: "补正告知书",
      sentOn: facts.supplement.requestedOn,
      service: facts.supplement.service,
    });
  }
  for (const c of facts.consultations) {
    if (c.dueOn === undefined) {
      docs.push({
        id: `consultation_letter-${c.id}`,
        title: `征求意见书（${c.name}）`,
        sentOn: c.startedOn,
        service: c.service,
      });
    }
  }
  if (facts.fee)
    docs.push({
      id: "fee_notice",
      title: "收费通知书",
      sentOn: facts.fee.notifiedOn,
      service: feeService(facts.fee),
    });
  return docs
    .filter((d) => d.service?.sentBy === "post")
    .map((d) => {
      const dueOn = calendar.addWorkdays(d.sentOn, RECEIPT_RECORD_WORKDAYS);
      const receivedOn = d.service?.receivedOn;
      // Not a statutory deadline: it runs until the receipt is recorded (or the case ends).
      const state: ClockState = receivedOn ? "met" : facts.disposition ? "lapsed" : "running";
      const lines = () => [
        `${d.title}于 ${formatWithWeekday(d.sentOn)} 邮寄`,
        `请在 ${formatWithWeekday(dueOn)} 前登记对方签收日期（发出后${RECEIPT_RECORD_WORKDAYS}个工作日；期限自签收之日起计算）`,
        ...(receivedOn ? [`已登记：对方于 ${receivedOn} 签收`] : []),
      ];
      const clock = clockOf(
        "receipt",
        `${d.title}送达登记`,
        d.sentOn,
        dueOn,
        state,
        receivedOn,
        lines,
        calendar,
      );
      clock.id = d.id;
      return clock;
    });
}

/** 重新答复 (DOMAIN.md §3): the period the decision set, else 20 WD from its receipt (policy). */
function reReplyClock(facts: CaseFacts, calendar: WorkingCalendar, asOf: CivilDate): Clock | undefined {
  const r = facts.reReply;
  if (!r) return undefined;
  const dueOn = r.dueOn ?? calendar.addWorkdays(r.orderedOn, RE_REPLY_WORKDAYS);
  const lines = () => [
    `收到复议决定或判决之日：${formatWithWeekday(r.orderedOn)}，当日不计入`,
    r.dueOn
      ? `决定确定的重新答复期限：${formatWithWeekday(r.dueOn)}`
      : `决定未确定期限的，自收到决定之日起${RE_REPLY_WORKDAYS}个工作日内重新答复（本系统办理规则）`,
    ...(r.dueOn ? [] : describeCalendarDays(r.orderedOn, dueOn, calendar)),
    `重新答复期限：${formatWithWeekday(dueOn)}`,
    ...(r.issuedOn ? [`已于 ${r.issuedOn} 重新答复`] : []),
  ];
  return clockOf(
    "reReply",
    "重新答复期限",
    r.orderedOn,
    dueOn,
    awaitedState(dueOn, r.issuedOn, undefined, asOf),
    r.issuedOn,
    lines,
    calendar,
  );
}
