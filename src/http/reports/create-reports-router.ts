import express, { type Router } from "express";
import type { z } from "zod";
import type { LetterService } from "../../letters/letter-service.ts";
import { renderReportDocx } from "../../reports/render-docx.ts";
import { renderReportHtml } from "../../reports/render-html.ts";
import { renderReportXlsx } from "../../reports/render-xlsx.ts";
import type { ReportService } from "../../reports/report-service.ts";
import type { AnnualReport } from "../../reports/report-types.ts";
import type { Authenticator } from "../auth/authenticate.ts";
import { defineRoute, HttpReply, mountRoutes } from "../routing/define-route.ts";
import { defineFileRoute, type FileReply, MEDIA_TYPES, mountFileRoutes } from "./file-routes.ts";
import { ZLetterList, ZLetterSettings, ZLetterSummary, ZLetterView } from "./letter-answers.schema.ts";
import { reportRouteSpecs } from "./reports.routes.ts";
import {
  ZDeliveryReceiptQuery,
  ZIssueLetterBody,
  ZLetterDownloadQuery,
  ZLetterParams,
  ZLetterQuery,
  ZLetterSettingsBody,
  ZReportParams,
  ZReportQuery,
  ZShortNameParams,
  ZVersionParams,
} from "./reports.schema.ts";

/** What the report and letter routes are built from. */
export interface ReportRoutesDeps {
  /** The app's authenticator (makeAuthenticator in createHttpApp): the routes read the actor from it. */
  auth: Authenticator;
  reports: ReportService;
  letters: LetterService;
}

type Format = keyof typeof MEDIA_TYPES;
const FORMATS: readonly Format[] = ["docx", "xlsx", "html"];

async function renderAs(format: Format, report: AnnualReport, name: string): Promise<FileReply> {
  const body =
    format === "docx"
      ? await renderReportDocx(report)
      : format === "xlsx"
        ? await renderReportXlsx(report)
        : renderReportHtml(report);
  return {
    body,
    contentType: MEDIA_TYPES[format],
    filename: `${name}.${format}`,
    disposition: format === "html" ? "inline" : "attachment",
  };
}

function reportName(report: AnnualReport): string {
  const version = report.version === null ? "草稿" : `第${report.version}版`;
  const scope = report.scope === "subtree" ? "（汇总）" : "";
  return `${report.agencyName}${report.year}年政府信息公开工作年度报告${scope}（${version}）`;
}

/**
 * The annual-report API (API.md): JSON routes, the documents `GET …/:year.docx|.xlsx|.html`
 * (registered before `…/:year`, which would otherwise take “2025.docx” as the year) and a
 * version's documents `GET …/versions/:version.docx|.xlsx|.html`.
 */
export function createReportsRouter(deps: ReportRoutesDeps): Router {
  const { reports } = deps;
  const router = express.Router();
  const base = "/api/v1/agencies/:code/reports/:year";
  mountFileRoutes(
    router,
    FORMATS.flatMap((format) => [
      defineFileRoute({
        path: `${base}.${format}`,
        params: ZReportParams,
        query: ZReportQuery,
        async handle({ actor, params, query }) {
          const report = await reports.getReport(actor, params.code, params.year, {
            includeSubtree: query.include === "subtree",
          });
          return renderAs(format, report, reportName(report));
        },
      }),
      defineFileRoute({
        path: `${base}/versions/:version.${format}`,
        params: ZVersionParams,
        async handle({ actor, params }) {
          const report = await reports.getReportVersion(actor, params.code, params.year, params.version);
          return renderAs(format, report, reportName(report));
        },
      }),
    ]),
    deps.auth,
  );
  mountRoutes(router, reportRouteSpecs(reports), deps.auth);
  return router;
}

/**
 * `GET /api/v1/applications/:id/letters`, `POST …/letters/:kind` (issue: number and freeze),
 * `GET …/letters/:kind.docx` (the issued DOCX), the 送达回证 of an outgoing
 * document `…/letters/:kind/delivery-receipt.docx`, and the agency's letter settings.
 */
export function createLettersRouter(deps: ReportRoutesDeps): Router {
  const { letters } = deps;
  const router = express.Router();
  mountFileRoutes(
    router,
    [
      defineFileRoute({
        path: "/api/v1/applications/:id/letters/:kind.docx",
        params: ZLetterParams,
        query: ZLetterDownloadQuery,
        async handle({ actor, params, query }) {
          // read only: the DOCX as issued, or the unnumbered draft (?draft=true)
          const letter = await letters.downloadLetter(actor, params.id, params.kind, query);
          return {
            body: letter.buffer,
            contentType: MEDIA_TYPES.docx,
            filename: letter.filename,
            disposition: "attachment",
          };
        },
      }),
      defineFileRoute({
        path: "/api/v1/applications/:id/letters/:kind/delivery-receipt.docx",
        params: ZLetterParams,
        query: ZDeliveryReceiptQuery,
        async handle({ actor, params, query }) {
          const receipt = await letters.renderDeliveryReceipt(actor, params.id, params.kind, query);
          return {
            body: receipt.buffer,
            contentType: MEDIA_TYPES.docx,
            filename: receipt.filename,
            disposition: "attachment",
          };
        },
      }),
    ],
    deps.auth,
  );
  mountRoutes(router, letterRouteSpecs(letters), deps.auth);
  return router;
}

/** The JSON routes of the letters, as route specs (for the OpenAPI document too). */
export function letterRouteSpecs(letters: LetterService) {
  return [
    defineRoute({
      method: "get",
      path: "/api/v1/applications/:id/letters",
      summary: "该申请现有的文书（回执、补正告知书、延期答复告知书、征求意见书、收费通知书、答复书）及其文号",
      tag: "letters",
      access: "user",
      params: ZLetterParams.pick({ id: true }),
      response: ZLetterList,
      errors: [404],
      async handle({ actor, params }) {
        const items = await letters.listLetters(actor, params.id);
        return { items, total: items.length };
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/applications/:id/letters/:kind/model",
      summary:
        "文书的内容（网页查看、打印）：与 DOCX 同一模型生成的标题、文号（尚未出具为“草稿”）、称谓、正文各段、落款和日期；只读，不编号",
      tag: "letters",
      access: "user",
      params: ZLetterParams,
      query: ZLetterQuery,
      response: ZLetterView,
      errors: [404, 409],
      async handle({ actor, params, query }) {
        return letters.viewLetter(actor, params.id, params.kind, query);
      },
    }),
    defineRoute({
      method: "post",
      path: "/api/v1/applications/:id/letters/:kind",
      summary:
        "出具文书：从本机关该类文书的年度序号中编号，并保存所出具的 DOCX（此后下载的就是它）；首次出具 201，再次出具 200 并返回同一份文书（不重新编号）。承办人、审核人（回执：登记人员也可）",
      tag: "letters",
      access: "user",
      params: ZLetterParams,
      body: ZIssueLetterBody,
      isBodyOptional: true,
      response: ZLetterSummary,
      status: 201,
      errors: [403, 404, 409],
      async handle({ actor, params, body }) {
        const { letter, created } = await letters.issueLetter(actor, params.id, params.kind, body);
        return new HttpReply(created ? 201 : 200, letter satisfies z.input<typeof ZLetterSummary>);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/agencies/:code/letter-settings",
      summary:
        "本机关的文书设置：文号简称、行政复议机关（设置值、按机关树确定的机关、答复书实际写明的机关）、默认缴纳方式（本机关管理员）",
      tag: "letters",
      access: "user",
      params: ZShortNameParams,
      response: ZLetterSettings,
      errors: [404],
      async handle({ actor, params }) {
        return letters.getLetterSettings(actor, params.code);
      },
    }),
    defineRoute({
      method: "put",
      path: "/api/v1/agencies/:code/letter-settings",
      summary:
        "设置本机关的文书设置：文号简称（如“嵋阳镇”→ 嵋阳镇公开〔2026〕第1号）、机关树不能确定时的行政复议机关、收费通知书的默认缴纳方式（本机关管理员）",
      tag: "letters",
      access: "user",
      params: ZShortNameParams,
      body: ZLetterSettingsBody,
      response: ZLetterSettings,
      errors: [404],
      async handle({ actor, params, body }) {
        return letters.setLetterSettings(actor, params.code, body);
      },
    }),
  ];
}
