/**
 * The JSON answers of the annual report routes (src/reports/report-types.ts), for the document and
 * the web UI's generated types. Keyed tables are spelled out key by key: a record over an enum
 * would reach the web as `{[key: string]: number}`; `satisfies` keeps the keys those of the server.
 */
import { z } from "zod";
import { OUTCOME_IDS } from "../../domain/outcomes.ts";
import type { Table3Row } from "../../domain/tabulation/table3-types.ts";
import { TABLE3_COLUMNS } from "../../domain/tabulation/table3-types.ts";
import type { Table4, Table4Cells } from "../../domain/tabulation/table4-types.ts";
import { APPLICANT_TYPES, CHANNELS } from "../../domain/vocabulary.ts";
import { LETTER_FAMILIES } from "../../letters/letter-kinds.ts";
import { OVERVIEW_TEXT_KEYS } from "../../reports/document/overview-parts.ts";
import type { ReportTexts } from "../../reports/report-types.ts";

const ZCount = z.number().int();
const ZDate = z.string().meta({ description: "日期 YYYY-MM-DD（中国日历日）" });

/** Table 三's row, key by key (also the ledger import's rows, unnamed there). */
export const TABLE3_ROW_SHAPE = {
  natural_person: ZCount,
  commercial_enterprise: ZCount,
  research_institution: ZCount,
  social_welfare_org: ZCount,
  legal_service_org: ZCount,
  other_org: ZCount,
  total: ZCount,
};

export const ZTable3Row = z.object(TABLE3_ROW_SHAPE).meta({
  id: "Table3Row",
  description: "表三的一行：按申请人类型的件数及总计",
}) satisfies z.ZodType<Table3Row>;

export const ZTable4Cells = z
  .object({ upheld: ZCount, corrected: ZCount, other: ZCount, pending: ZCount, total: ZCount })
  .meta({
    id: "Table4Cells",
    description: "表四的一组：维持、纠正、其他结果、尚未审结、总计",
  }) satisfies z.ZodType<Table4Cells>;

const ZTable4 = z.object({
  administrative_review: ZTable4Cells,
  litigation_direct: ZTable4Cells,
  litigation_after_review: ZTable4Cells,
}) satisfies z.ZodType<Table4>;

const ZTable2 = z
  .record(z.string(), z.record(z.string(), z.number()))
  .meta({ description: "表二：按该年度版式的各栏数字" });

export const ZReportCheck = z
  .object({
    id: z.string(),
    ok: z.boolean(),
    message: z.string().meta({ description: "未通过时说明哪里不对" }),
    severity: z.enum(["error", "warning"]),
    skipped: z.literal(true).optional().meta({ description: "本年度未核对（ok 为 true）" }),
  })
  .meta({ id: "ReportCheck" });

const reportText = (description: string) => z.string().meta({ description });

export const ZReportTextsView = z
  .object({
    preface: reportText("报告说明之后：公布渠道、咨询联系方式"),
    overview: reportText("一、总体情况的开头"),
    proactive: reportText("一（一）主动公开"),
    requests: reportText("一（二）依申请公开"),
    management: reportText("一（三）政府信息管理"),
    platforms: reportText("一（四）平台建设"),
    oversight: reportText("一（五）监督保障"),
    assessment: reportText("一（五）中的工作考核、社会评议和责任追究结果情况（仅政府，条例第五十条第四项）"),
    problems: reportText("五、存在的主要问题及改进情况"),
    other: reportText("六、其他需要报告的事项"),
  })
  .meta({ id: "ReportTexts", description: "机关填写的报告文字" }) satisfies z.ZodType<ReportTexts>;

export const ZNarrativePart = z
  .object({
    textKey: z.enum(OVERVIEW_TEXT_KEYS),
    title: z.string(),
    heading: z.string(),
    isRunIn: z.boolean().meta({ description: "印在上一小节之内（监督保障中的考核评议）" }),
    generated: z.array(z.string()).meta({ description: "系统按表格与事实写的段落" }),
  })
  .meta({ id: "NarrativePart", description: "一的一部分：系统写的段落与机关文字的位置" });

export const ZReportNarrative = z
  .object({ preface: z.string(), overview: z.array(ZNarrativePart) })
  .meta({ id: "ReportNarrative", description: "系统围绕机关文字写的内容（不存储）" });

const ZReportFacts = z.object({
  receivedByChannel: z.record(z.enum(CHANNELS), ZCount),
  fees: z.object({ count: ZCount, amountYuan: z.number() }),
  timeliness: z.object({ decisions: ZCount, onTime: ZCount }).nullable(),
  letters: z.record(z.enum(LETTER_FAMILIES), ZCount).optional(),
});

export const ZAnnualReport = z
  .object({
    agencyCode: z.string(),
    agencyName: z.string(),
    agencyKind: z.enum(["government", "department", "township"]),
    year: z.number().int(),
    edition: z.enum(["2019", "2021"]),
    status: z.enum(["draft", "closed"]),
    version: z.number().int().nullable().meta({ description: "所示定稿版本；草稿为 null" }),
    closedAt: z.string().nullable(),
    scope: z.enum(["agency", "subtree"]),
    table2: ZTable2,
    table2Entered: z.boolean(),
    table3: z.object({
      columns: z.array(z.enum(TABLE3_COLUMNS)).readonly(),
      rows: z.record(z.string(), ZTable3Row),
    }),
    table4: ZTable4,
    checks: z.array(ZReportCheck),
    texts: ZReportTextsView,
    facts: ZReportFacts,
  })
  .meta({ id: "AnnualReport" });

export const ZAnnualReportView = ZAnnualReport.extend({ narrative: ZReportNarrative }).meta({
  id: "AnnualReportView",
  description: "年度报告（JSON）及系统围绕机关文字写的内容",
});

export const ZReportChange = z
  .object({
    table: z.enum(["二", "三", "四", "文字"]),
    row: z.string(),
    column: z.string(),
    from: z.union([z.number(), z.string()]),
    to: z.union([z.number(), z.string()]),
  })
  .meta({ id: "ReportChange" });

export const ZReportVersionSummary = z
  .object({
    version: z.number().int(),
    closedAt: z.string(),
    reason: z.string().nullable(),
    changes: z.array(ZReportChange),
  })
  .meta({ id: "ReportVersionSummary" });

export const ZReportVersionList = z
  .object({ items: z.array(ZReportVersionSummary), total: ZCount })
  .meta({ id: "ReportVersionList" });

export const ZReportVersion = ZAnnualReport.extend({
  reason: z.string().nullable(),
  changes: z.array(ZReportChange),
}).meta({ id: "ReportVersion", description: "某一定稿版本及其修订原因与差异" });

export const ZAmendResult = z
  .object({
    version: z.number().int().meta({ description: "调用之后的最新版本" }),
    created: z.boolean().meta({ description: "false：与最新版本相比没有变化，未生成新版本" }),
    changes: z.array(ZReportChange),
    report: ZAnnualReport,
  })
  .meta({ id: "AmendResult" });

export const ZProactiveSaved = z
  .object({ table2: ZTable2, amendment: ZAmendResult.nullable() })
  .meta({ id: "ProactiveSaved", description: "已保存的表二；年度已关闭时附修订结果" });

export const ZTextsSaved = z
  .object({ texts: ZReportTextsView, amendment: ZAmendResult.nullable() })
  .meta({ id: "TextsSaved", description: "已保存的报告文字；年度已关闭时附修订结果" });

export const ZReportStatusLine = z
  .object({
    agencyCode: z.string(),
    agencyName: z.string(),
    agencyKind: z.enum(["government", "department", "township"]),
    status: z.enum(["draft", "closed"]),
    version: z.number().int().nullable(),
    closedAt: z.string().nullable(),
    dueOn: ZDate,
    isLate: z.boolean(),
  })
  .meta({ id: "ReportStatusLine" });

export const ZReportOverview = z
  .object({ report: ZAnnualReport, agencies: z.array(ZReportStatusLine) })
  .meta({ id: "ReportOverview" });

export const ZCellApplication = z
  .object({
    id: z.string(),
    trackingNo: z.string(),
    agencyCode: z.string(),
    applicantName: z.string(),
    applicantType: z.enum(APPLICANT_TYPES),
    receivedOn: ZDate,
    outcome: z.enum(OUTCOME_IDS).nullable(),
    dispositionOn: ZDate.nullable(),
  })
  .meta({ id: "CellApplication", description: "表三某一单元格所计的申请" });

export const ZCellApplications = z
  .object({
    row: z.string(),
    column: z.enum(TABLE3_COLUMNS),
    total: ZCount,
    items: z.array(ZCellApplication),
  })
  .meta({ id: "CellApplications" });
