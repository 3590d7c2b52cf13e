import { z } from "zod";
import { intInRange, optionalText, TEXT_LIMITS, ZCode } from "../validation/common.schema.ts";

/** `:year` of a path: four digits (the service checks the report formats' range). */
export const ZYear = z
  .string()
  .regex(/^\d{4}$/, "年度应为四位数字（如 2025）")
  .transform(Number)
  .meta({ description: "报告年度，如 2025" });

export const ZReportParams = z.strictObject({ code: ZCode, year: ZYear });

export const ZCellParams = z.strictObject({
  code: ZCode,
  year: ZYear,
  row: z
    .string()
    .min(1)
    .max(60)
    .meta({ description: "表三的行（API.md 的行键，如 new_received、disclosed）" }),
  column: z.string().min(1).max(40).meta({ description: "表三的列（natural_person … other_org、total）" }),
});

export const ZVersionParams = z.strictObject({
  code: ZCode,
  year: ZYear,
  version: z
    .string()
    .regex(/^[1-9]\d{0,5}$/, "版本号应为正整数")
    .transform(Number),
});

export const ZReportQuery = z.strictObject({
  include: z
    .enum(["subtree"])
    .optional()
    .meta({ description: "subtree：本机关及全部下级机关逐格相加（主管部门）" }),
});

const TEXT_MAX = 20_000;

/** The agency's texts: absent fields keep what is stored; "" clears a text. */
export const ZReportTexts = z.strictObject({
  preface: z.string().max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`).optional(),
  overview: z.string().max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`).optional(),
  problems: z.string().max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`).optional(),
  other: z.string().max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`).optional(),
  amendmentReason: optionalText(TEXT_LIMITS.reason).meta({
    description: "年度已关闭时必填：修订原因（将生成新版本）",
  }),
});

/**
 * Table 二 of the year's edition (2021: regulations, normative_documents × issued / repealed /
 * in_force; administrative_licensing, administrative_punishment, administrative_enforcement ×
 * decisions; administrative_fees × amount_wan_yuan), checked by the service against that
 * edition's schema; plus `amendmentReason` when the year is closed.
 */
export const ZProactiveBody = z
  .object({
    amendmentReason: optionalText(TEXT_LIMITS.reason).meta({
      description: "年度已关闭时必填：修订原因（将生成新版本）",
    }),
  })
  .catchall(z.record(z.string(), z.number()));

export const ZAmendBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1, "不能为空")
    .max(TEXT_LIMITS.reason, `不能超过 ${TEXT_LIMITS.reason} 个字符`),
});

export const ZLetterParams = z.strictObject({
  id: z.string().min(1).max(100),
  kind: z.string().min(1).max(40),
});

const ZQueryInt = (min: number, max: number) =>
  z.string().regex(/^\d+$/, "应为整数").transform(Number).pipe(intInRange(min, max)).optional();

export const ZLetterQuery = z.strictObject({
  consultationId: z
    .string()
    .min(1)
    .max(20)
    .optional()
    .meta({ description: "征求意见书：第几次征求意见（c1、c2…）" }),
  pages: ZQueryInt(0, 1_000_000).meta({ description: "收费通知书（按量）：页数，用于打印计算过程" }),
  items: ZQueryInt(0, 100_000).meta({ description: "收费通知书（按件）：本次件数" }),
  itemsEarlierThisMonth: ZQueryInt(0, 100_000).meta({
    description: "收费通知书（按件）：本月此前已申请件数",
  }),
});

export const ZShortNameParams = z.strictObject({ code: ZCode });
export const ZShortNameBody = z.strictObject({
  shortName: z.string().trim().min(1, "不能为空").max(20, "不能超过 20 个字符"),
});
