import { type Kysely, sql } from "kysely";

/**
 * Notices to the applicant (issue 12, point 3): one row per case event that notifies (receipt,
 * supplement notice, extension, fee notice, reply, re-reply), filled idempotently by the workers'
 * relay from the event log (UNIQUE (application_id, event_seq): a second relay's insert is a
 * no-op), then delivered by mail and SMS, each channel with its status and attempts. The relay's
 * watermark starts now: the events recorded before this migration never notify.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE applicant_notices (
      id bigserial PRIMARY KEY,
      application_id text NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
      event_seq integer NOT NULL,
      kind text NOT NULL,
      effective_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'done', 'cancelled', 'skipped')),
      skip_reason text NULL,
      text text NULL,
      letter_serial text NULL,
      attachment text NULL,
      mail_status text NOT NULL CHECK (mail_status IN ('pending', 'sent', 'failed', 'none', 'cancelled')),
      mail_attempts integer NOT NULL DEFAULT 0,
      mail_sent_at timestamptz NULL,
      mail_error text NULL,
      sms_status text NOT NULL CHECK (sms_status IN ('pending', 'sent', 'failed', 'none', 'cancelled')),
      sms_attempts integer NOT NULL DEFAULT 0,
      sms_sent_at timestamptz NULL,
      sms_error text NULL,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      claimed_until timestamptz NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (application_id, event_seq)
    )`.execute(db);
  await sql`
    CREATE INDEX applicant_notices_due_idx ON applicant_notices (next_attempt_at)
      WHERE status = 'pending'`.execute(db);
  // the relay reads the events entered since its watermark every few seconds: without this index
  // each pass would read the whole log (millions of rows after a ledger import of past years)
  await sql`CREATE INDEX application_events_entered_at_idx ON application_events (entered_at)`.execute(db);
  await sql`
    CREATE TABLE notice_relay (
      name text PRIMARY KEY,
      watermark timestamptz NOT NULL
    )`.execute(db);
  await sql`INSERT INTO notice_relay (name, watermark) VALUES ('applicant-notices', now())`.execute(db);
}
