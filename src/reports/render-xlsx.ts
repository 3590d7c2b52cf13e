import ExcelJS from "exceljs";
import { buildReportDocument } from "./document/build-report-document.ts";
import { type GridTable, placeCells } from "./document/report-document.ts";
import type { AnnualReport } from "./report-types.ts";

const THIN = { style: "thin" } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** ExcelJS paper size 9 = A4. */
const A4_PAPER = 9;

/** Sheet names: the section headings (at most 31 characters, none of \ / ? * [ ] :). */
export const SHEET_NAMES = {
  table2: "二、主动公开政府信息情况",
  table3: "三、收到和处理政府信息公开申请情况",
  table4: "四、政府信息公开行政复议、行政诉讼情况",
} as const;

function fillSheet(sheet: ExcelJS.Worksheet, title: string, table: GridTable): void {
  sheet.mergeCells(1, 1, 1, table.columnCount);
  const titleCell = sheet.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { name: "黑体", size: 14 };
  titleCell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 28;
  const offset = 2;
  for (const placed of placeCells(table)) {
    const top = placed.row + offset;
    const left = placed.column + 1;
    if (placed.rowSpan > 1 || placed.colSpan > 1) {
      sheet.mergeCells(top, left, top + placed.rowSpan - 1, left + placed.colSpan - 1);
    }
    for (let r = top; r < top + placed.rowSpan; r++) {
      for (let c = left; c < left + placed.colSpan; c++) sheet.getCell(r, c).border = BORDER;
    }
    const cell = sheet.getCell(top, left);
    cell.value = placed.cell.value ? placed.cell.value.amount : placed.cell.text;
    cell.font = { name: "宋体", size: 10.5, bold: placed.cell.header === true };
    const centred = placed.cell.header || placed.cell.value !== undefined || placed.cell.align === "center";
    cell.alignment = { horizontal: centred ? "center" : "left", vertical: "middle", wrapText: true };
  }
  const total = table.widths.reduce((a, b) => a + b, 0);
  const chars = table.columnCount > 10 ? 150 : 110;
  table.widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, Math.round((w / total) * chars));
  });
  sheet.pageSetup = {
    paperSize: A4_PAPER,
    orientation: table.columnCount > 10 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    printTitlesRow: table.headerRows > 0 ? `${offset}:${offset + table.headerRows - 1}` : undefined,
  };
}

/** The three tables as an Excel workbook: one sheet each, merged headers, borders, A4 fit to width. */
export async function renderReportXlsx(report: AnnualReport): Promise<Buffer> {
  const doc = buildReportDocument(report);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = report.agencyName;
  workbook.title = doc.title;
  for (const section of doc.sections) {
    for (const block of section.blocks) {
      if (block.kind !== "table") continue;
      const sheet = workbook.addWorksheet(SHEET_NAMES[block.table.id]);
      fillSheet(sheet, `${doc.title}　${section.heading}`, block.table);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
