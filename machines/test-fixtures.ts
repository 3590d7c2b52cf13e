/**
 * Shared by the machine's tests: one machine on the shipped calendar, event builders with the
 * dates of DOMAIN.md's examples (received Monday 2026-03-02), and the candidate events the graph
 * search tries in every state.
 */
import { initialTransition, type StateValue } from "xstate";
import type { ApplicationEvent } from "../src/domain/application-events.ts";
import { createDefaultCalendar } from "../src/domain/calendar/default-calendar.ts";
import { addDays, type CivilDate, parseCivilDate } from "../src/domain/civil-date.ts";
import type { OutcomeId } from "../src/domain/outcomes.ts";
import { type ApplicationSnapshot, createApplicationMachine } from "./application.machine.ts";
import type { ApplicationContext } from "./application-context.ts";
import { applyEvent, IllegalTransitionError } from "./apply-event.ts";

export const calendar = createDefaultCalendar();
export const machine = createApplicationMachine({ calendar });
export const RECEIVED_ON = parseCivilDate("2026-03-02");

export const d = (value: string): CivilDate => parseCivilDate(value);

export const ev = {
  requestSupplement: (
    on: string,
    windowWorkdays = 15,
    items = ["请明确所需信息的文号"],
  ): ApplicationEvent => ({
    type: "supplement.requested",
    on: d(on),
    items,
    windowWorkdays,
  }),
  receiveSupplement: (on: string): ApplicationEvent => ({ type: "supplement.received", on: d(on) }),
  supplementExpired: (on: string): ApplicationEvent => ({ type: "supplement.expired", on: d(on) }),
  startConsultation: (
    on: string,
    consultationId = "c1",
    windowWorkdays = 15,
    name = "某公司",
  ): ApplicationEvent => ({
    type: "consultation.started",
    on: d(on),
    consultationId,
    party: "third_party",
    name,
    windowWorkdays,
  }),
  answerConsultation: (on: string, consultationId = "c1"): ApplicationEvent => ({
    type: "consultation.answered",
    on: d(on),
    consultationId,
  }),
  consultationExpired: (on: string, consultationId = "c1"): ApplicationEvent => ({
    type: "consultation.expired",
    on: d(on),
    consultationId,
  }),
  extend: (on: string, workdays = 5, reason = "需要调取档案"): ApplicationEvent => ({
    type: "extension.granted",
    on: d(on),
    workdays,
    reason,
  }),
  notifyFee: (on: string, amountYuan = 100, receivedByApplicantOn?: string): ApplicationEvent => ({
    type: "fee.notified",
    on: d(on),
    basis: "per_volume",
    amountYuan,
    ...(receivedByApplicantOn ? { receivedByApplicantOn: d(receivedByApplicantOn) } : {}),
  }),
  payFee: (on: string): ApplicationEvent => ({ type: "fee.paid", on: d(on) }),
  feeExpired: (on: string): ApplicationEvent => ({ type: "fee.expired", on: d(on) }),
  customizeDeadline: (on: string, dueOn: string, reason = "申请数量较大"): ApplicationEvent => ({
    type: "deadline.customized",
    on: d(on),
    dueOn: d(dueOn),
    reason,
  }),
  decide: (on: string, outcome: OutcomeId = "disclosed"): ApplicationEvent => ({
    type: "decision.issued",
    on: d(on),
    outcome,
  }),
  proposeDecision: (on: string, outcome: OutcomeId = "disclosed"): ApplicationEvent => ({
    type: "decision.proposed",
    on: d(on),
    outcome,
  }),
  requestExtension: (on: string, workdays = 5, reason = "需要调取档案"): ApplicationEvent => ({
    type: "extension.requested",
    on: d(on),
    workdays,
    reason,
  }),
  returnProposal: (on: string, reason = "请补充依据"): ApplicationEvent => ({
    type: "proposal.returned",
    on: d(on),
    reason,
  }),
  withdraw: (on: string): ApplicationEvent => ({ type: "application.withdrawn", on: d(on) }),
  deliver: (on: string, method = "邮寄"): ApplicationEvent => ({
    type: "reply.delivered",
    on: d(on),
    method,
  }),
  archive: (on: string): ApplicationEvent => ({ type: "application.archived", on: d(on) }),
  withdrawProposal: (on: string): ApplicationEvent => ({ type: "proposal.withdrawn", on: d(on) }),
  assign: (on: string, username = "handler2", userId = 2): ApplicationEvent => ({
    type: "case.assigned",
    on: d(on),
    handlerUserId: userId,
    handlerUsername: username,
    handlerName: `${username}（承办人）`,
  }),
  amendRegistration: (on: string): ApplicationEvent => ({
    type: "registration.amended",
    on: d(on),
    changes: { "applicant.name": { from: "张三", to: "张山" } },
  }),
};

export function start(receivedOn: CivilDate = RECEIVED_ON): ApplicationSnapshot {
  return initialTransition(machine, { receivedOn })[0];
}

/** The snapshot after the events, each through applyEvent (so an illegal one fails the test). */
export function run(...events: ApplicationEvent[]): ApplicationSnapshot {
  return events.reduce((s, e) => applyEvent(machine, s, e), start());
}

export function accepts(given: ApplicationEvent[], event: ApplicationEvent): ApplicationSnapshot {
  return applyEvent(machine, run(...given), event);
}

/** The refusal of `event` after `given`, as the error applyEvent throws. */
export function refusal(given: ApplicationEvent[], event: ApplicationEvent): IllegalTransitionError {
  const before = run(...given);
  try {
    applyEvent(machine, before, event);
  } catch (error) {
    if (error instanceof IllegalTransitionError) return error;
    throw error;
  }
  throw new Error(`${event.type} was accepted`);
}

export const inProgress = (consultation = "idle", extension = "notExtended", fee = "noFee"): StateValue => ({
  inProgress: { consultation, extension, fee },
});

/** An outcome id that is not in the table, to see the guard refuse it. */
export const UNKNOWN_OUTCOME = "withheld.no_such_row" as OutcomeId;

const DECISION_CANDIDATES: OutcomeId[] = [
  "disclosed",
  "unavailable.unclear_after_supplement",
  "other.supplement_overdue",
  UNKNOWN_OUTCOME,
];

/** The day a window opened on `from` for `n` WD ends, and the day after (the automatic event). */
function windowDates(from: CivilDate, n: number): [lastDay: CivilDate, dayAfter: CivilDate] {
  const lastDay = calendar.addWorkdays(from, n);
  return [lastDay, addDays(lastDay, 1)];
}

function automaticCandidates(context: ApplicationContext): ApplicationEvent[] {
  const { facts, lastOn } = context;
  const out: ApplicationEvent[] = [];
  const s = facts.supplement;
  const supplementDates = s ? windowDates(s.requestedOn, s.windowWorkdays) : [lastOn];
  for (const on of supplementDates) out.push({ type: "supplement.expired", on });
  for (const id of ["c1", "c2"]) {
    const c = facts.consultations.find((x) => x.id === id);
    const dates = c ? windowDates(c.startedOn, c.windowWorkdays) : [lastOn];
    for (const on of dates) out.push({ type: "consultation.expired", on, consultationId: id });
  }
  const fee = facts.fee;
  const feeDates = fee ? windowDates(fee.receivedByApplicantOn ?? fee.notifiedOn, 20) : [lastOn];
  for (const on of feeDates) out.push({ type: "fee.expired", on });
  return out;
}

/**
 * Every event type, valid and invalid payloads, dated at the latest event's date (the automatic
 * ones on their window's last day and the day after). Consultation ids are only c1 and c2, so the
 * graph stays finite.
 */
export function candidateEvents(context: ApplicationContext): ApplicationEvent[] {
  const on = context.lastOn;
  const day = (date: CivilDate) => date as string;
  const o = day(on);
  return [
    ev.requestSupplement(o),
    ev.requestSupplement(o, 15, []),
    ev.requestSupplement(o, 61),
    ev.receiveSupplement(o),
    ev.startConsultation(o, "c1"),
    ev.startConsultation(o, "c2"),
    ev.startConsultation(o, "c3", 0),
    ev.answerConsultation(o, "c1"),
    ev.answerConsultation(o, "c2"),
    ev.extend(o, 5),
    ev.extend(o, 21),
    ev.notifyFee(o, 100),
    ev.notifyFee(o, 0),
    ev.payFee(o),
    ev.customizeDeadline(o, day(addDays(on, 30))),
    ev.customizeDeadline(o, o),
    ...DECISION_CANDIDATES.map((outcome) => ev.decide(o, outcome)),
    ...DECISION_CANDIDATES.map((outcome) => ev.proposeDecision(o, outcome)),
    ev.requestExtension(o, 5),
    ev.requestExtension(o, 21),
    ev.returnProposal(o),
    ev.returnProposal(o, " "),
    ev.withdraw(o),
    ev.withdraw(day(addDays(on, -1))),
    ev.deliver(o),
    ev.deliver(o, " "),
    ev.archive(o),
    ev.withdrawProposal(o),
    ev.assign(o),
    ev.assign(o, " "),
    ev.amendRegistration(o),
    ...automaticCandidates(context),
  ];
}

/**
 * The state value and only what the guards read: which once-only steps were used, which
 * consultations are open or used, where the fee stands (plus the outcome, so that every way out
 * is its own node). Dates are left out, or the path search never ends.
 */
export function serializeState(snapshot: ApplicationSnapshot): string {
  const { facts } = snapshot.context;
  const fee = facts.fee;
  return JSON.stringify({
    value: snapshot.value,
    supplement: !facts.supplement
      ? "none"
      : facts.supplement.receivedOn
        ? "received"
        : facts.supplement.expiredOn
          ? "expired"
          : "requested",
    extended: facts.extension !== undefined,
    open: facts.consultations
      .filter((c) => !c.answeredOn && !c.expiredOn)
      .map((c) => c.id)
      .sort(),
    used: facts.consultations.map((c) => c.id).sort(),
    fee: !fee ? "none" : fee.paidOn ? "paid" : fee.expiredOn ? "expired" : "awaiting",
    customDeadline: facts.customDeadline !== undefined,
    proposal: facts.proposal?.kind ?? null,
    // Not read by any guard, but each way out (decided how, closed why) should be its own node.
    outcome: facts.disposition?.outcome ?? null,
  });
}
