import { AppError } from "../../app-error.ts";
import { classifyForTable3 } from "./classify-for-table3.ts";
import { editionForYear } from "./edition-for-year.ts";
import { table3Layout } from "./table3-layout.ts";
import { type Edition, TABLE3_COLUMNS, type Table3Column, type Table3Record } from "./table3-types.ts";

/**
 * The ids of the applications behind one cell of table 三 (the drill-down of API.md
 * `/cells/:row/:column`), by the same classification that counts them.
 */
export function cellMembers(
  records: readonly Table3Record[],
  year: number,
  rowKey: string,
  column: Table3Column,
  editionOverride?: Edition,
): string[] {
  const edition = editionOverride ?? editionForYear(year);
  editionForYear(year); // validates the year even when an edition is given
  if (!table3Layout(edition).rows.some((row) => row.kind === "data" && row.key === rowKey)) {
    throw new AppError("not_found", { message: `${edition}年版表三没有行“${rowKey}”` });
  }
  if (!TABLE3_COLUMNS.includes(column)) {
    throw new AppError("not_found", { message: `表三没有列“${column}”` });
  }
  return records
    .filter((record) => {
      const rows: readonly string[] = classifyForTable3(record, year, edition);
      return rows.includes(rowKey) && (column === "total" || record.applicantType === column);
    })
    .map((record) => record.id);
}
