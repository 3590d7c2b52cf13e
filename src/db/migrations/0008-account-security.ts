import type { Kysely } from "kysely";

/** user administration and sessions (issue 10): filled in by the accounts work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
