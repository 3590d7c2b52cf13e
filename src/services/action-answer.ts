import { allowedActions } from "../../machines/allowed-actions.ts";
import { type ApiState, toApiState } from "../../machines/api-state.ts";
import type { ApplicationSnapshot } from "../../machines/application.machine.ts";
import { restoreSnapshot, type StoredApplicationSnapshot } from "../../machines/restore-snapshot.ts";
import type { DbApplicationEvent } from "../db/schema.ts";
import type { EventView } from "./application-types.ts";
import { toEventView } from "./application-view.ts";
import type { WriteContext } from "./case-change.ts";
import type { CaseRow } from "./case-store.ts";

/**
 * An action's slim answer (`Prefer: return=minimal`, RFC 7240): what the write returned, with no
 * further read. `events` are the entries the action appended, then the automatic events it
 * newly superseded (each with `superseded` set); the whole case is `GET …/applications/:id`.
 */
export interface ActionAnswer {
  id: string;
  version: number;
  state: ApiState;
  events: EventView[];
  allowedActions: string[];
}

export function buildActionAnswer(
  c: CaseRow,
  result: { events: DbApplicationEvent[]; snapshot?: ApplicationSnapshot | undefined },
  ctx: WriteContext,
): ActionAnswer {
  // the write's own snapshot when it has one: restoring the stored JSON costs a machine resolve
  const snapshot =
    result.snapshot ?? restoreSnapshot(ctx.machine, c.row.snapshot as StoredApplicationSnapshot);
  return {
    id: c.row.id,
    version: c.row.version,
    state: toApiState(snapshot),
    events: result.events.map(toEventView),
    allowedActions: allowedActions(ctx.machine, snapshot, ctx.today),
  };
}
