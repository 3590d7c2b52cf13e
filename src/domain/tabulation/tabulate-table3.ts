import { AppError } from "../../app-error.ts";
import { classifyForTable3 } from "./classify-for-table3.ts";
import { createTable3Accumulator } from "./create-table3-accumulator.ts";
import { editionForYear } from "./edition-for-year.ts";
import type { Edition, Table3, Table3Record, Table3Row } from "./table3-types.ts";

export interface TabulateTable3Options {
  /** Default: the edition of the year (editionForYear). */
  edition?: Edition;
  /** Row 四 of the closed previous year, for check K4. Default: not checked. */
  previousCarriedForward?: Readonly<Table3Row>;
}

/**
 * Table 三 of one agency for report year `year` (DOMAIN.md §7), from its applications. Each
 * application adds 1 (a record's `count`, for a group) to its applicant type's cell and,
 * separately, to `total` in every row classifyForTable3 puts it in, so K2 and K3 compare
 * independently counted figures.
 */
export function tabulateTable3(
  records: readonly Table3Record[],
  year: number,
  options: TabulateTable3Options = {},
): Table3 {
  const yearEdition = editionForYear(year); // validates the year even when an edition is given
  const edition = options.edition ?? yearEdition;
  const table = createTable3Accumulator(edition);
  const seen = new Set<string>();
  for (const record of records) {
    if (seen.has(record.id)) {
      throw new AppError("internal", { message: `申请“${record.id}”重复出现：每件申请只能计入一次` });
    }
    seen.add(record.id);
    const count = record.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 1) {
      throw new AppError("internal", { message: `申请“${record.id}”的件数“${count}”无效：应为正整数` });
    }
    for (const key of classifyForTable3(record, year, edition)) {
      table.add(key, record.applicantType, count);
      table.add(key, "total", count);
    }
  }
  return table.finish(options.previousCarriedForward);
}
