/**
 * The document store (issue 12): files of a case, or of an online submission before it becomes
 * a case, kept in the database content-addressed (sha256), in chunks of at most 1 MiB. The
 * contract the staff API and the public portal both call:
 *
 * - `saveDocument(db, input)`: streams the content to a temporary file (hash, size, type from
 *   the content), then ONE transaction stores the blob once (deduplicated) and the document row.
 *   A failure at any point writes nothing.
 * - `spoolUpload` + `storeSpooled(trx, …)`: the same in two steps, for a caller that creates
 *   the owner in the same transaction (the portal: the submission and its files together).
 * - `openDocument(db, owner, id)`: the document and a stream of its content, chunk by chunk.
 * - `listDocuments`, `ownerTotalBytes`, `reattachDocuments` (a submission's files to the case
 *   created from it, in the caller's transaction).
 *
 * Authorization is the caller's: the store never checks who asks.
 */
import { randomUUID } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { type Kysely, type Selectable, sql } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { DOCUMENT_TYPES, type DocumentKind, type DocumentType } from "../domain/document-kinds.ts";
import { CHUNK_BYTES, type DocumentTable, documentsDb } from "./document-tables.ts";
import { megabytes, type SpooledFile, spoolUpload } from "./spool-upload.ts";

export { type SpooledFile, spoolUpload } from "./spool-upload.ts";

/** Who holds a document: a registered case, or an online submission not yet confirmed. */
export interface DocumentOwner {
  kind: "application" | "submission";
  /** `applications.id`, or the portal's submission id. */
  id: string;
}

/** A stored document, without its content. */
export interface StoredDocument {
  id: string;
  owner: DocumentOwner;
  /** The case event it belongs to (`application_events.seq`), if any. */
  eventSeq: number | null;
  kind: DocumentKind;
  /** The file name as sent. */
  fileName: string;
  /** The name to download it under: the name as sent, its extension the detected type's. */
  downloadName: string;
  /** The media type the client declared (not trusted, kept for the record). */
  declaredType: string | null;
  /** The type read from the content: what it is served as. */
  detectedType: DocumentType;
  /** Bytes. */
  size: number;
  sha256: string;
  /** For an issued letter's PDF: the letter's key in `letters.kind` (`reply`, …). */
  letterKey: string | null;
  uploadedBy: { userId: number; displayName: string } | null;
  uploadedAt: Date;
}

/** Limits checked when a document is stored; absent: none (a letter frozen by the system). */
export interface DocumentLimits {
  /** Largest file, bytes. */
  maxFileBytes: number;
  /** Largest total of one owner's documents, bytes. */
  maxOwnerBytes: number;
}

export interface DocumentFields {
  owner: DocumentOwner;
  kind: DocumentKind;
  eventSeq?: number | null | undefined;
  /** As sent; cleaned (folders, control characters) and cut to 200 characters. */
  fileName: string;
  declaredType?: string | null | undefined;
  letterKey?: string | null | undefined;
  /** null: the system. */
  uploadedBy: number | null;
  uploadedAt: Date;
}

export interface SaveDocumentInput extends DocumentFields {
  content: Readable | Buffer;
  limits?: DocumentLimits | undefined;
  /** Where the upload is spooled (default: the system's temporary folder). */
  tmpDir?: string | undefined;
}

/** A file name safe to keep and to send back: no folders, no control characters, not empty. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return Array.from(clean || "未命名文件")
    .slice(0, 200)
    .join("");
}

/** The name with the detected type's extension (a PNG sent as `扫描件.pdf` downloads as `扫描件.png`). */
export function downloadNameOf(fileName: string, type: DocumentType): string {
  const extension = DOCUMENT_TYPES[type].extension;
  const lower = fileName.toLowerCase();
  if (lower.endsWith(extension) || (type === "image/jpeg" && lower.endsWith(".jpeg"))) return fileName;
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 && fileName.length - dot <= 6 ? fileName.slice(0, dot) : fileName;
  return `${stem}${extension}`;
}

function ownerTooLarge(limits: DocumentLimits, used: number): AppError {
  return new AppError("payload_too_large", {
    message: `该案件的材料已达 ${megabytes(used)}，加上此文件将超过每案 ${megabytes(limits.maxOwnerBytes)} 的上限：请压缩或拆分后只上传必要的材料，或请系统管理员调整 OGI_CASE_DOCUMENTS_MAX_MB`,
  });
}

/** The total size of an owner's documents, bytes. */
export async function ownerTotalBytes(db: Kysely<Database>, owner: DocumentOwner): Promise<number> {
  const row = await documentsDb(db)
    .selectFrom("documents")
    .select(sql<number>`coalesce(sum(size), 0)::bigint`.as("total"))
    .where("owner_kind", "=", owner.kind)
    .where("owner_id", "=", owner.id)
    .executeTakeFirstOrThrow();
  return Number(row.total);
}

/** Stores the blob's chunks from the spooled file, one chunk in memory at a time. */
async function insertChunks(db: Kysely<Database>, file: SpooledFile): Promise<number> {
  const handle = await open(file.path, "r");
  try {
    let n = 0;
    // one buffer for every chunk: the driver has copied it into its message when the insert returns
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, file.size));
    for (let position = 0; position < file.size; position += CHUNK_BYTES, n++) {
      const data = buffer.subarray(0, Math.min(CHUNK_BYTES, file.size - position));
      await handle.read(data, 0, data.length, position);
      await documentsDb(db).insertInto("document_chunks").values({ sha256: file.sha256, n, data }).execute();
    }
    return n;
  } finally {
    await handle.close();
  }
}

/**
 * Stores a spooled file as a document of its owner, in the caller's transaction: the owner's
 * documents are serialised (an advisory lock on the owner) so two uploads cannot pass the
 * per-owner limit together; the blob is written only when its content is new.
 */
export async function storeSpooled(
  trx: Kysely<Database>,
  file: SpooledFile,
  fields: DocumentFields,
  limits?: DocumentLimits,
): Promise<StoredDocument> {
  const { owner } = fields;
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`documents:${owner.kind}:${owner.id}`}, 0))`.execute(
    trx,
  );
  if (limits) {
    const used = await ownerTotalBytes(trx, owner);
    if (used + file.size > limits.maxOwnerBytes) throw ownerTooLarge(limits, used);
  }
  const chunkCount = Math.ceil(file.size / CHUNK_BYTES);
  const inserted = await documentsDb(trx)
    .insertInto("document_blobs")
    .values({
      sha256: file.sha256,
      size: file.size,
      detected_type: file.detectedType,
      chunk_count: chunkCount,
    })
    .onConflict((oc) => oc.column("sha256").doNothing())
    .returning("sha256")
    .executeTakeFirst();
  if (inserted) await insertChunks(trx, file);
  const id = randomUUID();
  await documentsDb(trx)
    .insertInto("documents")
    .values({
      id,
      owner_kind: owner.kind,
      owner_id: owner.id,
      event_seq: fields.eventSeq ?? null,
      kind: fields.kind,
      file_name: cleanFileName(fields.fileName),
      declared_type: fields.declaredType?.slice(0, 200) ?? null,
      detected_type: file.detectedType,
      size: file.size,
      sha256: file.sha256,
      letter_key: fields.letterKey ?? null,
      uploaded_by: fields.uploadedBy,
      uploaded_at: fields.uploadedAt,
    })
    .execute();
  const stored = await findDocument(trx, owner, id);
  if (!stored) throw new AppError("internal", { message: "材料保存后未能读回" });
  return stored;
}

/**
 * Saves one file as a document: spooled to a temporary file (limits: the file's size, then the
 * owner's total), then stored in ONE transaction. Nothing is written when anything fails.
 */
export async function saveDocument(db: Kysely<Database>, input: SaveDocumentInput): Promise<StoredDocument> {
  const { content, limits, tmpDir, ...fields } = input;
  const maxBytes = limits ? Math.min(limits.maxFileBytes, limits.maxOwnerBytes) : Number.MAX_SAFE_INTEGER;
  const file = await spoolUpload(content, {
    maxBytes,
    tooLargeMessage: limits ? fileTooLargeMessage(limits) : "文件过大",
    tmpDir,
  });
  try {
    return await db.transaction().execute((trx) => storeSpooled(trx, file, fields, limits));
  } finally {
    await file.dispose();
  }
}

/** The 413 message of one file over the limit. */
export function fileTooLargeMessage(limits: DocumentLimits): string {
  return `文件过大：每个文件不超过 ${megabytes(Math.min(limits.maxFileBytes, limits.maxOwnerBytes))}（每案合计不超过 ${megabytes(limits.maxOwnerBytes)}）。扫描件请降低分辨率或拆分为几个文件分别上传`;
}

function selectDocuments(db: Kysely<Database>) {
  return documentsDb(db)
    .selectFrom("documents as d")
    .leftJoin("users as u", "u.id", "d.uploaded_by")
    .selectAll("d")
    .select("u.display_name");
}

function toStored(row: Selectable<DocumentTable> & { display_name: string | null }): StoredDocument {
  const detectedType = row.detected_type as DocumentType;
  return {
    id: row.id,
    owner: { kind: row.owner_kind, id: row.owner_id },
    eventSeq: row.event_seq,
    kind: row.kind as DocumentKind,
    fileName: row.file_name,
    downloadName: downloadNameOf(row.file_name, detectedType),
    declaredType: row.declared_type,
    detectedType,
    size: Number(row.size),
    sha256: row.sha256,
    letterKey: row.letter_key,
    uploadedBy:
      row.uploaded_by === null ? null : { userId: row.uploaded_by, displayName: row.display_name ?? "" },
    uploadedAt: new Date(row.uploaded_at),
  };
}

/** One document of an owner (undefined: none with that id for that owner). */
export async function findDocument(
  db: Kysely<Database>,
  owner: DocumentOwner,
  id: string,
): Promise<StoredDocument | undefined> {
  const row = await selectDocuments(db)
    .where("d.owner_kind", "=", owner.kind)
    .where("d.owner_id", "=", owner.id)
    .where("d.id", "=", id)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** The PDF an issued letter was frozen as (undefined: not yet). */
export async function findDocumentByLetter(
  db: Kysely<Database>,
  owner: DocumentOwner,
  letterKey: string,
): Promise<StoredDocument | undefined> {
  const row = await selectDocuments(db)
    .where("d.owner_kind", "=", owner.kind)
    .where("d.owner_id", "=", owner.id)
    .where("d.letter_key", "=", letterKey)
    .executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/** An owner's documents, oldest first. */
export async function listDocuments(db: Kysely<Database>, owner: DocumentOwner): Promise<StoredDocument[]> {
  const rows = await selectDocuments(db)
    .where("d.owner_kind", "=", owner.kind)
    .where("d.owner_id", "=", owner.id)
    .orderBy("d.uploaded_at")
    .orderBy("d.id")
    .execute();
  return rows.map((r) => toStored(r));
}

/**
 * Bytes read from the database per query: a quarter of a chunk, because the driver receives
 * bytea as hex text (twice the size) and keeps its largest message's buffer per connection.
 */
const READ_BYTES = CHUNK_BYTES / 4;

/** The content of a blob as a stream: read from the database a quarter chunk at a time. */
export function readBlob(db: Kysely<Database>, sha256: string, chunkCount: number): Readable {
  let n = 0;
  let offset = 0;
  return new Readable({
    async read() {
      try {
        if (n >= chunkCount) {
          this.push(null);
          return;
        }
        const row = await documentsDb(db)
          .selectFrom("document_chunks")
          .select(sql<Uint8Array>`substring(data from ${offset + 1} for ${READ_BYTES})`.as("piece"))
          .select(sql<number>`length(data)`.as("length"))
          .where("sha256", "=", sha256)
          .where("n", "=", n)
          .executeTakeFirstOrThrow();
        offset += READ_BYTES;
        if (offset >= row.length) {
          n++;
          offset = 0;
        }
        const piece = row.piece;
        this.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      } catch (error) {
        this.destroy(error as Error);
      }
    },
  });
}

/** A document and its content (null: no such document for that owner). Reads only. */
export async function openDocument(
  db: Kysely<Database>,
  owner: DocumentOwner,
  id: string,
): Promise<{ document: StoredDocument; content: Readable } | null> {
  const document = await findDocument(db, owner, id);
  if (!document) return null;
  const blob = await documentsDb(db)
    .selectFrom("document_blobs")
    .select("chunk_count")
    .where("sha256", "=", document.sha256)
    .executeTakeFirstOrThrow();
  return { document, content: readBlob(db, document.sha256, blob.chunk_count) };
}

/**
 * Moves every document of `from` to `to` (an online submission's files to the case created from
 * it), in the caller's transaction, keeping their kinds and upload records. Returns how many.
 */
export async function reattachDocuments(
  trx: Kysely<Database>,
  from: DocumentOwner,
  to: DocumentOwner,
): Promise<number> {
  const result = await documentsDb(trx)
    .updateTable("documents")
    .set({ owner_kind: to.kind, owner_id: to.id })
    .where("owner_kind", "=", from.kind)
    .where("owner_id", "=", from.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
