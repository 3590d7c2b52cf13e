import type { Kysely } from "kysely";
import type { Database } from "../src/db/schema.ts";

/**
 * The daily maintenance deletes the login tokens and web sessions that expired (by the
 * application's clock, as `resolveToken` judges them): an expired token is refused anyway, and
 * the table would otherwise keep one row per login for ever. Answers how many went.
 */
export async function purgeExpiredTokens(db: Kysely<Database>, now: () => Date): Promise<number> {
  const r = await db.deleteFrom("auth_tokens").where("expires_at", "<=", now()).executeTakeFirst();
  return Number(r.numDeletedRows);
}
