import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { LetterContent } from "./letter-content.ts";

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

/** A letter as a Word document: A4, 小标宋 title, 仿宋 body, number under the title, signature and date at the right. */
export async function renderLetterDocx(letter: LetterContent): Promise<Buffer> {
  const children = [
    new Paragraph({
      children: [new TextRun({ text: letter.title, font: TITLE, size: SIZE.title })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
    }),
    body(letter.serialNo, { indent: false, align: AlignmentType.CENTER }),
    body("", { indent: false }),
    body(letter.addressee, { indent: false, align: AlignmentType.LEFT }),
    ...letter.paragraphs.map((text) => body(text)),
    body("", { indent: false }),
    body(letter.signature, { indent: false, align: AlignmentType.RIGHT }),
    body(letter.date, { indent: false, align: AlignmentType.RIGHT }),
  ];
  const doc = new Document({
    title: `${letter.title} ${letter.serialNo}`,
    creator: letter.signature,
    styles: { default: { document: { run: { font: BODY, size: SIZE.body } } } },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
