import { type Kysely, sql } from "kysely";

/**
 * The 审批 queue: the kind of the handler's proposal waiting for the approver ('decision' or
 * 'extension'), copied from the snapshot's facts at every save so the list can filter on it.
 * Existing cases have no proposal: NULL is right for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE applications ADD COLUMN awaiting_approval text NULL`.execute(db);
  await sql`ALTER TABLE applications ADD CONSTRAINT applications_awaiting_approval_check CHECK (awaiting_approval IN ('decision', 'extension'))`.execute(
    db,
  );
  await sql`CREATE INDEX applications_awaiting_approval_idx ON applications (agency_id, reply_due_on) WHERE awaiting_approval IS NOT NULL`.execute(
    db,
  );
}
