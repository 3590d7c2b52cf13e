import { z } from "zod";
import { DOCUMENT_KINDS, DOCUMENT_TYPES, UPLOADABLE_DOCUMENT_KINDS } from "../../domain/document-kinds.ts";

/** `:id` (the case) and `:docId` (its document). */
export const ZDocumentParams = z.strictObject({
  id: z.string().min(1).max(100),
  docId: z.string().min(1).max(100),
});

/** The text fields of an upload (multipart/form-data, beside the `file`). */
export const ZUploadFields = z.strictObject({
  kind: z.enum(UPLOADABLE_DOCUMENT_KINDS, {
    error: `材料类别应为以下之一：${UPLOADABLE_DOCUMENT_KINDS.join("、")}`,
  }),
  eventSeq: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "应为办理记录的序号（正整数）" })
      .int({ error: "应为办理记录的序号（正整数）" })
      .min(1, { error: "应为办理记录的序号（正整数）" })
      .max(1_000_000, { error: "应为办理记录的序号（正整数）" })
      .optional(),
  ),
});

/** A case document as listed (DocumentView). */
export const ZDocument = z
  .object({
    id: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    kindLabel: z.string(),
    eventSeq: z.number().int().nullable(),
    fileName: z.string(),
    downloadName: z.string().describe("下载时的文件名：扩展名按检测出的类型"),
    declaredType: z.string().nullable().describe("客户端声明的类型（仅作记录）"),
    detectedType: z.enum(Object.keys(DOCUMENT_TYPES) as [string, ...string[]]).describe("按内容检测出的类型"),
    typeLabel: z.string(),
    size: z.number().int().describe("字节"),
    sha256: z.string(),
    letterKey: z.string().nullable().describe("已出具文书的 PDF：文书键（reply 等）"),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.string(),
  })
  .meta({ id: "CaseDocument" });
