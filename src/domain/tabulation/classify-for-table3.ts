import { AppError } from "../../app-error.ts";
import { isCivilDate } from "../civil-date.ts";
import { isOutcomeId, type OutcomeId } from "../outcomes.ts";
import { APPLICANT_TYPES } from "../vocabulary.ts";
import { editionForYear } from "./edition-for-year.ts";
import { table3Layout } from "./table3-layout.ts";
import type { Edition, Table3Record, Table3RowKey } from "./table3-types.ts";

const OUTCOME_ROWS = new Map<Edition, ReadonlyMap<OutcomeId, Table3RowKey>>();

function outcomeRow(outcome: OutcomeId, edition: Edition): Table3RowKey {
  let rows = OUTCOME_ROWS.get(edition);
  if (rows === undefined) {
    const map = new Map<OutcomeId, Table3RowKey>();
    for (const row of table3Layout(edition).rows) {
      if (row.kind === "data") for (const o of row.outcomes) map.set(o, row.key);
    }
    rows = map;
    OUTCOME_ROWS.set(edition, rows);
  }
  const key = rows.get(outcome);
  if (key === undefined) {
    throw new AppError("internal", { message: `${edition}年版表三没有办理结果“${outcome}”所在的行` });
  }
  return key;
}

function assertConsistent(record: Table3Record): void {
  const { id, applicantType, receivedOn, outcome, dispositionOn } = record;
  const fail = (problem: string): never => {
    throw new AppError("internal", { message: `申请“${id}”：${problem}` });
  };
  if (!APPLICANT_TYPES.includes(applicantType)) fail(`申请人情况“${applicantType}”无效`);
  if (!isCivilDate(receivedOn)) fail(`收到申请日期“${receivedOn}”无效`);
  if (dispositionOn !== null && !isCivilDate(dispositionOn)) fail(`办结日期“${dispositionOn}”无效`);
  if (outcome !== null && !isOutcomeId(outcome)) fail(`办理结果“${outcome}”无效`);
  if (outcome !== null && dispositionOn === null) fail(`有办理结果（${outcome}）却没有办结日期`);
  if (outcome === null && dispositionOn !== null) fail(`有办结日期（${dispositionOn}）却没有办理结果`);
  if (dispositionOn !== null && dispositionOn < receivedOn) {
    fail(`办结日期 ${dispositionOn} 早于收到申请日期 ${receivedOn}`);
  }
}

/**
 * The rows of table 三 for year `year` in which one application counts (DOMAIN.md §7). The one
 * rule behind both the counts and the drill-down to a cell's applications. An application
 * disposed of in the year also counts in `result_total`. Throws on an inconsistent record.
 */
export function classifyForTable3(record: Table3Record, year: number, edition?: Edition): Table3RowKey[] {
  const yearEdition = editionForYear(year);
  assertConsistent(record);
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const { receivedOn, outcome, dispositionOn } = record;
  const rows: Table3RowKey[] = [];
  if (receivedOn > last) return rows;
  if (receivedOn >= first) rows.push("new_received");
  else if (dispositionOn === null || dispositionOn >= first) rows.push("carried_over");
  if (outcome !== null && dispositionOn !== null && dispositionOn >= first && dispositionOn <= last) {
    rows.push(outcomeRow(outcome, edition ?? yearEdition), "result_total");
  }
  if (dispositionOn === null || dispositionOn > last) rows.push("carried_forward");
  return rows;
}
