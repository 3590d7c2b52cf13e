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

const ZText = (description: string) =>
  z.string().max(TEXT_MAX, `不能超过 ${TEXT_MAX} 个字符`).optional().meta({ description });

/**
 * The agency's texts: absent fields keep what is stored; "" clears a text. Section 一 has an
 * opening and the parts of the 2021 format; the system writes their figures, these are the words.
 */
export const ZReportTexts = z.strictObject({
  preface: ZText("引言之后的报告说明：发布网址、联系方式（编制依据和统计期限由系统生成）"),
  overview: ZText("一、总体情况：各部分之前的总述"),
  proactive: ZText("一（一）主动公开"),
  requests: ZText("一（二）依申请公开（系统已写明收到和办理的数字）"),
  management: ZText("一（三）政府信息管理"),
  platforms: ZText("一（四）平台建设"),
  oversight: ZText("一（五）监督保障"),
  assessment: ZText(
    "一（五）监督保障中的工作考核、社会评议和责任追究结果情况（《条例》第五十条第四项，各级人民政府）",
  ),
  problems: ZText("五、存在的主要问题及改进情况"),
  other: ZText("六、其他需要报告的事项"),
  amendmentReason: optionalText(TEXT_LIMITS.reason).meta({
    description: "年度已关闭时必填：修订原因（将生成新版本）",
  }),
});

/** `POST …/close`: the body may be left out; a year with failing warnings needs the acknowledgement. */
export const ZCloseBody = z.strictObject({
  acknowledgeWarnings: z.boolean().optional().meta({
    description:
      "已阅读并确认未通过的提醒（severity 为 warning 的校验，如 W2 总体情况未填写、W3 信息处理费与表二不一致）后仍关闭；有未通过的提醒而未确认时返回 409 warnings_unacknowledged",
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

/** `…/letters/:kind/delivery-receipt.docx`: the 送达回证 of an outgoing document. */
export const ZDeliveryReceiptQuery = ZLetterQuery.pick({ consultationId: true });

/** The download of a letter: the issued one, or with `draft=true` the unnumbered preview before. */
export const ZLetterDownloadQuery = ZLetterQuery.extend({
  draft: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .meta({ description: "true：文书尚未出具时预览草稿（不编号、不保存，标明“草稿”）" }),
});

/** What issuing a letter takes: which consultation, and a fee notice's quantity when not recorded. */
export const ZIssueLetterBody = z.strictObject({
  consultationId: ZLetterQuery.shape.consultationId,
  pages: intInRange(0, 1_000_000)
    .optional()
    .meta({ description: "收费通知书（按量）：页数，用于打印计算过程" }),
  items: intInRange(0, 100_000).optional().meta({ description: "收费通知书（按件）：本次件数" }),
  itemsEarlierThisMonth: intInRange(0, 100_000)
    .optional()
    .meta({ description: "收费通知书（按件）：本月此前已申请件数" }),
});

export const ZShortNameParams = z.strictObject({ code: ZCode });

/** A setting that can be cleared: a text, or null (or "") to go back to the default. */
const clearableText = (max: number, description: string) =>
  z.string().trim().max(max, `不能超过 ${max} 个字符`).nullable().optional().meta({ description });

export const ZLetterSettingsBody = z
  .strictObject({
    shortName: clearableText(
      20,
      "文号中的机关简称，如“嵋阳镇”→ 嵋阳镇公开〔2026〕第1号；null 或空字符串恢复按机关名称确定的默认简称",
    ),
    reviewBody: clearableText(
      TEXT_LIMITS.name,
      "行政复议机关（答复书救济条款中写明）：仅在机关树不能确定时设置（如垂直管理部门，行政复议法第二十七条）；null 或空字符串恢复按机关树确定",
    ),
    feePaymentMethod: clearableText(
      TEXT_LIMITS.reason,
      "收费通知书的默认缴纳方式（收款账户、地点等）；单份收费通知填写的 paymentMethod 优先",
    ),
  })
  .refine((b) => Object.keys(b).length > 0, "请至少填写一项设置（shortName、reviewBody、feePaymentMethod）");
