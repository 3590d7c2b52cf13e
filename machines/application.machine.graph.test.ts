import { describe, expect, it } from "vitest";
import { type AnyStateNode, initialTransition, type StateValue, transition } from "xstate";
import { getShortestPaths } from "xstate/graph";
import {
  ACTION_EVENT_TYPES,
  ACTION_TYPES,
  type ApplicationEvent,
  type ApplicationEventType,
} from "../src/domain/application-events.ts";
import { addDays } from "../src/domain/civil-date.ts";
import { DECIDABLE_OUTCOME_IDS } from "../src/domain/outcomes.ts";
import { allowedActions, probeEvents } from "./allowed-actions.ts";
import { type ApiState, toApiState } from "./api-state.ts";
import type { ApplicationSnapshot } from "./application.machine.ts";
import { applyEvent, IllegalTransitionError } from "./apply-event.ts";
import { refusalReason } from "./guards.ts";
import { calendar, candidateEvents, ev, machine, RECEIVED_ON, serializeState } from "./test-fixtures.ts";

const paths = getShortestPaths(machine, {
  input: { receivedOn: RECEIVED_ON },
  events: (snapshot) => (snapshot.status === "active" ? candidateEvents(snapshot.context) : []),
  serializeState: (snapshot) => serializeState(snapshot),
});
/** Each path replayed: the snapshot it really reaches (xstate/graph's `path.state` is only one
 * snapshot with the same serialization). */
function replay(events: readonly ApplicationEvent[]): ApplicationSnapshot {
  return events.reduce(
    (s, e) => transition(machine, s, e)[0],
    initialTransition(machine, { receivedOn: RECEIVED_ON })[0],
  );
}
const reachable = paths.map((p) => replay(p.steps.map((step) => step.event)));

/** Which event types each API state offers at all (DOMAIN.md §3), written out independently. */
const OFFERED: Record<ApiState, ApplicationEventType[]> = {
  registered: [
    "supplement.requested",
    "consultation.started",
    "extension.granted",
    "fee.notified",
    "deadline.customized",
    "decision.issued",
    "application.withdrawn",
    "decision.proposed",
    "extension.requested",
    "proposal.returned",
    "proposal.withdrawn",
    "case.assigned",
    "registration.amended",
  ],
  awaiting_supplement: [
    "supplement.received",
    "supplement.expired",
    "application.withdrawn",
    "case.assigned",
    "registration.amended",
  ],
  in_progress: [
    "supplement.requested",
    "consultation.started",
    "consultation.answered",
    "consultation.expired",
    "extension.granted",
    "fee.notified",
    "fee.paid",
    "fee.expired",
    "deadline.customized",
    "decision.issued",
    "application.withdrawn",
    "decision.proposed",
    "extension.requested",
    "proposal.returned",
    "proposal.withdrawn",
    "case.assigned",
    "registration.amended",
  ],
  // 分办/转办 while the case is worked, up to its archiving (not a statutory step).
  decided: ["reply.delivered", "case.assigned", "registration.amended"],
  delivered: ["application.archived", "case.assigned", "registration.amended"],
  archived: [],
  closed: [],
};

/** "inProgress.consultation.consulting" and its ancestors, for a state value. */
function statePaths(value: StateValue, prefix = ""): string[] {
  if (typeof value === "string") return [`${prefix}${value}`];
  return Object.entries(value).flatMap(([key, sub]) => [
    `${prefix}${key}`,
    ...(sub === undefined ? [] : statePaths(sub, `${prefix}${key}.`)),
  ]);
}

function allStateNodePaths(node: AnyStateNode, prefix = ""): string[] {
  return Object.entries(node.states).flatMap(([key, child]) => [
    `${prefix}${key}`,
    ...allStateNodePaths(child, `${prefix}${key}.`),
  ]);
}

/** The outcome of applyEvent: the next snapshot or the refusal. */
function tryApply(snapshot: ApplicationSnapshot, event: ApplicationEvent) {
  try {
    return { next: applyEvent(machine, snapshot, event) };
  } catch (error) {
    if (error instanceof IllegalTransitionError) return { refused: error };
    throw error;
  }
}

describe("every path of the machine (xstate/graph)", () => {
  it("finds a bounded state space", () => {
    expect(reachable.length).toBeGreaterThan(100);
    expect(reachable.length).toBeLessThan(5_000);
  });

  it("reaches every state and every parallel sub-state", () => {
    const reached = new Set(reachable.flatMap((s) => statePaths(s.value)));
    const all = allStateNodePaths(machine.root);
    expect(all).toContain("inProgress.fee.feePaid");
    expect(all.filter((p) => !reached.has(p))).toEqual([]);
    expect(new Set(reachable.map(toApiState))).toEqual(new Set(Object.keys(OFFERED)));
  });

  it("reaches the outcomes of every way out", () => {
    const outcomes = new Set(reachable.map((s) => s.context.facts.disposition?.outcome));
    for (const o of ["disclosed", "unavailable.unclear_after_supplement", "other.other"])
      expect(outcomes).toContain(o);
    for (const o of ["other.supplement_overdue", "other.fee_unpaid"]) expect(outcomes).toContain(o);
  });

  it("replays every path with transition() from initialTransition() to the same state", () => {
    expect(new Set(paths.map((p) => serializeState(p.state))).size).toBe(paths.length);
    for (const [i, path] of paths.entries()) {
      expect(serializeState(reachable[i] as ApplicationSnapshot)).toBe(serializeState(path.state));
    }
  });
});

describe("in every reachable state", () => {
  it("applyEvent moves the snapshot or refuses, exactly for the events the state does not accept", () => {
    const accepted = new Map<ApiState, Set<ApplicationEventType>>();
    for (const s of reachable) {
      const state = toApiState(s);
      for (const event of candidateEvents(s.context)) {
        const result = tryApply(s, event);
        const isAccepted = s.status === "active" && s.can(event);
        if (isAccepted) {
          expect(result.next?.context).toEqual(transition(machine, s, event)[0].context);
          expect(OFFERED[state]).toContain(event.type);
          accepted.set(state, (accepted.get(state) ?? new Set()).add(event.type));
          expect(refusalReason(s.context, event, { calendar })).toBeNull();
        } else {
          expect(result.refused?.state).toBe(state);
          expect(result.refused?.eventType).toBe(event.type);
          expect(result.refused?.allowedActions).toEqual(allowedActions(machine, s));
        }
      }
    }
    // Every offered event type is accepted somewhere: the refusals above are not vacuous.
    for (const [state, types] of Object.entries(OFFERED)) {
      expect([...(accepted.get(state as ApiState) ?? [])].sort()).toEqual([...types].sort());
    }
  });

  it("a final snapshot refuses every event; an archived one every event but a re-reply order", () => {
    const finals = reachable.filter((s) => s.status === "done");
    // Archived is not final: a review or a court may order a new reply on it (DOMAIN.md §3).
    expect(new Set(finals.map(toApiState))).toEqual(new Set(["closed"]));
    const archived = reachable.filter((s) => toApiState(s) === "archived");
    expect(archived.length).toBeGreaterThan(0);
    for (const s of [...finals, ...archived]) {
      for (const event of candidateEvents(s.context)) {
        expect(() => applyEvent(machine, s, event)).toThrow(IllegalTransitionError);
      }
      expect(allowedActions(machine, s)).toEqual([]);
    }
  });

  it("allowedActions agrees with snapshot.can() for every action", () => {
    for (const s of reachable.filter((x) => x.status === "active")) {
      const allowed = allowedActions(machine, s);
      // c1 and c2 may both be used; a fresh id is a valid payload too.
      const candidates = [...candidateEvents(s.context), ev.startConsultation(s.context.lastOn, "c-new")];
      for (const action of ACTION_TYPES) {
        const type = ACTION_EVENT_TYPES[action];
        const some = candidates.some((e) => e.type === type && s.can(e));
        expect({ state: serializeState(s), action, allowed: allowed.includes(action) }).toEqual({
          state: serializeState(s),
          action,
          allowed: some,
        });
      }
    }
  });

  it("allowedActions is snapshot.can() over its probes with every decidable outcome, today and later", () => {
    const everyOutcome = (e: ApplicationEvent): ApplicationEvent[] =>
      e.type === "decision.issued" || e.type === "decision.proposed" || e.type === "rereply.issued"
        ? DECIDABLE_OUTCOME_IDS.map((outcome) => ({ ...e, outcome }))
        : [e];
    let refusedLater = 0;
    for (const s of reachable.filter((x) => x.status === "active")) {
      // 60 days on: past most reply deadlines, so the extension's date check refuses too
      for (const on of [s.context.lastOn, addDays(s.context.lastOn, 60)]) {
        const byCan = ACTION_TYPES.filter((action) =>
          probeEvents(action, s.context, on)
            .flatMap(everyOutcome)
            .some((e) => s.can(e)),
        );
        expect({ state: serializeState(s), on, allowed: allowedActions(machine, s, on) }).toEqual({
          state: serializeState(s),
          on,
          allowed: byCan,
        });
        if (on !== s.context.lastOn && !byCan.includes("extend")) refusedLater++;
      }
    }
    expect(refusedLater).toBeGreaterThan(0);
  });
});
