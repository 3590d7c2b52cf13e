import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts, ConsultationFacts } from "../case-facts.ts";
import { addDays, type CivilDate } from "../civil-date.ts";
import { FEE_PAYMENT_WORKDAYS, SUPPLEMENT_NOTICE_WORKDAYS } from "../statute.ts";

/** The last day of a window opened on `start` with `workdays` working days: addWorkdays(start, n). */
export function windowEnd(start: CivilDate, workdays: number, calendar: WorkingCalendar): CivilDate {
  return calendar.addWorkdays(start, workdays);
}

/** The date of the automatic event when a window ends unanswered: the calendar day after. */
export function expiryDate(lastDay: CivilDate): CivilDate {
  return addDays(lastDay, 1);
}

/** art. 32: the party's window counts from the day the letter was sent. */
export function consultationWindowEnd(c: ConsultationFacts, calendar: WorkingCalendar): CivilDate {
  return windowEnd(c.startedOn, c.windowWorkdays, calendar);
}

/** Fee rules: 20 WD from the day after the notice was received; from the notice date if unknown. */
export function feeWindowEnd(fee: NonNullable<CaseFacts["fee"]>, calendar: WorkingCalendar): CivilDate {
  return windowEnd(fee.receivedByApplicantOn ?? fee.notifiedOn, FEE_PAYMENT_WORKDAYS, calendar);
}

/** art. 30: the supplement window set in the notice. */
export function supplementWindowEnd(
  supplement: NonNullable<CaseFacts["supplement"]>,
  calendar: WorkingCalendar,
): CivilDate {
  return windowEnd(supplement.requestedOn, supplement.windowWorkdays, calendar);
}

/** art. 30: the supplement notice is due within 7 WD of receipt. */
export function supplementNoticeDue(receivedOn: CivilDate, calendar: WorkingCalendar): CivilDate {
  return windowEnd(receivedOn, SUPPLEMENT_NOTICE_WORKDAYS, calendar);
}
