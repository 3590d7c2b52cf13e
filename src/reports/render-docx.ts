import {
  AlignmentType,
  Document,
  HeightRule,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import { assertNever } from "../domain/assert-never.ts";
import { buildReportDocument } from "./document/build-report-document.ts";
import type { GridCell, GridTable, ReportBlock } from "./document/report-document.ts";
import type { AnnualReport } from "./report-types.ts";

/** A4 in twips (1/20 pt), with the margins of 党政机关公文格式 (GB/T 9704): 37/35/28/26 mm. */
export const A4 = { width: 11906, height: 16838 } as const;
const MM = 56.7;
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** East Asian fonts of the official style; Latin digits in Times New Roman. */
export const FONTS = {
  body: "仿宋_GB2312",
  heading: "黑体",
  subheading: "楷体_GB2312",
  table: "宋体",
  title: "方正小标宋简体",
} as const;

function font(eastAsia: string) {
  return { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia, cs: "Times New Roman" };
}

/** Sizes in half-points: 三号 16 pt = 32, 二号 22 pt = 44, 五号 10.5 pt = 21, 小五 9 pt = 18. */
const SIZE = { title: 44, body: 32, table: 21, smallTable: 18, note: 24 } as const;

function run(text: string, eastAsia: string, size: number, bold = false) {
  return new TextRun({ text, font: font(eastAsia), size, bold });
}

function textParagraph(text: string, lead?: string): Paragraph {
  return new Paragraph({
    children: [
      ...(lead === undefined ? [] : [run(lead, FONTS.subheading, SIZE.body)]),
      run(text, FONTS.body, SIZE.body),
    ],
    indent: { firstLine: SIZE.body * 20 },
    spacing: { line: 560, lineRule: "exact" },
    alignment: AlignmentType.JUSTIFIED,
  });
}

function cellParagraph(cell: GridCell, size: number): Paragraph {
  const centred = cell.header || cell.value !== undefined || cell.align === "center";
  return new Paragraph({
    children: [run(cell.text, FONTS.table, size, cell.header === true)],
    alignment: centred ? AlignmentType.CENTER : AlignmentType.LEFT,
  });
}

function docxTable(table: GridTable): Table {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const columnWidths = table.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const size = table.columnCount > 10 ? SIZE.smallTable : SIZE.table;
  const rows = table.rows.map(
    (cells, i) =>
      new TableRow({
        tableHeader: i < table.headerRows,
        cantSplit: true,
        height: { value: 400, rule: HeightRule.ATLEAST },
        children: cells.map(
          (cell) =>
            new TableCell({
              children: [cellParagraph(cell, size)],
              verticalAlign: VerticalAlign.CENTER,
              ...((cell.colSpan ?? 1) > 1 ? { columnSpan: cell.colSpan } : {}),
              ...((cell.rowSpan ?? 1) > 1 ? { rowSpan: cell.rowSpan } : {}),
            }),
        ),
      }),
  );
  return new Table({
    rows,
    columnWidths,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
  });
}

function blockChildren(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "paragraph":
      return [textParagraph(block.text, block.lead)];
    case "subheading":
      return [
        new Paragraph({
          children: [run(block.text, FONTS.subheading, SIZE.body)],
          indent: { firstLine: SIZE.body * 20 },
          spacing: { line: 560, lineRule: "exact" },
        }),
      ];
    case "table":
      return [docxTable(block.table), new Paragraph({ children: [] })];
    default:
      return assertNever(block, "report block");
  }
}

/** The report as a Word document for publication: A4, the six sections, the three tables with merged cells. */
export function buildReportDocx(report: AnnualReport): Document {
  const doc = buildReportDocument(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: [run(doc.title, FONTS.title, SIZE.title)],
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
    }),
    new Paragraph({
      children: [run(doc.status, FONTS.body, SIZE.note)],
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
    }),
    ...doc.preface.flatMap(blockChildren),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({
        children: [run(section.heading, FONTS.heading, SIZE.body)],
        indent: { firstLine: SIZE.body * 20 },
        spacing: { line: 560, lineRule: "exact", before: 120 },
        keepNext: true,
      }),
      ...section.blocks.flatMap(blockChildren),
    );
  }
  return new Document({
    title: doc.title,
    creator: report.agencyName,
    styles: { default: { document: { run: { font: font(FONTS.body), size: SIZE.body } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
}

/** The .docx file. */
export async function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocx(report));
}
