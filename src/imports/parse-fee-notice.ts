import type { CivilDate } from "../domain/civil-date.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { parseServiceExtras, type ServiceExtras } from "./parse-service-extras.ts";
import { splitCellParts } from "./split-cell-parts.ts";

/**
 * 收费通知日: `通知日`, optionally the applicant's receipt `送达日` (the payment window counts from
 * it) and the sending method: `2025-03-12,送达2025-03-14`.
 */
export function parseFeeNotice(
  value: string | number,
): Parsed<{ notifiedOn: CivilDate } & Pick<ServiceExtras, "sentBy" | "receivedOn">> {
  const [first = "", ...rest] = typeof value === "number" ? [value] : splitCellParts(value);
  const on = parseLedgerDate(first);
  if (!on.ok) return typeof value === "number" || rest.length === 0 ? on : fail(`通知日${on.error}`);
  const extras = parseServiceExtras(rest.map(String), { sentOn: on.value });
  if (!extras.ok) return extras;
  const { sentBy, receivedOn } = extras.value;
  return ok({ notifiedOn: on.value, sentBy, receivedOn });
}
