import { AppError } from "../../app-error.ts";
import { isCivilDate } from "../civil-date.ts";
import { APPEAL_KINDS, APPEAL_RESULTS } from "../vocabulary.ts";
import { editionForYear } from "./edition-for-year.ts";
import { type AppealRecord, TABLE4_COLUMNS, type Table4, type Table4Cells } from "./table4-types.ts";

function zeroCells(): Table4Cells {
  return Object.fromEntries(TABLE4_COLUMNS.map((c) => [c, 0])) as Table4Cells;
}

function assertConsistent(appeal: AppealRecord): void {
  const { id, kind, filedOn, result, resultOn } = appeal;
  const fail = (problem: string): never => {
    throw new AppError("internal", { message: `复议/诉讼“${id}”：${problem}` });
  };
  if (!APPEAL_KINDS.includes(kind)) fail(`类型“${kind}”无效`);
  if (!isCivilDate(filedOn)) fail(`提起日期“${filedOn}”无效`);
  if (resultOn !== null && !isCivilDate(resultOn)) fail(`结果日期“${resultOn}”无效`);
  if (result !== null && !APPEAL_RESULTS.includes(result)) fail(`结果“${result}”无效`);
  if (result !== null && resultOn === null) fail(`有结果（${result}）却没有结果日期`);
  if (result === null && resultOn !== null) fail(`有结果日期（${resultOn}）却没有结果`);
  if (resultOn !== null && resultOn < filedOn) fail(`结果日期 ${resultOn} 早于提起日期 ${filedOn}`);
}

/**
 * Table 四 for report year `year`. Counting policy (DOMAIN.md §8): reviews and lawsuits filed in
 * the year, with their result as of 31 December; no result by then is 尚未审结 (`pending`).
 */
export function tabulateTable4(appeals: readonly AppealRecord[], year: number): Table4 {
  editionForYear(year); // validates the year
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const table: Table4 = {
    administrative_review: zeroCells(),
    litigation_direct: zeroCells(),
    litigation_after_review: zeroCells(),
  };
  const seen = new Set<string>();
  for (const appeal of appeals) {
    assertConsistent(appeal);
    if (seen.has(appeal.id)) {
      throw new AppError("internal", { message: `复议/诉讼“${appeal.id}”重复出现：每件只能计入一次` });
    }
    seen.add(appeal.id);
    if (appeal.filedOn < first || appeal.filedOn > last) continue;
    const cells = table[appeal.kind];
    const resultByYearEnd = appeal.resultOn !== null && appeal.resultOn <= last ? appeal.result : null;
    cells[resultByYearEnd ?? "pending"] += 1;
    cells.total += 1;
  }
  return table;
}
