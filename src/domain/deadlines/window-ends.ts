import type { WorkingCalendar } from "../calendar/calendar.ts";
import type { CaseFacts, ConsultationFacts, DocumentService } from "../case-facts.ts";
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

/**
 * The day a document's window counts from: the addressee's receipt (送达日, DOMAIN.md §5).
 * Handed over, sent online, by e-mail or fax: the sending day. By post: the recorded signature
 * date, and null until it is recorded. A document recorded before its service was asked
 * (`sentBy` absent) counts from its sending day, as it did then.
 */
export function serviceStart(sentOn: CivilDate, service: DocumentService | undefined): CivilDate | null {
  if (service?.receivedOn) return service.receivedOn;
  return service?.sentBy === "post" ? null : sentOn;
}

/** The fee notice's service, from the fee facts. */
export function feeService(fee: NonNullable<CaseFacts["fee"]>): DocumentService {
  return {
    ...(fee.sentBy === undefined ? {} : { sentBy: fee.sentBy }),
    ...(fee.receivedByApplicantOn === undefined ? {} : { receivedOn: fee.receivedByApplicantOn }),
  };
}

/**
 * art. 32, 34: the party's 15 WD count from its receipt of the letter; until a posted letter's
 * receipt is recorded, from the sending day (provisional). Another agency: the date set for it.
 */
export function consultationWindowEnd(c: ConsultationFacts, calendar: WorkingCalendar): CivilDate {
  if (c.dueOn) return c.dueOn;
  return windowEnd(serviceStart(c.startedOn, c.service) ?? c.startedOn, c.windowWorkdays, calendar);
}

/**
 * Fee rules: 20 WD from the applicant's receipt of the notice. While a posted notice's receipt
 * is not recorded the window has no end: this is the projection from the sending day.
 */
export function feeWindowEnd(fee: NonNullable<CaseFacts["fee"]>, calendar: WorkingCalendar): CivilDate {
  return windowEnd(
    serviceStart(fee.notifiedOn, feeService(fee)) ?? fee.notifiedOn,
    FEE_PAYMENT_WORKDAYS,
    calendar,
  );
}

/**
 * art. 30: the supplement window set in the notice, from the applicant's receipt. While a posted
 * notice's receipt is not recorded the window has no end: this is the projection from sending.
 */
export function supplementWindowEnd(
  supplement: NonNullable<CaseFacts["supplement"]>,
  calendar: WorkingCalendar,
): CivilDate {
  const start = serviceStart(supplement.requestedOn, supplement.service) ?? supplement.requestedOn;
  return windowEnd(start, supplement.windowWorkdays, calendar);
}

/** art. 30: the supplement notice is due within 7 WD of receipt. */
export function supplementNoticeDue(receivedOn: CivilDate, calendar: WorkingCalendar): CivilDate {
  return windowEnd(receivedOn, SUPPLEMENT_NOTICE_WORKDAYS, calendar);
}
