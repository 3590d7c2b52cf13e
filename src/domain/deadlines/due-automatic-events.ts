import type { ApplicationEvent } from "../application-events.ts";
import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts } from "../case-facts.ts";
import {
  isFeeAwaitingPayment,
  isFeeNoticeAwaitingReceipt,
  isSupplementAwaited,
  isSupplementNoticeAwaitingReceipt,
  openConsultations,
} from "../case-predicates.ts";
import type { CivilDate } from "../civil-date.ts";
import { consultationWindowEnd, expiryDate, feeWindowEnd, supplementWindowEnd } from "./window-ends.ts";

export type AutomaticEvent = Extract<
  ApplicationEvent,
  { type: "supplement.expired" | "consultation.expired" | "fee.expired" }
>;

/**
 * The automatic events a case is owed: every window that ended unanswered, dated the day after
 * its last day (DOMAIN.md §5), whether that day was yesterday or years ago; only those dated on
 * or before `asOf`. Sorted by date, so applying them in order keeps the log in date order.
 */
export function dueAutomaticEvents(
  facts: CaseFacts,
  calendar: WorkingCalendar,
  asOf: CivilDate,
): AutomaticEvent[] {
  return pendingAutomaticEvents(facts, calendar).filter((e) => e.on <= asOf);
}

/** Every automatic event the case will be owed if nothing else happens, due or not yet. */
export function pendingAutomaticEvents(facts: CaseFacts, calendar: WorkingCalendar): AutomaticEvent[] {
  if (facts.disposition) return [];
  const out: AutomaticEvent[] = [];
  // A posted notice whose receipt is not recorded never closes the case by itself (DOMAIN.md §5).
  if (facts.supplement && isSupplementAwaited(facts) && !isSupplementNoticeAwaitingReceipt(facts)) {
    out.push({ type: "supplement.expired", on: expiryDate(supplementWindowEnd(facts.supplement, calendar)) });
  }
  for (const c of openConsultations(facts)) {
    out.push({
      type: "consultation.expired",
      on: expiryDate(consultationWindowEnd(c, calendar)),
      consultationId: c.id,
    });
  }
  if (facts.fee && isFeeAwaitingPayment(facts) && !isFeeNoticeAwaitingReceipt(facts)) {
    out.push({ type: "fee.expired", on: expiryDate(feeWindowEnd(facts.fee, calendar)) });
  }
  return out.sort((a, b) => a.on.localeCompare(b.on));
}
