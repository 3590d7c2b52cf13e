import { AppError } from "../../app-error.ts";
import { TABLE3_COLUMNS, type Table3Column } from "../../domain/tabulation/table3-types.ts";
import type { ReportService } from "../../reports/report-service.ts";
import { type AnyRoute, defineRoute } from "../routing/define-route.ts";
import {
  ZAmendResult,
  ZAnnualReport,
  ZAnnualReportView,
  ZCellApplications,
  ZProactiveSaved,
  ZReportOverview,
  ZReportVersion,
  ZReportVersionList,
  ZTextsSaved,
} from "./report-answers.schema.ts";
import {
  ZAmendBody,
  ZCellParams,
  ZCloseBody,
  ZProactiveBody,
  ZReportParams,
  ZReportQuery,
  ZReportTexts,
  ZVersionParams,
} from "./reports.schema.ts";

const BASE = "/api/v1/agencies/:code/reports/:year";

function toColumn(column: string): Table3Column {
  if (!(TABLE3_COLUMNS as readonly string[]).includes(column)) {
    throw new AppError("not_found", {
      message: `表三没有列“${column}”；可用的列：${TABLE3_COLUMNS.join("、")}`,
    });
  }
  return column as Table3Column;
}

/**
 * The JSON routes of the annual report (API.md “Annual report” plus additions), as route specs:
 * createReportsRouter mounts them; listRoutes may add them to the OpenAPI document too.
 */
export function reportRouteSpecs(reports: ReportService): AnyRoute[] {
  return [
    defineRoute({
      method: "get",
      path: BASE,
      summary:
        "年度报告（JSON）：表二、表三、表四与校验；年度关闭后为定稿版本；include=subtree 为本机关及下级机关汇总",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      query: ZReportQuery,
      response: ZAnnualReportView,
      errors: [403, 404],
      async handle({ actor, params, query }) {
        return reports.getReport(actor, params.code, params.year, {
          includeSubtree: query.include === "subtree",
        });
      },
    }),
    defineRoute({
      method: "put",
      path: `${BASE}/proactive`,
      summary: "填报表二（主动公开政府信息情况），按该年度适用的版式（本机关管理员）",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      body: ZProactiveBody,
      response: ZProactiveSaved,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        const { amendmentReason, ...figures } = body;
        return reports.putProactive(actor, params.code, params.year, figures, { amendmentReason });
      },
    }),
    defineRoute({
      method: "put",
      path: `${BASE}/texts`,
      summary:
        "填写报告文字：报告说明、一（总述及主动公开、依申请公开、政府信息管理、平台建设、监督保障，政府另有考核评议追责）、五、六（本机关管理员）",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      body: ZReportTexts,
      response: ZTextsSaved,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        const { amendmentReason, ...texts } = body;
        return reports.putTexts(actor, params.code, params.year, texts, { amendmentReason });
      },
    }),
    defineRoute({
      method: "get",
      path: `${BASE}/cells/:row/:column`,
      summary: "表三某一单元格所计的申请",
      tag: "reports",
      access: "user",
      params: ZCellParams,
      query: ZReportQuery,
      response: ZCellApplications,
      errors: [403, 404],
      async handle({ actor, params, query }) {
        return reports.cellApplications(
          actor,
          params.code,
          params.year,
          params.row,
          toColumn(params.column),
          {
            includeSubtree: query.include === "subtree",
          },
        );
      },
    }),
    defineRoute({
      method: "post",
      path: `${BASE}/close`,
      summary:
        "关闭年度：年度已结束、错误校验全部通过后定稿为第1版；有未通过的提醒时须 acknowledgeWarnings: true（本机关管理员）",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      body: ZCloseBody,
      isBodyOptional: true,
      response: ZAnnualReport,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return reports.closeYear(actor, params.code, params.year, {
          acknowledgeWarnings: body.acknowledgeWarnings,
        });
      },
    }),
    defineRoute({
      method: "post",
      path: `${BASE}/amend`,
      summary: "修订已关闭的年度：按当前数据生成新版本并列出与上一版的差异（本机关管理员）",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      body: ZAmendBody,
      response: ZAmendResult,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        return reports.amendYear(actor, params.code, params.year, body.reason);
      },
    }),
    defineRoute({
      method: "get",
      path: `${BASE}/versions`,
      summary: "该年度报告的全部定稿版本（修订原因与差异）",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      response: ZReportVersionList,
      errors: [404],
      async handle({ actor, params }) {
        const items = await reports.listVersions(actor, params.code, params.year);
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: "get",
      path: `${BASE}/versions/:version`,
      summary: "某一定稿版本（JSON），不受之后修订的影响",
      tag: "reports",
      access: "user",
      params: ZVersionParams,
      response: ZReportVersion,
      errors: [404],
      async handle({ actor, params }) {
        return reports.getReportVersion(actor, params.code, params.year, params.version);
      },
    }),
    defineRoute({
      method: "get",
      path: `${BASE}/overview`,
      summary: "主管部门总览：下级机关汇总表与各机关年报状态（按《条例》第四十九条的公布期限标出逾期）",
      tag: "reports",
      access: "user",
      params: ZReportParams,
      response: ZReportOverview,
      errors: [403, 404],
      async handle({ actor, params }) {
        return reports.supervisorOverview(actor, params.code, params.year);
      },
    }),
  ];
}
