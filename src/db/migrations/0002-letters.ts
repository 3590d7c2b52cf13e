import { type Kysely, sql } from "kysely";

/**
 * Letters (DOMAIN.md §10): the serial number of each letter of a case, assigned once per
 * (application, letter) from a per-agency yearly sequence per family (the word of the number:
 * 公开, 公开补, …), so two letters never share a number and a letter keeps its number. And the
 * short name an agency prints in its numbers (“嵋阳镇公开〔2026〕第3号”).
 */
const STATEMENTS = `
    CREATE TABLE letters (
      id bigserial PRIMARY KEY,
      application_id text NOT NULL REFERENCES applications(id),
      agency_id integer NOT NULL REFERENCES agencies(id),
      kind text NOT NULL,
      family text NOT NULL,
      year integer NOT NULL,
      serial integer NOT NULL CHECK (serial > 0),
      letter_date date NOT NULL,
      created_by integer REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (agency_id, year, family, serial),
      UNIQUE (application_id, kind)
    );
    ALTER TABLE agencies ADD COLUMN short_name text
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS.split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    await sql.raw(statement).execute(db);
  }
}
