import { sql } from "kysely";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { type CivilDate, yearOf } from "../domain/civil-date.ts";
import type { Actor } from "../services/actor.ts";
import type { ApplicationService, CaseBatch } from "../services/application-service.ts";
import type { CalendarStore } from "../services/calendar-store.ts";
import type { LedgerAgency } from "./authorize-ledger-access.ts";
import { importLedgerCase } from "./import-ledger-case.ts";
import { LEDGER_COLUMNS } from "./ledger-columns.ts";
import type {
  ImportProgress,
  LedgerCase,
  LedgerImportResult,
  LedgerRawRow,
  LedgerRowError,
  LedgerSheet,
} from "./ledger-types.ts";
import { loadHandlerDirectory } from "./load-handler-directory.ts";
import { loadTakenNumbers } from "./load-taken-numbers.ts";
import { parseLedgerRow } from "./parse-ledger-row.ts";
import { planLedgerCase } from "./plan-ledger-case.ts";
import { tabulateLedgerYears } from "./tabulate-ledger-years.ts";
import { validateLedgerPlan } from "./validate-ledger-plan.ts";

export interface LedgerImportDeps {
  applications: Pick<ApplicationService, "inTransaction">;
  calendars: CalendarStore;
}

export interface LedgerImportRequest {
  /** The agency, authorized by authorizeLedgerAccess. */
  agency: LedgerAgency;
  /** Who the writes are recorded as (ledgerImportActor). */
  actor: Actor;
  sheet: LedgerSheet;
  /** Validate and tabulate, then roll everything back. */
  dryRun: boolean;
  /** For rows dated in a year whose report is closed: the amendment's reason. */
  amendmentReason?: string | undefined;
  onProgress?: ImportProgress | undefined;
}

/** The first report year (editionForYear): earlier years have no table 三. */
const FIRST_REPORT_YEAR = 2019;

/** Thrown to roll the batch back with the answer in hand (a dry run, or a run with errors). */
class RollBack extends Error {
  constructor(readonly result: LedgerImportResult) {
    super("ledger import rolled back");
  }
}

interface RowsState {
  ops: CaseBatch;
  request: LedgerImportRequest;
  calendar: WorkingCalendar;
  resolveHandler: Parameters<typeof parseLedgerRow>[1]["resolveHandler"];
  /** Numbers of the agency's cases, and of the rows seen so far (→ their row). */
  taken: Map<string, string>;
  seen: Map<string, number>;
}

/** 编号 must be new: not another row's, not an existing case's (a second import of the same file). */
function numberErrors(state: RowsState, raw: LedgerRawRow): LedgerRowError[] {
  const cell = raw.cells.编号;
  const no = cell === null || cell === undefined ? "" : String(cell).trim();
  if (no === "") return [];
  const earlier = state.seen.get(no);
  if (earlier !== undefined)
    return [{ row: raw.row, column: "编号", message: `编号“${no}”与第 ${earlier} 行重复` }];
  state.seen.set(no, raw.row);
  const tracking = state.taken.get(no);
  if (tracking === undefined) return [];
  const what =
    tracking === no ? "本机关已有申请的受理编号" : `本机关已导入的申请（受理编号 ${tracking}）的编号`;
  return [{ row: raw.row, column: "编号", message: `编号“${no}”已是${what}：这一行可能已经导入过` }];
}

/** One row: parsed, checked, then written between a savepoint and its release (or rollback). */
async function importRow(state: RowsState, raw: LedgerRawRow): Promise<LedgerRowError[] | LedgerCase> {
  const { ops, request } = state;
  const parsed = parseLedgerRow(raw, { today: ops.today, resolveHandler: state.resolveHandler });
  const errors = [...parsed.errors, ...numberErrors(state, raw)];
  if (!parsed.value || errors.length > 0) return errors;
  const plan = planLedgerCase(parsed.value, request.agency.code, {
    amendmentReason: request.amendmentReason,
  });
  const invalid = validateLedgerPlan(plan, raw.row);
  if (invalid.length > 0) return invalid;
  // A failed statement aborts a PostgreSQL transaction: the savepoint keeps the other rows going.
  await sql`SAVEPOINT ledger_row`.execute(ops.db);
  const error = await importLedgerCase(
    { ops, actor: request.actor, calendar: state.calendar },
    parsed.value,
    plan,
  );
  await (error ? sql`ROLLBACK TO SAVEPOINT ledger_row` : sql`RELEASE SAVEPOINT ledger_row`).execute(ops.db);
  return error ? [error] : parsed.value;
}

/** The report years a case counts in: from its receipt to its disposition (today while open). */
function yearsOf(c: LedgerCase, today: CivilDate): number[] {
  const from = Math.max(yearOf(c.receivedOn), FIRST_REPORT_YEAR);
  const to = yearOf(c.ending?.on ?? today);
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

const COLUMN_ORDER = new Map<string, number>(LEDGER_COLUMNS.map((c, i) => [c, i]));

async function importRows(state: RowsState): Promise<LedgerImportResult> {
  const { ops, request } = state;
  const total = request.sheet.rows.length;
  request.onProgress?.(0, total);
  const errors: LedgerRowError[] = [];
  const years = new Set<number>();
  let passed = 0;
  for (const [i, raw] of request.sheet.rows.entries()) {
    const outcome = await importRow(state, raw);
    if (Array.isArray(outcome)) errors.push(...outcome);
    else {
      passed++;
      for (const y of yearsOf(outcome, ops.today)) years.add(y);
    }
    request.onProgress?.(i + 1, total);
  }
  errors.sort(
    (a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 0) - (COLUMN_ORDER.get(b.column) ?? 0),
  );
  const tables = await tabulateLedgerYears(ops.db, request.agency.id, years);
  const imported = request.dryRun || errors.length === 0 ? passed : 0;
  return { rows: total, imported, errors, tables };
}

/**
 * Imports a ledger (API.md “Ledger import and export”) in ONE transaction through the API's
 * write path (applications.inTransaction): every row is registered and handled as a clerk would,
 * each between a savepoint so that one refused row does not stop the others, and every error is
 * collected. The tables are tabulated from what was written. A dry run, or a run with any error,
 * is then rolled back entirely; otherwise it commits.
 */
export async function importLedger(
  deps: LedgerImportDeps,
  request: LedgerImportRequest,
): Promise<LedgerImportResult> {
  // Before the transaction: PGlite has one connection, which the transaction holds.
  const calendar = await deps.calendars.get();
  try {
    return await deps.applications.inTransaction(async (ops) => {
      const state: RowsState = {
        ops,
        request,
        calendar,
        resolveHandler: await loadHandlerDirectory(ops.db, request.agency.id),
        taken: await loadTakenNumbers(ops.db, request.agency.id),
        seen: new Map(),
      };
      const result = await importRows(state);
      if (request.dryRun || result.errors.length > 0) throw new RollBack(result);
      return result;
    });
  } catch (e) {
    if (e instanceof RollBack) return e.result;
    throw e;
  }
}
