import { assertNever } from "../domain/assert-never.ts";
import { buildReportDocument } from "./document/build-report-document.ts";
import type { GridCell, GridTable, ReportBlock } from "./document/report-document.ts";
import type { AnnualReport } from "./report-types.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "仿宋_GB2312", "仿宋", FangSong, "STFangsong", serif; font-size: 16pt; line-height: 1.6; color: #000; max-width: 190mm; margin: 0 auto; padding: 12px; }
h1 { font-family: "方正小标宋简体", "宋体", SimSun, serif; font-size: 22pt; text-align: center; font-weight: normal; margin: 0.6em 0 0.2em; }
.status { text-align: center; font-size: 12pt; color: #555; margin-bottom: 1.2em; }
h2 { font-family: "黑体", SimHei, sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.4em; }
h3 { font-family: "楷体_GB2312", "楷体", KaiTi, serif; font-size: 16pt; font-weight: normal; margin: 0.6em 0 0.2em; text-indent: 2em; }
p { text-indent: 2em; margin: 0.2em 0; }
p .lead { font-family: "楷体_GB2312", "楷体", KaiTi, serif; }
table { border-collapse: collapse; width: 100%; font-family: "宋体", SimSun, serif; font-size: 10.5pt; line-height: 1.3; margin: 0.6em 0 1em; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; }
th { font-weight: bold; text-align: center; }
td.label { text-align: left; }
td.label-center { text-align: center; }
td.num { text-align: center; }
@media print { body { padding: 0; max-width: none; } .status { color: #000; } }
`;

function cellHtml(cell: GridCell, tag: "th" | "td"): string {
  const attrs: string[] = [];
  if ((cell.colSpan ?? 1) > 1) attrs.push(`colspan="${cell.colSpan}"`);
  if ((cell.rowSpan ?? 1) > 1) attrs.push(`rowspan="${cell.rowSpan}"`);
  if (cell.value) {
    attrs.push(
      'class="num"',
      `data-row="${escapeHtml(cell.value.row)}"`,
      `data-column="${escapeHtml(cell.value.column)}"`,
    );
  } else if (!cell.header) attrs.push(`class="${cell.align === "center" ? "label-center" : "label"}"`);
  return `<${tag}${attrs.length > 0 ? ` ${attrs.join(" ")}` : ""}>${escapeHtml(cell.text)}</${tag}>`;
}

function tableHtml(table: GridTable): string {
  const rowHtml = (cells: GridCell[]) =>
    `<tr>${cells.map((c) => cellHtml(c, c.header ? "th" : "td")).join("")}</tr>`;
  const head = table.rows.slice(0, table.headerRows).map(rowHtml).join("\n");
  const body = table.rows.slice(table.headerRows).map(rowHtml).join("\n");
  const total = table.widths.reduce((a, b) => a + b, 0);
  const cols = table.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join("");
  return (
    `<table id="${table.id}"><colgroup>${cols}</colgroup>` +
    (head ? `<thead>\n${head}\n</thead>` : "") +
    `<tbody>\n${body}\n</tbody></table>`
  );
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.lead === undefined
        ? `<p>${escapeHtml(block.text)}</p>`
        : `<p><span class="lead">${escapeHtml(block.lead)}</span>${escapeHtml(block.text)}</p>`;
    case "subheading":
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case "table":
      return tableHtml(block.table);
    default:
      return assertNever(block, "report block");
  }
}

/**
 * The report as a printable web page laid out like the official tables: merged headers, explicit
 * zeros, A4 print CSS. Each figure cell carries `data-row` and `data-column` (the API keys).
 */
export function renderReportHtml(report: AnnualReport): string {
  const doc = buildReportDocument(report);
  const sections = doc.sections
    .map(
      (s) =>
        `<section id="section-${s.number}">\n<h2>${escapeHtml(s.heading)}</h2>\n${s.blocks.map(blockHtml).join("\n")}\n</section>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${escapeHtml(doc.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<div class="status">${escapeHtml(doc.status)}</div>
${doc.preface.map(blockHtml).join("\n")}
${sections}
</body>
</html>
`;
}
