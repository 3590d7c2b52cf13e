import { z } from "zod";
import { LEDGER_COLUMNS } from "../../imports/ledger-columns.ts";
import type { LedgerImportResult } from "../../imports/ledger-types.ts";
import { TABLE3_ROW_SHAPE } from "../reports/report-answers.schema.ts";
import { optionalText, TEXT_LIMITS, ZCode } from "../validation/common.schema.ts";

export const ZAgencyCodeParams = z.strictObject({ code: ZCode });

const ZBooleanText = z
  .enum(["true", "false", "1", "0"], { error: "应为 true 或 false" })
  .transform((v) => v === "true" || v === "1");

export const ZImportQuery = z.strictObject({
  /** Default false: a real run. */
  dryRun: ZBooleanText.optional().meta({ description: "true：只校验并计算表三，不写入（默认 false）" }),
  amendmentReason: optionalText(TEXT_LIMITS.reason).meta({
    description: "台账中有日期在已关闭年度的申请时必填：更正理由（该年度报告生成新版本）",
  }),
});

export const ZLedgerQuery = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, "应为四位年份，如 2025")
    .transform(Number)
    // no case of the Regulation (in force 1 May 2008) can be received before 2008
    .refine((y) => y >= 2008 && y <= 2199, "年份应在 2008（《条例》施行）到 2199 之间")
    .optional()
    .meta({ description: "只导出该年收到的申请；不填则导出全部" }),
  full: ZBooleanText.optional().meta({
    description:
      "true：证件号码、联系电话不脱敏（仅本机关管理员；每次导出记入个人信息访问日志）。默认脱敏（如 1101**********1234）",
  }),
});

const ZTable3Rows = z.record(z.string(), z.object(TABLE3_ROW_SHAPE));

/** The answer of an import (also the body of its 422, beside `error`). */
export const ZImportResult = z
  .strictObject({
    rows: z.number().int().meta({ description: "文件中的数据行数（不含列名行和空行）" }),
    imported: z
      .number()
      .int()
      .meta({ description: "正式导入：写入的行数（有错误时为 0）；校验：全部检查通过的行数" }),
    errors: z.array(
      z.strictObject({
        row: z.number().int().meta({ description: "Excel 行号（列名行为第 1 行）" }),
        column: z.enum(LEDGER_COLUMNS),
        message: z.string(),
      }),
    ),
    tables: z.record(z.string(), ZTable3Rows).meta({
      description:
        "台账涉及的每个年度（2019 年起）导入后本机关表三的各行，与年度报告 JSON 的 table3.rows 相同",
    }),
  })
  .meta({ id: "ImportResult" }) satisfies z.ZodType<LedgerImportResult>;

const ZErrorEnvelope = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string().optional(), message: z.string() }).loose()).optional(),
});

/** One line of the application/x-ndjson answer. */
export const ZImportStreamLine = z
  .union([
    z.strictObject({
      progress: z
        .strictObject({ done: z.number().int(), total: z.number().int() })
        .meta({ id: "ImportProgress", description: "已处理的行数和总行数" }),
    }),
    z.strictObject({ result: ZImportResult }),
    z.object({ error: ZErrorEnvelope }).loose(),
  ])
  .meta({ id: "ImportStreamLine" });
