import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { isCivilDate } from "../domain/civil-date.ts";
import {
  DATE_COLUMNS,
  INSTRUCTIONS_SHEET,
  LEDGER_COLUMNS,
  LEDGER_GENERAL_NOTES,
  LEDGER_INSTRUCTIONS,
  LEDGER_SHEET,
  type LedgerColumn,
} from "./ledger-columns.ts";

/** One row to write: dates as `YYYY-MM-DD` (written as Excel dates in the date columns). */
export type LedgerWorkbookRow = Partial<Record<LedgerColumn, string | number | null | undefined>>;

const WIDTHS: Partial<Record<LedgerColumn, number>> = {
  编号: 16,
  申请方式: 16,
  申请人: 16,
  证件号码: 22,
  联系电话: 16,
  申请内容: 40,
  补正告知日: 16,
  征求意见: 44,
  延期: 28,
  收费通知日: 22,
  答复结果: 24,
  承办人: 12,
};

/** A real date as an Excel date; anything else as the text it is (Date would roll 02-30 over to 03-02). */
function dateValue(text: string): Date | string {
  return isCivilDate(text) ? new Date(`${text}T00:00:00Z`) : text;
}

function writeLedgerSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  rows: Iterable<LedgerWorkbookRow>,
): void {
  const sheet = workbook.addWorksheet(LEDGER_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({
    key: c,
    width: WIDTHS[c] ?? 12,
    style: DATE_COLUMNS.has(c) ? { numFmt: "yyyy-mm-dd" } : { numFmt: "@" },
  }));
  const header = sheet.addRow([...LEDGER_COLUMNS]);
  header.font = { bold: true };
  header.commit();
  for (const r of rows) {
    const values = LEDGER_COLUMNS.map((c) => {
      const v = r[c];
      if (v === undefined || v === null || v === "") return null;
      return DATE_COLUMNS.has(c) && typeof v === "string" ? dateValue(v) : v;
    });
    sheet.addRow(values).commit();
  }
  sheet.commit();
}

function writeInstructionsSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.columns = [{ width: 14 }, { width: 10 }, { width: 90 }, { width: 44 }];
  const wrap = { wrapText: true, vertical: "top" } as const;
  sheet.addRow(["政府信息公开申请台账：填写说明"]).font = { bold: true, size: 14 };
  for (const note of LEDGER_GENERAL_NOTES) sheet.addRow([note]);
  sheet.addRow([]);
  const header = sheet.addRow(["列名", "是否必填", "填写格式", "示例"]);
  header.font = { bold: true };
  for (const i of LEDGER_INSTRUCTIONS) {
    sheet.addRow([i.column, i.required, i.format, i.example]).alignment = wrap;
  }
  sheet.commit();
}

/**
 * A ledger workbook: the sheet 台账 (headers in row 1, one application per row) and 填写说明.
 * Written as a stream (an export may hold a hundred thousand rows).
 */
export async function writeLedgerWorkbook(rows: Iterable<LedgerWorkbookRow>): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = "ogi";
  writeLedgerSheet(workbook, rows);
  writeInstructionsSheet(workbook);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
