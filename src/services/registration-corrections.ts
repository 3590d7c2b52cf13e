/**
 * 更正登记信息 (issue 11): what a correction changes on a case's row. Pure: the service locks the
 * row, this compares, `writeCase` replays and persists.
 */
import { AppError } from "../app-error.ts";
import type { DbApplication } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import { MASKING, maskValue, PERSONAL_FIELDS, type PersonalField } from "../domain/personal-data.ts";
import type { Applicant, RegistrationChanges } from "./application-types.ts";
import type { RegistrationColumns } from "./write-case.ts";

/** Old and new value of one corrected field; personal data as masked (absent when left out). */
export interface Correction {
  from?: unknown;
  to?: unknown;
}

/** The applicant's fields, then the case's, in the order the log names them. */
const APPLICANT_FIELDS = ["type", "name", "idType", "idNumber", "phone", "email", "address"] as const;

/**
 * The corrected fields (by name: `applicant.name`, `receivedOn`, …) and the row columns they
 * set. A value equal to the stored one is no correction; none at all is 422.
 */
export function registrationCorrections(
  row: DbApplication,
  changes: RegistrationChanges,
  today: CivilDate,
): { corrections: Record<string, Correction>; columns: RegistrationColumns } {
  const corrections: Record<string, Correction> = {};
  const columns: RegistrationColumns = {};
  if (changes.applicant) {
    const before = row.applicant as unknown as Applicant;
    for (const field of APPLICANT_FIELDS) {
      const from = before[field];
      const to = changes.applicant[field];
      if ((from ?? null) !== (to ?? null)) corrections[`applicant.${field}`] = recorded(field, from, to);
    }
    if (APPLICANT_FIELDS.some((f) => `applicant.${f}` in corrections)) {
      columns.applicant = { ...changes.applicant };
      if (before.type !== changes.applicant.type) columns.applicant_type = changes.applicant.type;
    }
  }
  if (changes.receivedOn !== undefined && changes.receivedOn > today) {
    throw new AppError("invalid_input", {
      message: `收到日期不能晚于今天（${today}）`,
      details: [{ field: "changes.receivedOn", message: `不能晚于今天（${today}）` }],
    });
  }
  const simple = [
    ["description", "description", changes.description],
    ["channel", "channel", changes.channel],
    ["receivedOn", "received_on", changes.receivedOn],
    ["deliveryForm", "delivery_form", changes.deliveryForm],
    ["trackingNumber", "mail_tracking_no", changes.trackingNumber],
  ] as const;
  for (const [field, column, to] of simple) {
    const from = row[column];
    if (to === undefined || to === from) continue;
    corrections[field] = { from, to };
    (columns as Record<string, unknown>)[column] = to;
  }
  const channel = columns.channel ?? row.channel;
  const tracking = "mail_tracking_no" in columns ? columns.mail_tracking_no : row.mail_tracking_no;
  if (channel !== "post" && tracking) {
    if (changes.trackingNumber !== undefined) {
      throw new AppError("invalid_input", {
        message: "挂号单号仅用于信函申请（申请方式为信函）",
        details: [{ field: "changes.trackingNumber", message: "仅信函申请填写" }],
      });
    }
    // A posted application corrected to another channel has no 挂号单号 any more.
    corrections.trackingNumber = { from: tracking, to: null };
    columns.mail_tracking_no = null;
  }
  if (Object.keys(corrections).length === 0) {
    throw new AppError("invalid_input", {
      message: "没有需要更正的内容：所填各项与已登记的相同",
      details: [{ field: "changes", message: "没有需要更正的内容" }],
    });
  }
  return { corrections, columns };
}

/** Personal data is kept in the log as anywhere outside the case page: masked, or left out. */
function recorded(field: (typeof APPLICANT_FIELDS)[number], from: unknown, to: unknown): Correction {
  if (!(PERSONAL_FIELDS as readonly string[]).includes(field)) return { from: from ?? null, to: to ?? null };
  const rule = MASKING[field as PersonalField];
  if (rule === "omit") return {};
  const mask = (v: unknown) => (typeof v === "string" ? maskValue(v, rule) : null);
  return { from: mask(from), to: mask(to) };
}
