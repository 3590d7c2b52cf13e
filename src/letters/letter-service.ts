import type { Kysely } from "kysely";
import { AppError } from "../app-error.ts";
import type { Database } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { ROLES } from "../domain/roles.ts";
import type { Channel } from "../domain/vocabulary.ts";
import { type Actor, canActInAgency } from "../services/actor.ts";
import type { ApplicationService } from "../services/application-service.ts";
import type { CaseRow } from "../services/case-store.ts";
import { composeLetter, type LetterCase, type LetterContent } from "./letter-content.ts";
import {
  defaultShortName,
  formatSerialNo,
  isLetterKind,
  LETTER_KIND_DEFINITIONS,
  LETTER_KINDS,
  type LetterKind,
} from "./letter-kinds.ts";
import { assignSerial, findSerial, lettersDb } from "./letter-store.ts";
import { renderLetterDocx } from "./render-letter-docx.ts";
import { type LetterOptions, resolveLetterEvent } from "./resolve-letter-event.ts";

export interface LetterServiceDeps {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "visibleCase">;
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
}

export type LetterService = ReturnType<typeof makeLetterService>;

/** Staff of the case's agency may number a letter; others (a supervisor) only read numbered ones. */
const NUMBERING_ROLES = ROLES.filter((r) => r !== "supervisor");

/** The letters of DOMAIN.md §10, numbered once per (case, letter) from the agency's yearly sequence. */
export function makeLetterService(deps: LetterServiceDeps) {
  const db = lettersDb(deps.db);

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
      db
        .selectFrom("agencies")
        .select(["short_name", "name"])
        .where("id", "=", c.agency.id)
        .executeTakeFirstOrThrow(),
    ]);
    const letterCase: LetterCase = {
      trackingNo: c.row.tracking_no,
      agencyName: c.agency.name,
      applicantName: String((c.row.applicant as { name?: unknown }).name ?? ""),
      channel: c.row.channel as Channel,
      receivedOn: c.row.received_on as CivilDate,
      description: c.row.description,
    };
    return { c, events, letterCase, shortName: agency.short_name ?? defaultShortName(agency.name) };
  }

  /** One letter's words, numbering it on first use. 404 for an unknown kind, 409 when the case has no such letter. */
  async function compose(
    actor: Actor,
    applicationId: string,
    kind: string,
    options: LetterOptions = {},
  ): Promise<LetterContent> {
    if (!isLetterKind(kind)) {
      throw new AppError("not_found", {
        message: `没有“${kind}”这种文书；可用的文书：${LETTER_KINDS.join("、")}`,
      });
    }
    const { c, events, letterCase, shortName } = await caseOf(actor, applicationId);
    const { key, event } = resolveLetterEvent(c.row, events, kind, options);
    let number = await findSerial(deps.db, c.row.id, key);
    if (!number) {
      if (!canActInAgency(actor, c.agency.path, NUMBERING_ROLES)) {
        throw new AppError("forbidden", { message: "该文书尚未编号，只有本机关的工作人员可以生成并编号" });
      }
      number = await assignSerial(deps.db, {
        applicationId: c.row.id,
        agencyId: c.agency.id,
        kind: key,
        family: kind,
        letterDate: event.on,
        userId: actor.userId,
      });
    }
    return composeLetter(letterCase, event, formatSerialNo(shortName, kind, number.year, number.serial));
  }

  return {
    /** The letters the case has now (by its events), with their numbers once generated. */
    async listLetters(actor: Actor, applicationId: string): Promise<LetterSummary[]> {
      const { c, events, shortName } = await caseOf(actor, applicationId);
      const result: LetterSummary[] = [];
      for (const kind of LETTER_KINDS) {
        const consultations = events.filter((e) => e.type === "consultation.started");
        const ids =
          kind === "consultation_letter"
            ? consultations.map((e) => String((e.payload as { consultationId?: unknown }).consultationId))
            : [undefined];
        for (const consultationId of ids) {
          let resolved: ReturnType<typeof resolveLetterEvent>;
          try {
            resolved = resolveLetterEvent(c.row, events, kind, { consultationId });
          } catch (error) {
            // a 409 says the case has no such letter (yet); anything else is a real failure
            if (error instanceof AppError && error.status === 409) continue;
            throw error;
          }
          const number = await findSerial(deps.db, c.row.id, resolved.key);
          result.push({
            kind,
            key: resolved.key,
            title: LETTER_KIND_DEFINITIONS[kind].title,
            serialNo: number ? formatSerialNo(shortName, kind, number.year, number.serial) : null,
            date: resolved.event.on,
          });
        }
      }
      return result;
    },

    composeLetter: compose,

    /** The letter as a .docx, with a file name for the download. */
    async renderLetter(actor: Actor, applicationId: string, kind: string, options: LetterOptions = {}) {
      const content = await compose(actor, applicationId, kind, options);
      const buffer = await renderLetterDocx(content);
      return { content, buffer, filename: `${content.title}（${content.serialNo}）.docx` };
    },

    /** The short name printed in the agency's numbers (agency admin). */
    async setShortName(
      actor: Actor,
      agencyCode: string,
      shortName: string,
    ): Promise<{ agencyCode: string; shortName: string }> {
      const agency = await db
        .selectFrom("agencies")
        .select(["id", "path", "name"])
        .where("code", "=", agencyCode)
        .executeTakeFirst();
      if (!agency || !(actor.isSystemAdmin || canActInAgency(actor, agency.path, ["agency_admin"]))) {
        throw new AppError("not_found", { message: `机关“${agencyCode}”不存在，或您不是其管理员` });
      }
      const trimmed = shortName.trim();
      if (trimmed === "" || trimmed.length > 20) {
        throw new AppError("invalid_input", {
          message: "字段 shortName：应为 1 至 20 个字符",
          details: [{ field: "shortName", message: "应为 1 至 20 个字符" }],
        });
      }
      await db.updateTable("agencies").set({ short_name: trimmed }).where("id", "=", agency.id).execute();
      return { agencyCode, shortName: trimmed };
    },
  };
}
