import { getOutcome, type OutcomeGroup } from "../../domain/outcomes.ts";
import { table3Layout } from "../../domain/tabulation/table3-layout.ts";
import { LETTER_FAMILIES, type LetterFamily } from "../../letters/letter-kinds.ts";
import type { AnnualReport } from "../report-types.ts";
import { table2Layout } from "../table2/table2-layout.ts";
import { formatAmount, formatPercent } from "./format-number.ts";

/**
 * The sentences of the report that state figures, generated from the report's own tables and
 * facts: no number here can disagree with a table (the 2021 sample says 6 in one place and 9 in
 * another). Each function returns whole paragraphs.
 */

const n = formatAmount;

function cell(report: AnnualReport, row: string, column = "total"): number {
  return report.table3.rows[row]?.[column as "total"] ?? 0;
}

/** 办理结果 by group (（一）…（六）), from the leaf rows of table 三. */
export function resultsByGroup(report: AnnualReport): Record<OutcomeGroup, number> {
  const sums: Record<OutcomeGroup, number> = {
    disclosed: 0,
    partially_disclosed: 0,
    withheld: 0,
    unavailable: 0,
    not_processed: 0,
    other: 0,
  };
  for (const row of table3Layout(report.edition).rows) {
    if (row.kind !== "data" || row.outcomes.length === 0) continue;
    const first = row.outcomes[0];
    if (first !== undefined) sums[getOutcome(first).group] += cell(report, row.key);
  }
  return sums;
}

/** 一（一）主动公开: table 二 in words. */
export function proactiveParagraph(report: AnnualReport): string {
  const t = report.table2;
  const v = (row: string, column: string) => n(t[row]?.[column] ?? 0);
  if (report.edition === "2021") {
    return (
      `本年度制发规章${v("regulations", "issued")}件、废止${v("regulations", "repealed")}件，现行有效规章${v("regulations", "in_force")}件；` +
      `制发行政规范性文件${v("normative_documents", "issued")}件、废止${v("normative_documents", "repealed")}件，` +
      `现行有效行政规范性文件${v("normative_documents", "in_force")}件。` +
      `本年度作出行政许可决定${v("administrative_licensing", "decisions")}件、行政处罚决定${v("administrative_punishment", "decisions")}件、` +
      `行政强制决定${v("administrative_enforcement", "decisions")}件；行政事业性收费金额${v("administrative_fees", "amount_wan_yuan")}万元。` +
      "具体情况见第二部分。"
    );
  }
  const parts = table2Layout(report.edition).sections.flatMap((s) =>
    s.rows.map((r) => `${r.label}：${s.columns.map((c) => `${c.label}${v(r.key, c.key)}`).join("，")}`),
  );
  return `${parts.join("；")}。具体情况见第二部分。`;
}

/** 一（二）依申请公开: table 三 in words, with the channels and the on-time replies. */
export function requestParagraphs(report: AnnualReport): string[] {
  const ch = report.facts.receivedByChannel;
  const g = resultsByGroup(report);
  const received =
    `本年度新收政府信息公开申请${cell(report, "new_received")}件，其中当面申请${ch.in_person}件、` +
    `信函申请${ch.post + ch.ordinary_letter}件、网络申请${ch.online}件、传真申请${ch.fax}件；` +
    `上年结转政府信息公开申请${cell(report, "carried_over")}件。`;
  const results =
    `本年度办结${cell(report, "result_total")}件，其中予以公开${g.disclosed}件，部分公开${g.partially_disclosed}件，` +
    `不予公开${g.withheld}件，无法提供${g.unavailable}件，不予处理${g.not_processed}件，其他处理${g.other}件；` +
    `结转下年度继续办理${cell(report, "carried_forward")}件。`;
  const paragraphs = [received, results];
  const t = report.facts.timeliness;
  if (t !== null) {
    const rate = formatPercent(t.onTime, t.decisions);
    paragraphs.push(
      `本年度作出答复${t.decisions}件，其中在法定答复期限内答复${t.onTime}件` +
        (rate === null ? "。" : `，按期答复率${rate}%。`),
    );
  }
  return paragraphs;
}

/** The fees collected (六（一）). */
export function feeSentence(report: AnnualReport): string {
  const { count, amountYuan } = report.facts.fees;
  return count === 0
    ? "本年度未收取政府信息公开信息处理费。"
    : `本年度收取政府信息公开信息处理费${count}件，共计${n(amountYuan)}元。`;
}

/** 一（二）依申请公开: table 四 in words. */
export function appealParagraph(report: AnnualReport): string {
  const { administrative_review: r, litigation_direct: a, litigation_after_review: b } = report.table4;
  return (
    `本年度因政府信息公开被申请行政复议${r.total}件，其中结果维持${r.upheld}件、结果纠正${r.corrected}件、` +
    `其他结果${r.other}件、尚未审结${r.pending}件；被提起行政诉讼${a.total + b.total}件，其中未经复议直接起诉${a.total}件、` +
    `复议后起诉${b.total}件，结果维持${a.upheld + b.upheld}件、结果纠正${a.corrected + b.corrected}件、` +
    `其他结果${a.other + b.other}件、尚未审结${a.pending + b.pending}件。`
  );
}

/** The letters of a case as the narrative names them, in the order of the lifecycle. */
const LETTER_NOUNS: Record<LetterFamily, string> = {
  receipt: "登记回执",
  supplement_notice: "补正告知书",
  extension_notice: "延期答复告知书",
  consultation_letter: "征求意见书",
  fee_notice: "收费通知书",
  reply: "答复书",
};

/**
 * 一（二）依申请公开: the kinds of letters the system numbered in the year, when it counted them and
 * numbered any (a version closed before they were counted, or an agency that writes its letters
 * elsewhere, says nothing rather than 0).
 */
export function lettersParagraph(report: AnnualReport): string | null {
  const letters = report.facts.letters;
  if (letters === undefined || LETTER_FAMILIES.every((k) => letters[k] === 0)) return null;
  const issued = LETTER_FAMILIES.filter((k) => letters[k] > 0);
  return `本年度出具${issued.map((k) => `${LETTER_NOUNS[k]}${letters[k]}份`).join("、")}。`;
}

/** The system's sentences of the preface: the basis, the parts, the period. */
export function prefaceBasis(report: AnnualReport): string {
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条的规定，由${report.agencyName}编制。` +
    "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、" +
    "存在的主要问题及改进情况、其他需要报告的事项六个部分。" +
    `本报告所列数据的统计期限自${report.year}年1月1日起至${report.year}年12月31日止。`
  );
}

/**
 * The preface, one paragraph: the system's sentences, then the agency's own (where the report is
 * published, whom to ask) in the same paragraph.
 */
export function prefaceParagraph(report: AnnualReport): string {
  const own = report.texts.preface
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("");
  return prefaceBasis(report) + own;
}
