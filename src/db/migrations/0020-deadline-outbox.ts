import { type Kysely, sql } from "kysely";

/**
 * Job planning off the request path (issue 13). The statement that writes a case also writes,
 * when its deadline rows changed, ONE outbox entry: the job ids of the rows it inserted and of
 * the pending rows it deleted. The workers relay the entries to BullMQ in batches
 * (`workers/relay-deadline-outbox.ts`) and delete them; the API process never calls Redis for a
 * case write. The deadline rows stay the truth: the relay adds a job only for a row that is
 * pending when it reads it, and removes the job of a row that is gone.
 *
 * The pending rows of one case are found by (application_id, status): the action's read and its
 * DELETE asked the planner to AND the partial `(run_on) WHERE pending` index, every pending row
 * of every case, with the per-case index; the composite index answers them alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE deadline_job_outbox (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id text NOT NULL,
    added text[] NOT NULL,
    dropped text[] NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`.execute(db);
  await sql`CREATE INDEX deadline_jobs_application_status_idx ON deadline_jobs (application_id, status)`.execute(
    db,
  );
  await sql`DROP INDEX IF EXISTS deadline_jobs_application_idx`.execute(db);
}
