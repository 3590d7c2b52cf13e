import { type Kysely, sql } from "kysely";

const STATEMENTS = `
    CREATE TABLE agencies (
      id serial PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('government', 'department', 'township')),
      parent_id integer REFERENCES agencies(id),
      path text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX agencies_path_idx ON agencies (path text_pattern_ops);

    CREATE TABLE users (
      id serial PRIMARY KEY,
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      display_name text NOT NULL,
      email text,
      agency_id integer REFERENCES agencies(id),
      roles jsonb NOT NULL DEFAULT '[]',
      is_system_admin boolean NOT NULL DEFAULT false,
      is_disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (is_system_admin OR agency_id IS NOT NULL)
    );

    CREATE TABLE auth_tokens (
      token_hash text PRIMARY KEY,
      user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('bearer', 'session')),
      csrf_token text,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE applications (
      id text PRIMARY KEY,
      tracking_no text NOT NULL UNIQUE,
      agency_id integer NOT NULL REFERENCES agencies(id),
      channel text NOT NULL,
      applicant_type text NOT NULL,
      applicant jsonb NOT NULL,
      description text NOT NULL,
      delivery_form text,
      handler_user_id integer REFERENCES users(id),
      received_on date NOT NULL,
      state text NOT NULL,
      outcome text,
      disposition_on date,
      reply_due_on date,
      snapshot jsonb NOT NULL,
      version integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((outcome IS NULL) = (disposition_on IS NULL))
    );
    CREATE INDEX applications_agency_received_idx ON applications (agency_id, received_on);
    CREATE INDEX applications_agency_state_due_idx ON applications (agency_id, state, reply_due_on);
    CREATE INDEX applications_agency_disposition_idx ON applications (agency_id, disposition_on);

    CREATE TABLE application_events (
      id bigserial PRIMARY KEY,
      application_id text NOT NULL REFERENCES applications(id),
      seq integer NOT NULL,
      type text NOT NULL,
      actor_user_id integer REFERENCES users(id),
      actor_name text NOT NULL,
      entered_at timestamptz NOT NULL DEFAULT now(),
      effective_on date NOT NULL,
      payload jsonb NOT NULL,
      reason text,
      UNIQUE (application_id, seq)
    );

    CREATE TABLE deadline_jobs (
      job_id text PRIMARY KEY,
      application_id text NOT NULL REFERENCES applications(id),
      kind text NOT NULL,
      run_on date NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'done', 'cancelled')),
      done_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX deadline_jobs_pending_idx ON deadline_jobs (run_on) WHERE status = 'pending';
    CREATE INDEX deadline_jobs_application_idx ON deadline_jobs (application_id);

    CREATE TABLE sent_notifications (
      notification_key text PRIMARY KEY,
      application_id text REFERENCES applications(id),
      recipients text NOT NULL,
      subject text NOT NULL,
      sent_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE appeals (
      id text PRIMARY KEY,
      application_id text NOT NULL REFERENCES applications(id),
      kind text NOT NULL CHECK (kind IN ('administrative_review', 'litigation_direct', 'litigation_after_review')),
      filed_on date NOT NULL,
      result text CHECK (result IN ('upheld', 'corrected', 'other')),
      result_on date,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((result IS NULL) = (result_on IS NULL))
    );
    CREATE INDEX appeals_application_idx ON appeals (application_id);

    CREATE TABLE calendar_years (
      year integer PRIMARY KEY,
      data jsonb NOT NULL,
      provisional boolean NOT NULL,
      source text NOT NULL,
      updated_by integer REFERENCES users(id),
      updated_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE counters (
      scope text PRIMARY KEY,
      value integer NOT NULL
    );

    CREATE TABLE report_figures (
      agency_id integer NOT NULL REFERENCES agencies(id),
      year integer NOT NULL,
      data jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, year)
    );

    CREATE TABLE report_versions (
      agency_id integer NOT NULL REFERENCES agencies(id),
      year integer NOT NULL,
      version integer NOT NULL,
      data jsonb NOT NULL,
      reason text,
      closed_by integer REFERENCES users(id),
      closed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (agency_id, year, version)
    );
`;

/** One statement at a time: prepared statements (PGlite, pg) take a single command each. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS.split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
