import { AppError } from "../../src/app-error.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { SYSTEM_ACTOR } from "../../src/services/actor.ts";
import type { ApplicationView, ClockView } from "../../src/services/application-types.ts";
import type { HandlerDeps } from "./handler-deps.ts";

/** A clock by its planned name: reply, supplementNotice, supplementWindow, feePayment, consultation:<id>. */
export function findClock(view: ApplicationView, name: string): ClockView | undefined {
  const d = view.deadlines;
  if (name.startsWith("consultation:")) {
    const id = name.slice("consultation:".length);
    return d.consultations?.find((c) => c.id === id);
  }
  if (name.startsWith("receipt:")) {
    const id = name.slice("receipt:".length);
    return d.receipts?.find((c) => c.id === id);
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
 * The case as computed now and the clock a job concerns, when that clock is still in the state
 * the job expects with the same due date; undefined when the case moved on (decided, paused,
 * the date moved: a moved date is another job).
 */
export async function loadCaseClock(
  deps: HandlerDeps,
  applicationId: string,
  expected: { clock: string; dueOn: CivilDate; state: ClockView["state"] },
): Promise<{ view: ApplicationView; clock: ClockView } | undefined> {
  let view: ApplicationView;
  try {
    view = await deps.applications.get(SYSTEM_ACTOR, applicationId);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return undefined;
    throw error;
  }
  const clock = findClock(view, expected.clock);
  if (!clock || clock.state !== expected.state || clock.dueOn !== expected.dueOn) return undefined;
  return { view, clock };
}
