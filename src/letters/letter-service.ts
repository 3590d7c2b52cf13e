import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import { type CivilDate, civilDateInChina } from "../domain/civil-date.ts";
import type { Role } from "../domain/roles.ts";
import {
  APPLICANT_TYPES,
  type ApplicantType,
  type Channel,
  OUTGOING_DOCUMENTS,
  type OutgoingDocument,
} from "../domain/vocabulary.ts";
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
import {
  findIssuedDocument,
  findIssuedLetters,
  findSerial,
  type IssuedLetter,
  issueLetterOnce,
  type LetterNumber,
} from "./letter-store.ts";
import { type CaseLetter, listCaseLetters } from "./list-case-letters.ts";
import { renderLetterDocx } from "./render-letter-docx.ts";
import { type LetterOptions, resolveLetterEvent } from "./resolve-letter-event.ts";
import { resolveServedDocument } from "./resolve-served-document.ts";

export interface LetterServiceDeps {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "visibleCase" | "get">;
  now: () => Date;
  /**
   * After a letter is issued (committed), or issued again: freezes it as a PDF document of the
   * case (issue 12, DocumentService.freezeIssuedLetter). Must not throw: the issue stands.
   */
  afterIssue?: (applicationId: string, letterKey: string) => Promise<unknown>;
}

/** A letter the case has (or could have), for the case's page. */
export interface LetterSummary {
  kind: LetterKind;
  key: string;
  title: string;
  /** null until the letter is issued (POST …/letters/:kind assigns its number, once). */
  serialNo: string | null;
  date: CivilDate;
  /** Which consultation, for a consultation letter. */
  consultationId?: string;
  /** The document goes to an addressee whose receipt is recorded: it has a 送达回证. */
  hasDeliveryReceipt: boolean;
  /** When it was issued (ISO 8601), null until then. */
  issuedAt: string | null;
  /** The display name of who issued it, null until then (or when not known). */
  issuedBy: string | null;
  /** Not issued yet, and the reader may issue it (the UI's 出具 button). */
  canIssue: boolean;
}

/** A letter's words as its web view shows them: the DOCX's model, and whether it is issued. */
export type LetterView = LetterContent & { issued: boolean };

/** What POST …/letters/:kind answers: the letter, and whether this request issued it. */
export interface IssueResult {
  letter: LetterSummary;
  created: boolean;
}

export type LetterService = ReturnType<typeof makeLetterService>;

/** What a draft prints where the number goes: it has none, and says so. */
export const DRAFT_SERIAL_NO = "草稿（尚未出具，无文号，不得送达）";

/**
 * Who may issue a letter: the handler and the approver of the handling agency; the receipt
 * (回执) also the intake clerk who registered the application. Others (a supervisor, an agency
 * admin) read what was issued.
 */
function issuingRoles(kind: LetterKind): readonly Role[] {
  return kind === "receipt" ? ["intake", "handler", "approver"] : ["handler", "approver"];
}

/** The applicant's type as recorded; an unknown one is treated as an organisation (addressed 贵单位). */
function applicantTypeOf(applicant: unknown): ApplicantType {
  const type = (applicant as { type?: unknown }).type;
  return (APPLICANT_TYPES as readonly unknown[]).includes(type) ? (type as ApplicantType) : "other_org";
}

function isOutgoingDocument(kind: string): kind is OutgoingDocument {
  return (OUTGOING_DOCUMENTS as readonly string[]).includes(kind);
}

function unknownKind(kind: string): AppError {
  return new AppError("not_found", {
    message: `没有“${kind}”这种文书；可用的文书：${LETTER_KINDS.join("、")}`,
  });
}

function notIssued(kind: LetterKind): AppError {
  const title = LETTER_KIND_DEFINITIONS[kind].title;
  return new AppError("conflict", {
    message: `该文书尚未出具（编号）：${title}须先出具才能下载，请先出具（案件页面“文书”中的“出具”按钮）；只预览草稿可加 ?draft=true（不编号）`,
  });
}

/** The key in `letters` of the letter a request names, when the case's events decide it alone. */
function keyOf(letters: readonly CaseLetter[], kind: LetterKind, options: LetterOptions): string | undefined {
  const candidates = letters.filter(
    (l) =>
      l.kind === kind &&
      (options.consultationId === undefined || l.consultationId === options.consultationId),
  );
  // a case has one letter of each kind but consultations (chosen by id) and re-replies (the latest)
  if (kind === "re_reply") return candidates.at(-1)?.key;
  return candidates.length === 1 ? candidates[0]?.key : undefined;
}

function filenameOf(content: LetterContent): string {
  return `${content.title}（${content.serialNo}）.docx`;
}

/**
 * The letters of DOMAIN.md §10. A letter is issued once per (case, letter) by POST: numbered
 * from the agency's yearly sequence and frozen as the DOCX issued; reads (list, download,
 * 送达回证, draft) never write.
 */
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
      applicantType: applicantTypeOf(c.row.applicant),
      deliveryForm: c.row.delivery_form?.trim() ? c.row.delivery_form : null,
      channel: c.row.channel as Channel,
      receivedOn: c.row.received_on as CivilDate,
      description: c.row.description,
      mailTrackingNo: c.row.mail_tracking_no?.trim() ? c.row.mail_tracking_no : null,
    };
    return { c, events, letterCase, agency: agency as AgencyForLetters };
  }
  type CaseOf = Awaited<ReturnType<typeof caseOf>>;

  /**
   * The event a letter rests on and its key: 409 when the case has no such letter or the letter
   * cannot say what the law asks (review body, payment method), 422 for options off the record.
   */
  async function resolve(
    actor: Actor,
    applicationId: string,
    k: CaseOf,
    kind: LetterKind,
    options: LetterOptions,
  ) {
    const view = await deps.applications.get(actor, applicationId);
    const appeals = await deps.db
      .selectFrom("appeals")
      .select(["id", "kind", "result_on"])
      .where("application_id", "=", k.c.row.id)
      .execute();
    return resolveLetterEvent(k.c.row, k.events, kind, options, {
      deadlines: view.deadlines,
      feePaymentMethod: k.agency.feePaymentMethod,
      reviewBodyOn: (on) => agencyReviewBody(k.agency, on),
      appeals: new Map(
        appeals.map((a) => [a.id, { kind: a.kind, resultOn: a.result_on as CivilDate | null }]),
      ),
    });
  }

  const serialOf = (k: CaseOf, kind: LetterKind, n: LetterNumber) =>
    formatSerialNo(k.agency.shortName, kind, n.year, n.serial);

  function summaryOf(
    actor: Actor,
    k: CaseOf,
    letter: CaseLetter,
    issued: IssuedLetter | undefined,
  ): LetterSummary {
    return {
      kind: letter.kind,
      key: letter.key,
      title: LETTER_KIND_DEFINITIONS[letter.kind].title,
      serialNo: issued ? (issued.serialNo ?? serialOf(k, letter.kind, issued)) : null,
      date: letter.on,
      ...(letter.consultationId === undefined ? {} : { consultationId: letter.consultationId }),
      hasDeliveryReceipt: isOutgoingDocument(letter.kind),
      issuedAt: issued ? issued.issuedAt.toISOString() : null,
      issuedBy: issued ? issued.issuedBy : null,
      canIssue: !issued && canActInAgency(actor, k.c.agency.path, issuingRoles(letter.kind)),
    };
  }

  /**
   * One letter's words, read only: with its number once issued; before that 409, or with
   * `draft` the unnumbered preview marked 草稿.
   */
  async function compose(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions = {},
    mode: { draft?: boolean } = {},
  ): Promise<LetterContent> {
    if (!isLetterKind(kind)) throw unknownKind(kind);
    const k = await caseOf(actor, applicationId);
    const { key, event } = await resolve(actor, applicationId, k, kind, options);
    const number = await findSerial(deps.db, k.c.row.id, key);
    if (number) return composeLetter(k.letterCase, event, serialOf(k, kind, number));
    if (!mode.draft) throw notIssued(kind);
    return composeLetter(k.letterCase, event, DRAFT_SERIAL_NO);
  }

  /**
   * The words of a letter for its web view (GET, never numbers anything): the same model the
   * DOCX is rendered from, with the number it was issued under, or marked 草稿 before.
   */
  async function view(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions = {},
  ): Promise<LetterView> {
    if (!isLetterKind(kind)) throw unknownKind(kind);
    const k = await caseOf(actor, applicationId);
    const { key, event } = await resolve(actor, applicationId, k, kind, options);
    const issued = (await findIssuedLetters(deps.db, k.c.row.id)).get(key);
    const serialNo = issued ? (issued.serialNo ?? serialOf(k, kind, issued)) : DRAFT_SERIAL_NO;
    return { ...composeLetter(k.letterCase, event, serialNo), issued: issued !== undefined };
  }

  /**
   * Issues a letter (POST): numbers it from its agency's yearly sequence and freezes the DOCX,
   * once; issuing it again answers the same letter (`created: false`). 403 unless the actor is
   * a handler or approver of the handling agency (the receipt: also its intake clerk).
   */
  async function issue(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions = {},
  ): Promise<IssueResult> {
    if (!isLetterKind(kind)) throw unknownKind(kind);
    const k = await caseOf(actor, applicationId);
    if (!canActInAgency(actor, k.c.agency.path, issuingRoles(kind))) {
      throw new AppError("forbidden", {
        message: `只有本机关的${kind === "receipt" ? "登记人员、" : ""}承办人或审核人可以出具${LETTER_KIND_DEFINITIONS[kind].title}`,
      });
    }
    const caseLetters = listCaseLetters(k.c.row, k.events);
    const summary = async (key: string, created: boolean): Promise<IssueResult> => {
      const issued = await findIssuedLetters(deps.db, k.c.row.id);
      const letter = caseLetters.find((l) => l.key === key);
      if (!letter) throw new AppError("internal", { message: `文书 ${key} 不在该申请的文书中` });
      return { letter: summaryOf(actor, k, letter, issued.get(key)), created };
    };
    // issued already: the same letter, without composing it again (its options may be left out)
    const known = keyOf(caseLetters, kind, options);
    if (known && (await findIssuedDocument(deps.db, k.c.row.id, known))) {
      await deps.afterIssue?.(k.c.row.id, known);
      return summary(known, false);
    }
    const { key, event } = await resolve(actor, applicationId, k, kind, options);
    const { created } = await issueLetterOnce(
      deps.db,
      {
        applicationId: k.c.row.id,
        agencyId: k.c.agency.id,
        kind: key,
        family: LETTER_KIND_DEFINITIONS[kind].family ?? kind,
        letterDate: event.on,
        userId: actor.userId,
        issuedAt: deps.now(),
      },
      async (number) => {
        const content = composeLetter(k.letterCase, event, serialOf(k, kind, number));
        return {
          document: await renderLetterDocx(content),
          filename: filenameOf(content),
          serialNo: content.serialNo,
        };
      },
    );
    await deps.afterIssue?.(k.c.row.id, key);
    return summary(key, created);
  }

  /**
   * The letter's DOCX to download, read only: exactly the bytes issued; a letter numbered
   * before letters were frozen is rendered under its number; before issuance 409, or with
   * `draft` the unnumbered preview.
   */
  async function download(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions & { draft?: boolean | undefined } = {},
  ): Promise<{ buffer: Buffer; filename: string }> {
    if (!isLetterKind(kind)) throw unknownKind(kind);
    const k = await caseOf(actor, applicationId);
    const known = keyOf(listCaseLetters(k.c.row, k.events), kind, options);
    const frozen = known ? await findIssuedDocument(deps.db, k.c.row.id, known) : null;
    if (frozen) return { buffer: frozen.document, filename: frozen.filename };
    const { draft, ...letterOptions } = options;
    const content = await compose(actor, applicationId, kind, letterOptions, { draft: draft === true });
    const isDraft = content.serialNo === DRAFT_SERIAL_NO;
    return {
      buffer: await renderLetterDocx(content),
      filename: isDraft ? `${content.title}（草稿）.docx` : filenameOf(content),
    };
  }

  /**
   * The 送达回证 of an outgoing document. It has no number of its own and gives none: the
   * document must have been issued first, else 409.
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
      throw new AppError("conflict", {
        message: `${title}尚未出具（编号）：请先出具该文书，再打印其送达回证`,
      });
    }
    return composeDeliveryReceipt({
      ...served,
      title,
      serialNo: formatSerialNo(agency.shortName, kind, number.year, number.serial),
      agencyName: letterCase.agencyName,
    });
  }

  return {
    /** The letters the case has now (by its events), with their numbers and issuer once issued. */
    async listLetters(actor: Actor, applicationId: string): Promise<LetterSummary[]> {
      const k = await caseOf(actor, applicationId);
      const issued = await findIssuedLetters(deps.db, k.c.row.id);
      return listCaseLetters(k.c.row, k.events).map((letter) =>
        summaryOf(actor, k, letter, issued.get(letter.key)),
      );
    },

    issueLetter: issue,
    composeLetter: compose,
    viewLetter: view,
    composeDeliveryReceipt: composeReceipt,
    downloadLetter: download,

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
