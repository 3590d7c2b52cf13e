import { table3Layout } from "../domain/tabulation/table3-layout.ts";
import { TABLE4_COLUMNS } from "../domain/tabulation/table4-types.ts";
import { APPEAL_KINDS } from "../domain/vocabulary.ts";
import { type AnnualReport, REPORT_TEXT_KEYS, type ReportChange } from "./report-types.ts";
import { table2Cells } from "./table2/table2-layout.ts";

/**
 * Every figure and text that differs between two reports of the same year (an amendment's
 * changes against the previous version), in document order: 二, 三, 四, then the texts.
 */
export function diffReports(before: AnnualReport, after: AnnualReport): ReportChange[] {
  const changes: ReportChange[] = [];
  for (const { row, column } of table2Cells(after.edition)) {
    const from = before.table2[row]?.[column] ?? 0;
    const to = after.table2[row]?.[column] ?? 0;
    if (from !== to) changes.push({ table: "二", row, column, from, to });
  }
  for (const row of table3Layout(after.edition).rows) {
    if (row.kind !== "data") continue;
    for (const column of after.table3.columns) {
      const from = before.table3.rows[row.key]?.[column] ?? 0;
      const to = after.table3.rows[row.key]?.[column] ?? 0;
      if (from !== to) changes.push({ table: "三", row: row.key, column, from, to });
    }
  }
  for (const kind of APPEAL_KINDS) {
    for (const column of TABLE4_COLUMNS) {
      const from = before.table4[kind][column];
      const to = after.table4[kind][column];
      if (from !== to) changes.push({ table: "四", row: kind, column, from, to });
    }
  }
  for (const key of REPORT_TEXT_KEYS) {
    if (before.texts[key] !== after.texts[key]) {
      changes.push({
        table: "文字",
        row: key,
        column: "text",
        from: before.texts[key],
        to: after.texts[key],
      });
    }
  }
  return changes;
}
