import type { CivilDate } from "../domain/civil-date.ts";
import { MAX_EXTENSION_WORKDAYS } from "../domain/statute.ts";
import { LEDGER_EXTENSION_REASON } from "./ledger-columns.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseWorkdays } from "./parse-workdays.ts";
import { splitCellParts } from "./split-cell-parts.ts";

/** The API's limit of a reason (TEXT_LIMITS.reason). */
const MAX_REASON = 1000;

/** 延期: `YYYY-MM-DD,N` or `YYYY-MM-DD,N,理由` (approval date, 1–20 working days, art. 33). */
export function parseExtension(value: string): Parsed<{ on: CivilDate; workdays: number; reason: string }> {
  // The reason may itself contain commas: only the first two separate fields.
  const [dateText = "", daysText, reasonText] = splitCellParts(value, 3);
  if (daysText === undefined || daysText === "") {
    return fail(`“${value}”应为“批准日,工作日数”，可加“,理由”（如 2025-04-01,15,涉及档案较多）`);
  }
  const on = parseLedgerDate(dateText);
  if (!on.ok) return fail(`批准日${on.error}`);
  const workdays = parseWorkdays(daysText, 1, MAX_EXTENSION_WORKDAYS, "延长的工作日数");
  if (!workdays.ok)
    return fail(`${workdays.error}（《条例》第三十三条：最长不超过 ${MAX_EXTENSION_WORKDAYS} 个工作日）`);
  const reason = reasonText?.trim() || LEDGER_EXTENSION_REASON;
  if (reason.length > MAX_REASON) return fail(`延期理由不能超过 ${MAX_REASON} 个字符`);
  return ok({ on: on.value, workdays: workdays.value, reason });
}
