/**
 * xstate's pure `transition()` and `initialTransition()` without their per-call actor. Each of
 * those builds a fresh inert actor, and the Actor constructor eagerly computes the machine's
 * initial snapshot: the context factory runs without input (`createInitialContext` throws on it,
 * caught inside xstate), then the initial microsteps, all thrown away. On the API's hot path that
 * was about a tenth of the machine's cost per action. Here the inert scope is built once per
 * machine and handed to the machine's own `transition` / `getInitialSnapshot`, which is what
 * xstate's functions do with theirs. The machine has no invoked or spawned actors and only
 * `assign` actions, so the scope holds no state between calls; the actions a step would execute
 * are dropped, as the callers of `transition()` dropped them.
 */
import { type ActorScope, createActor } from "xstate";
import { parseCivilDate } from "../src/domain/civil-date.ts";
import type { ApplicationMachine, ApplicationSnapshot } from "./application.machine.ts";
import type { ApplicationMachineInput } from "./application-context.ts";

type Scope = Parameters<ApplicationMachine["transition"]>[2];

const SCOPES = new WeakMap<ApplicationMachine, Scope>();

function inertScope(machine: ApplicationMachine): Scope {
  let scope = SCOPES.get(machine);
  if (!scope) {
    // never started: its only use is to be `self`, as in xstate's createInertActorScope
    const self = createActor(machine, { input: { receivedOn: parseCivilDate("1970-01-01") } });
    const noop = () => {};
    scope = {
      self,
      id: "",
      sessionId: "",
      logger: noop,
      defer: noop,
      emit: noop,
      system: self.system,
      stopChild: noop,
      actionExecutor: noop,
    } satisfies ActorScope<ApplicationSnapshot, Parameters<ApplicationMachine["transition"]>[1]>;
    SCOPES.set(machine, scope);
  }
  return scope;
}

/** The snapshot after `event` (a full macrostep), as `transition(machine, snapshot, event)[0]`. */
export function nextSnapshot(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  event: Parameters<ApplicationMachine["transition"]>[1],
): ApplicationSnapshot {
  return machine.transition(snapshot, event, inertScope(machine));
}

/** The case's snapshot at registration, as `initialTransition(machine, input)[0]`. */
export function initialSnapshot(
  machine: ApplicationMachine,
  input: ApplicationMachineInput,
): ApplicationSnapshot {
  return machine.getInitialSnapshot(inertScope(machine), input);
}
