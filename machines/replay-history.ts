/**
 * Automatic events are consequences, not facts (DOMAIN.md §5): a case's state is its human
 * events replayed in effective-date order (same-day events in recording order), with every
 * automatic event those events owe applied on its own date, before the human events of that day.
 */
import type { ApplicationEvent } from "../src/domain/application-events.ts";
import { addDays, type CivilDate } from "../src/domain/civil-date.ts";
import { type AutomaticEvent, dueAutomaticEvents } from "../src/domain/deadlines/due-automatic-events.ts";
import { type ApplicationMachine, type ApplicationSnapshot, machineDeps } from "./application.machine.ts";
import { applyEvent, IllegalTransitionError } from "./apply-event.ts";
import { initialSnapshot } from "./inert-transition.ts";

/** A human event of the log with its recording order (`seq`; a new one sorts after all others). */
export interface RecordedEvent {
  seq: number;
  event: ApplicationEvent;
}

/**
 * Applies, one at a time and in date order, the automatic events the snapshot owes on or before
 * `upTo`. `stuck` is an owed event the machine refuses (dated before the latest event: the
 * calendar moved a window's end); the caller then replays the whole history.
 */
export function applyOwedAutomaticEvents(
  machine: ApplicationMachine,
  snapshot: ApplicationSnapshot,
  upTo: CivilDate,
): { snapshot: ApplicationSnapshot; applied: AutomaticEvent[]; stuck?: AutomaticEvent } {
  const { calendar } = machineDeps(machine);
  const applied: AutomaticEvent[] = [];
  let current = snapshot;
  while (current.status === "active") {
    const next = dueAutomaticEvents(current.context.facts, calendar, upTo)[0];
    if (!next) break;
    if (!current.can(next)) return { snapshot: current, applied, stuck: next };
    current = applyEvent(machine, current, next);
    applied.push(next);
  }
  return { snapshot: current, applied };
}

export type ReplayResult =
  | { ok: true; snapshot: ApplicationSnapshot; automatic: AutomaticEvent[] }
  | {
      ok: false;
      /** The human event the machine refused, and the snapshot just before it. */
      refused: RecordedEvent;
      before: ApplicationSnapshot;
      error: IllegalTransitionError;
    };

/** Human events in replay order: effective date, then recording order. */
export function inReplayOrder(events: readonly RecordedEvent[]): RecordedEvent[] {
  return [...events].sort((a, b) => a.event.on.localeCompare(b.event.on) || a.seq - b.seq);
}

/**
 * The case as its human events make it, with the automatic events they owe up to `asOf`
 * (today). Pure: the same events and calendar give the same state, however they were entered.
 */
export function replayHistory(
  machine: ApplicationMachine,
  receivedOn: CivilDate,
  events: readonly RecordedEvent[],
  asOf: CivilDate,
): ReplayResult {
  let snapshot = initialSnapshot(machine, { receivedOn });
  const automatic: AutomaticEvent[] = [];
  for (const recorded of inReplayOrder(events)) {
    const owed = applyOwedAutomaticEvents(machine, snapshot, recorded.event.on);
    snapshot = owed.snapshot;
    automatic.push(...owed.applied);
    try {
      snapshot = applyEvent(machine, snapshot, recorded.event);
    } catch (error) {
      if (error instanceof IllegalTransitionError)
        return { ok: false, refused: recorded, before: snapshot, error };
      throw error;
    }
  }
  const owed = applyOwedAutomaticEvents(machine, snapshot, asOf);
  automatic.push(...owed.applied);
  return { ok: true, snapshot: owed.snapshot, automatic };
}

/**
 * When an automatic event stands in the way of `event` (the case closed itself, the party's
 * window ended), what the clerk should do: the fact probably happened earlier than the date
 * entered. Null when no automatic event is the cause.
 */
export function explainAutomaticBlock(snapshot: ApplicationSnapshot, event: ApplicationEvent): string | null {
  const { facts } = snapshot.context;
  const d = facts.disposition;
  if (d?.by === "automatic") {
    if (facts.supplement?.expiredOn) {
      const last = addDays(facts.supplement.expiredOn, -1);
      return `本申请已于 ${d.on} 因补正期限（最后一日为 ${last}）届满未补正而自动终止（《条例》第三十条）；如补正材料实际于 ${last} 或之前收到，请按实际收到日期登记`;
    }
    if (facts.fee?.expiredOn) {
      const last = addDays(facts.fee.expiredOn, -1);
      return `本申请已于 ${d.on} 因缴费期限（最后一日为 ${last}）届满未缴费而自动终止；如申请人实际于 ${last} 或之前缴费，请按实际缴费日期登记`;
    }
  }
  if (event.type === "consultation.answered") {
    const c = facts.consultations.find((x) => x.id === event.consultationId);
    if (c?.expiredOn) {
      const last = addDays(c.expiredOn, -1);
      return `征求意见“${c.name}”的答复期限最后一日为 ${last}，已于 ${c.expiredOn} 自动结束；如意见实际于 ${last} 或之前收到，请按实际收到日期登记`;
    }
  }
  return null;
}
