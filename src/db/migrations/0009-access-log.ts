import { type Kysely, sql } from "kysely";

/**
 * The access log of personal data (issue 10, 《个人信息保护法》): one row per answer that carried
 * an applicant's personal fields in full — the case page for a user of the handling agency, a
 * full ledger export. Who, when, which case (or which export), which fields, the request id. No
 * personal data itself: the fields are named, never copied.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE access_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      user_id integer NOT NULL REFERENCES users(id),
      agency_id integer NOT NULL REFERENCES agencies(id),
      kind text NOT NULL,
      application_id text NULL REFERENCES applications(id) ON DELETE CASCADE,
      fields jsonb NOT NULL,
      case_count integer NOT NULL DEFAULT 1,
      request_id text NULL
    )`.execute(db);
  await sql`CREATE INDEX access_log_agency_at_idx ON access_log (agency_id, at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX access_log_application_idx ON access_log (application_id, at DESC)`.execute(db);
}
