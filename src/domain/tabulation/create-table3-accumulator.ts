import { AppError } from "../../app-error.ts";
import { runTable3Checks } from "./run-table3-checks.ts";
import { table3Layout } from "./table3-layout.ts";
import {
  type Edition,
  TABLE3_COLUMNS,
  type Table3,
  type Table3Column,
  type Table3Row,
} from "./table3-types.ts";

export interface Table3Accumulator {
  /** Adds `amount` to one cell; throws for a row the edition does not have. */
  add(key: string, column: Table3Column, amount: number): void;
  /** The finished table with its checks K1–K5. */
  finish(previousCarriedForward?: Readonly<Table3Row>): Table3;
}

function zeroRow(): Table3Row {
  return Object.fromEntries(TABLE3_COLUMNS.map((c) => [c, 0])) as Table3Row;
}

/** The rows are exactly the edition's data rows (true by construction; checked for the type). */
function hasEditionRows(table: Omit<Table3, "rows"> & { rows: Record<string, Table3Row> }): table is Table3 {
  const keys = dataKeys(table.edition);
  const present = Object.keys(table.rows);
  return present.length === keys.length && keys.every((key) => key in table.rows);
}

function dataKeys(edition: Edition): string[] {
  return table3Layout(edition).rows.flatMap((row) => (row.kind === "data" ? [row.key] : []));
}

/**
 * An all-zero table 三 of an edition, with every row and column present, to be filled cell by cell
 * by the tabulator or by a sum over agencies.
 */
export function createTable3Accumulator(edition: Edition): Table3Accumulator {
  const rows = new Map<string, Table3Row>(dataKeys(edition).map((key) => [key, zeroRow()]));
  return {
    add(key, column, amount) {
      const row = rows.get(key);
      if (row === undefined) throw new AppError("internal", { message: `${edition}年版表三没有行“${key}”` });
      row[column] += amount;
    },
    finish(previousCarriedForward) {
      const table = { edition, rows: Object.fromEntries([...rows].map(([k, row]) => [k, { ...row }])) };
      const result = {
        ...table,
        columns: [...TABLE3_COLUMNS],
        checks: runTable3Checks(table, previousCarriedForward),
      };
      if (!hasEditionRows(result)) {
        throw new AppError("internal", { message: `${edition}年版表三的行不完整` });
      }
      return result;
    },
  };
}
