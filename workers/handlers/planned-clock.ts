import { describeState } from "../../machines/api-state.ts";
import { type ApplicationMachine, createApplicationMachine } from "../../machines/application.machine.ts";
import { restoreSnapshot, type StoredApplicationSnapshot } from "../../machines/restore-snapshot.ts";
import type { WorkingCalendar } from "../../src/domain/calendar/calendar.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import type { CaseDeadlines, Clock } from "../../src/domain/deadlines/clock.ts";
import { computeDeadlines } from "../../src/domain/deadlines/compute-deadlines.ts";

/** One machine per calendar (building the statechart is costly; a calendar never changes). */
const MACHINES = new WeakMap<WorkingCalendar, ApplicationMachine>();

function machineFor(calendar: WorkingCalendar): ApplicationMachine {
  let machine = MACHINES.get(calendar);
  if (!machine) {
    machine = createApplicationMachine({ calendar });
    MACHINES.set(calendar, machine);
  }
  return machine;
}

/** A clock by its planned name: reply, supplementNotice, supplementWindow, feePayment, consultation:<id>, receipt:<id>, reReply. */
export function findPlannedClock(d: CaseDeadlines, name: string): Clock | undefined {
  if (name.startsWith("consultation:")) {
    const id = name.slice("consultation:".length);
    return d.consultations.find((c) => c.id === id);
  }
  if (name.startsWith("receipt:")) {
    const id = name.slice("receipt:".length);
    return d.receipts.find((c) => c.id === id);
  }
  switch (name) {
    case "reply":
      return d.reply;
    case "supplementNotice":
      return d.supplementNotice;
    case "supplementWindow":
      return d.supplementWindow;
    case "feePayment":
      return d.feePayment;
    case "reReply":
      return d.reReply;
    default:
      return undefined;
  }
}

/**
 * The clock a job concerns, computed now from the case's stored snapshot (its facts: no event
 * read), when it is still in the state the job expects with the same due date; undefined when
 * the case moved on (decided, paused, the date moved: a moved date is another job). With the
 * state as a clerk reads it, for the mail.
 */
export function plannedClock(
  stored: unknown,
  calendar: WorkingCalendar,
  today: CivilDate,
  expected: { clock: string; dueOn: CivilDate; state: Clock["state"] },
): { clock: Clock; stateLabel: string } | undefined {
  const snapshot = restoreSnapshot(machineFor(calendar), stored as StoredApplicationSnapshot);
  const clock = findPlannedClock(computeDeadlines(snapshot.context.facts, calendar, today), expected.clock);
  if (!clock || clock.state !== expected.state || clock.dueOn !== expected.dueOn) return undefined;
  return { clock, stateLabel: describeState(snapshot) };
}
