import type { CivilDate } from "../domain/civil-date.ts";
import { fail, ok, type Parsed } from "./ledger-types.ts";
import { parseLedgerDate } from "./parse-ledger-date.ts";
import { splitCellParts } from "./split-cell-parts.ts";

/** 收费通知日: `YYYY-MM-DD`, or `YYYY-MM-DD,YYYY-MM-DD` (sent, received by the applicant). */
export function parseFeeNotice(
  value: string | number,
): Parsed<{ notifiedOn: CivilDate; receivedByApplicantOn?: CivilDate | undefined }> {
  if (typeof value === "number") {
    const on = parseLedgerDate(value);
    return on.ok ? ok({ notifiedOn: on.value }) : on;
  }
  const parts = splitCellParts(value);
  if (parts.length > 2)
    return fail(`“${value}”应为“通知日”或“通知日,申请人收到日”（如 2025-03-12,2025-03-14）`);
  const on = parseLedgerDate(parts[0] ?? "");
  if (!on.ok) return on;
  if (parts[1] === undefined || parts[1] === "") return ok({ notifiedOn: on.value });
  const received = parseLedgerDate(parts[1]);
  if (!received.ok) return fail(`申请人收到日${received.error}`);
  if (received.value < on.value) {
    return fail(`申请人收到日 ${received.value} 早于收费通知日 ${on.value}`);
  }
  return ok({ notifiedOn: on.value, receivedByApplicantOn: received.value });
}
