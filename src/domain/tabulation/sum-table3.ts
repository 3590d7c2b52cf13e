import { AppError } from "../../app-error.ts";
import { createTable3Accumulator } from "./create-table3-accumulator.ts";
import { type Edition, TABLE3_COLUMNS, type Table3, type Table3Row } from "./table3-types.ts";

export interface SumTable3Options {
  /** Required when `tables` is empty; otherwise it must match the tables' edition. */
  edition?: Edition;
  /** Row 四 of the summed previous year, for check K4. Default: not checked. */
  previousCarriedForward?: Readonly<Table3Row>;
}

/** A supervisor's table 三: the agencies' tables added cell by cell, with its own checks. */
export function sumTable3(tables: readonly Table3[], options: SumTable3Options = {}): Table3 {
  const edition = options.edition ?? tables[0]?.edition;
  if (edition === undefined) {
    throw new AppError("internal", { message: "没有可相加的表三：请指定版式（2019 或 2021）" });
  }
  const sum = createTable3Accumulator(edition);
  for (const table of tables) {
    if (table.edition !== edition) {
      throw new AppError("internal", {
        message: `不能把${table.edition}年版的表三与${edition}年版的相加：各机关须使用同一版式`,
      });
    }
    const rows: Readonly<Record<string, Table3Row>> = table.rows;
    for (const [key, row] of Object.entries(rows)) {
      for (const column of TABLE3_COLUMNS) sum.add(key, column, row[column]);
    }
  }
  return sum.finish(options.previousCarriedForward);
}
