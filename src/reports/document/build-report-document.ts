import type { AnnualReport } from "../report-types.ts";
import { feeSentence, prefaceParagraph } from "./build-narrative.ts";
import { overviewParts } from "./overview-parts.ts";
import type { ReportBlock, ReportDocument, ReportSection } from "./report-document.ts";
import { table2Grid, table3Grid, table4Grid } from "./table-grids.ts";

/** The six headings of the national format, in order (DOMAIN.md §8). */
export const SECTION_HEADINGS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
] as const;

const NUMBERS = ["一", "二", "三", "四", "五", "六"] as const;

/** The agency's text as paragraphs: one per non-empty line. */
function paragraphs(text: string): ReportBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => ({ kind: "paragraph", text: line }));
}

const p = (text: string): ReportBlock => ({ kind: "paragraph", text });
const sub = (text: string): ReportBlock => ({ kind: "subheading", text });

/**
 * 一 总体情况: the agency's opening, then each part of the 2021 format: the system's paragraphs
 * and the agency's words (“无。” when there are neither). The 考核 part of a government runs on
 * inside （五）监督保障, led by its title.
 */
function overview(report: AnnualReport): ReportBlock[] {
  const blocks = paragraphs(report.texts.overview);
  for (const part of overviewParts(report)) {
    const body = [...part.generated.map(p), ...paragraphs(part.text)];
    if (!part.isRunIn) {
      blocks.push(sub(part.heading), ...(body.length > 0 ? body : [p("无。")]));
      continue;
    }
    const [first, ...rest] = body.length > 0 ? body : [p("无。")];
    if (first?.kind === "paragraph") blocks.push({ ...first, lead: `${part.title}：` }, ...rest);
  }
  return blocks;
}

function statusNote(report: AnnualReport): string {
  if (report.scope === "subtree") return "本机关及下级机关汇总（各机关已关闭的按定稿数据，其余按草稿数据）";
  if (report.status === "closed" && report.version !== null) {
    return `第${report.version}版（${report.closedAt?.slice(0, 10) ?? ""}定稿）`;
  }
  return "草稿（年度尚未关闭，数据可能变化）";
}

/** The whole report: title, preface, sections 一 to 六 with the three tables. */
export function buildReportDocument(report: AnnualReport): ReportDocument {
  const blocks: ReportBlock[][] = [
    overview(report),
    [{ kind: "table", table: table2Grid(report.edition, report.table2) }],
    [{ kind: "table", table: table3Grid(report.edition, report.table3) }],
    [{ kind: "table", table: table4Grid(report.table4) }],
    paragraphs(report.texts.problems).length > 0 ? paragraphs(report.texts.problems) : [p("无。")],
    [
      sub("（一）政府信息公开信息处理费收取情况"),
      p(feeSentence(report)),
      sub("（二）其他事项"),
      ...(paragraphs(report.texts.other).length > 0 ? paragraphs(report.texts.other) : [p("无。")]),
    ],
  ];
  const sections: ReportSection[] = SECTION_HEADINGS.map((heading, i) => ({
    number: NUMBERS[i] as string,
    heading,
    blocks: blocks[i] ?? [],
  }));
  return {
    title: `${report.agencyName}${report.year}年政府信息公开工作年度报告`,
    status: statusNote(report),
    preface: [p(prefaceParagraph(report))],
    sections,
  };
}
