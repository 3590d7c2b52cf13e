import { editionForYear } from "../domain/tabulation/edition-for-year.ts";
import { runTable3Checks } from "../domain/tabulation/run-table3-checks.ts";
import { sumTable3 } from "../domain/tabulation/sum-table3.ts";
import type { Edition } from "../domain/tabulation/table3-types.ts";
import { TABLE3_COLUMNS, type Table3, type Table3Row } from "../domain/tabulation/table3-types.ts";
import { TABLE4_COLUMNS, type Table4 } from "../domain/tabulation/table4-types.ts";
import { APPEAL_KINDS, CHANNELS } from "../domain/vocabulary.ts";
import { LETTER_FAMILIES } from "../letters/letter-kinds.ts";
import type { LiveFigures } from "./compute-live-figures.ts";
import type { ReportAgency } from "./report-access.ts";
import {
  checkFees,
  checkOverviewTexts,
  checkPreface,
  checkTable2Continuity,
  checkTable2Entered,
  checkTexts,
  table3Checks,
} from "./report-checks.ts";
import type { StoredFigures } from "./report-store.ts";
import {
  type AnnualReport,
  EMPTY_TEXTS,
  type ReportCheck,
  type ReportFacts,
  withAllTexts,
  zeroLetters,
} from "./report-types.ts";
import { type Table2Figures, table2Cells, zeroTable2 } from "./table2/table2-layout.ts";

/** What the previous year contributes to the checks: K4 (closed year only) and T2. */
export interface PreviousYear {
  /** Row 四 of the closed previous year's latest version; undefined when it is not closed. */
  carriedForward?: Table3Row | undefined;
  table2: { edition: Edition; table2: Table2Figures } | null;
}

function checksOf(
  report: Omit<AnnualReport, "checks">,
  previous: PreviousYear,
  table3: Table3,
): ReportCheck[] {
  return [
    ...table3Checks(runTable3Checks(table3, previous.carriedForward)),
    checkTable2Entered(report.table2Entered),
    checkTable2Continuity(report.edition, report.table2Entered ? report.table2 : null, previous.table2),
    checkTexts(report.texts),
    checkOverviewTexts(report.agencyKind, report.texts),
    checkFees(report),
    checkPreface(report.texts.preface),
  ];
}

/** One agency's draft report of year Y from its live figures and what its admin entered. */
export function assembleAgencyReport(args: {
  agency: ReportAgency;
  year: number;
  live: LiveFigures;
  figures: StoredFigures | undefined;
  previous: PreviousYear;
}): AnnualReport {
  const { agency, year, live, figures, previous } = args;
  const edition = editionForYear(year);
  const report: Omit<AnnualReport, "checks"> = {
    agencyCode: agency.code,
    agencyName: agency.name,
    agencyKind: agency.kind,
    year,
    edition,
    status: "draft",
    version: null,
    closedAt: null,
    scope: "agency",
    table2: figures?.table2 ?? zeroTable2(edition),
    table2Entered: figures?.table2 != null,
    table3: { columns: live.table3.columns, rows: live.table3.rows },
    table4: live.table4,
    texts: figures?.texts ?? EMPTY_TEXTS,
    facts: live.facts,
  };
  return { ...report, checks: checksOf(report, previous, live.table3) };
}

export function table3Of(report: Pick<AnnualReport, "edition" | "table3">): Table3 {
  return {
    edition: report.edition,
    columns: report.table3.columns,
    rows: report.table3.rows,
    checks: [],
  } as Table3;
}

function sumTable4(tables: readonly Table4[]): Table4 {
  const sum = Object.fromEntries(
    APPEAL_KINDS.map((kind) => [kind, Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, 0]))]),
  ) as Table4;
  for (const t of tables) for (const k of APPEAL_KINDS) for (const c of TABLE4_COLUMNS) sum[k][c] += t[k][c];
  return sum;
}

function sumTable2(edition: Edition, tables: readonly Table2Figures[]): Table2Figures {
  const sum = zeroTable2(edition);
  for (const t of tables) {
    for (const cell of table2Cells(edition)) {
      const row = sum[cell.row] as Record<string, number>;
      row[cell.column] =
        Math.round(((row[cell.column] ?? 0) + (t[cell.row]?.[cell.column] ?? 0)) * 10_000) / 10_000;
    }
  }
  return sum;
}

function sumFacts(parts: readonly ReportFacts[]): ReportFacts {
  const receivedByChannel = Object.fromEntries(
    CHANNELS.map((c) => [c, 0]),
  ) as ReportFacts["receivedByChannel"];
  const fees = { count: 0, amountYuan: 0 };
  for (const p of parts) {
    for (const c of CHANNELS) receivedByChannel[c] += p.receivedByChannel[c];
    fees.count += p.fees.count;
    fees.amountYuan += p.fees.amountYuan;
  }
  const counted = parts.map((p) => p.letters);
  const letters = counted.every((l) => l !== undefined) ? zeroLetters() : undefined;
  if (letters) for (const l of counted) for (const k of LETTER_FAMILIES) letters[k] += l?.[k] ?? 0;
  const timed = parts.map((p) => p.timeliness);
  const timeliness = timed.every((t) => t !== null)
    ? {
        decisions: timed.reduce((s, t) => s + t.decisions, 0),
        onTime: timed.reduce((s, t) => s + t.onTime, 0),
      }
    : null;
  return { receivedByChannel, fees, timeliness, ...(letters ? { letters } : {}) };
}

/**
 * A supervisor's report: the agencies' reports (closed ones as published, the others as drafts)
 * added cell by cell, with its own checks. Closed only when every agency has closed.
 */
export function assembleSubtreeReport(args: {
  root: ReportAgency;
  year: number;
  parts: readonly AnnualReport[];
  previous: PreviousYear;
}): AnnualReport {
  const { root, year, parts, previous } = args;
  const edition = editionForYear(year);
  const table3 = sumTable3(parts.map(table3Of), { edition });
  const rootPart = parts.find((p) => p.agencyCode === root.code);
  const report: Omit<AnnualReport, "checks"> = {
    agencyCode: root.code,
    agencyName: root.name,
    agencyKind: root.kind,
    year,
    edition,
    status: parts.every((p) => p.status === "closed") ? "closed" : "draft",
    version: null,
    closedAt: null,
    scope: "subtree",
    table2: sumTable2(
      edition,
      parts.map((p) => p.table2),
    ),
    table2Entered: parts.every((p) => p.table2Entered),
    table3: { columns: [...TABLE3_COLUMNS], rows: table3.rows },
    table4: sumTable4(parts.map((p) => p.table4)),
    texts: rootPart ? withAllTexts(rootPart.texts) : EMPTY_TEXTS,
    facts: sumFacts(parts.map((p) => p.facts)),
  };
  return { ...report, checks: checksOf(report, previous, table3) };
}
