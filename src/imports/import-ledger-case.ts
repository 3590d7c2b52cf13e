import { sql } from "kysely";
import { isAppError } from "../app-error.ts";
import { ACTION_LABELS } from "../domain/application-events.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import type { CaseFacts } from "../domain/case-facts.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { Actor } from "../services/actor.ts";
import type { CaseBatch } from "../services/application-service.ts";
import { checkDerivedOutcome } from "./check-derived-outcome.ts";
import type { LedgerColumn } from "./ledger-columns.ts";
import type { LedgerCase, LedgerRowError } from "./ledger-types.ts";
import type { LedgerCasePlan, PlannedAction } from "./plan-ledger-case.ts";

export interface LedgerWriteContext {
  ops: CaseBatch;
  /** The import actor (ledgerImportActor). */
  actor: Actor;
  calendar: WorkingCalendar;
}

const YEAR_CLOSED_HINT = "导入时请提供更正理由（接口参数 amendmentReason，命令行 --amendment-reason）";

/** A refused write as the row's error: the column of the field the service names, else `fallback`. */
function refusal(e: unknown, row: number, fallback: LedgerColumn, prefix = ""): LedgerRowError {
  if (!isAppError(e)) throw e;
  const field = e.details?.[0]?.field;
  const column: LedgerColumn =
    field === "handlerUsername" ? "承办人" : field === "receivedOn" && prefix === "" ? "收到日期" : fallback;
  const hint = e.code === "year_closed" ? `；${YEAR_CLOSED_HINT}` : "";
  return { row, column, message: `${prefix}${e.message}${hint}` };
}

async function lastConsultationId(ops: CaseBatch, id: string): Promise<string> {
  const r = await ops.db
    .selectFrom("application_events")
    .select(sql<string>`payload->>'consultationId'`.as("consultationId"))
    .where("application_id", "=", id)
    .where("type", "=", "consultation.started")
    .orderBy("seq", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return r.consultationId;
}

async function act(ctx: LedgerWriteContext, id: string, a: PlannedAction, ids: Map<number, string>) {
  const { input } = a;
  if (input.type === "end_consultation" && a.consultation !== undefined) {
    input.consultationId = ids.get(a.consultation) ?? "";
  }
  await ctx.ops.act(ctx.actor, id, input);
  if (input.type === "start_consultation" && a.consultation !== undefined) {
    // The service numbers consultations (c1, c2 … in recording order); the event carries the id.
    ids.set(a.consultation, await lastConsultationId(ctx.ops, id));
  }
}

/** Whether the outcome written is the one the row states; else the row's error. */
async function checkOutcome(
  ctx: LedgerWriteContext,
  id: string,
  c: LedgerCase,
): Promise<LedgerRowError | null> {
  const q = ctx.ops.db.selectFrom("applications").where("id", "=", id);
  const written = await q.select(["outcome", "disposition_on"]).executeTakeFirstOrThrow();
  const e = c.ending;
  const statedOutcome = e === null ? null : e.how === "withdrawal" ? "other.other" : e.outcome;
  if (statedOutcome === written.outcome && (e?.on ?? null) === written.disposition_on) return null;
  const { facts } = await q
    .select(sql<CaseFacts>`snapshot->'context'->'facts'`.as("facts"))
    .executeTakeFirstOrThrow();
  const derived = {
    outcome: written.outcome as OutcomeId | null,
    dispositionOn: written.disposition_on as CivilDate | null,
    facts,
  };
  const problem = checkDerivedOutcome(e, derived, ctx.calendar, ctx.ops.today);
  return problem && { row: c.row, ...problem };
}

/**
 * One ledger row through the API's write path, in the batch's transaction: register, the
 * actions in date order, the automatic events owed as of today (as the worker would), then the
 * outcome written must be the one the row states. The first refusal is the row's error, with the
 * case's id when it was registered; anything but an AppError is a fault and is thrown.
 */
export async function importLedgerCase(
  ctx: LedgerWriteContext,
  c: LedgerCase,
  plan: LedgerCasePlan,
): Promise<{ id?: string; error: LedgerRowError | null }> {
  let id: string;
  try {
    id = await ctx.ops.register(ctx.actor, plan.register);
  } catch (e) {
    return { error: refusal(e, c.row, "收到日期") };
  }
  const ids = new Map<number, string>();
  for (const a of plan.actions) {
    try {
      await act(ctx, id, a, ids);
    } catch (e) {
      return {
        id,
        error: refusal(e, c.row, a.column, `${ACTION_LABELS[a.input.type]}（${a.input.on}）未能登记：`),
      };
    }
  }
  await ctx.ops.applyAutomaticEvents(id);
  return { id, error: await checkOutcome(ctx, id, c) };
}
