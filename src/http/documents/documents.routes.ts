import type { Request, Response } from "express";
import { AppError } from "../../app-error.ts";
import type { DocumentService } from "../../documents/document-service.ts";
import { defineRoute, HttpReply } from "../routing/define-route.ts";
import { ZIdParams } from "../validation/common.schema.ts";
import { parseInput } from "../validation/parse-input.ts";
import { ZDocument, ZDocumentParams, ZUploadFields } from "./documents.schema.ts";
import { readMultipartUpload } from "./read-multipart-upload.ts";
import { streamDocument } from "./stream-document.ts";

const BASE = "/api/v1/applications/:id/documents";

function requestIdOf(req: Request): string | null {
  return typeof req.id === "string" ? req.id : null;
}

/** Answers before the body is read (404, 403, 413): the rest is read and dropped, then closed. */
function dropBody(req: Request, res: Response): void {
  res.setHeader("Connection", "close");
  req.resume();
}

/**
 * The documents of a case (issue 12): upload (multipart, streamed to disk, then stored in one
 * transaction), list, and download (streamed from the database chunk by chunk, with the type
 * read from the content and the case's access log).
 */
export function documentRoutes(documents: DocumentService) {
  return [
    defineRoute({
      method: "post",
      path: BASE,
      summary: "上传案件材料（multipart/form-data：file 文件，kind 类别，eventSeq 所属办理记录，可选）",
      tag: "documents",
      access: "user",
      params: ZIdParams,
      multipart: {
        fields: ZUploadFields,
        files: ["file"],
        maxBytes: documents.limits.maxFileBytes,
        description: "一个文件；类型按内容判断：PDF、JPEG、PNG、OFD、DOCX、XLSX",
      },
      status: 201,
      errors: [403, 404, 413],
      produces: [{ mediaType: "application/json", schema: ZDocument }],
      async handle({ actor, params, req, res }) {
        let limit: Awaited<ReturnType<DocumentService["prepareUpload"]>>;
        try {
          limit = await documents.prepareUpload(actor, params.id);
        } catch (error) {
          dropBody(req, res);
          throw error;
        }
        const body = await readMultipartUpload(req, res, {
          fileFields: ["file"],
          maxFileBytes: limit.maxBytes,
          tooLargeMessage: limit.tooLargeMessage,
          tmpDir: documents.tmpDir,
        });
        try {
          const fields = parseInput(ZUploadFields, body.fields, "body");
          const file = body.files[0];
          if (!file) {
            const message = "请选择要上传的文件（表单字段 file）";
            throw new AppError("invalid_input", { message, details: [{ field: "file", message }] });
          }
          const stored = await documents.storeUpload(actor, params.id, file.spooled, {
            kind: fields.kind,
            eventSeq: fields.eventSeq,
            fileName: file.fileName,
            declaredType: file.declaredType,
          });
          return new HttpReply(201, stored);
        } finally {
          await body.dispose();
        }
      },
    }),
    defineRoute({
      method: "get",
      path: BASE,
      summary: "案件材料列表（含已出具文书的 PDF）",
      tag: "documents",
      access: "user",
      params: ZIdParams,
      errors: [404],
      produces: [{ mediaType: "application/json", schema: ZDocument.array() }],
      handle: ({ actor, params }) => documents.list(actor, params.id),
    }),
    defineRoute({
      method: "get",
      path: `${BASE}/:docId`,
      summary: "下载案件材料（原样；Content-Type 按内容检测的类型；记入个人信息访问日志）",
      tag: "documents",
      access: "user",
      params: ZDocumentParams,
      errors: [404],
      produces: [{ mediaType: "application/octet-stream", description: "文件本身" }],
      async handle({ actor, params, req, res }) {
        const { document, content } = await documents.open(actor, params.id, params.docId, requestIdOf(req));
        return streamDocument(req, res, document, content);
      },
    }),
  ];
}
