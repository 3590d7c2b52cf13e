import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { computeLiveFigures } from "../reports/compute-live-figures.ts";
import type { Table3Rows } from "./ledger-types.ts";

/**
 * The agency's table 三 rows for each year, as the report computes them now (its one grouped
 * query and the domain tabulator), read through `db` — inside the import's transaction, so the
 * figures include what the import wrote and not yet committed.
 */
export async function tabulateLedgerYears(
  db: Kysely<Database>,
  agencyId: number,
  years: Iterable<number>,
): Promise<Record<string, Table3Rows>> {
  const tables: Record<string, Table3Rows> = {};
  for (const year of [...years].sort((a, b) => a - b)) {
    const figures = await computeLiveFigures(db, { ids: [agencyId] }, year);
    const table3 = figures.get(agencyId)?.table3;
    if (table3) tables[String(year)] = table3.rows as Table3Rows;
  }
  return tables;
}
