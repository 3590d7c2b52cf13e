import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError } from "../app-error.ts";
import type { DocumentType } from "../domain/document-kinds.ts";
import { detectDocumentType, HEAD_BYTES, readZipEntryNames } from "./detect-document-type.ts";

/** A file received in full on local disk, hashed and typed, not yet in the database. */
export interface SpooledFile {
  path: string;
  /** Bytes. */
  size: number;
  /** Hex sha256 of the content. */
  sha256: string;
  detectedType: DocumentType;
  /** Removes the local copy (always call it, stored or not). */
  dispose(): Promise<void>;
}

export interface SpoolOptions {
  /** The largest file accepted, bytes; a larger one is a 413 with `tooLargeMessage`. */
  maxBytes: number;
  /** Chinese: what the clerk is told when the file is larger than `maxBytes`. */
  tooLargeMessage: string;
  /** Where the local copy goes (default: the system's temporary folder). */
  tmpDir?: string | undefined;
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Streams a file to a temporary file while hashing it, so that a 50 MB upload is never held in
 * memory and the database is written only once the whole file is known (size, sha256, type).
 * Past `maxBytes` the rest is read and dropped (the client then gets the 413 rather than a
 * reset connection) and nothing is kept. The type is detected from the content
 * (detectDocumentType): an empty file, an executable or an unknown type is a 422.
 */
export async function spoolUpload(content: Readable | Buffer, options: SpoolOptions): Promise<SpooledFile> {
  if (options.tmpDir) await mkdir(options.tmpDir, { recursive: true });
  const dir = await mkdtemp(join(options.tmpDir ?? tmpdir(), "ogi-upload-"));
  const dispose = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, "content");
  const hash = createHash("sha256");
  let head = Buffer.alloc(0);
  let size = 0;
  let isTooLarge = false;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > options.maxBytes) isTooLarge = true;
      if (isTooLarge) return done();
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    const source = Buffer.isBuffer(content) ? Readable.from([content]) : content;
    await pipeline(source, meter, createWriteStream(path));
    if (isTooLarge) throw new AppError("payload_too_large", { message: options.tooLargeMessage });
    const file = await open(path, "r");
    let detectedType: DocumentType;
    try {
      detectedType = await detectDocumentType(head, size, () => readZipEntryNames(file, size));
    } finally {
      await file.close();
    }
    return { path, size, sha256: hash.digest("hex"), detectedType, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
