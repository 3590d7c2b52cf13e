import { sql } from "kysely";
import type { CaseFacts } from "../domain/case-facts.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { OutcomeId } from "../domain/outcomes.ts";
import {
  maskApplicant,
  PERSONAL_FIELDS,
  type PersonalDataMode,
  type PersonalField,
  personalFieldsPresent,
} from "../domain/personal-data.ts";
import type { ApplicantType, Channel } from "../domain/vocabulary.ts";
import type { Applicant } from "../services/application-types.ts";
import type { Db } from "../services/case-store.ts";
import type { LedgerAgency } from "./authorize-ledger-access.ts";
import { ledgerRowOfCase } from "./ledger-row-of-case.ts";
import { writeLedgerWorkbook } from "./write-ledger-workbook.ts";

/** Display names shared by two or more of the agency's handlers: the export writes their usernames. */
async function ambiguousHandlerNames(db: Db, agencyId: number): Promise<Set<string>> {
  const users = await db
    .selectFrom("users")
    .select(["display_name", "roles"])
    .where("agency_id", "=", agencyId)
    .execute();
  const counts = new Map<string, number>();
  for (const u of users) {
    if ((u.roles as unknown as string[]).includes("handler")) {
      counts.set(u.display_name, (counts.get(u.display_name) ?? 0) + 1);
    }
  }
  return new Set([...counts].filter(([, n]) => n > 1).map(([name]) => name));
}

/** The first current event of a type: a correlated subquery on the case `a`. */
const firstEvent = (type: string, expression: string) =>
  sql<string | null>`(select ${sql.raw(expression)} from application_events x
    where x.application_id = a.id and x.type = ${type} and x.superseded_by_seq is null order by x.seq limit 1)`;

/**
 * The agency's cases as a ledger workbook (API.md “Ledger import and export”), in the import's
 * format and order of receipt; `year`: only the cases received in that year. The applicants'
 * ID numbers and phones masked unless `personalData: "full"` (src/domain/personal-data.ts);
 * `shown`: the cases whose personal fields the file carries in full, and which fields.
 */
export async function exportLedger(
  db: Db,
  agency: LedgerAgency,
  options: { year?: number | undefined; personalData?: PersonalDataMode } = {},
): Promise<{ body: Buffer; cases: number; shown: { cases: number; fields: PersonalField[] } }> {
  const isFull = options.personalData === "full";
  let q = db
    .selectFrom("applications as a")
    .leftJoin("users as u", "u.id", "a.handler_user_id")
    .select([
      "a.tracking_no",
      "a.channel",
      "a.applicant_type",
      "a.applicant",
      "a.description",
      "a.outcome",
      "a.disposition_on",
      "u.username",
      "u.display_name",
      sql<CaseFacts>`a.snapshot->'context'->'facts'`.as("facts"),
      firstEvent("application.registered", "x.payload->>'ledgerNo'").as("ledger_no"),
      firstEvent("reply.delivered", "x.effective_on::text").as("delivered_on"),
      firstEvent("extension.granted", "x.payload->>'reason'").as("extension_reason"),
    ])
    .where("a.agency_id", "=", agency.id);
  if (options.year !== undefined) {
    q = q
      .where("a.received_on", ">=", `${options.year}-01-01`)
      .where("a.received_on", "<=", `${options.year}-12-31`);
  }
  const rows = await q.orderBy("a.received_on").orderBy("a.tracking_no").execute();
  const ambiguous = await ambiguousHandlerNames(db, agency.id);
  const fields = new Set<PersonalField>();
  let casesShown = 0;
  const body = await writeLedgerWorkbook(
    rows.map((r) => {
      const stored = r.applicant as unknown as Applicant;
      const given = { name: stored.name, idNumber: stored.idNumber, phone: stored.phone };
      const applicant = isFull ? given : maskApplicant(given);
      const present = personalFieldsPresent(given);
      if (isFull && present.length > 0) {
        casesShown++;
        for (const field of present) fields.add(field);
      }
      return ledgerRowOfCase({
        number: r.ledger_no ?? r.tracking_no,
        channel: r.channel as Channel,
        applicantType: r.applicant_type as ApplicantType,
        applicantName: String(stored.name ?? ""),
        applicantIdNumber: applicant.idNumber,
        applicantPhone: applicant.phone,
        description: r.description,
        facts: r.facts,
        outcome: r.outcome as OutcomeId | null,
        dispositionOn: r.disposition_on as CivilDate | null,
        deliveredOn: r.delivered_on as CivilDate | null,
        extensionReason: r.extension_reason,
        handler: r.display_name === null ? null : ambiguous.has(r.display_name) ? r.username : r.display_name,
      });
    }),
  );
  return {
    body,
    cases: rows.length,
    shown: { cases: casesShown, fields: PERSONAL_FIELDS.filter((f) => fields.has(f)) },
  };
}
