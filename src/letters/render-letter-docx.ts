import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { LetterContent } from "./letter-types.ts";

const MM = 56.7;
const A4 = { width: 11906, height: 16838 } as const;
const MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const BODY = {
  eastAsia: "仿宋_GB2312",
  ascii: "Times New Roman",
  hAnsi: "Times New Roman",
  cs: "Times New Roman",
};
const TITLE = { ...BODY, eastAsia: "方正小标宋简体" };
/** 三号 16 pt, 二号 22 pt, in half-points. */
const SIZE = { body: 32, title: 44 } as const;
const LINE = { line: 560, lineRule: "exact" } as const;

function body(
  text: string,
  options: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) {
  return new Paragraph({
    children: [new TextRun({ text, font: BODY, size: SIZE.body })],
    spacing: LINE,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    ...(options.indent === false ? {} : { indent: { firstLine: SIZE.body * 20 } }),
  });
}

const LINE_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
/** Text width of the page in twips (A4 less the margins), split 2 : 5 between label and value. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = Math.round((TEXT_WIDTH * 2) / 7);

function cell(text: string, width: number) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [body(text, { indent: false, align: AlignmentType.LEFT })],
  });
}

/** A form's rows (送达回证) as a ruled two-column table; an empty value is a line to sign on. */
function formTable(rows: readonly [string, string][]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    borders: {
      top: LINE_BORDER,
      bottom: LINE_BORDER,
      left: LINE_BORDER,
      right: LINE_BORDER,
      insideHorizontal: LINE_BORDER,
      insideVertical: LINE_BORDER,
    },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({ children: [cell(label, LABEL_WIDTH), cell(value, TEXT_WIDTH - LABEL_WIDTH)] }),
    ),
  });
}

/**
 * A letter as a Word document: A4, 小标宋 title, 仿宋 body, number under the title, signature and
 * date at the right; a form (送达回证) has its rows as a table and no number or addressee.
 */
export async function renderLetterDocx(letter: LetterContent): Promise<Buffer> {
  const optional = (text: string, align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    text === "" ? [] : [body(text, { indent: false, align })];
  const children = [
    new Paragraph({
      children: [new TextRun({ text: letter.title, font: TITLE, size: SIZE.title })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    ...optional(letter.serialNo, AlignmentType.CENTER),
    body("", { indent: false }),
    ...optional(letter.addressee, AlignmentType.LEFT),
    ...letter.paragraphs.map((text) => body(text)),
    ...(letter.rows ? [formTable(letter.rows)] : []),
    body("", { indent: false }),
    body(letter.signature, { indent: false, align: AlignmentType.RIGHT }),
    ...optional(letter.date, AlignmentType.RIGHT),
  ];
  const doc = new Document({
    title: letter.serialNo === "" ? letter.title : `${letter.title} ${letter.serialNo}`,
    creator: letter.signature,
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
