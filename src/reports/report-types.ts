/**
 * The annual report as the API gives it (API.md “Annual report”) and as a closed year stores it
 * (report_versions.data): the fields of API.md exactly, plus additive fields that the documents
 * need (texts, the narrative's figures) so that a stored version renders without the database.
 */
import type { AgencyKind } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { Edition, Table3Column, Table3Row } from "../domain/tabulation/table3-types.ts";
import type { Table4 } from "../domain/tabulation/table4-types.ts";
import type { Channel } from "../domain/vocabulary.ts";
import { LETTER_FAMILIES, type LetterFamily } from "../letters/letter-kinds.ts";
import type { Table2Figures } from "./table2/table2-layout.ts";

/**
 * K1–K5 of table 三 (DOMAIN.md §7) are errors; T1 (table 二 entered) is an error; T2 (现行有效
 * continuity, DOMAIN.md §8), W1 (counts written into the free texts), W2 (a subsection of 一
 * without the agency's words), W3 (信息处理费 of 六 against table 二 (八)) and W4 (the preface text
 * repeats the basis) are warnings. A year can be closed only when no error check fails, and with a
 * failing warning only when the admin acknowledges it (`closeYear`'s `acknowledgeWarnings`).
 */
export interface ReportCheck {
  id: string;
  ok: boolean;
  /** Chinese; on failure it names what is wrong. */
  message: string;
  severity: "error" | "warning";
  /** Not checked this year (未核对); ok is then true. The UI says 通过 / 未通过 / 需确认 (web checkVerdict). */
  skipped?: true;
}

/**
 * The agency's own words. Section 一 follows the 2021 format (国办公开办函〔2021〕30号): an opening
 * and the subsections 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障; a government (and a
 * township) also reports 工作考核、社会评议和责任追究结果情况 (art. 50(四)), which the format puts
 * under 监督保障. The system writes the figures of each subsection; these are the words around them.
 * Stored data written before the subsections existed has only preface, overview, problems and other:
 * read it through `withAllTexts`.
 */
export interface ReportTexts {
  /** Added to the preface paragraph: where the report is published, whom to ask (contact). */
  preface: string;
  /** 一 总体情况: the opening before its subsections (formerly printed as （一）工作概况). */
  overview: string;
  /** 一（一）主动公开. */
  proactive: string;
  /** 一（二）依申请公开. */
  requests: string;
  /** 一（三）政府信息管理. */
  management: string;
  /** 一（四）平台建设. */
  platforms: string;
  /** 一（五）监督保障. */
  oversight: string;
  /** 一（五）, governments only: 工作考核、社会评议和责任追究结果情况 (art. 50(四)). */
  assessment: string;
  /** 五、存在的主要问题及改进情况. */
  problems: string;
  /** 六、其他需要报告的事项 (the fees collected are stated by the system). */
  other: string;
}

/** Every text of a report, in document order. */
export const REPORT_TEXT_KEYS = [
  "preface",
  "overview",
  "proactive",
  "requests",
  "management",
  "platforms",
  "oversight",
  "assessment",
  "problems",
  "other",
] as const satisfies readonly (keyof ReportTexts)[];

export const EMPTY_TEXTS: ReportTexts = {
  preface: "",
  overview: "",
  proactive: "",
  requests: "",
  management: "",
  platforms: "",
  oversight: "",
  assessment: "",
  problems: "",
  other: "",
};

/** Texts as stored at any time (older data lacks the subsections): every key, "" where absent. */
export function withAllTexts(stored: Partial<ReportTexts> | undefined): ReportTexts {
  return { ...EMPTY_TEXTS, ...stored };
}

/** Every letter kind with 0. */
export function zeroLetters(): Record<LetterFamily, number> {
  return Object.fromEntries(LETTER_FAMILIES.map((k) => [k, 0])) as Record<LetterFamily, number>;
}

/** Figures of the narrative that are not cells of a table, from the same rows as the tables. */
export interface ReportFacts {
  /** Applications received in the year (row 一) by channel; sums to 一's 总计. */
  receivedByChannel: Record<Channel, number>;
  /** Information-processing fees paid in the year (fee.paid events, amounts of their notices). */
  fees: { count: number; amountYuan: number };
  /**
   * Replies (decisions) issued in the year and those issued on or before the reply deadline
   * computed from the case's facts (computeReplyDeadline). null when not computed (subtree).
   */
  timeliness: { decisions: number; onTime: number } | null;
  /**
   * Letters the system numbered with a date in the year, by kind (the letters table: a letter is
   * numbered when it is first generated). Absent in versions closed before it was counted.
   */
  letters?: Record<LetterFamily, number>;
}

export interface Table3Json {
  columns: readonly Table3Column[];
  rows: Record<string, Table3Row>;
}

export interface AnnualReport {
  agencyCode: string;
  agencyName: string;
  agencyKind: AgencyKind;
  year: number;
  edition: Edition;
  status: "draft" | "closed";
  /** The stored version shown (closed years), else null. */
  version: number | null;
  /** ISO instant of the version's freezing, else null. */
  closedAt: string | null;
  /** `agency`, or `subtree` (the agency and all below it, added cell by cell). */
  scope: "agency" | "subtree";
  table2: Table2Figures;
  /** Whether the admin has entered table 二 (else its cells are 0). */
  table2Entered: boolean;
  table3: Table3Json;
  table4: Table4;
  checks: ReportCheck[];
  texts: ReportTexts;
  facts: ReportFacts;
}

/** One changed figure between two versions. */
export interface ReportChange {
  /** `二`, `三`, `四` or `文字` (a text section). */
  table: "二" | "三" | "四" | "文字";
  row: string;
  column: string;
  from: number | string;
  to: number | string;
}

export interface ReportVersionSummary {
  version: number;
  closedAt: string;
  reason: string | null;
  changes: ReportChange[];
}

/** The stored JSON of report_versions.data. */
export interface StoredReportVersion {
  v: 1;
  report: AnnualReport;
  changes: ReportChange[];
}

/** An agency's report status in a supervisor's overview (art. 49 publication dates). */
export interface ReportStatusLine {
  agencyCode: string;
  agencyName: string;
  agencyKind: AgencyKind;
  status: "draft" | "closed";
  version: number | null;
  closedAt: string | null;
  /** 31 January (departments) or 31 March (governments, townships) of Y+1. */
  dueOn: CivilDate;
  /** Closed after the due date, or still open after it. */
  isLate: boolean;
}
