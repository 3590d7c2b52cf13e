import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import type { Table3Record } from "../domain/tabulation/table3-types.ts";
import { tabulateTable3 } from "../domain/tabulation/tabulate-table3.ts";
import type { ApplicantType } from "../domain/vocabulary.ts";
import type { Db } from "../services/case-store.ts";
import type { Table3Rows } from "./ledger-types.ts";

/**
 * The agency's table 三 rows for each year, counted by the domain tabulator (classifyForTable3,
 * the report's one rule) over the cases as written, read through `db` — inside the import's
 * transaction, so they include what the import wrote and not yet committed. Only the cases
 * `counts` keeps: the agency's earlier ones and those of the rows that passed (a refused row may
 * have left part of its writes behind).
 */
export async function tabulateLedgerYears(
  db: Db,
  agencyId: number,
  years: Iterable<number>,
  counts: (id: string) => boolean,
): Promise<Record<string, Table3Rows>> {
  const rows = await db
    .selectFrom("applications")
    .select(["id", "applicant_type", "received_on", "outcome", "disposition_on"])
    .where("agency_id", "=", agencyId)
    .execute();
  const records: Table3Record[] = rows
    .filter((r) => counts(r.id))
    .map((r) => ({
      id: r.id,
      applicantType: r.applicant_type as ApplicantType,
      receivedOn: r.received_on as CivilDate,
      outcome: r.outcome as OutcomeId | null,
      dispositionOn: r.disposition_on as CivilDate | null,
    }));
  const tables: Record<string, Table3Rows> = {};
  for (const year of [...years].sort((a, b) => a - b)) {
    tables[String(year)] = tabulateTable3(records, year).rows as Table3Rows;
  }
  return tables;
}
