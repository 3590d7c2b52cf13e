import { sql } from "kysely";
import type { Db } from "../services/case-store.ts";

/**
 * The agency's cases before an import: their ids (kept in the tables beside the imported ones),
 * and the numbers an imported row may not reuse, each with the tracking number of the case that
 * has it: every tracking number, and every ledger number kept at registration (an earlier import).
 */
export async function loadAgencyCases(
  db: Db,
  agencyId: number,
): Promise<{ ids: Set<string>; numbers: Map<string, string> }> {
  const rows = await db
    .selectFrom("applications as a")
    .leftJoin("application_events as e", (join) =>
      join
        .onRef("e.application_id", "=", "a.id")
        .on("e.seq", "=", 1)
        .on("e.type", "=", "application.registered"),
    )
    .select(["a.id", "a.tracking_no", sql<string | null>`e.payload->>'ledgerNo'`.as("ledger_no")])
    .where("a.agency_id", "=", agencyId)
    .execute();
  const numbers = new Map<string, string>();
  for (const r of rows) {
    numbers.set(r.tracking_no, r.tracking_no);
    if (r.ledger_no) numbers.set(r.ledger_no, r.tracking_no);
  }
  return { ids: new Set(rows.map((r) => r.id)), numbers };
}
