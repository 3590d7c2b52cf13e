import { type Kysely, sql } from "kysely";

/**
 * An action's UPDATE of its case row is HOT (issue 13): PostgreSQL writes the new row version on
 * the same page and touches no index, provided no indexed column (key or partial-index predicate)
 * changes. A consultation step, an extension, a fee notice … move the reply date and the
 * worklist clock (reply_due_on, next_due_on, notice_due_on), so no index keys on them any more:
 * the agency's cases are found by (agency_id, state) or (agency_id, received_on) and the
 * worklist's order is a top-N sort of those rows (its count reads them all anyway). The approval
 * queue's partial index keeps its predicate (awaiting_approval changes only with a proposal or
 * a decision, which are not HOT anyway). A fill factor of 70 leaves each page room for the new
 * versions (new pages; existing ones as they are rewritten).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS applications_worklist_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS applications_agency_state_due_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS applications_awaiting_approval_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS applications_todo_idx`.execute(db);
  await sql`CREATE INDEX applications_agency_state_idx ON applications (agency_id, state)`.execute(db);
  await sql`CREATE INDEX applications_awaiting_idx ON applications (agency_id) WHERE awaiting_approval IS NOT NULL`.execute(
    db,
  );
  await sql`ALTER TABLE applications SET (fillfactor = 70)`.execute(db);
}
