import { EVENT_LABELS } from "../../machines/apply-event.ts";
import {
  explainAutomaticBlock,
  type RecordedEvent,
  type ReplayResult,
  replayHistory,
} from "../../machines/replay-history.ts";
import { AppError } from "../app-error.ts";
import type { DbApplicationEvent } from "../db/schema.ts";
import type { ApplicationEvent } from "../domain/application-events.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { AutomaticEvent } from "../domain/deadlines/due-automatic-events.ts";
import { SYSTEM_ACTOR } from "./actor.ts";
import {
  AUTOMATIC_TYPES,
  type CaseChange,
  HUMAN_TYPES,
  type Plan,
  systemEntry,
  userEntry,
  type WriteContext,
} from "./case-change.ts";
import { type CaseRow, type Db, loadEvents, type NewLogEntry } from "./case-store.ts";

/** Replays the human events (with `added` inserted) and diffs the automatic events owed. */
export async function replayPlan(
  trx: Db,
  c: CaseRow,
  ctx: WriteContext,
  added: RecordedEvent | undefined,
  change: CaseChange,
  receivedOn = c.row.received_on as CivilDate,
): Promise<Plan | string> {
  // The rare path: only a replay reads the log (a plain append never does).
  const log = await loadEvents(trx, c.row.id, true);
  const human = log.filter((e) => HUMAN_TYPES.has(e.type)).map(toRecorded);
  const result = replayHistory(ctx.machine, receivedOn, added ? [...human, added] : human, ctx.today);
  if (!result.ok) {
    if (change.kind !== "action") return refusalMessage(result, added);
    throw new AppError("illegal_action", {
      message: change.registration ? registrationRefusal(result, receivedOn) : refusalMessage(result, added),
      details: [{ message: `allowedActions: ${result.error.allowedActions.join(",")}` }],
    });
  }
  const { superseded, missing } = diffAutomatic(
    log.filter((e) => AUTOMATIC_TYPES.has(e.type)),
    result.automatic,
  );
  const entries: NewLogEntry[] = [];
  if (change.kind === "action") {
    entries.push(userEntry(change.event.type, change.event.on, change.actor, change.event, change.reason));
  } else if (superseded.length > 0 || missing.length > 0) {
    // The cause of the re-derivation, so that the superseded events point at an entry.
    const actor = change.kind === "rederive" ? change.actor : SYSTEM_ACTOR;
    const year = change.kind === "rederive" ? change.year : null;
    entries.push(userEntry("calendar.changed", ctx.today, actor, { year }, null));
  }
  entries.push(...missing.map(systemEntry));
  return { snapshot: result.snapshot, entries, superseded };
}

/** The 409 text of a refused replay: the new event itself, or a later one it would invalidate. */
function refusalMessage(
  result: Extract<ReplayResult, { ok: false }>,
  added: RecordedEvent | undefined,
): string {
  const hint = explainAutomaticBlock(result.before, result.refused.event);
  if (result.refused === added) return hint ?? result.error.message;
  const what = `${result.refused.event.on} 的“${EVENT_LABELS[result.refused.event.type]}”`;
  const prefix = added ? `登记该事项后，已登记的${what}将不再成立` : `按现行放假安排重算后，${what}不再成立`;
  return `${prefix}：${hint ?? result.error.message}。请核对各事项的日期`;
}

/** The 409 text of a correction of the receipt date that a recorded event no longer fits. */
function registrationRefusal(result: Extract<ReplayResult, { ok: false }>, receivedOn: CivilDate): string {
  const what = `${result.refused.event.on} 的“${EVENT_LABELS[result.refused.event.type]}”`;
  const hint = explainAutomaticBlock(result.before, result.refused.event) ?? result.error.message;
  return `收到日期更正为 ${receivedOn} 后，已登记的${what}将不再成立：${hint}。请先核对各事项的日期`;
}

/** Stored automatic events the history no longer owes, and owed ones not stored yet. */
function diffAutomatic(
  stored: DbApplicationEvent[],
  owed: AutomaticEvent[],
): { superseded: DbApplicationEvent[]; missing: AutomaticEvent[] } {
  const keyOf = (type: string, on: string, payload: object) =>
    `${type}|${on}|${"consultationId" in payload ? String(payload.consultationId) : ""}`;
  const remaining = new Map<string, AutomaticEvent[]>();
  for (const e of owed) {
    const k = keyOf(e.type, e.on, e);
    remaining.set(k, [...(remaining.get(k) ?? []), e]);
  }
  const superseded: DbApplicationEvent[] = [];
  for (const e of stored) {
    const list = remaining.get(keyOf(e.type, e.effective_on, e.payload as object));
    if (list && list.length > 0) list.shift();
    else superseded.push(e);
  }
  return { superseded, missing: owed.filter((e) => remaining.get(keyOf(e.type, e.on, e))?.includes(e)) };
}

function toRecorded(e: DbApplicationEvent): RecordedEvent {
  const { v: _v, ...event } = e.payload as { v: number } & ApplicationEvent;
  return { seq: e.seq, event: { ...event, type: e.type, on: e.effective_on } as ApplicationEvent };
}
