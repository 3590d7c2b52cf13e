import {
  ACTION_EVENT_TYPES,
  ACTION_TYPES,
  type ActionType,
  type ApplicationEvent,
} from "../src/domain/application-events.ts";
import { assertNever } from "../src/domain/assert-never.ts";
import { openConsultations } from "../src/domain/case-predicates.ts";
import { addDays, type CivilDate } from "../src/domain/civil-date.ts";
import { DECIDABLE_OUTCOME_IDS, getOutcome, type OutcomeId } from "../src/domain/outcomes.ts";
import { MAX_EXTENSION_WORKDAYS } from "../src/domain/statute.ts";
import { type ApplicationMachine, type ApplicationSnapshot, machineDeps } from "./application.machine.ts";
import type { ApplicationContext } from "./application-context.ts";
import { refusalReason, withReplyDeadlineOnce } from "./guards.ts";

/**
 * The API actions the case accepts now, in ACTION_TYPES order: those for which some valid
 * payload dated `on` (default: the latest event's date) would be accepted. Pass today as `on`
 * for the buttons of the UI: an extension allowed yesterday may be refused today (art. 33).
 *
 * Read from the machine without stepping it: an event is accepted when a state node of the
 * snapshot has a transition for its type and the event passes that type's checks, because
 * every transition's guard is those checks (`accept` in application.machine.ts; a branch
 * predicate only chooses between two transitions that both take the event). This is what
 * `snapshot.can` answers, about ten times cheaper: no walk of the state tree per probe, and
 * the reply deadline computed once for all probes. The graph test holds the two equal in
 * every reachable state.
 */
export function allowedActions(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  on: CivilDate = snapshot.context.lastOn,
): ActionType[] {
  if (snapshot.status !== "active") return [];
  const handled = handledEventTypes(machine, snapshot);
  const { context } = snapshot;
  const deps = withReplyDeadlineOnce(machineDeps(machine), context);
  return ACTION_TYPES.filter(
    (action) =>
      handled.has(ACTION_EVENT_TYPES[action]) &&
      probeEvents(action, context, on).some((e) => refusalReason(context, e, deps) === null),
  );
}

const HANDLED = new WeakMap<ApplicationMachine, Map<string, ReadonlySet<string>>>();

/** The event types some active state node (the root included) has a transition for. */
function handledEventTypes(machine: ApplicationMachine, snapshot: ApplicationSnapshot): ReadonlySet<string> {
  // per state value: a snapshot after a transition has a node list of its own
  const value = snapshot.value;
  const key = typeof value === "string" ? value : JSON.stringify(value);
  let byValue = HANDLED.get(machine);
  if (!byValue) {
    byValue = new Map();
    HANDLED.set(machine, byValue);
  }
  let handled = byValue.get(key);
  if (!handled) {
    handled = new Set(snapshot._nodes.flatMap((node) => Object.keys(node.on)));
    byValue.set(key, handled);
  }
  return handled;
}

/**
 * The decidable outcomes the guards tell apart: they read an outcome only through
 * `isDecidableOutcome` (every one of these passes) and `hasSupplementIfRequired` (its
 * `requiresSupplementReceived`), so the first outcome of each kind stands for all of its kind.
 * The graph test checks the answer against probing every outcome in every reachable state.
 */
const PROBE_OUTCOMES: readonly OutcomeId[] = [false, true].flatMap((requires) => {
  const first = DECIDABLE_OUTCOME_IDS.find(
    (id) => (getOutcome(id).requiresSupplementReceived === true) === requires,
  );
  return first === undefined ? [] : [first];
});

/**
 * Representative valid payloads of one action, built from the context: when none of them is
 * accepted, no payload is (the guards read only these fields' validity and the context).
 */
export function probeEvents(
  action: ActionType,
  context: ApplicationContext,
  on: CivilDate,
): ApplicationEvent[] {
  switch (action) {
    case "request_supplement":
      return [{ type: "supplement.requested", on, items: ["补正事项"], windowWorkdays: 15 }];
    case "receive_supplement":
      return [{ type: "supplement.received", on }];
    case "start_consultation":
      return [
        {
          type: "consultation.started",
          on,
          consultationId: unusedConsultationId(context),
          party: "third_party",
          name: "第三方",
          windowWorkdays: 15,
        },
      ];
    case "end_consultation":
      return openConsultationIds(context).map((consultationId) => ({
        type: "consultation.answered",
        on,
        consultationId,
      }));
    case "extend":
      // The shortest and the longest: the date check does not depend on the length, the range does.
      return [1, MAX_EXTENSION_WORKDAYS].map((workdays) => ({
        type: "extension.granted",
        on,
        workdays,
        reason: "延期",
      }));
    case "issue_fee_notice":
      return [{ type: "fee.notified", on, basis: "per_item", amountYuan: 1 }];
    case "receive_fee":
      return [{ type: "fee.paid", on }];
    case "set_custom_deadline":
      return [{ type: "deadline.customized", on, dueOn: addDays(on, 1), reason: "合理期限" }];
    case "decide":
      return PROBE_OUTCOMES.map((outcome) => ({ type: "decision.issued", on, outcome }));
    case "withdraw":
      return [{ type: "application.withdrawn", on }];
    case "deliver":
      return [{ type: "reply.delivered", on, method: "送达" }];
    case "archive":
      return [{ type: "application.archived", on }];
    case "propose_decision":
      return PROBE_OUTCOMES.map((outcome) => ({ type: "decision.proposed", on, outcome }));
    case "request_extension":
      return [1, MAX_EXTENSION_WORKDAYS].map((workdays) => ({
        type: "extension.requested",
        on,
        workdays,
        reason: "延期",
      }));
    case "return_proposal":
      return [{ type: "proposal.returned", on, reason: "退回" }];
    case "withdraw_proposal":
      return [{ type: "proposal.withdrawn", on }];
    case "assign":
      return [
        { type: "case.assigned", on, handlerUserId: 0, handlerUsername: "承办人", handlerName: "承办人" },
      ];
    case "amend_registration":
      return [{ type: "registration.amended", on, changes: {} }];
    case "re_reply":
      return PROBE_OUTCOMES.map((outcome) => ({ type: "rereply.issued", on, outcome }));
    case "record_receipt":
      return [
        { type: "document.received", on, document: "supplement_notice" },
        { type: "document.received", on, document: "fee_notice" },
        { type: "document.received", on, document: "reply" },
        ...context.facts.consultations.map(
          (c): ApplicationEvent => ({
            type: "document.received",
            on,
            document: "consultation_letter",
            consultationId: c.id,
          }),
        ),
      ];
    default:
      return assertNever(action, "action type");
  }
}

function openConsultationIds(context: ApplicationContext): string[] {
  return openConsultations(context.facts).map((c) => c.id);
}

function unusedConsultationId(context: ApplicationContext): string {
  const used = new Set(context.facts.consultations.map((c) => c.id));
  let n = used.size + 1;
  while (used.has(`c${n}`)) n++;
  return `c${n}`;
}
