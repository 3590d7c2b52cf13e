import { MAX_SUPPLEMENT_WINDOW_WORKDAYS } from "../../machines/guards.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseWorkdays } from "./parse-workdays.ts";
import { splitCellParts } from "./split-cell-parts.ts";

/** 补正告知日: `YYYY-MM-DD` or `YYYY-MM-DD,N` (N: the supplement window in working days, art. 30). */
export function parseSupplementNotice(
  value: string | number,
): Parsed<{ requestedOn: CivilDate; windowWorkdays?: number | undefined }> {
  if (typeof value === "number") {
    const on = parseLedgerDate(value);
    return on.ok ? ok({ requestedOn: on.value }) : on;
  }
  const parts = splitCellParts(value);
  if (parts.length > 2) return fail(`“${value}”应为“告知日”或“告知日,补正期限工作日数”（如 2025-03-07,15）`);
  const on = parseLedgerDate(parts[0] ?? "");
  if (!on.ok) return on;
  if (parts[1] === undefined || parts[1] === "") return ok({ requestedOn: on.value });
  const n = parseWorkdays(parts[1], 1, MAX_SUPPLEMENT_WINDOW_WORKDAYS, "补正期限");
  return n.ok ? ok({ requestedOn: on.value, windowWorkdays: n.value }) : n;
}
