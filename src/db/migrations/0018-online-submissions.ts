import { type Kysely, sql } from "kysely";

/**
 * Online applications (issue 12): what an applicant submitted on the public portal, waiting in
 * the agency's intake queue (网络申请待确认) until a clerk confirms it (a registered case,
 * `application_id`; the art. 31 receipt date is the confirmation's), rejects it (spam, a
 * duplicate: no case) or the applicant withdraws it. The 查询码 is kept only as its sha256
 * (`query_code_hash`): a reader of the database cannot look a case up with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE online_submissions (
      id text PRIMARY KEY,
      agency_id integer NOT NULL REFERENCES agencies(id),
      query_code_hash text NOT NULL UNIQUE,
      applicant_type text NOT NULL,
      applicant jsonb NOT NULL,
      description text NOT NULL,
      delivery_form text NULL,
      status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'rejected', 'withdrawn')),
      submitted_at timestamptz NOT NULL,
      decided_at timestamptz NULL,
      decided_by integer NULL REFERENCES users(id),
      reject_reason text NULL,
      application_id text NULL UNIQUE REFERENCES applications(id)
    )`.execute(db);
  await sql`CREATE INDEX online_submissions_queue_idx ON online_submissions (agency_id, status, submitted_at)`.execute(
    db,
  );
}
