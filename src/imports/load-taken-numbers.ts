import { sql } from "kysely";
import type { Db } from "../services/case-store.ts";

/**
 * The numbers an imported row may not reuse, with the tracking number of the agency's case that
 * has it: every tracking number, and every ledger number kept at registration (an earlier import).
 */
export async function loadTakenNumbers(db: Db, agencyId: number): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("applications as a")
    .leftJoin("application_events as e", (join) =>
      join
        .onRef("e.application_id", "=", "a.id")
        .on("e.seq", "=", 1)
        .on("e.type", "=", "application.registered"),
    )
    .select(["a.tracking_no", sql<string | null>`e.payload->>'ledgerNo'`.as("ledger_no")])
    .where("a.agency_id", "=", agencyId)
    .execute();
  const taken = new Map<string, string>();
  for (const r of rows) {
    taken.set(r.tracking_no, r.tracking_no);
    if (r.ledger_no) taken.set(r.ledger_no, r.tracking_no);
  }
  return taken;
}
