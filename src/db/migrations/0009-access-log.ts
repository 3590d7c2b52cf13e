import type { Kysely } from "kysely";

/** the access log of personal data (issue 10): filled in by the personal-data work. */
export async function up(_db: Kysely<unknown>): Promise<void> {}
