import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import { ROLES } from "../domain/roles.ts";
import { type Channel, OUTGOING_DOCUMENTS, type OutgoingDocument } from "../domain/vocabulary.ts";
import { type Actor, canActInAgency } from "../services/actor.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { CaseRow } from "../services/case-store.ts";
import { composeDeliveryReceipt } from "./delivery-receipt.ts";
import { composeLetter, type LetterCase, type LetterContent } from "./letter-content.ts";
import {
  formatSerialNo,
  isLetterKind,
  LETTER_KIND_DEFINITIONS,
  LETTER_KINDS,
  type LetterKind,
} from "./letter-kinds.ts";
import {
  type AgencyForLetters,
  agencyReviewBody,
  getLetterSettings,
  type LetterSettingsChange,
  loadAgencyForLetters,
  setLetterSettings,
} from "./letter-settings.ts";
import { assignSerial, findSerial } from "./letter-store.ts";
import { listCaseLetters } from "./list-case-letters.ts";
import { renderLetterDocx } from "./render-letter-docx.ts";
import { type LetterOptions, resolveLetterEvent } from "./resolve-letter-event.ts";
import { resolveServedDocument } from "./resolve-served-document.ts";

export interface LetterServiceDeps {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "visibleCase" | "get">;
  now: () => Date;
}

/** A letter the case has (or could have), for the case's page. */
export interface LetterSummary {
  kind: LetterKind;
  key: string;
  title: string;
  /** null until the letter is first generated (numbers are assigned then, once). */
  serialNo: string | null;
  date: CivilDate;
  /** Which consultation, for a consultation letter. */
  consultationId?: string;
  /** The document goes to an addressee whose receipt is recorded: it has a 送达回证. */
  hasDeliveryReceipt: boolean;
}

export type LetterService = ReturnType<typeof makeLetterService>;

/** Staff of the case's agency may number a letter; others (a supervisor) only read numbered ones. */
const NUMBERING_ROLES = ROLES.filter((r) => r !== "supervisor");

function isOutgoingDocument(kind: string): kind is OutgoingDocument {
  return (OUTGOING_DOCUMENTS as readonly string[]).includes(kind);
}

function unknownKind(kind: string): AppError {
  return new AppError("not_found", {
    message: `没有“${kind}”这种文书；可用的文书：${LETTER_KINDS.join("、")}`,
  });
}

/** The letters of DOMAIN.md §10, numbered once per (case, letter) from the agency's yearly sequence. */
export function makeLetterService(deps: LetterServiceDeps) {
  const today = () => civilDateInChina(deps.now());

  async function caseOf(actor: Actor, applicationId: string) {
    const c: CaseRow = await deps.applications.visibleCase(actor, applicationId);
    const [events, agency] = await Promise.all([
      deps.db
        .selectFrom("application_events")
        .selectAll()
        .where("application_id", "=", c.row.id)
        .where("superseded_by_seq", "is", null)
        .orderBy("seq")
        .execute(),
      loadAgencyForLetters(deps.db, { id: c.agency.id }),
    ]);
    const letterCase: LetterCase = {
      trackingNo: c.row.tracking_no,
      agencyName: c.agency.name,
      applicantName: String((c.row.applicant as { name?: unknown }).name ?? ""),
      channel: c.row.channel as Channel,
      receivedOn: c.row.received_on as CivilDate,
      description: c.row.description,
    };
    return { c, events, letterCase, agency: agency as AgencyForLetters };
  }

  /** The letter's number: the one it has, or (staff of the agency only) the next of its sequence. */
  async function numberOf(actor: Actor, c: CaseRow, kind: LetterKind, key: string, on: CivilDate) {
    const number = await findSerial(deps.db, c.row.id, key);
    if (number) return number;
    if (!canActInAgency(actor, c.agency.path, NUMBERING_ROLES)) {
      throw new AppError("forbidden", { message: "该文书尚未编号，只有本机关的工作人员可以生成并编号" });
    }
    return assignSerial(deps.db, {
      applicationId: c.row.id,
      agencyId: c.agency.id,
      kind: key,
      family: LETTER_KIND_DEFINITIONS[kind].family ?? kind,
      letterDate: on,
      userId: actor.userId,
    });
  }

  /**
   * One letter's words, numbering it on first use. 404 for an unknown kind, 409 when the case has
   * no such letter or the letter cannot say what the law asks (review body, payment method).
   */
  async function compose(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions = {},
  ): Promise<LetterContent> {
    if (!isLetterKind(kind)) throw unknownKind(kind);
    const { c, events, letterCase, agency } = await caseOf(actor, applicationId);
    const view = await deps.applications.get(actor, applicationId);
    const appeals = await deps.db
      .selectFrom("appeals")
      .select(["id", "kind", "result_on"])
      .where("application_id", "=", c.row.id)
      .execute();
    const { key, event } = resolveLetterEvent(c.row, events, kind, options, {
      deadlines: view.deadlines,
      feePaymentMethod: agency.feePaymentMethod,
      reviewBodyOn: (on) => agencyReviewBody(agency, on),
      appeals: new Map(
        appeals.map((a) => [a.id, { kind: a.kind, resultOn: a.result_on as CivilDate | null }]),
      ),
    });
    const number = await numberOf(actor, c, kind, key, event.on);
    return composeLetter(
      letterCase,
      event,
      formatSerialNo(agency.shortName, kind, number.year, number.serial),
    );
  }

  /**
   * The 送达回证 of an outgoing document. It has no number of its own and gives none: the
   * document must have been generated (numbered) first, else 409.
   */
  async function composeReceipt(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions = {},
  ): Promise<LetterContent> {
    if (!isOutgoingDocument(kind)) {
      throw new AppError("not_found", {
        message: `“${kind}”没有送达回证；有送达回证的文书：${OUTGOING_DOCUMENTS.join("、")}`,
      });
    }
    const { c, events, letterCase, agency } = await caseOf(actor, applicationId);
    const { key, ...served } = resolveServedDocument(c.row, events, kind, options);
    const number = await findSerial(deps.db, c.row.id, key);
    const title = LETTER_KIND_DEFINITIONS[kind].title;
    if (!number) {
      throw new AppError("conflict", { message: `${title}尚未生成编号：请先生成该文书，再打印其送达回证` });
    }
    return composeDeliveryReceipt({
      ...served,
      title,
      serialNo: formatSerialNo(agency.shortName, kind, number.year, number.serial),
      agencyName: letterCase.agencyName,
    });
  }

  return {
    /** The letters the case has now (by its events), with their numbers once generated. */
    async listLetters(actor: Actor, applicationId: string): Promise<LetterSummary[]> {
      const { c, events, agency } = await caseOf(actor, applicationId);
      const result: LetterSummary[] = [];
      for (const letter of listCaseLetters(c.row, events)) {
        const number = await findSerial(deps.db, c.row.id, letter.key);
        result.push({
          kind: letter.kind,
          key: letter.key,
          title: LETTER_KIND_DEFINITIONS[letter.kind].title,
          serialNo: number ? formatSerialNo(agency.shortName, letter.kind, number.year, number.serial) : null,
          date: letter.on,
          ...(letter.consultationId === undefined ? {} : { consultationId: letter.consultationId }),
          hasDeliveryReceipt: isOutgoingDocument(letter.kind),
        });
      }
      return result;
    },

    composeLetter: compose,
    composeDeliveryReceipt: composeReceipt,

    /** The letter as a .docx, with a file name for the download. */
    async renderLetter(actor: Actor, applicationId: string, kind: string, options: LetterOptions = {}) {
      const content = await compose(actor, applicationId, kind, options);
      const buffer = await renderLetterDocx(content);
      return { content, buffer, filename: `${content.title}（${content.serialNo}）.docx` };
    },

    /** The 送达回证 of a document as a .docx. */
    async renderDeliveryReceipt(
      actor: Actor,
      applicationId: string,
      kind: string,
      options: LetterOptions = {},
    ) {
      const content = await composeReceipt(actor, applicationId, kind, options);
      const buffer = await renderLetterDocx(content);
      const served = content.rows?.[0]?.[1] ?? kind;
      return { content, buffer, filename: `送达回证（${served}）.docx` };
    },

    /** The agency's letter settings and the review body the tree gives (agency admin). */
    getLetterSettings: (actor: Actor, agencyCode: string) =>
      getLetterSettings(deps.db, actor, agencyCode, today()),

    /** Sets the short name, the review body and the default payment method (agency admin). */
    setLetterSettings: (actor: Actor, agencyCode: string, change: LetterSettingsChange) =>
      setLetterSettings(deps.db, actor, agencyCode, change, today()),
  };
}
