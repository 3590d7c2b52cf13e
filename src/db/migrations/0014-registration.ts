import { type Kysely, sql } from "kysely";

/**
 * The 挂号单号 of a posted application (channel `post`, issue 11): the evidence of its receipt
 * besides the date, kept with the registration and corrected by `amend_registration`. Existing
 * cases have none recorded: NULL is right for them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE applications ADD COLUMN mail_tracking_no text NULL`.execute(db);
}
