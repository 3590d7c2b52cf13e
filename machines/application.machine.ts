/**
 * The lifecycle of one application (DOMAIN.md §3): the single source of truth for which action
 * is allowed in which state. Pure: used through `initialTransition` / `transition` from xstate,
 * never interpreted; the service persists `{ value, context }` and restores it with
 * `restoreSnapshot`. The helpers beside this file (apply-event, allowed-actions, api-state)
 * are the only way the rest of the system should read or move it.
 */
import { and, assign, type SnapshotFrom, setup } from "xstate";
import type { ApplicationEvent, ApplicationEventType } from "../src/domain/application-events.ts";
import {
  type ApplicationContext,
  type ApplicationMachineDeps,
  type ApplicationMachineInput,
  createInitialContext,
} from "./application-context.ts";
import { foldEventIntoFacts } from "./fold-event-into-facts.ts";
import { createGuards, EVENT_CHECKS, type GuardName } from "./guards.ts";

/**
 * A transition that takes `type` when all its checks pass (guards.ts, plus a branch predicate
 * when two transitions share the event) and records it: folded into the facts, its date kept.
 */
function accept(type: ApplicationEventType, target?: string, ...extra: GuardName[]) {
  const names: readonly GuardName[] = [...EVENT_CHECKS[type], ...extra];
  return { guard: and(names), actions: "recordEvent" as const, ...(target === undefined ? {} : { target }) };
}

/**
 * The handler's proposals and the approver's return (DOMAIN.md §3: the approver issues the
 * decision and approves the extension). They only record the pending proposal in the facts: no
 * target, the state value stays. Handled in registered and inProgress, where the approver's
 * decide and extend are; the same checks as those make them allowed exactly where those are.
 */
const PROPOSALS = {
  "decision.proposed": accept("decision.proposed"),
  "extension.requested": accept("extension.requested"),
  "proposal.returned": accept("proposal.returned"),
  "proposal.withdrawn": accept("proposal.withdrawn"),
};

/**
 * 分办 / 转办 while the case is worked (not once it is archived or closed). Not a statutory step:
 * no target, and the latest event's date stays, so a later entry dated before the assignment is
 * still a plain append (DOMAIN.md §5 orders the facts of the law, not the office's routing).
 */
const ASSIGNMENT = {
  "case.assigned": {
    guard: and([...EVENT_CHECKS["case.assigned"]]),
    actions: "recordAssignment" as const,
  },
};

/**
 * 更正登记信息 while the case is worked (not once it is archived or closed): a correction of what
 * was registered, not a step; no target, the latest event's date stays.
 */
const CORRECTION = {
  "registration.amended": {
    guard: and([...EVENT_CHECKS["registration.amended"]]),
    actions: "recordAssignment" as const,
  },
};

/**
 * 重新答复 (DOMAIN.md §3): after a reply, a review decision or judgment may order a new one; the
 * state stays (the first reply is the disposition of the tables), the facts carry its clock.
 */
/**
 * 送达: the addressee's receipt of a document sent earlier, while the case is worked (not once it
 * is archived or closed); the state stays, the windows that count from it move (DOMAIN.md §5).
 */
const RECEIPT = { "document.received": accept("document.received") };

const RE_REPLY = {
  "rereply.ordered": accept("rereply.ordered"),
  "rereply.issued": accept("rereply.issued"),
};

export function createApplicationMachine(deps: ApplicationMachineDeps) {
  const machine = setup({
    types: {
      context: {} as ApplicationContext,
      events: {} as ApplicationEvent,
      input: {} as ApplicationMachineInput,
    },
    guards: createGuards(deps),
    actions: {
      recordEvent: assign(({ context, event }) => ({
        facts: foldEventIntoFacts(context.facts, event),
        lastOn: event.on,
      })),
      recordAssignment: assign(({ context, event }) => ({
        facts: foldEventIntoFacts(context.facts, event),
      })),
    },
  }).createMachine({
    id: "application",
    context: ({ input }) => createInitialContext(input),
    initial: "registered",

    states: {
      registered: {
        // The first handling action moves the case into inProgress: no separate acceptance step.
        on: {
          "supplement.requested": accept("supplement.requested", "awaitingSupplement"),
          "consultation.started": accept("consultation.started", "inProgress.consultation.consulting"),
          "extension.granted": accept("extension.granted", "inProgress.extension.extended"),
          "fee.notified": accept("fee.notified", "inProgress.fee.awaitingFee"),
          "deadline.customized": accept("deadline.customized", "inProgress"),
          // art. 33: a reply given on the spot goes straight to decided.
          "decision.issued": accept("decision.issued", "decided"),
          "application.withdrawn": accept("application.withdrawn", "closed"),
          ...PROPOSALS,
          ...RECEIPT,
          ...ASSIGNMENT,
          ...CORRECTION,
        },
      },
      awaitingSupplement: {
        on: {
          // art. 30: the reply clock restarts; the deadline engine reads facts.supplement.receivedOn.
          "supplement.received": accept("supplement.received", "inProgress"),
          "supplement.expired": accept("supplement.expired", "closed"),
          "application.withdrawn": accept("application.withdrawn", "closed"),
          ...RECEIPT,
          ...ASSIGNMENT,
          ...CORRECTION,
        },
      },
      inProgress: {
        type: "parallel",
        on: {
          "supplement.requested": accept("supplement.requested", "awaitingSupplement"),
          "deadline.customized": accept("deadline.customized"),
          "decision.issued": accept("decision.issued", "decided"),
          "application.withdrawn": accept("application.withdrawn", "closed"),
          // Accepted where the extension region would accept extension.granted: the same checks.
          ...PROPOSALS,
          ...RECEIPT,
          ...ASSIGNMENT,
          ...CORRECTION,
        },
        states: { consultation: consultationRegion(), extension: extensionRegion(), fee: feeRegion() },
      },
      decided: {
        on: {
          "reply.delivered": accept("reply.delivered", "delivered"),
          ...RE_REPLY,
          ...RECEIPT,
          ...ASSIGNMENT,
          ...CORRECTION,
        },
      },
      delivered: {
        on: {
          "application.archived": accept("application.archived", "archived"),
          ...RE_REPLY,
          ...RECEIPT,
          ...ASSIGNMENT,
          ...CORRECTION,
        },
      },
      // Not final: a review or a court may order a new reply on an archived case (DOMAIN.md §3).
      archived: { on: RE_REPLY },
      /** Ended without a reply letter: withdrawn, supplement overdue, fee unpaid. */
      closed: { type: "final" },
    },
  });
  MACHINE_DEPS.set(machine, deps);
  return machine;
}

/**
 * art. 32, 34: several consultations may be open at once; the region is `consulting` while any
 * is open. The events are handled on the region itself, so a refused one (unknown id) is
 * explained by its check rather than by the state.
 */
function consultationRegion() {
  return {
    initial: "idle",
    on: {
      "consultation.started": accept("consultation.started", ".consulting"),
      "consultation.answered": [
        accept("consultation.answered", ".idle", "isLastOpenConsultation"),
        accept("consultation.answered"),
      ],
      "consultation.expired": [
        accept("consultation.expired", ".idle", "isLastOpenConsultation"),
        accept("consultation.expired"),
      ],
    },
    states: { idle: {}, consulting: {} },
  } as const;
}

/**
 * art. 33 ¶2: one extension. Re-entering inProgress after a supplement starts the regions at
 * their initial states; the eventless transitions put them back where the facts say.
 */
function extensionRegion() {
  return {
    initial: "notExtended",
    on: { "extension.granted": accept("extension.granted", ".extended") },
    states: {
      notExtended: { always: { guard: "hasExtension", target: "extended" } },
      extended: {},
    },
  } as const;
}

/** Fee rules: one notice; paid, or closed as unpaid when the 20-WD window ends. */
function feeRegion() {
  return {
    initial: "noFee",
    on: { "fee.notified": accept("fee.notified", ".awaitingFee") },
    states: {
      noFee: {
        always: [
          { guard: "isFeePaid", target: "feePaid" },
          { guard: "isFeeAwaitingPayment", target: "awaitingFee" },
        ],
      },
      awaitingFee: {
        on: {
          "fee.paid": accept("fee.paid", "feePaid"),
          "fee.expired": accept("fee.expired", "#application.closed"),
        },
      },
      feePaid: {},
    },
  } as const;
}

export type ApplicationMachine = ReturnType<typeof createApplicationMachine>;
export type ApplicationSnapshot = SnapshotFrom<ApplicationMachine>;

const MACHINE_DEPS = new WeakMap<ApplicationMachine, ApplicationMachineDeps>();

/**
 * The deps a machine was built with, for the helpers that explain refusals and date automatic
 * events: their signatures take the machine alone, like xstate's own.
 */
export function machineDeps(machine: ApplicationMachine): ApplicationMachineDeps {
  const deps = MACHINE_DEPS.get(machine);
  if (!deps) throw new Error("machine was not built by createApplicationMachine");
  return deps;
}
