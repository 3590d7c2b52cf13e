import { type Kysely, sql } from "kysely";

/**
 * Letter settings of an agency, beside its short name (0002): the review body (复议机关) its
 * replies name where the agency tree does not tell it (垂直管理, 行政复议法 art. 27), and the
 * default payment method (缴纳方式) its fee notices print. NULL: derived from the tree / none.
 * Numbered 0007: 0006 is reserved for the lead's migration of issue 9, which must be committed
 * before any database runs this one (kysely refuses a migration older than one already run).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE agencies ADD COLUMN review_body text NULL`.execute(db);
  await sql`ALTER TABLE agencies ADD COLUMN fee_payment_method text NULL`.execute(db);
}
