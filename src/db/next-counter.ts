import { type Kysely, sql } from "kysely";
import type { Database } from "./schema.ts";

/** The next number of a sequence (1, 2, …), atomic under concurrent transactions. */
export async function nextCounter(db: Kysely<Database>, scope: string): Promise<number> {
  const row = await db
    .insertInto("counters")
    .values({ scope, value: 1 })
    .onConflict((oc) => oc.column("scope").doUpdateSet({ value: sql`counters.value + 1` }))
    .returning("value")
    .executeTakeFirstOrThrow();
  return row.value;
}
