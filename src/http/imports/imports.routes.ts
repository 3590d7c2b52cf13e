import { AppError } from "../../app-error.ts";
import { mayExportInFull } from "../../domain/personal-data.ts";
import { authorizeLedgerAccess } from "../../imports/authorize-ledger-access.ts";
import { exportLedger } from "../../imports/export-ledger.ts";
import { importLedger } from "../../imports/import-ledger.ts";
import { ledgerImportActor } from "../../imports/ledger-import-actor.ts";
import type { ImportProgress, LedgerImportResult } from "../../imports/ledger-types.ts";
import { readLedgerWorkbook } from "../../imports/read-ledger-workbook.ts";
import { writeLedgerWorkbook } from "../../imports/write-ledger-workbook.ts";
import { recordAccess } from "../../services/access-log-store.ts";
import type { ErrorBody } from "../errors/error-middleware.ts";
import type { HttpDeps } from "../http-deps.ts";
import { type AnyRoute, defineRoute, HttpFile, HttpReply } from "../routing/define-route.ts";
import {
  ZAgencyCodeParams,
  ZImportQuery,
  ZImportResult,
  ZImportStreamLine,
  ZLedgerQuery,
} from "./imports.schema.ts";
import { NDJSON, streamImportAnswer, wantsNdjson } from "./stream-import-answer.ts";

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** The largest ledger file accepted: 20 MB holds about 100,000 rows. */
export const LEDGER_MAX_BYTES = 20 * 1024 * 1024;
const LISTED = 3;

/** The 422 answer of a real run with errors: the error envelope (errors as details) and the result. */
export function ledgerRefusal(result: LedgerImportResult): ErrorBody & LedgerImportResult {
  const rows = new Set(result.errors.map((e) => e.row)).size;
  const listed = result.errors.slice(0, LISTED).map((e) => `第 ${e.row} 行“${e.column}”：${e.message}`);
  const more = result.errors.length > LISTED ? `；另有 ${result.errors.length - LISTED} 处` : "";
  return {
    error: {
      code: "invalid_input",
      message: `台账有 ${result.errors.length} 处错误（涉及 ${rows} 行），未导入任何申请。${listed.join("；")}${more}。请改正后重新校验`,
      details: result.errors.map((e) => ({
        field: e.column,
        row: e.row,
        column: e.column,
        message: e.message,
      })),
    },
    ...result,
  };
}

/** API.md “Ledger import and export (台账)”. */
export function importRoutes(deps: HttpDeps): AnyRoute[] {
  return [
    defineRoute({
      method: "post",
      path: "/api/v1/agencies/:code/imports",
      summary:
        "导入台账（XLSX，一行一件申请）：按与在线办理相同的规则逐行登记和办理；dryRun=true 只校验并计算导入后的表三；正式导入有任何错误时返回 422、不写入（本机关管理员或系统管理员）",
      tag: "imports",
      access: "user",
      params: ZAgencyCodeParams,
      query: ZImportQuery,
      upload: {
        mediaTypes: [XLSX, "application/octet-stream"],
        maxBytes: LEDGER_MAX_BYTES,
        description: "台账 XLSX 文件本身",
      },
      produces: [
        { mediaType: "application/json", schema: ZImportResult, description: "导入（或校验）结果" },
        {
          mediaType: NDJSON,
          schema: ZImportStreamLine,
          description:
            "请求头 Accept 含 application/x-ndjson 时：逐行 JSON，先是若干 {progress:{done,total}}，最后一行为 {result:…}；正式导入有错误时最后一行为 422 的错误体（error 及 rows、imported、errors、tables）",
        },
      ],
      errors: [403, 404],
      async handle({ actor, params, query, upload, req, res }) {
        const agency = await authorizeLedgerAccess(deps.db, actor, params.code);
        const sheet = await readLedgerWorkbook(upload);
        const dryRun = query.dryRun ?? false;
        const run = (onProgress?: ImportProgress) =>
          importLedger(
            { applications: deps.applications, calendars: deps.calendars },
            {
              agency,
              actor: ledgerImportActor(actor, agency),
              sheet,
              dryRun,
              amendmentReason: query.amendmentReason,
              onProgress,
            },
          );
        const refused = (r: LedgerImportResult) => !dryRun && r.errors.length > 0;
        if (wantsNdjson(req)) {
          return streamImportAnswer(req, res, async (onProgress) => {
            const result = await run(onProgress);
            return refused(result) ? ledgerRefusal(result) : { result };
          });
        }
        const result = await run();
        return refused(result) ? new HttpReply(422, ledgerRefusal(result)) : result;
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/agencies/:code/ledger.xlsx",
      summary:
        "导出本机关的台账（XLSX，与导入格式相同）；year：只导出该年收到的申请；证件号码、联系电话默认脱敏，full=true 导出完整值（仅本机关管理员，记入访问日志）（本机关管理员或系统管理员）",
      tag: "imports",
      access: "user",
      params: ZAgencyCodeParams,
      query: ZLedgerQuery,
      produces: [{ mediaType: XLSX, description: "台账 XLSX 文件" }],
      errors: [403, 404],
      async handle({ actor, params, query, req }) {
        const agency = await authorizeLedgerAccess(deps.db, actor, params.code);
        const isFull = query.full === true;
        if (isFull && (actor.userId === null || !mayExportInFull(actor, agency.id))) {
          throw new AppError("forbidden", {
            message: `只有“${agency.name}”的管理员可以导出不脱敏的台账（full=true）；请去掉 full 参数导出脱敏台账`,
          });
        }
        const { body, shown } = await exportLedger(deps.db, agency, {
          year: query.year,
          personalData: isFull ? "full" : "masked",
        });
        if (isFull && actor.userId !== null && shown.cases > 0) {
          await recordAccess(deps.db, {
            at: deps.now(),
            userId: actor.userId,
            agencyId: agency.id,
            kind: "ledger_export",
            applicationId: null,
            fields: shown.fields,
            caseCount: shown.cases,
            requestId: typeof req.id === "string" ? req.id : null,
          });
        }
        const scope = query.year === undefined ? "" : `（${query.year}年收到）`;
        return new HttpFile(body, XLSX, `${agency.name}政府信息公开申请台账${scope}.xlsx`);
      },
    }),
    defineRoute({
      method: "get",
      path: "/api/v1/imports/template.xlsx",
      summary: "台账导入模板（XLSX）：第一行为列名，另有“填写说明”工作表",
      tag: "imports",
      access: "user",
      produces: [{ mediaType: XLSX, description: "空白台账模板" }],
      async handle() {
        return new HttpFile(await writeLedgerWorkbook([]), XLSX, "政府信息公开申请台账（导入模板）.xlsx");
      },
    }),
  ];
}
