import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { type LetterTable, lettersDb } from "../letters/letter-store.ts";
import { type DocxToPdf, SOFFICE_MISSING } from "./convert-docx-to-pdf.ts";
import { findDocumentByLetter, type StoredDocument, saveDocument } from "./document-store.ts";
import { documentsDb } from "./document-tables.ts";

export interface FreezeDeps {
  db: Kysely<Database>;
  convert: DocxToPdf;
  now: () => Date;
  /** Where the PDF is spooled before it is stored. */
  tmpDir?: string | undefined;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/**
 * The PDF an issued letter is frozen as: its DOCX as issued (letters.document, 0010) converted
 * by LibreOffice and stored as a document of the case, kind `issued_letter`, `letter_key` the
 * letter's key, named as the DOCX with .pdf (the name carries the serial number). Once per
 * letter (a unique index): a second call, or a race with another process, answers the first.
 * null when the letter is not issued or was numbered before letters were frozen.
 */
export async function freezeLetterPdf(
  deps: FreezeDeps,
  applicationId: string,
  letterKey: string,
): Promise<StoredDocument | null> {
  const owner = { kind: "application" as const, id: applicationId };
  const existing = await findDocumentByLetter(deps.db, owner, letterKey);
  if (existing) return existing;
  const letter = await lettersDb(deps.db)
    .selectFrom("letters")
    .select(["document", "filename", "created_by"])
    .where("application_id", "=", applicationId)
    .where("kind", "=", letterKey)
    .executeTakeFirst();
  if (!letter?.document || !letter.filename) return null;
  const pdf = await deps.convert(Buffer.from(letter.document));
  try {
    return await saveDocument(deps.db, {
      owner,
      kind: "issued_letter",
      fileName: `${letter.filename.replace(/\.docx$/i, "")}.pdf`,
      declaredType: "application/pdf",
      letterKey,
      uploadedBy: letter.created_by,
      uploadedAt: deps.now(),
      content: pdf,
      tmpDir: deps.tmpDir,
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await findDocumentByLetter(deps.db, owner, letterKey)) ?? null;
  }
}

/** The issued letters (with a frozen DOCX) that have no PDF yet: [applicationId, letterKey]. */
export async function findLettersWithoutPdf(db: Kysely<Database>, limit = 100): Promise<[string, string][]> {
  const rows = await documentsDb(db)
    .withTables<{ letters: LetterTable }>()
    .selectFrom("letters as l")
    .select(["l.application_id", "l.kind"])
    .where("l.document", "is not", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("documents as d")
            .select("d.id")
            .where("d.owner_kind", "=", "application")
            .whereRef("d.owner_id", "=", "l.application_id")
            .whereRef("d.letter_key", "=", "l.kind"),
        ),
      ),
    )
    .orderBy("l.created_at")
    .limit(limit)
    .execute();
  return rows.map((r) => [r.application_id, r.kind]);
}

/**
 * Converts every issued letter still without its PDF (after a crash between the commit
 * and its conversion, or while LibreOffice was missing). The letters table is the truth: nothing
 * needs to be remembered for this to catch up. Returns how many were frozen and failed; logs
 * ids and keys only (a letter's name carries the applicant's).
 */
export async function freezePendingLetterPdfs(
  deps: FreezeDeps,
  logger: Pick<Logger, "warn">,
): Promise<{ frozen: number; failed: number }> {
  let frozen = 0;
  let failed = 0;
  for (const [applicationId, letterKey] of await findLettersWithoutPdf(deps.db)) {
    try {
      if (await freezeLetterPdf(deps, applicationId, letterKey)) frozen++;
    } catch (error) {
      failed++;
      if (error instanceof AppError && error.code === "unavailable") {
        // LibreOffice is missing: say so once per pass, not once per letter
        logger.warn({ pending: failed, err: error }, SOFFICE_MISSING);
        break;
      }
      logger.warn({ applicationId, letterKey, err: error }, "已出具文书转换 PDF 失败，稍后重试");
    }
  }
  return { frozen, failed };
}
