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
import { loadAgencyCases } from "./load-agency-cases.ts";
import { loadHandlerDirectory } from "./load-handler-directory.ts";
import { parseLedgerRow } from "./parse-ledger-row.ts";
import { type LedgerCasePlan, planLedgerCase } from "./plan-ledger-case.ts";
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
  /** Rows handled of all rows, after each row. */
  onProgress?: ImportProgress | undefined;
}

/** The first report year (editionForYear): earlier years have no table 三. */
const FIRST_REPORT_YEAR = 2019;

/** Row counts after which the planner's statistics are refreshed: 256, 512, 1024, … */
const FIRST_ANALYZE = 256;

/**
 * The import's rows are uncommitted, so PostgreSQL's statistics keep the tables the write path
 * reads per case empty; the planner then ANDs the partial index of all pending deadline jobs into
 * each case's `DELETE FROM deadline_jobs`, which reads every pending job of the import: quadratic
 * (100,000 rows ran for hours). ANALYZE inside the transaction counts its own rows (and is rolled
 * back with it); refreshed as the import doubles, it costs a few ANALYZEs in all.
 */
async function refreshStatistics(ops: CaseBatch): Promise<void> {
  await sql`ANALYZE applications, application_events, deadline_jobs, counters`.execute(ops.db);
}

/** A row ready to write: the case and what to record. */
interface Prepared {
  raw: LedgerRawRow;
  value: LedgerCase;
  plan: LedgerCasePlan;
}

/** Thrown to roll the transaction back with the answer in hand (a dry run, or a run with errors). */
class RollBack extends Error {
  constructor(readonly result: LedgerImportResult) {
    super("ledger import rolled back");
  }
}

/** 编号 must be new: not another row's, not an existing case's (a second import of the same file). */
function numberError(
  raw: LedgerRawRow,
  seen: Map<string, number>,
  taken: Map<string, string>,
): LedgerRowError[] {
  const cell = raw.cells.编号;
  const no = cell === null || cell === undefined ? "" : String(cell).trim();
  if (no === "") return [];
  const earlier = seen.get(no);
  if (earlier !== undefined)
    return [{ row: raw.row, column: "编号", message: `编号“${no}”与第 ${earlier} 行重复` }];
  seen.set(no, raw.row);
  const tracking = taken.get(no);
  if (tracking === undefined) return [];
  const what =
    tracking === no ? "本机关已有申请的受理编号" : `本机关已导入的申请（受理编号 ${tracking}）的编号`;
  return [{ row: raw.row, column: "编号", message: `编号“${no}”已是${what}：这一行可能已经导入过` }];
}

/** Every row parsed and checked without writing: the ones ready to write, and the errors of the others. */
async function prepareRows(ops: CaseBatch, request: LedgerImportRequest, taken: Map<string, string>) {
  const resolveHandler = await loadHandlerDirectory(ops.db, request.agency.id);
  const seen = new Map<string, number>();
  const prepared: Prepared[] = [];
  const errors: LedgerRowError[] = [];
  for (const raw of request.sheet.rows) {
    const parsed = parseLedgerRow(raw, { today: ops.today, resolveHandler });
    const rowErrors = [...parsed.errors, ...numberError(raw, seen, taken)];
    const value = rowErrors.length === 0 ? parsed.value : undefined;
    const plan =
      value && planLedgerCase(value, request.agency.code, { amendmentReason: request.amendmentReason });
    if (plan) rowErrors.push(...validateLedgerPlan(plan, raw.row));
    if (value && plan && rowErrors.length === 0) prepared.push({ raw, value, plan });
    else errors.push(...rowErrors);
  }
  return { prepared, errors };
}

/** The report years a case counts in: from its receipt to its disposition (today while open). */
function yearsOf(cases: readonly LedgerCase[], today: CivilDate): number[] {
  const years = new Set<number>();
  for (const c of cases) {
    for (let y = Math.max(yearOf(c.receivedOn), FIRST_REPORT_YEAR); y <= yearOf(c.ending?.on ?? today); y++) {
      years.add(y);
    }
  }
  return [...years];
}

const COLUMN_ORDER = new Map<string, number>(LEDGER_COLUMNS.map((c, i) => [c, i]));

function sortErrors(errors: LedgerRowError[]): LedgerRowError[] {
  return errors.sort(
    (a, b) => a.row - b.row || (COLUMN_ORDER.get(a.column) ?? 0) - (COLUMN_ORDER.get(b.column) ?? 0),
  );
}

/**
 * Writes every prepared row, each through the API's path, and tabulates. No savepoints: every
 * refusal is thrown before a statement fails, so the transaction stays usable, and a refused row
 * may leave part of its writes behind — never committed (any error rolls everything back) and
 * never counted (the tables keep the agency's earlier cases and the passed rows' cases only).
 * (A savepoint per row would make the per-year tracking counter, which every registration
 * updates, grow a chain of row versions across subtransactions: quadratic in the rows.) The
 * planner's statistics are refreshed as the rows double (refreshStatistics).
 */
async function importRows(
  ops: CaseBatch,
  request: LedgerImportRequest,
  calendar: WorkingCalendar,
): Promise<LedgerImportResult> {
  const total = request.sheet.rows.length;
  const before = await loadAgencyCases(ops.db, request.agency.id);
  const { prepared, errors } = await prepareRows(ops, request, before.numbers);
  // Rows refused before writing are handled already.
  let done = total - prepared.length;
  if (done > 0) request.onProgress?.(done, total);
  const passed: Prepared[] = [];
  const imported = new Set<string>();
  let analyzeAt = FIRST_ANALYZE;
  for (const [i, p] of prepared.entries()) {
    if (i === analyzeAt) {
      await refreshStatistics(ops);
      analyzeAt *= 2;
    }
    const { id, error } = await importLedgerCase({ ops, actor: request.actor, calendar }, p.value, p.plan);
    if (error) errors.push(error);
    else if (id !== undefined) {
      passed.push(p);
      imported.add(id);
    }
    request.onProgress?.(++done, total);
  }
  const years = yearsOf(
    passed.map((p) => p.value),
    ops.today,
  );
  const tables = await tabulateLedgerYears(
    ops.db,
    request.agency.id,
    years,
    (id) => before.ids.has(id) || imported.has(id),
  );
  const count = request.dryRun || errors.length === 0 ? passed.length : 0;
  return { rows: total, imported: count, errors: sortErrors(errors), tables };
}

/**
 * Imports a ledger (API.md “Ledger import and export”) in ONE transaction through the API's
 * write path (applications.inTransaction): every row is registered and handled as a clerk would,
 * every error is collected, and the tables are tabulated from what was written. A dry run, or a
 * run with any error, is then rolled back entirely; otherwise it commits.
 */
export async function importLedger(
  deps: LedgerImportDeps,
  request: LedgerImportRequest,
): Promise<LedgerImportResult> {
  // Before the transaction: PGlite has one connection, which the transaction holds.
  const calendar = await deps.calendars.get();
  request.onProgress?.(0, request.sheet.rows.length);
  try {
    return await deps.applications.inTransaction(async (ops) => {
      const result = await importRows(ops, request, calendar);
      if (request.dryRun || result.errors.length > 0) throw new RollBack(result);
      return result;
    });
  } catch (e) {
    if (e instanceof RollBack) return e.result;
    throw e;
  }
}
