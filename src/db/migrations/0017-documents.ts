import { type Kysely, sql } from "kysely";

/**
 * Case documents (issue 12): files kept in the database, content-addressed, so every `ogi serve`
 * node sees the same files and a backup of PostgreSQL is a backup of everything.
 *
 * - `document_blobs`: one row per distinct content (sha256 hex), its size and detected type;
 *   identical files are stored once.
 * - `document_chunks`: the content in rows of at most 1 MiB (`n` from 0), so neither a write nor
 *   a read holds a whole file in memory.
 * - `documents`: what a case (or, for the public portal, an online submission before it becomes
 *   a case) holds: `owner_kind` `application` | `submission` and `owner_id` (no foreign key: the
 *   submissions table is the portal's), the event it belongs to (`event_seq`), its kind, the file
 *   name and type as sent, the type detected from the content, who uploaded it and when.
 *   `letter_key` is set on the PDF an issued letter is frozen as (`letters.kind`): one per letter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE document_blobs (
      sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL CHECK (size > 0),
      detected_type text NOT NULL,
      chunk_count integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE document_chunks (
      sha256 text NOT NULL REFERENCES document_blobs(sha256) ON DELETE CASCADE,
      n integer NOT NULL,
      data bytea NOT NULL,
      PRIMARY KEY (sha256, n)
    )`.execute(db);
  // PDFs and scans are compressed already; uncompressed out-of-line storage lets a read take a
  // slice of a chunk without decompressing all of it
  await sql`ALTER TABLE document_chunks ALTER COLUMN data SET STORAGE EXTERNAL`.execute(db);
  await sql`
    CREATE TABLE documents (
      id text PRIMARY KEY,
      owner_kind text NOT NULL CHECK (owner_kind IN ('application', 'submission')),
      owner_id text NOT NULL,
      event_seq integer NULL,
      kind text NOT NULL,
      file_name text NOT NULL,
      declared_type text NULL,
      detected_type text NOT NULL,
      size bigint NOT NULL,
      sha256 text NOT NULL REFERENCES document_blobs(sha256),
      letter_key text NULL,
      uploaded_by integer NULL REFERENCES users(id),
      uploaded_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX documents_owner_idx ON documents (owner_kind, owner_id, uploaded_at, id)`.execute(
    db,
  );
  await sql`CREATE INDEX documents_sha256_idx ON documents (sha256)`.execute(db);
  await sql`
    CREATE UNIQUE INDEX documents_letter_idx ON documents (owner_kind, owner_id, letter_key)
    WHERE letter_key IS NOT NULL`.execute(db);
}
