import ExcelJS from "exceljs";
import { AppError } from "../app-error.ts";
import {
  INSTRUCTIONS_SHEET,
  LEDGER_COLUMNS,
  type LedgerColumn,
  OPTIONAL_LEDGER_COLUMNS,
} from "./ledger-columns.ts";
import type { LedgerCell, LedgerRawRow, LedgerSheet } from "./ledger-types.ts";
import { normalizeLabel } from "./normalize-label.ts";

const NOT_XLSX =
  "文件不是有效的 XLSX 工作簿：请用 Excel 或 WPS 另存为“Excel 工作簿（*.xlsx）”后再导入（不支持 .xls、.csv 等格式）";

/** A header as compared: normalized, without a trailing note in brackets (“收费金额（元）”). */
function headerKey(text: string): string {
  return normalizeLabel(text).replace(/\(.*\)$/, "");
}

const COLUMN_BY_KEY = new Map<string, LedgerColumn>(LEDGER_COLUMNS.map((c) => [headerKey(c), c]));

/** A cell's value as the parsers take it: dates as `YYYY-MM-DD`, formulas as their result. */
function cellValue(value: ExcelJS.CellValue): LedgerCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return String(value);
  // ExcelJS reads a date cell as the UTC midnight (plus the time of day) of that date.
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? "无效日期" : value.toISOString().slice(0, 10);
  if ("richText" in value) return cellValue(value.richText.map((r) => r.text).join(""));
  if ("formula" in value || "sharedFormula" in value)
    return cellValue((value as { result?: ExcelJS.CellValue }).result);
  if ("hyperlink" in value) return cellValue(value.text);
  if ("error" in value) return String(value.error);
  return null;
}

function headerColumns(sheet: ExcelJS.Worksheet): Map<LedgerColumn, number> {
  const found = new Map<LedgerColumn, number>();
  const duplicates = new Set<LedgerColumn>();
  sheet.getRow(1).eachCell((cell, col) => {
    const text = cellValue(cell.value);
    const column = text === null ? undefined : COLUMN_BY_KEY.get(headerKey(String(text)));
    if (column === undefined) return;
    if (found.has(column)) duplicates.add(column);
    found.set(column, col);
  });
  const missing = LEDGER_COLUMNS.filter((c) => !found.has(c) && !OPTIONAL_LEDGER_COLUMNS.has(c));
  if (missing.length > 0 || duplicates.size > 0) {
    const problems = [
      ...missing.map((c) => ({ field: c, message: "第 1 行缺少这一列" })),
      ...[...duplicates].map((c) => ({ field: c, message: "第 1 行有两个同名的列" })),
    ];
    throw new AppError("invalid_input", {
      message: `工作表“${sheet.name}”的第 1 行应为列名：${problems.map((p) => `“${p.field}”${p.message}`).join("；")}。请使用导入模板（GET /api/v1/imports/template.xlsx）的列名`,
      details: problems,
    });
  }
  return found;
}

/**
 * The ledger sheet of an XLSX file (the first sheet that is not 填写说明): its columns, found by
 * their headers in row 1, and its non-empty data rows with their Excel row numbers. A file that
 * is not a workbook, or lacks a column, is refused as a whole (422).
 */
export async function readLedgerWorkbook(bytes: Uint8Array): Promise<LedgerSheet> {
  const workbook = new ExcelJS.Workbook();
  // An XLSX file is a ZIP archive: “PK\x03\x04”.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new AppError("invalid_input", { message: NOT_XLSX });
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    throw new AppError("invalid_input", { message: NOT_XLSX, cause });
  }
  const sheet = workbook.worksheets.find((s) => s.name !== INSTRUCTIONS_SHEET);
  if (!sheet)
    throw new AppError("invalid_input", {
      message: "文件中没有台账工作表（除“填写说明”外至少要有一个工作表）",
    });
  const columns = headerColumns(sheet);
  const rows: LedgerRawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells: LedgerRawRow["cells"] = {};
    let filled = false;
    for (const [column, col] of columns) {
      const v = cellValue(row.getCell(col).value);
      cells[column] = v;
      if (v !== null) filled = true;
    }
    if (filled) rows.push({ row: number, cells });
  });
  return { columns: [...columns.keys()], rows };
}
