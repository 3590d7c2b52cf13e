import {
  ACCESS_LOG_EXPORT_LIMIT,
  type AccessLogService,
  accessLogCsv,
  accessLogXlsx,
} from "../../services/access-log-service.ts";
import { ZAgencyCodeParams } from "../imports/imports.schema.ts";
import { type AnyRoute, defineRoute, HttpFile } from "../routing/define-route.ts";
import { ZAccessLogExportQuery, ZAccessLogPage, ZAccessLogQuery } from "./access-log.schema.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const CSV = "text/csv; charset=utf-8";
const DEFAULT_PAGE_SIZE = 50;
const WHO = "本机关管理员或系统管理员";

/** The access log of personal data (issue 10): who saw an applicant's personal fields in full. */
export function accessLogRoutes(accessLog: AccessLogService): AnyRoute[] {
  const exportRoute = (extension: "csv" | "xlsx") =>
    defineRoute({
      method: "get",
      path: `/api/v1/agencies/:code/access-log.${extension}`,
      summary: `导出个人信息访问日志（${extension.toUpperCase()}，筛选条件同列表，最多 ${ACCESS_LOG_EXPORT_LIMIT} 条；${WHO}）`,
      tag: "access-log",
      access: "user",
      params: ZAgencyCodeParams,
      query: ZAccessLogExportQuery,
      produces: [{ mediaType: extension === "csv" ? CSV : XLSX, description: "访问日志" }],
      errors: [403, 404],
      async handle({ actor, params, query }) {
        const { agency, rows } = await accessLog.table(actor, params.code, query);
        const name = `${agency.name}个人信息访问日志.${extension}`;
        return extension === "csv"
          ? new HttpFile(accessLogCsv(rows), CSV, name)
          : new HttpFile(await accessLogXlsx(rows), XLSX, name);
      },
    });
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/agencies/:code/access-log",
      summary: `个人信息访问日志：谁在何时完整查看了哪件申请的哪些申请人信息（最新的在前；${WHO}）`,
      tag: "access-log",
      access: "user",
      params: ZAgencyCodeParams,
      query: ZAccessLogQuery,
      response: ZAccessLogPage,
      errors: [403, 404],
      async handle({ actor, params, query }) {
        const { page, pageSize, ...filters } = query;
        return accessLog.list(actor, params.code, filters, {
          page: page ?? 1,
          pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
        });
      },
    }),
    exportRoute("csv"),
    exportRoute("xlsx"),
  ];
}
