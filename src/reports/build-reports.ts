import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { editionForYear } from "../domain/tabulation/edition-for-year.ts";
import { TABLE3_COLUMNS, type Table3Row } from "../domain/tabulation/table3-types.ts";
import { assembleAgencyReport, assembleSubtreeReport, type PreviousYear } from "./assemble-report.ts";
import { computeLiveFigures } from "./compute-live-figures.ts";
import { diffReports } from "./diff-reports.ts";
import type { ReportAgency } from "./report-access.ts";
import type { Db } from "./report-queries.ts";
import { latestVersions, readFigures, type VersionRow } from "./report-store.ts";
import { type AnnualReport, withAllTexts } from "./report-types.ts";

const FIRST_REPORT_YEAR = 2019;

/**
 * What year Y−1 gives the checks of Y, per agency: row 四 of its latest closed version (K4) and
 * its table 二 (T2: the closed version's, else the draft's).
 */
export async function previousYears(
  db: Db,
  agencyIds: readonly number[],
  year: number,
): Promise<Map<number, PreviousYear>> {
  const result = new Map<number, PreviousYear>();
  if (year - 1 < FIRST_REPORT_YEAR) {
    for (const id of agencyIds) result.set(id, { table2: null });
    return result;
  }
  const edition = editionForYear(year - 1);
  const [versions, figures] = await Promise.all([
    latestVersions(db, agencyIds, year - 1),
    readFigures(db, agencyIds, year - 1),
  ]);
  for (const id of agencyIds) {
    const closed = versions.get(id)?.stored.report;
    const draft = figures.get(id)?.table2 ?? null;
    const table2 = closed?.table2Entered ? closed.table2 : draft;
    result.set(id, {
      carriedForward: closed?.table3.rows.carried_forward,
      table2: table2 === null ? null : { edition, table2 },
    });
  }
  return result;
}

/** Each agency's draft report of year Y computed now (one grouped query for all of them). */
export async function liveReports(
  db: Db,
  agencies: readonly ReportAgency[],
  year: number,
  calendar?: WorkingCalendar,
  /** The agencies are (part of) this subtree: the grouped query scans it by path. */
  subtreePath?: string,
): Promise<Map<number, AnnualReport>> {
  const ids = agencies.map((a) => a.id);
  const [live, figures, previous] = await Promise.all([
    computeLiveFigures(db, { ids, subtreePath }, year, { calendar }),
    readFigures(db, ids, year),
    previousYears(db, ids, year),
  ]);
  const result = new Map<number, AnnualReport>();
  for (const agency of agencies) {
    const figuresOf = live.get(agency.id);
    if (!figuresOf) continue;
    result.set(
      agency.id,
      assembleAgencyReport({
        agency,
        year,
        live: figuresOf,
        figures: figures.get(agency.id),
        previous: previous.get(agency.id) ?? { table2: null },
      }),
    );
  }
  return result;
}

/**
 * A stored version as the API shows it: closed, with its number and time; its texts with every
 * key (a version closed before the subsections of 一 existed has four).
 */
export function publishedReport(row: VersionRow): AnnualReport {
  const stored = row.stored.report;
  return {
    ...stored,
    texts: withAllTexts(stored.texts),
    status: "closed",
    version: row.version,
    closedAt: row.closedAt,
  };
}

/** One agency's report of year Y: the latest version when closed (with the live changes since), else the draft. */
export async function agencyReport(
  db: Db,
  agency: ReportAgency,
  year: number,
  calendar?: WorkingCalendar,
): Promise<AnnualReport & { pendingChanges?: ReturnType<typeof diffReports> }> {
  const [versions, live] = await Promise.all([
    latestVersions(db, [agency.id], year),
    liveReports(db, [agency], year, calendar),
  ]);
  const draft = live.get(agency.id) as AnnualReport;
  const latest = versions.get(agency.id);
  if (!latest) return draft;
  const published = publishedReport(latest);
  return { ...published, pendingChanges: diffReports(published, draft) };
}

function sumRows(rows: readonly Table3Row[]): Table3Row {
  const sum = Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])) as Table3Row;
  for (const row of rows) for (const c of TABLE3_COLUMNS) sum[c] += row[c];
  return sum;
}

/**
 * The subtree's report of year Y: closed agencies as published, the others computed now (one
 * grouped query for all of them); K4 when every agency has closed Y−1.
 */
export async function subtreeReport(
  db: Db,
  root: ReportAgency,
  agencies: readonly ReportAgency[],
  year: number,
): Promise<{ report: AnnualReport; parts: Map<number, AnnualReport>; versions: Map<number, VersionRow> }> {
  const ids = agencies.map((a) => a.id);
  const [versions, previous] = await Promise.all([
    latestVersions(db, ids, year),
    previousYears(db, ids, year),
  ]);
  const drafts = await liveReports(
    db,
    agencies.filter((a) => !versions.has(a.id)),
    year,
    undefined,
    root.path,
  );
  const parts = new Map<number, AnnualReport>();
  for (const a of agencies) {
    const v = versions.get(a.id);
    parts.set(a.id, v ? publishedReport(v) : (drafts.get(a.id) as AnnualReport));
  }
  const carried = ids.map((id) => previous.get(id)?.carriedForward);
  const carriedForward = carried.every((r) => r !== undefined) ? sumRows(carried as Table3Row[]) : undefined;
  const report = assembleSubtreeReport({
    root,
    year,
    parts: [...parts.values()],
    previous: { carriedForward, table2: null },
  });
  return { report, parts, versions };
}
