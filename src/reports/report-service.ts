import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import { cellMembers } from "../domain/tabulation/cell-members.ts";
import type { Table3Column, Table3Record } from "../domain/tabulation/table3-types.ts";
import type { ApplicantType } from "../domain/vocabulary.ts";
import type { Actor } from "../services/actor.ts";
import type { CalendarStore } from "../services/calendar-store.ts";
import { agencyReport, publishedReport, subtreeReport } from "./build-reports.ts";
import { type ReportNarrative, reportNarrative } from "./document/overview-parts.ts";
import { statusLine } from "./publication-due.ts";
import { type ReportAgency, visibleAgency, visibleSubtree } from "./report-access.ts";
import { allVersions, closedAgencies } from "./report-store.ts";
import type { AnnualReport, ReportChange, ReportStatusLine, ReportVersionSummary } from "./report-types.ts";
import { makeReportWrites } from "./report-writes.ts";
import { assertReportYear } from "./report-year.ts";

export interface ReportServiceDeps {
  db: Kysely<Database>;
  /** The working calendar (the on-time measure recomputes each reply deadline). */
  calendars: CalendarStore;
  /** The clock: closing needs the year to be over; the overview flags late reports. */
  now: () => Date;
}

export interface GetReportOptions {
  /** The agency and every agency below it, cell by cell (supervisor). Default false. */
  includeSubtree?: boolean | undefined;
}

/** One application behind a cell of table 三. */
export interface CellApplication {
  id: string;
  trackingNo: string;
  agencyCode: string;
  applicantName: string;
  applicantType: ApplicantType;
  receivedOn: CivilDate;
  outcome: OutcomeId | null;
  dispositionOn: CivilDate | null;
}

export type ReportService = ReturnType<typeof makeReportService>;

/** The annual report (政府信息公开工作年度报告) of DOMAIN.md §7–§8 and API.md. */
export function makeReportService(deps: ReportServiceDeps) {
  const { db } = deps;
  const writes = makeReportWrites(deps);

  async function scopeOf(actor: Actor, code: string, year: number, includeSubtree: boolean | undefined) {
    assertReportYear(year, deps.now());
    const root = await visibleAgency(db, actor, code);
    const agencies: ReportAgency[] = includeSubtree ? await visibleSubtree(db, actor, root) : [root];
    return { root, agencies };
  }

  async function versionRows(actor: Actor, code: string, year: number) {
    assertReportYear(year, deps.now());
    const agency = await visibleAgency(db, actor, code);
    return { agency, rows: await allVersions(db, agency.id, year) };
  }

  return {
    ...writes,

    /**
     * API.md `GET /agencies/:code/reports/:year`: the published version once closed, else the
     * draft; with `narrative`, what the system writes around the agency's texts (not stored).
     */
    async getReport(
      actor: Actor,
      code: string,
      year: number,
      options: GetReportOptions = {},
    ): Promise<AnnualReport & { narrative: ReportNarrative }> {
      const { root, agencies } = await scopeOf(actor, code, year, options.includeSubtree);
      const report = options.includeSubtree
        ? (await subtreeReport(db, root, agencies, year)).report
        : await agencyReport(db, root, year, await deps.calendars.get());
      return { ...report, narrative: reportNarrative(report) };
    },

    /** A stored version (1 = as closed), unchanged by later amendments. */
    async getReportVersion(
      actor: Actor,
      code: string,
      year: number,
      version: number,
    ): Promise<AnnualReport & { reason: string | null; changes: ReportChange[] }> {
      const { agency, rows } = await versionRows(actor, code, year);
      const row = rows.find((r) => r.version === version);
      if (!row) {
        throw new AppError("not_found", {
          message: `${agency.name}${year}年度报告没有第${version}版（现有 ${rows.length} 个版本）`,
        });
      }
      return { ...publishedReport(row), reason: row.reason, changes: row.stored.changes };
    },

    async listVersions(actor: Actor, code: string, year: number): Promise<ReportVersionSummary[]> {
      const { rows } = await versionRows(actor, code, year);
      return rows.map((r) => ({
        version: r.version,
        closedAt: r.closedAt,
        reason: r.reason,
        changes: r.stored.changes,
      }));
    },

    /** For the application service: whether year Y of the agency is closed (actions dated in it need an amendment). */
    async isYearClosed(agencyId: number, year: number): Promise<boolean> {
      return (await closedAgencies(db, [agencyId], year)).has(agencyId);
    },

    /**
     * A supervisor's view: the subtree's report added cell by cell, and each agency's status
     * against its statutory publication date (art. 49).
     */
    async supervisorOverview(
      actor: Actor,
      code: string,
      year: number,
    ): Promise<{ report: AnnualReport; agencies: ReportStatusLine[] }> {
      const { root, agencies } = await scopeOf(actor, code, year, true);
      const { report, versions } = await subtreeReport(db, root, agencies, year);
      const today = deps.now();
      return { report, agencies: agencies.map((a) => statusLine(a, year, versions.get(a.id), today)) };
    },

    /** API.md `GET …/cells/:row/:column`: the applications counted in one cell, by the same rule. */
    async cellApplications(
      actor: Actor,
      code: string,
      year: number,
      row: string,
      column: Table3Column,
      options: GetReportOptions = {},
    ): Promise<{ row: string; column: Table3Column; total: number; items: CellApplication[] }> {
      const { agencies } = await scopeOf(actor, code, year, options.includeSubtree);
      const rows = await db
        .selectFrom("applications as a")
        .innerJoin("agencies as g", "g.id", "a.agency_id")
        .select([
          "a.id",
          "a.tracking_no",
          "a.applicant",
          "a.applicant_type",
          "a.received_on",
          "a.outcome",
          "a.disposition_on",
          "g.code",
        ])
        .where(
          "a.agency_id",
          "in",
          agencies.map((a) => a.id),
        )
        .where("a.received_on", "<=", `${year}-12-31`)
        // disposed of before 1 January: in no row of year Y (classifyForTable3)
        .where((eb) =>
          eb.or([eb("a.disposition_on", "is", null), eb("a.disposition_on", ">=", `${year}-01-01`)]),
        )
        .orderBy("a.received_on")
        .orderBy("a.tracking_no")
        .execute();
      const records: Table3Record[] = rows.map((r) => ({
        id: r.id,
        applicantType: r.applicant_type as ApplicantType,
        receivedOn: r.received_on as CivilDate,
        outcome: r.outcome as OutcomeId | null,
        dispositionOn: r.disposition_on as CivilDate | null,
      }));
      const members = new Set(cellMembers(records, year, row, column));
      const items = rows
        .filter((r) => members.has(r.id))
        .map((r) => ({
          id: r.id,
          trackingNo: r.tracking_no,
          agencyCode: r.code,
          applicantName: String((r.applicant as { name?: unknown }).name ?? ""),
          applicantType: r.applicant_type as ApplicantType,
          receivedOn: r.received_on as CivilDate,
          outcome: r.outcome as OutcomeId | null,
          dispositionOn: r.disposition_on as CivilDate | null,
        }));
      return { row, column, total: items.length, items };
    },
  };
}
