import type { Kysely } from "kysely";

/** letters issued by POST and frozen (issue 10): filled in by the letters work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
