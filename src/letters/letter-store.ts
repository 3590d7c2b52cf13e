import { type ColumnType, type Generated, type Kysely, sql } from "kysely";
import { nextCounter } from "../db/next-counter.ts";
import type { Database } from "../db/schema.ts";

/**
 * The tables of migrations 0002 and 0007 as Kysely sees them (the lead may move these into
 * schema.ts): `letters`, and the letter settings they add to `agencies`.
 */
export interface LetterTable {
  id: Generated<string>;
  application_id: string;
  agency_id: number;
  /** The letter of the case: `reply`, `fee_notice`, `consultation_letter:c2`, … */
  kind: string;
  /** The sequence the serial number comes from (see LETTER_KINDS). */
  family: string;
  year: number;
  serial: number;
  letter_date: string;
  /** Who issued it (numbered it). */
  created_by: number | null;
  /** When it was issued. */
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** The DOCX as issued (0010); NULL for a letter numbered before letters were frozen. */
  document: Buffer | null;
  /** The file name the issued DOCX is downloaded under (0010). */
  filename: string | null;
  /** The number as printed in the issued DOCX (0010), e.g. 某镇公开〔2026〕第3号. */
  serial_no: string | null;
}

/** The letter settings of an agency (0002: short_name; 0007: review_body, fee_payment_method). */
export interface AgencyLetterColumns {
  short_name: string | null;
  /** 复议机关 where the agency tree does not tell it; NULL: derived from the tree. */
  review_body: string | null;
  /** Default 缴纳方式 of the agency's fee notices. */
  fee_payment_method: string | null;
}

export type LettersDatabase = Database & {
  letters: LetterTable;
  agencies: Database["agencies"] & AgencyLetterColumns;
};

export function lettersDb(db: Kysely<Database>): Kysely<LettersDatabase> {
  return db.withTables<{
    letters: LetterTable;
    agencies: Database["agencies"] & AgencyLetterColumns;
  }>();
}

export interface LetterNumber {
  year: number;
  serial: number;
}

export interface AssignSerialInput {
  applicationId: string;
  agencyId: number;
  kind: string;
  family: string;
  /** The letter's date; its year is the year of the number. */
  letterDate: string;
  userId: number | null;
  /** When it is issued (the service's clock). */
  issuedAt: Date;
}

/** The number a letter already has, if any. */
export async function findSerial(
  db: Kysely<Database>,
  applicationId: string,
  kind: string,
): Promise<LetterNumber | undefined> {
  return lettersDb(db)
    .selectFrom("letters")
    .select(["year", "serial"])
    .where("application_id", "=", applicationId)
    .where("kind", "=", kind)
    .executeTakeFirst();
}

/** A letter's row once issued: its number, who issued it and when, and the frozen DOCX. */
export interface IssuedLetter extends LetterNumber {
  letterDate: string;
  issuedAt: Date;
  /** The display name of who issued it (null: the user is gone, or the system). */
  issuedBy: string | null;
  /** The number as printed when issued (null: numbered before letters were frozen). */
  serialNo: string | null;
}

/** The issued letters of a case by key (`reply`, `consultation_letter:c2`, …), without their bytes. */
export async function findIssuedLetters(
  db: Kysely<Database>,
  applicationId: string,
): Promise<Map<string, IssuedLetter>> {
  const rows = await lettersDb(db)
    .selectFrom("letters as l")
    .leftJoin("users as u", "u.id", "l.created_by")
    .select([
      "l.kind",
      "l.year",
      "l.serial",
      "l.letter_date",
      "l.created_at",
      "l.serial_no",
      "u.display_name",
    ])
    .where("l.application_id", "=", applicationId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.kind,
      {
        year: r.year,
        serial: r.serial,
        letterDate: r.letter_date,
        issuedAt: new Date(r.created_at),
        issuedBy: r.display_name ?? null,
        serialNo: r.serial_no,
      },
    ]),
  );
}

/** The DOCX an issued letter was frozen with, and its file name (null when numbered before 0010). */
export async function findIssuedDocument(
  db: Kysely<Database>,
  applicationId: string,
  kind: string,
): Promise<{ document: Buffer; filename: string } | null> {
  const row = await lettersDb(db)
    .selectFrom("letters")
    .select(["document", "filename"])
    .where("application_id", "=", applicationId)
    .where("kind", "=", kind)
    .executeTakeFirst();
  if (!row?.document || !row.filename) return null;
  return { document: Buffer.from(row.document), filename: row.filename };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/** The DOCX of a letter with the number it is issued under, and that number as printed. */
export type RenderIssued = (
  number: LetterNumber,
) => Promise<{ document: Buffer; filename: string; serialNo: string }>;

/**
 * Issues a letter once: in one transaction, with the case's row locked (as the write path
 * locks it, so concurrent issues of the same case take turns), the next number of its agency's
 * yearly sequence (nextCounter) and the rendered DOCX are stored together. A letter already
 * issued keeps its number and its document (`created: false`); one numbered before letters
 * were frozen gets its document now, under its number. Concurrent requests never share a
 * number and never leave a gap: the counter row is locked until commit, and a request that
 * still lost the race for the same letter rolls back its counter and reads the winner's.
 */
export async function issueLetterOnce(
  db: Kysely<Database>,
  input: AssignSerialInput,
  render: RenderIssued,
): Promise<{ number: LetterNumber; created: boolean }> {
  const year = Number(input.letterDate.slice(0, 4));
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        await trx
          .selectFrom("applications")
          .select("id")
          .where("id", "=", input.applicationId)
          .forNoKeyUpdate()
          .execute();
        const existing = await lettersDb(trx)
          .selectFrom("letters")
          .select(["year", "serial", sql<boolean>`document IS NOT NULL`.as("is_frozen")])
          .where("application_id", "=", input.applicationId)
          .where("kind", "=", input.kind)
          .executeTakeFirst();
        if (existing) {
          const number = { year: existing.year, serial: existing.serial };
          if (!existing.is_frozen) {
            const { document, filename, serialNo } = await render(number);
            await lettersDb(trx)
              .updateTable("letters")
              .set({ document, filename, serial_no: serialNo })
              .where("application_id", "=", input.applicationId)
              .where("kind", "=", input.kind)
              .execute();
          }
          return { number, created: false };
        }
        const serial = await nextCounter(trx, `letter:${input.agencyId}:${year}:${input.family}`);
        const { document, filename, serialNo } = await render({ year, serial });
        await lettersDb(trx)
          .insertInto("letters")
          .values({
            application_id: input.applicationId,
            agency_id: input.agencyId,
            kind: input.kind,
            family: input.family,
            year,
            serial,
            letter_date: input.letterDate,
            created_by: input.userId,
            created_at: input.issuedAt,
            document,
            filename,
            serial_no: serialNo,
          })
          .execute();
        return { number: { year, serial }, created: true };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
