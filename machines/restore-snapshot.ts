import type { StateValue } from "xstate";
import type { ApplicationMachine, ApplicationSnapshot } from "./application.machine.ts";
import { APPLICATION_CONTEXT_VERSION, type ApplicationContext } from "./application-context.ts";

/** What the service stores for a case: the state value and the versioned context, as JSON. */
export interface StoredApplicationSnapshot {
  value: StateValue;
  context: ApplicationContext;
}

export function toStoredSnapshot(snapshot: ApplicationSnapshot): StoredApplicationSnapshot {
  return { value: snapshot.value, context: snapshot.context };
}

/**
 * A live snapshot from stored JSON. Goes through `resolveState` (STYLE.md: a raw JSON object is
 * not a snapshot: it lacks the machine, `can`, `matches` and the status of final states).
 */
export function restoreSnapshot(
  machine: ApplicationMachine,
  stored: StoredApplicationSnapshot,
): ApplicationSnapshot {
  if (stored.context.v !== APPLICATION_CONTEXT_VERSION) {
    throw new Error(
      `stored application context has version ${String(stored.context.v)}, expected ${APPLICATION_CONTEXT_VERSION}`,
    );
  }
  return machine.resolveState({ value: stored.value, context: stored.context });
}
