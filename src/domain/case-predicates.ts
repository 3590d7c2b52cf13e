/**
 * The predicates of the law that several parts read (the machine's guards, the deadline engine,
 * the automatic events, the tables and the dashboard): each is defined here once.
 */
import type { WorkingCalendar } from "./calendar/calendar.ts";
import type { CaseFacts, ConsultationFacts } from "./case-facts.ts";
import { computeReplyDeadline } from "./deadlines/compute-reply-deadline.ts";
import { feeService, serviceStart } from "./deadlines/window-ends.ts";

/** art. 30: a supplement notice went out and neither the supplement nor the window's end came. */
export function isSupplementAwaited(facts: CaseFacts): boolean {
  const s = facts.supplement;
  return s !== undefined && !s.receivedOn && !s.expiredOn;
}

/** art. 32, 34: a consultation neither answered nor ended by its window. */
export function isConsultationOpen(c: ConsultationFacts): boolean {
  return !c.answeredOn && !c.expiredOn;
}

export function openConsultations(facts: CaseFacts): ConsultationFacts[] {
  return facts.consultations.filter(isConsultationOpen);
}

/** Fee rules: a fee notice went out, and it was neither paid nor closed as unpaid. */
export function isFeeAwaitingPayment(facts: CaseFacts): boolean {
  return facts.fee !== undefined && !facts.fee.paidOn && !facts.fee.expiredOn;
}

/**
 * On time (art. 33; the report's and the dashboard's measure): a reply issued on or before the
 * reply deadline the engine computes from the facts. Undefined when the case has no reply.
 */
export function isRepliedOnTime(facts: CaseFacts, calendar: WorkingCalendar): boolean | undefined {
  const d = facts.disposition;
  if (d?.by !== "decision") return undefined;
  return d.on <= computeReplyDeadline(facts, calendar).dueOn;
}

/**
 * A posted supplement notice whose receipt is not recorded: its window has not started, so it
 * cannot end and close the case by itself (DOMAIN.md §5).
 */
export function isSupplementNoticeAwaitingReceipt(facts: CaseFacts): boolean {
  const s = facts.supplement;
  return s !== undefined && serviceStart(s.requestedOn, s.service) === null;
}

/** The same for a posted fee notice (fee rules: 20 WD from the applicant's receipt). */
export function isFeeNoticeAwaitingReceipt(facts: CaseFacts): boolean {
  return facts.fee !== undefined && serviceStart(facts.fee.notifiedOn, feeService(facts.fee)) === null;
}

/** A posted consultation letter whose receipt is not recorded: its window is provisional. */
export function isConsultationWindowProvisional(c: ConsultationFacts): boolean {
  return c.dueOn === undefined && serviceStart(c.startedOn, c.service) === null;
}
