import { allowedActions } from "../../machines/allowed-actions.ts";
import { describeState, toApiState, toFlags } from "../../machines/api-state.ts";
import type { ApplicationMachine, ApplicationSnapshot } from "../../machines/application.machine.ts";
import type { DbApplication, DbApplicationEvent } from "../db/schema.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import type { Clock } from "../domain/deadlines/clock.ts";
import { computeDeadlines } from "../domain/deadlines/compute-deadlines.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import { maskApplicant, type PersonalDataMode } from "../domain/personal-data.ts";
import type { Channel } from "../domain/vocabulary.ts";
import type { Applicant, ApplicationView, ClockView, EventView } from "./application-types.ts";

export function toClockView(c: Clock): ClockView {
  const v: ClockView = {
    label: c.label,
    startsOn: c.startsOn,
    dueOn: c.dueOn,
    provisional: c.isProvisional,
    state: c.state,
    explanation: c.explanation,
  };
  if (c.doneOn) v.doneOn = c.doneOn;
  if (c.id) v.id = c.id;
  if (c.isAwaitingReceipt) v.awaitingReceipt = true;
  return v;
}

export function toEventView(e: DbApplicationEvent): EventView {
  return {
    seq: e.seq,
    type: e.type,
    on: e.effective_on as CivilDate,
    actor: e.actor_name,
    enteredAt: new Date(e.entered_at).toISOString(),
    payload: e.payload as Record<string, unknown>,
    reason: e.reason,
    superseded:
      e.superseded_by_seq === null || e.superseded_at === null
        ? null
        : { bySeq: e.superseded_by_seq, on: civilDateInChina(new Date(e.superseded_at)) },
  };
}

/** The Application of API.md, its deadlines computed now from the facts and the calendar. */
export function buildApplicationView(args: {
  row: DbApplication;
  agency: { code: string; name: string };
  handler: string | null;
  machine: ApplicationMachine;
  snapshot: ApplicationSnapshot;
  calendar: WorkingCalendar;
  today: CivilDate;
  events?: DbApplicationEvent[];
  /** The applicant's personal fields as stored, or masked (the default: lists, exports, other agencies). */
  personalData?: PersonalDataMode;
}): ApplicationView {
  const { row, snapshot } = args;
  const personalData = args.personalData ?? "masked";
  const applicant = row.applicant as unknown as Applicant;
  const d = computeDeadlines(snapshot.context.facts, args.calendar, args.today);
  const deadlines: ApplicationView["deadlines"] = { reply: toClockView(d.reply) };
  const open = snapshot.status === "active";
  if (open || snapshot.context.facts.supplement) deadlines.supplementNotice = toClockView(d.supplementNotice);
  if (d.supplementWindow) deadlines.supplementWindow = toClockView(d.supplementWindow);
  if (d.feePayment) deadlines.feePayment = toClockView(d.feePayment);
  if (d.consultations.length > 0) deadlines.consultations = d.consultations.map(toClockView);
  if (d.receipts.length > 0) deadlines.receipts = d.receipts.map(toClockView);
  if (d.reReply) deadlines.reReply = toClockView(d.reReply);
  const view: ApplicationView = {
    id: row.id,
    trackingNo: row.tracking_no,
    agencyCode: args.agency.code,
    agencyName: args.agency.name,
    state: toApiState(snapshot),
    stateLabel: describeState(snapshot),
    flags: toFlags(snapshot),
    applicant: personalData === "full" ? applicant : maskApplicant(applicant),
    personalData,
    description: row.description,
    channel: row.channel as Channel,
    receivedOn: row.received_on as CivilDate,
    deliveryForm: row.delivery_form,
    trackingNumber: row.mail_tracking_no ?? null,
    handler: args.handler,
    outcome: (row.outcome as OutcomeId | null) ?? null,
    dispositionOn: (row.disposition_on as CivilDate | null) ?? null,
    deadlines,
    allowedActions: allowedActions(args.machine, snapshot, args.today),
    version: row.version,
    proposal: snapshot.context.facts.proposal ?? null,
  };
  if (args.events) view.events = args.events.map(toEventView);
  return view;
}
