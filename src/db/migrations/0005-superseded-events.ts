import { type Kysely, sql } from "kysely";

/**
 * Automatic events are consequences (DOMAIN.md §5): when a backdated action or a calendar
 * correction means the history no longer owes one, the log keeps it, marked superseded by the
 * entry that caused it. Existing events are not superseded: NULL is right for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE application_events ADD COLUMN superseded_by_seq integer NULL`.execute(db);
  await sql`ALTER TABLE application_events ADD COLUMN superseded_at timestamptz NULL`.execute(db);
}
