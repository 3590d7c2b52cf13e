import type { ColumnType, Generated, Kysely } from "kysely";
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
  created_by: number | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
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

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "23505";
}

/**
 * The letter's number: the one it has, or the next of its agency's yearly sequence, taken with
 * nextCounter in the same transaction as the letters row. Concurrent requests never share a
 * number (the counter row is locked until commit) and never leave a gap: a request that lost the
 * race for the same letter rolls back its counter and reads the winner's number.
 */
export async function assignSerial(db: Kysely<Database>, input: AssignSerialInput): Promise<LetterNumber> {
  const year = Number(input.letterDate.slice(0, 4));
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const existing = await findSerial(trx, input.applicationId, input.kind);
        if (existing) return existing;
        const serial = await nextCounter(trx, `letter:${input.agencyId}:${year}:${input.family}`);
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
          })
          .execute();
        return { year, serial };
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
