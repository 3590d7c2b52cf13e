import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Request, Response } from "express";
import { STREAMED } from "../routing/define-route.ts";

/** What a download needs of a stored document (src/documents): its detected type, size and name. */
export interface DownloadableDocument {
  id: string;
  detectedType: string;
  size: number;
  downloadName: string;
}

/**
 * `attachment` with the name twice: an ASCII fallback (non-ASCII, quotes and backslashes as `_`)
 * and the UTF-8 name of RFC 5987/6266 (`filename*`), which every current browser prefers.
 */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Streams a document to the client (case documents, an online submission's attachments, the
 * applicant's letters): the type read from the content, never sniffed by the browser, the length,
 * the name. A cut connection ends the response; the log line names the document, never the file
 * (a file name may carry the applicant's name).
 */
export async function streamDocument(
  req: Request,
  res: Response,
  document: DownloadableDocument,
  content: Readable,
): Promise<typeof STREAMED> {
  res.status(200);
  res.setHeader("Content-Type", document.detectedType);
  res.setHeader("Content-Length", String(document.size));
  res.setHeader("Content-Disposition", contentDisposition(document.downloadName));
  res.setHeader("X-Content-Type-Options", "nosniff");
  try {
    await pipeline(content, res);
  } catch (error) {
    // the headers are gone: the client sees a cut download and tries again
    req.log?.warn({ err: error, documentId: document.id }, "文件下载中断");
    res.destroy();
  }
  return STREAMED;
}
