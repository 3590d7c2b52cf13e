import { MAX_SUPPLEMENT_WINDOW_WORKDAYS } from "../../machines/guards.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseServiceExtras, type ServiceExtras } from "./parse-service-extras.ts";
import { splitCellParts } from "./split-cell-parts.ts";

/**
 * 补正告知日: `发出日`, then optionally the window in working days (art. 30), the applicant's
 * receipt `送达日` and the sending method: `2025-03-04,15,送达2025-03-07`. A posted notice's window
 * counts from its receipt (DOMAIN.md §5): without one it never ends by itself.
 */
export function parseSupplementNotice(
  value: string | number,
): Parsed<{ requestedOn: CivilDate } & Omit<ServiceExtras, "dueOn">> {
  const [first = "", ...rest] = typeof value === "number" ? [value] : splitCellParts(value);
  const on = parseLedgerDate(first);
  if (!on.ok) return typeof value === "number" || rest.length === 0 ? on : fail(`告知日${on.error}`);
  const extras = parseServiceExtras(rest.map(String), {
    sentOn: on.value,
    window: { min: 1, max: MAX_SUPPLEMENT_WINDOW_WORKDAYS, what: "补正期限" },
  });
  return extras.ok ? ok({ requestedOn: on.value, ...extras.value }) : extras;
}
