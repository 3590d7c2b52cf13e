/**
 * The predicates of the law that several parts read (the machine's guards, the deadline engine,
 * the automatic events, the tables and the dashboard): each is defined here once.
 */
import type { WorkingCalendar } from "./calendar/calendar.ts";
import type { CaseFacts, ConsultationFacts } from "./case-facts.ts";
import type { CivilDate } from "./civil-date.ts";
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
 * The dashboard's on-time measure as of `today`: a reply counts as isRepliedOnTime says; an open
 * case whose reply deadline has passed already counts as late (it can no longer be on time), so
 * the rate agrees with the overdue cases. Undefined for an open case still within its deadline
 * and for a case closed otherwise than by a reply.
 */
export function isOnTimeAsOf(
  facts: CaseFacts,
  calendar: WorkingCalendar,
  today: CivilDate,
): boolean | undefined {
  if (facts.disposition) return isRepliedOnTime(facts, calendar);
  return computeReplyDeadline(facts, calendar).dueOn < today ? false : undefined;
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
