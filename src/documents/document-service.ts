import type { Readable } from "node:stream";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_TYPES,
  type DocumentKind,
  type DocumentType,
} from "../domain/document-kinds.ts";
import type { Role } from "../domain/roles.ts";
import { recordAccess } from "../services/access-log-store.ts";
import { type Actor, canActInAgency } from "../services/actor.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { DocxToPdf } from "./convert-docx-to-pdf.ts";
import {
  type DocumentLimits,
  fileTooLargeMessage,
  listDocuments,
  openDocument,
  ownerTotalBytes,
  type SpooledFile,
  type StoredDocument,
  storeSpooled,
} from "./document-store.ts";
import { freezeLetterPdf, freezePendingLetterPdfs } from "./freeze-letter-pdfs.ts";
import { megabytes } from "./spool-upload.ts";

export interface DocumentServiceDeps {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "visibleCase">;
  now: () => Date;
  limits: DocumentLimits;
  /** DOCX → PDF for issued letters (makeSofficeConverter). */
  convert: DocxToPdf;
  /** Where uploads are spooled (default: the system's temporary folder). */
  tmpDir?: string | undefined;
  logger: Pick<Logger, "warn">;
}

/** A case document as the API shows it. */
export interface DocumentView {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  eventSeq: number | null;
  fileName: string;
  downloadName: string;
  declaredType: string | null;
  detectedType: DocumentType;
  typeLabel: string;
  size: number;
  sha256: string;
  /** The issued letter's key (`reply`, …) for its frozen PDF, else null. */
  letterKey: string | null;
  uploadedBy: string | null;
  uploadedAt: string;
}

export type DocumentService = ReturnType<typeof makeDocumentService>;

/** Who may add a document to a case: the intake clerk, handler and approver of its agency. */
export const UPLOAD_ROLES: readonly Role[] = ["intake", "handler", "approver"];

export function toDocumentView(d: StoredDocument): DocumentView {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: DOCUMENT_KIND_LABELS[d.kind] ?? d.kind,
    eventSeq: d.eventSeq,
    fileName: d.fileName,
    downloadName: d.downloadName,
    declaredType: d.declaredType,
    detectedType: d.detectedType,
    typeLabel: DOCUMENT_TYPES[d.detectedType]?.label ?? d.detectedType,
    size: d.size,
    sha256: d.sha256,
    letterKey: d.letterKey,
    uploadedBy: d.uploadedBy?.displayName ?? null,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

export interface UploadFields {
  kind: DocumentKind;
  eventSeq?: number | undefined;
  fileName: string;
  declaredType?: string | undefined;
}

/**
 * The documents of a case for the staff: the case's visibility (404 as for the case), the roles
 * that may add one (403), the limits, the access log of a download; the issued letters' PDFs.
 */
export function makeDocumentService(deps: DocumentServiceDeps) {
  const owner = (id: string) => ({ kind: "application" as const, id });
  const freezeDeps = { db: deps.db, convert: deps.convert, now: deps.now, tmpDir: deps.tmpDir };

  return {
    limits: deps.limits,
    tmpDir: deps.tmpDir,

    /**
     * Checks, before the body is read, that the actor may add a document to the case; returns
     * the largest file this upload may be (the file limit, or what the case has left).
     */
    async prepareUpload(
      actor: Actor,
      applicationId: string,
    ): Promise<{ maxBytes: number; tooLargeMessage: string }> {
      const c = await deps.applications.visibleCase(actor, applicationId);
      if (!canActInAgency(actor, c.agency.path, UPLOAD_ROLES)) {
        throw new AppError("forbidden", {
          message: "只有本机关的登记人员、承办人或审核人可以上传案件材料",
        });
      }
      const used = await ownerTotalBytes(deps.db, owner(c.row.id));
      const left = deps.limits.maxOwnerBytes - used;
      if (left <= 0) {
        throw new AppError("payload_too_large", {
          message: `该案件的材料已达每案 ${megabytes(deps.limits.maxOwnerBytes)} 的上限，不能再上传：请删减或压缩后再上传，或请系统管理员调整 OGI_CASE_DOCUMENTS_MAX_MB`,
        });
      }
      if (left >= deps.limits.maxFileBytes) {
        return { maxBytes: deps.limits.maxFileBytes, tooLargeMessage: fileTooLargeMessage(deps.limits) };
      }
      return {
        maxBytes: left,
        tooLargeMessage: `该案件的材料已有 ${megabytes(used)}，每案合计不超过 ${megabytes(deps.limits.maxOwnerBytes)}，此文件超过了剩余的 ${megabytes(left)}：请压缩或拆分后再上传，或请系统管理员调整 OGI_CASE_DOCUMENTS_MAX_MB`,
      };
    },

    /** Stores a received file as a document of the case (one transaction; 422 for an unknown event). */
    async storeUpload(
      actor: Actor,
      applicationId: string,
      file: SpooledFile,
      fields: UploadFields,
    ): Promise<DocumentView> {
      const c = await deps.applications.visibleCase(actor, applicationId);
      const stored = await deps.db.transaction().execute(async (trx) => {
        if (fields.eventSeq !== undefined) {
          const event = await trx
            .selectFrom("application_events")
            .select("seq")
            .where("application_id", "=", c.row.id)
            .where("seq", "=", fields.eventSeq)
            .executeTakeFirst();
          if (!event) {
            const message = `该案件没有序号为 ${fields.eventSeq} 的办理记录：请从案件的办理记录中选择材料所属的环节，或不填`;
            throw new AppError("invalid_input", { message, details: [{ field: "eventSeq", message }] });
          }
        }
        return storeSpooled(
          trx,
          file,
          {
            owner: owner(c.row.id),
            kind: fields.kind,
            eventSeq: fields.eventSeq ?? null,
            fileName: fields.fileName,
            declaredType: fields.declaredType ?? null,
            uploadedBy: actor.userId,
            uploadedAt: deps.now(),
          },
          deps.limits,
        );
      });
      return toDocumentView(stored);
    },

    /** The case's documents, oldest first (whoever may read the case). */
    async list(actor: Actor, applicationId: string): Promise<DocumentView[]> {
      const c = await deps.applications.visibleCase(actor, applicationId);
      return (await listDocuments(deps.db, owner(c.row.id))).map(toDocumentView);
    },

    /**
     * A document's content to download (whoever may read the case; 404 otherwise or when the
     * case has no such document), recorded in the case's access log: a document may carry the
     * applicant's personal data (an ID copy, a signed envelope).
     */
    async open(
      actor: Actor,
      applicationId: string,
      documentId: string,
      requestId: string | null,
    ): Promise<{ document: DocumentView; content: Readable }> {
      const c = await deps.applications.visibleCase(actor, applicationId);
      const opened = await openDocument(deps.db, owner(c.row.id), documentId);
      if (!opened) {
        throw new AppError("not_found", { message: "该案件没有这份材料（可能已被移除，或链接有误）" });
      }
      if (actor.userId !== null) {
        await recordAccess(deps.db, {
          at: deps.now(),
          userId: actor.userId,
          agencyId: c.agency.id,
          kind: "document_download",
          applicationId: c.row.id,
          fields: [],
          requestId,
        });
      }
      return { document: toDocumentView(opened.document), content: opened.content };
    },

    /** The issued letter's PDF (converted now unless it exists); logs and leaves it pending on failure. */
    async freezeIssuedLetter(applicationId: string, letterKey: string): Promise<DocumentView | null> {
      try {
        const d = await freezeLetterPdf(freezeDeps, applicationId, letterKey);
        return d ? toDocumentView(d) : null;
      } catch (error) {
        deps.logger.warn({ applicationId, letterKey, err: error }, "已出具文书转换 PDF 失败，稍后重试");
        return null;
      }
    },

    /** Converts the issued letters still without their PDF (the worker's sweep). */
    freezePendingLetters: () => freezePendingLetterPdfs(freezeDeps, deps.logger),
  };
}
