import type { Kysely } from "kysely";
import type { z } from "zod";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import type { WorkingCalendar } from "../domain/calendar/calendar.ts";
import { civilDateInChina } from "../domain/civil-date.ts";
import { editionForYear } from "../domain/tabulation/edition-for-year.ts";
import type { Actor } from "../services/actor.ts";
import type { CalendarStore } from "../services/calendar-store.ts";
import { liveReports, publishedReport } from "./build-reports.ts";
import { diffReports } from "./diff-reports.ts";
import { assertReportAdmin, type ReportAgency, visibleAgency } from "./report-access.ts";
import type { Db } from "./report-queries.ts";
import { insertVersion, latestVersions, readFigures, writeFiguresPart } from "./report-store.ts";
import { type AnnualReport, EMPTY_TEXTS, type ReportChange, type ReportTexts } from "./report-types.ts";
import { assertReportYear } from "./report-year.ts";
import { table2Schema } from "./table2/table2-schema.ts";

export interface ReportWriteDeps {
  db: Kysely<Database>;
  calendars: CalendarStore;
  now: () => Date;
}

export interface AmendResult {
  /** The latest version after the call. */
  version: number;
  /** false when nothing changed since the latest version (no new version is stored). */
  created: boolean;
  changes: ReportChange[];
  report: AnnualReport;
}

/** Texts are at most this many characters each. */
export const MAX_TEXT_LENGTH = 20_000;

function invalid(issues: readonly z.core.$ZodIssue[]): AppError {
  const details = issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
  const listed = details.slice(0, 5).map((d) => `字段 ${d.field || "（整体）"}：${d.message}`);
  return new AppError("invalid_input", { message: `表二填报有误：${listed.join("；")}`, details });
}

function assertErrorChecksPass(report: AnnualReport, what: string): void {
  const failing = report.checks.filter((c) => c.severity === "error" && !c.ok);
  if (failing.length > 0) {
    throw new AppError("conflict", {
      message: `${report.year}年度报告未通过校验，不能${what}：${failing.map((c) => c.message).join("；")}`,
      details: failing.map((c) => ({ field: c.id, message: c.message })),
    });
  }
}

/**
 * Closing with a failing warning (T2, W1–W4) needs the admin's acknowledgement: the warnings are
 * named in the 409 so that the admin reads them first; the closed version keeps its checks, so
 * what was acknowledged stays on record.
 */
function assertWarningsAcknowledged(report: AnnualReport, acknowledged: boolean): void {
  const warnings = report.checks.filter((c) => c.severity === "warning" && !c.ok);
  if (warnings.length === 0 || acknowledged) return;
  throw new AppError("warnings_unacknowledged", {
    message:
      `${report.year}年度报告有${warnings.length}项提醒尚未确认：${warnings.map((c) => c.message).join("；")}。` +
      "请核对后确认（acknowledgeWarnings: true）再关闭年度",
    details: warnings.map((c) => ({ field: c.id, message: c.message })),
  });
}

export interface CloseYearOptions {
  /**
   * The admin has read the failing warnings and closes anyway. Default false: a year with a
   * failing warning is refused (409 `warnings_unacknowledged`); without warnings it is not needed.
   */
  acknowledgeWarnings?: boolean | undefined;
  /**
   * The 定稿日期 to record instead of now: for the demo loader, which closes past years on the
   * dates an agency would have (not in the HTTP API). Clamped to [1 January of Y+1, now].
   */
  closedAt?: Date | undefined;
}

/** Table 二, the texts, closing and amending (the agency admin). */
export function makeReportWrites(deps: ReportWriteDeps) {
  const { db } = deps;

  async function adminAgency(actor: Actor, code: string, year: number): Promise<ReportAgency> {
    assertReportYear(year, deps.now());
    const agency = await visibleAgency(db, actor, code);
    assertReportAdmin(actor, agency);
    return agency;
  }

  /** Stores version n+1 when the live report differs from version n; inside the caller's transaction. */
  async function amendWithin(
    trx: Db,
    agency: ReportAgency,
    year: number,
    reason: string,
    actor: Actor,
    calendar: WorkingCalendar,
  ): Promise<AmendResult> {
    const latest = (await latestVersions(trx, [agency.id], year)).get(agency.id);
    if (!latest) {
      throw new AppError("year_closed", {
        message: `${agency.name}${year}年度报告尚未关闭，无需修订：直接修改后再关闭即可`,
      });
    }
    const draft = (await liveReports(trx, [agency], year, calendar)).get(agency.id) as AnnualReport;
    const previous = publishedReport(latest);
    const changes = diffReports(previous, draft);
    if (changes.length === 0) return { version: latest.version, created: false, changes, report: previous };
    assertErrorChecksPass(draft, "修订");
    const version = latest.version + 1;
    const closedAt = deps.now();
    const report: AnnualReport = { ...draft, status: "closed", version, closedAt: closedAt.toISOString() };
    await insertVersion(trx, {
      agencyId: agency.id,
      year,
      version,
      stored: { v: 1, report, changes },
      reason,
      userId: actor.userId,
      closedAt,
    });
    return { version, created: true, changes, report };
  }

  function requireReason(reason: string | undefined): string {
    const r = reason?.trim() ?? "";
    if (r === "") {
      throw new AppError("invalid_input", {
        message: "字段 reason：修订已关闭年度的报告必须说明原因",
        details: [{ field: "reason", message: "必填" }],
      });
    }
    return r;
  }

  /** Writes a part; in a closed year only with a reason, and then as a new version at once. */
  async function writePart(
    actor: Actor,
    agency: ReportAgency,
    year: number,
    part: Parameters<typeof writeFiguresPart>[3],
    amendmentReason: string | undefined,
  ): Promise<AmendResult | undefined> {
    const calendar = await deps.calendars.get();
    return db.transaction().execute(async (trx) => {
      const closed = (await latestVersions(trx, [agency.id], year)).get(agency.id);
      if (closed && amendmentReason === undefined) {
        throw new AppError("year_closed", {
          message: `${agency.name}${year}年度报告已关闭（第${closed.version}版）：如需更正，请同时填写修订原因 amendmentReason，系统将生成第${closed.version + 1}版`,
        });
      }
      await writeFiguresPart(trx, agency.id, year, part);
      if (!closed) return undefined;
      return amendWithin(trx, agency, year, requireReason(amendmentReason), actor, calendar);
    });
  }

  return {
    /** Table 二 of year Y in that year's edition (validated by its zod schema). */
    async putProactive(
      actor: Actor,
      code: string,
      year: number,
      figures: unknown,
      options: { amendmentReason?: string | undefined } = {},
    ) {
      const agency = await adminAgency(actor, code, year);
      const parsed = table2Schema(editionForYear(year)).safeParse(figures);
      if (!parsed.success) throw invalid(parsed.error.issues);
      const amendment = await writePart(
        actor,
        agency,
        year,
        { table2: parsed.data },
        options.amendmentReason,
      );
      return { table2: parsed.data, amendment: amendment ?? null };
    },

    /** The agency's texts (preface, 一's opening and parts, 五, 六); absent keys keep their stored text. */
    async putTexts(
      actor: Actor,
      code: string,
      year: number,
      texts: Partial<ReportTexts>,
      options: { amendmentReason?: string | undefined } = {},
    ) {
      const agency = await adminAgency(actor, code, year);
      for (const [key, value] of Object.entries(texts)) {
        if (typeof value === "string" && value.length > MAX_TEXT_LENGTH) {
          throw new AppError("invalid_input", {
            message: `字段 ${key}：不能超过 ${MAX_TEXT_LENGTH} 个字符`,
            details: [{ field: key, message: `不能超过 ${MAX_TEXT_LENGTH} 个字符` }],
          });
        }
      }
      const given = Object.fromEntries(Object.entries(texts).filter(([, v]) => v !== undefined));
      const amendment = await writePart(actor, agency, year, { texts: given }, options.amendmentReason);
      const stored = (await readFigures(db, [agency.id], year)).get(agency.id)?.texts ?? EMPTY_TEXTS;
      return { texts: stored, amendment: amendment ?? null };
    },

    /**
     * Freezes year Y as version 1: only after 31 December, when every error check passes, and,
     * when a warning fails, only with `acknowledgeWarnings`.
     */
    async closeYear(
      actor: Actor,
      code: string,
      year: number,
      options: CloseYearOptions = {},
    ): Promise<AnnualReport> {
      const agency = await adminAgency(actor, code, year);
      const today = civilDateInChina(deps.now());
      if (today < `${year + 1}-01-01`) {
        throw new AppError("conflict", {
          message: `${year}年度尚未结束（今天是 ${today}），${year + 1}年1月1日起才能关闭该年度的报告`,
        });
      }
      const calendar = await deps.calendars.get();
      return db.transaction().execute(async (trx) => {
        const latest = (await latestVersions(trx, [agency.id], year)).get(agency.id);
        if (latest) {
          throw new AppError("year_closed", {
            message: `${agency.name}${year}年度报告已于 ${latest.closedAt.slice(0, 10)} 关闭（当前为第${latest.version}版）；如需更正请提交修订`,
          });
        }
        const draft = (await liveReports(trx, [agency], year, calendar)).get(agency.id) as AnnualReport;
        assertErrorChecksPass(draft, "关闭");
        assertWarningsAcknowledged(draft, options.acknowledgeWarnings === true);
        const now = deps.now();
        const yearEnd = new Date(`${year + 1}-01-01T00:00:00+08:00`);
        const asked = options.closedAt ?? now;
        const closedAt = asked > now ? now : asked < yearEnd ? yearEnd : asked;
        const report: AnnualReport = {
          ...draft,
          status: "closed",
          version: 1,
          closedAt: closedAt.toISOString(),
        };
        await insertVersion(trx, {
          agencyId: agency.id,
          year,
          version: 1,
          stored: { v: 1, report, changes: [] },
          reason: null,
          userId: actor.userId,
          closedAt,
        });
        return report;
      });
    },

    /**
     * A new version of a closed year from the figures as they are now, with its changes against
     * the previous version; earlier versions stay as they were. Nothing is stored when nothing
     * changed (`created: false`).
     */
    /**
     * The application service's hook (ApplicationServiceDeps.onAmendment): after a committed case
     * change dated in a closed year, store the year's next version. The caller has already checked
     * the actor's right to change the case (and required the reason); the workers act as `system`.
     */
    async amendForCaseChange(amendment: {
      agencyId: number;
      year: number;
      reason: string;
      actor: Actor;
    }): Promise<AmendResult> {
      const agency = await db
        .selectFrom("agencies")
        .select(["id", "code", "name", "kind", "path"])
        .where("id", "=", amendment.agencyId)
        .executeTakeFirstOrThrow();
      const calendar = await deps.calendars.get();
      const why = requireReason(amendment.reason);
      return db
        .transaction()
        .execute((trx) => amendWithin(trx, agency, amendment.year, why, amendment.actor, calendar));
    },

    async amendYear(actor: Actor, code: string, year: number, reason: string): Promise<AmendResult> {
      const agency = await adminAgency(actor, code, year);
      const why = requireReason(reason);
      const calendar = await deps.calendars.get();
      return db.transaction().execute((trx) => amendWithin(trx, agency, year, why, actor, calendar));
    },
  };
}
