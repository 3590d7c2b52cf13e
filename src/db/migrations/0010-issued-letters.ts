import { type Kysely, sql } from "kysely";

/**
 * Letters are issued by POST and frozen (issue 10): the row of `letters` (0002) that gives a
 * letter its number now also keeps the DOCX issued (its bytes and file name), so a download
 * gives exactly what was issued, whatever the case or the agency's settings become later; and
 * the number as printed (`serial_no`: the short name may change, the issued number does not).
 * `created_by`/`created_at` of 0002 are who issued it and when. Rows numbered before this
 * migration (by a download) have no document: they are issued, and rendered on download.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE letters ADD COLUMN document bytea NULL`.execute(db);
  await sql`ALTER TABLE letters ADD COLUMN filename text NULL`.execute(db);
  await sql`ALTER TABLE letters ADD COLUMN serial_no text NULL`.execute(db);
}
