import { type Kysely, sql } from "kysely";

/**
 * User administration and sessions (issue 10): a password an administrator set must be changed
 * at the next login; the account audit records every administrative action on an account (who,
 * when, on whom, what; never a password). And the bearer tokens that web logins used to issue
 * beside their session (a session login now issues only the cookie) are revoked: a bearer token
 * created within seconds before a session of the same user was a web login's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`.execute(db);
  await sql`
    CREATE TABLE account_audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_user_id integer REFERENCES users(id),
      target_user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      action text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX account_audit_target_idx ON account_audit (target_user_id, at DESC)`.execute(db);
  await sql`CREATE INDEX account_audit_at_idx ON account_audit (at DESC)`.execute(db);
  await sql`
    DELETE FROM auth_tokens b
     WHERE b.kind = 'bearer'
       AND EXISTS (SELECT 1 FROM auth_tokens s
                    WHERE s.kind = 'session' AND s.user_id = b.user_id
                      AND s.created_at >= b.created_at
                      AND s.created_at < b.created_at + interval '5 seconds')`.execute(db);
}
