import type { AnyStateNode, StateValue } from "xstate";
import {
  ACTION_LABELS,
  type ActionType,
  type ApplicationEvent,
  type ApplicationEventType,
} from "../src/domain/application-events.ts";
import { allowedActions } from "./allowed-actions.ts";
import { type ApiState, describeState, toApiState } from "./api-state.ts";
import { type ApplicationMachine, type ApplicationSnapshot, machineDeps } from "./application.machine.ts";
import { refusalReason } from "./guards.ts";
import { nextSnapshot } from "./inert-transition.ts";

/** Chinese names of every event: the actions' labels, and the automatic events'. */
export const EVENT_LABELS: Record<ApplicationEventType, string> = {
  "supplement.requested": ACTION_LABELS.request_supplement,
  "supplement.received": ACTION_LABELS.receive_supplement,
  "supplement.expired": "逾期未补正办结",
  "consultation.started": ACTION_LABELS.start_consultation,
  "consultation.answered": ACTION_LABELS.end_consultation,
  "consultation.expired": "征求意见期限届满",
  "extension.granted": ACTION_LABELS.extend,
  "fee.notified": ACTION_LABELS.issue_fee_notice,
  "fee.paid": ACTION_LABELS.receive_fee,
  "fee.expired": "逾期未缴费办结",
  "deadline.customized": ACTION_LABELS.set_custom_deadline,
  "decision.issued": ACTION_LABELS.decide,
  "application.withdrawn": ACTION_LABELS.withdraw,
  "reply.delivered": ACTION_LABELS.deliver,
  "application.archived": ACTION_LABELS.archive,
  "decision.proposed": ACTION_LABELS.propose_decision,
  "extension.requested": ACTION_LABELS.request_extension,
  "proposal.returned": ACTION_LABELS.return_proposal,
  "document.received": ACTION_LABELS.record_receipt,
  "rereply.ordered": "复议或诉讼决定重新答复",
  "rereply.issued": ACTION_LABELS.re_reply,
  "proposal.withdrawn": ACTION_LABELS.withdraw_proposal,
  "case.assigned": ACTION_LABELS.assign,
  "registration.amended": ACTION_LABELS.amend_registration,
};

/** The event is not allowed in the case's current state (HTTP 409). */
export class IllegalTransitionError extends Error {
  override readonly name = "IllegalTransitionError";
  /** For the error table of the HTTP layer (409). */
  readonly code = "illegal_transition";
  readonly state: ApiState;
  readonly eventType: ApplicationEventType;
  readonly allowedActions: ActionType[];
  /** The failed rule, when the state handles this event but the payload or date was refused. */
  readonly reason: string | null;

  constructor(args: {
    state: ApiState;
    stateLabel: string;
    eventType: ApplicationEventType;
    allowedActions: ActionType[];
    reason: string | null;
  }) {
    const allowed = args.allowedActions.map((a) => ACTION_LABELS[a]).join("、") || "无";
    const why = args.reason ? `：${args.reason}` : "";
    super(
      `当前状态为“${args.stateLabel}”，不能执行“${EVENT_LABELS[args.eventType]}”${why}。当前可执行：${allowed}`,
    );
    this.state = args.state;
    this.eventType = args.eventType;
    this.allowedActions = args.allowedActions;
    this.reason = args.reason;
  }
}

/**
 * The snapshot after `event`, or IllegalTransitionError. Checks the status first: the pure
 * `transition()` still moves a finished snapshot (STYLE.md), and an event no transition accepts
 * would come back as the same snapshot, silently.
 */
export function applyEvent(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  event: ApplicationEvent,
): ApplicationSnapshot {
  if (snapshot.status !== "active" || !snapshot.can(event)) {
    throw new IllegalTransitionError({
      state: toApiState(snapshot),
      stateLabel: describeState(snapshot),
      eventType: event.type,
      allowedActions: allowedActions(machine, snapshot),
      reason: explainRefusal(machine, snapshot, event),
    });
  }
  return nextSnapshot(machine, snapshot, event);
}

/**
 * Why an event the current state does handle was refused (its date, its payload, a once-only
 * rule); null when the state does not handle it at all, the message then names the state.
 */
export function explainRefusal(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  event: ApplicationEvent,
): string | null {
  if (snapshot.status !== "active") return null;
  const handled = activeStateNodes(machine.root, snapshot.value).some(
    (node) => node.on[event.type] !== undefined,
  );
  return handled ? refusalReason(snapshot.context, event, machineDeps(machine)) : null;
}

/** The active state nodes for a state value, the root included. */
function activeStateNodes(node: AnyStateNode, value: StateValue): AnyStateNode[] {
  if (typeof value === "string") {
    const child = node.states[value];
    return child ? [node, child] : [node];
  }
  const nodes = [node];
  for (const [key, sub] of Object.entries(value)) {
    const child = node.states[key];
    if (child && sub !== undefined) nodes.push(...activeStateNodes(child, sub));
  }
  return nodes;
}
