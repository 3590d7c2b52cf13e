import type { ColumnType, Kysely } from "kysely";
import type { Database } from "../db/schema.ts";

/** The tables of migration 0017 as Kysely sees them (see 0017-documents.ts). */
export interface DocumentBlobTable {
  sha256: string;
  size: number;
  detected_type: string;
  chunk_count: number;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface DocumentChunkTable {
  sha256: string;
  n: number;
  data: ColumnType<Uint8Array, Buffer, never>;
}

export interface DocumentTable {
  id: string;
  owner_kind: "application" | "submission";
  owner_id: string;
  event_seq: number | null;
  kind: string;
  file_name: string;
  declared_type: string | null;
  detected_type: string;
  size: number;
  sha256: string;
  letter_key: string | null;
  uploaded_by: number | null;
  uploaded_at: ColumnType<Date, Date | string, never>;
}

export type DocumentsDatabase = Database & {
  document_blobs: DocumentBlobTable;
  document_chunks: DocumentChunkTable;
  documents: DocumentTable;
};

export function documentsDb(db: Kysely<Database>): Kysely<DocumentsDatabase> {
  return db.withTables<{
    document_blobs: DocumentBlobTable;
    document_chunks: DocumentChunkTable;
    documents: DocumentTable;
  }>();
}

/** Rows of `document_chunks` hold at most this many bytes (1 MiB). */
export const CHUNK_BYTES = 1024 * 1024;
