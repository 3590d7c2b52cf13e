import { buffer } from "node:stream/consumers";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { findDocumentByLetter, openDocument } from "../documents/document-store.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { LETTER_KIND_DEFINITIONS } from "../letters/letter-kinds.ts";
import { findIssuedDocument, findIssuedLetters } from "../letters/letter-store.ts";
import { SYSTEM_ACTOR } from "../services/actor.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { ClockView } from "../services/application-types.ts";
import type { CaseRow } from "../services/case-store.ts";
import {
  type ComposedNotice,
  letterKeyOf,
  NOTICE_KIND_DEFINITIONS,
  type NoticeDate,
  type NoticeKind,
} from "./notice-kinds.ts";

export interface ComposeDeps {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "get">;
}

/** A notice ready to go: its words, the letter it carries once issued, its recipients. */
export interface ApplicantNoticeDraft extends ComposedNotice {
  letterSerial: string | null;
  /** The issued letter as frozen: its PDF (src/documents), else its DOCX, to attach. */
  attachment: { filename: string; content: Buffer; contentType: string } | null;
  /** Issued, its PDF not made yet: since when it was issued (the service's clock). */
  pdfPendingSince: Date | null;
  email: string | undefined;
  phone: string | undefined;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const PDF = "application/pdf";

/** The letter as issued: the PDF it was frozen as (issue 12, point 1), else the DOCX issued. */
async function frozenLetter(db: Kysely<Database>, applicationId: string, key: string) {
  const owner = { kind: "application" as const, id: applicationId };
  const pdf = await findDocumentByLetter(db, owner, key);
  const opened = pdf ? await openDocument(db, owner, pdf.id) : null;
  if (opened) {
    return {
      filename: opened.document.downloadName,
      content: await buffer(opened.content),
      contentType: PDF,
    };
  }
  const docx = await findIssuedDocument(db, applicationId, key);
  return docx ? { filename: docx.filename, content: docx.document, contentType: DOCX } : null;
}

/** A clock's last day, when it stands: not while it waits for a posted document's receipt. */
function dateOf(clock: ClockView | undefined, states: readonly string[] = ["running"]): NoticeDate | null {
  if (!clock || clock.awaitingReceipt || !states.includes(clock.state)) return null;
  return { on: clock.dueOn, provisional: clock.provisional };
}

function field(applicant: unknown, name: string): string | undefined {
  const v = (applicant as Record<string, unknown> | null)?.[name];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

/**
 * Composes the notice of a case event from the case as it stands: the clocks the deadline engine
 * computes now (GET /applications/:id's), the letter as issued, the applicant's contact.
 */
export async function composeApplicantNotice(
  deps: ComposeDeps,
  c: CaseRow,
  notice: { kind: NoticeKind; eventSeq: number; on: CivilDate; payload: Record<string, unknown> },
): Promise<ApplicantNoticeDraft> {
  const definition = NOTICE_KIND_DEFINITIONS[notice.kind];
  const key = letterKeyOf(notice.kind, notice.eventSeq);
  const [view, issued] = await Promise.all([
    deps.applications.get(SYSTEM_ACTOR, c.row.id),
    findIssuedLetters(deps.db, c.row.id),
  ]);
  const letter = issued.get(key);
  const serialNo = letter?.serialNo ?? null;
  const title = LETTER_KIND_DEFINITIONS[definition.letter].title;
  const attachment = serialNo ? await frozenLetter(deps.db, c.row.id, key) : null;
  const composed = definition.compose({
    trackingNo: c.row.tracking_no,
    agencyName: c.agency.name,
    you: field(c.row.applicant, "type") === "natural_person" ? "您" : "贵单位",
    receivedOn: c.row.received_on as CivilDate,
    on: notice.on,
    payload: notice.payload,
    // met or missed: the case went on (a reply) before the notice was composed; the date stands
    replyDue: dateOf(view.deadlines.reply, ["running", "met", "missed"]),
    supplementEnd: dateOf(view.deadlines.supplementWindow),
    feeEnd: dateOf(view.deadlines.feePayment),
    letter: serialNo ? { title, serialNo } : null,
  });
  return {
    ...composed,
    letterSerial: serialNo,
    attachment,
    pdfPendingSince: letter && attachment?.contentType !== PDF ? letter.issuedAt : null,
    email: field(c.row.applicant, "email"),
    phone: field(c.row.applicant, "phone"),
  };
}
