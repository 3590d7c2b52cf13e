import { editionForYear } from "../domain/tabulation/edition-for-year.ts";
import { table3Layout } from "../domain/tabulation/table3-layout.ts";
import { APPLICANT_TYPE_LABELS, APPLICANT_TYPES } from "../domain/vocabulary.ts";
import type { LedgerImportResult, Table3Rows } from "./ledger-types.ts";

/** The rows always shown (一, 二, 三（七）, 四); the outcome rows only when not all zero. */
const ALWAYS = new Set(["new_received", "carried_over", "result_total", "carried_forward"]);

function tableLines(year: string, rows: Table3Rows): string[] {
  const lines = [`  ${year}年：`];
  for (const row of table3Layout(editionForYear(Number(year))).rows) {
    if (row.kind !== "data") continue;
    const cells = rows[row.key];
    if (!cells || (cells.total === 0 && !ALWAYS.has(row.key))) continue;
    const parts = APPLICANT_TYPES.filter((t) => cells[t] > 0).map(
      (t) => `${APPLICANT_TYPE_LABELS[t]} ${cells[t]}`,
    );
    lines.push(`    ${row.name}：${cells.total}${parts.length > 0 ? `（${parts.join("，")}）` : ""}`);
  }
  return lines;
}

/** The Chinese summary of an import for the command line: counts, every error, table 三 per year. */
export function formatImportSummary(result: LedgerImportResult, dryRun: boolean): string[] {
  const { rows, imported, errors } = result;
  const head = dryRun
    ? `校验完成（未写入）：共 ${rows} 行，可导入 ${imported} 行，错误 ${errors.length} 处`
    : errors.length > 0
      ? `未导入：共 ${rows} 行，有 ${errors.length} 处错误，全部未写入`
      : `导入完成：共 ${rows} 行，已导入 ${imported} 行`;
  const lines = [head];
  if (errors.length > 0) {
    lines.push("错误：");
    for (const e of errors) lines.push(`  第 ${e.row} 行“${e.column}”：${e.message}`);
  }
  const years = Object.keys(result.tables);
  if (years.length > 0) {
    lines.push(
      dryRun || errors.length > 0 ? "导入后的表三（本机关，按报告年度）：" : "表三（本机关，按报告年度）：",
    );
    for (const year of years) lines.push(...tableLines(year, result.tables[year] ?? {}));
  }
  return lines;
}
