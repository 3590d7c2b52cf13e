import ExcelJS from "exceljs";
import { AppError } from "../app-error.ts";
import { formatInstantInChina } from "../domain/civil-date.ts";
import { PERSONAL_FIELD_LABELS } from "../domain/personal-data.ts";
import { AGENCY_ADMIN_ROLES, ROLE_LABELS } from "../domain/roles.ts";
import { type AccessLogEntry, type AccessLogFilters, listAccessLog } from "./access-log-store.ts";
import { type Actor, canActInAgency, canSeeAgency } from "./actor.ts";
import type { Db } from "./case-store.ts";

/** The most rows one export carries; a longer log is exported a period at a time. */
export const ACCESS_LOG_EXPORT_LIMIT = 100_000;

export type AccessLogService = ReturnType<typeof makeAccessLogService>;

/**
 * The access log of personal data (issue 10), browsed by the agency's administrator (and the
 * system administrator, any agency's). Another agency is a 404, a user of the agency without the
 * role (or a supervisor above it) a 403.
 */
export function makeAccessLogService(deps: { db: Db }) {
  const { db } = deps;

  async function authorize(actor: Actor, code: string) {
    const agency = await db
      .selectFrom("agencies")
      .select(["id", "code", "name", "path"])
      .where("code", "=", code)
      .executeTakeFirst();
    if (!agency || !canSeeAgency(actor, agency.path)) {
      throw new AppError("not_found", { message: `机关“${code}”不存在，或不在您的查看范围内` });
    }
    if (!actor.isSystemAdmin && !canActInAgency(actor, agency.path, AGENCY_ADMIN_ROLES)) {
      throw new AppError("forbidden", {
        message: `只有“${agency.name}”的${ROLE_LABELS.agency_admin}或系统管理员可以查看本机关的个人信息访问日志`,
      });
    }
    return agency;
  }

  return {
    async list(
      actor: Actor,
      code: string,
      filters: AccessLogFilters,
      page: { page: number; pageSize: number },
    ) {
      const agency = await authorize(actor, code);
      const result = await listAccessLog(db, agency.id, filters, {
        limit: page.pageSize,
        offset: (page.page - 1) * page.pageSize,
      });
      return { agencyCode: agency.code, agencyName: agency.name, ...result };
    },

    /** The filtered log as a table (newest first), for the CSV and XLSX exports. */
    async table(actor: Actor, code: string, filters: AccessLogFilters) {
      const agency = await authorize(actor, code);
      const { items } = await listAccessLog(db, agency.id, filters, {
        limit: ACCESS_LOG_EXPORT_LIMIT,
        offset: 0,
      });
      return { agency, rows: items.map(toCells) };
    },
  };
}

export const ACCESS_LOG_HEADERS = [
  "时间",
  "用户名",
  "姓名",
  "操作",
  "申请编号",
  "完整显示的字段",
  "申请件数",
  "请求编号",
] as const;

/** `2026-03-20 10:00:00`, China Standard Time. */
const chinaTime = (instant: Date) => formatInstantInChina(instant, true);

function toCells(e: AccessLogEntry): string[] {
  return [
    chinaTime(new Date(e.at)),
    e.user.username,
    e.user.displayName,
    e.kindLabel,
    e.application?.trackingNo ?? "",
    e.fields.map((f) => PERSONAL_FIELD_LABELS[f] ?? f).join("、"),
    String(e.caseCount),
    e.requestId ?? "",
  ];
}

/** RFC 4180, with a BOM so that Excel opens the Chinese as UTF-8; formula-like cells quoted as text. */
export function accessLogCsv(rows: readonly string[][]): Buffer {
  const cell = (v: string) => {
    const text = /^[=+\-@]/.test(v) ? `'${v}` : v;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [ACCESS_LOG_HEADERS, ...rows].map((r) => r.map(cell).join(","));
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

export async function accessLogXlsx(rows: readonly string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("访问日志");
  sheet.addRow([...ACCESS_LOG_HEADERS]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.columns.forEach((c, i) => {
    c.width = [20, 16, 12, 14, 22, 36, 10, 38][i] ?? 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
