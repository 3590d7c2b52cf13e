/**
 * The lifecycle machine's context: what it keeps between events. It is stored as JSON beside the
 * state value (STYLE.md: every stored type carries a version), so changing its shape means a new
 * `v` and a migration of the stored snapshots.
 */
import type { WorkingCalendar } from "../src/domain/calendar/calendar.ts";
import type { CaseFacts } from "../src/domain/case-facts.ts";
import type { CivilDate } from "../src/domain/civil-date.ts";

export const APPLICATION_CONTEXT_VERSION = 1;

export interface ApplicationContext {
  v: typeof APPLICATION_CONTEXT_VERSION;
  /** Folded from the accepted events; the deadline engine reads nothing else. */
  facts: CaseFacts;
  /** Effective date of the latest accepted event (receivedOn before any event). */
  lastOn: CivilDate;
}

export interface ApplicationMachineInput {
  /** The art. 31 receipt date (DOMAIN.md §4). */
  receivedOn: CivilDate;
}

export interface ApplicationMachineDeps {
  /** Working days for every window the guards check (supplement, consultation, fee, reply). */
  calendar: WorkingCalendar;
}

export function createInitialContext(input: ApplicationMachineInput): ApplicationContext {
  return {
    v: APPLICATION_CONTEXT_VERSION,
    facts: { receivedOn: input.receivedOn, consultations: [] },
    lastOn: input.receivedOn,
  };
}
