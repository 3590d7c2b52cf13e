import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { LETTER_KIND_DEFINITIONS, LETTER_KINDS, type LetterKind } from "../letters/letter-kinds.ts";
import { lettersDb } from "../letters/letter-store.ts";

/** A letter issued to the applicant, as the status page lists it. */
export interface PublicLetter {
  /** The letter's key in the case (`receipt`, `supplement_notice`, `reply`, …): its download path. */
  kind: LetterKind;
  title: string;
  /** The number as printed, e.g. 某镇公开〔2026〕第3号. */
  serialNo: string | null;
  issuedOn: string;
}

/** The kinds of letter addressed to the applicant (a consultation letter goes to a third party). */
export const APPLICANT_LETTER_KINDS: readonly LetterKind[] = LETTER_KINDS.filter(
  (k) => k !== "consultation_letter",
);

/** The letters of a case issued to the applicant, in the order they were issued. */
export async function publicLetters(db: Kysely<Database>, applicationId: string): Promise<PublicLetter[]> {
  const rows = await lettersDb(db)
    .selectFrom("letters")
    .select(["kind", "serial_no", "letter_date", "created_at"])
    .where("application_id", "=", applicationId)
    .where("kind", "in", APPLICANT_LETTER_KINDS as LetterKind[])
    .where("document", "is not", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    kind: r.kind as LetterKind,
    title: LETTER_KIND_DEFINITIONS[r.kind as LetterKind].title,
    serialNo: r.serial_no,
    issuedOn: r.letter_date,
  }));
}
