import { type Kysely, sql } from "kysely";

/**
 * The worklist's order (soonest reply deadline first, NULLs — ended cases — last) read straight
 * from an index, so the first page of an agency with tens of thousands of cases needs no sort.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX applications_worklist_idx ON applications (agency_id, reply_due_on, received_on, id)`.execute(
    db,
  );
}
