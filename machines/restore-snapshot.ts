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
  const key = typeof stored.value === "string" ? stored.value : JSON.stringify(stored.value);
  let byValue = RESOLVED.get(machine);
  if (!byValue) {
    byValue = new Map();
    RESOLVED.set(machine, byValue);
  }
  let resolved = byValue.get(key);
  if (!resolved) {
    resolved = machine.resolveState({ value: stored.value, context: stored.context });
    byValue.set(key, resolved);
  }
  // The same snapshot with this case's context. Its state nodes, value, tags and status depend on
  // the state value alone, and xstate never mutates them (a transition builds new ones).
  return { ...resolved, context: stored.context };
}

/**
 * `resolveState` once per state value (a few dozen exist): it walks the state tree twice and
 * builds the node list, the value and the tags, about a third of a restore's cost on every action.
 */
const RESOLVED = new WeakMap<ApplicationMachine, Map<string, ApplicationSnapshot>>();
