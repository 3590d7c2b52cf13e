import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database, NoticeChannelStatus } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { NoticeKind } from "./notice-kinds.ts";

/** A notice as the applicant's status page shows it. */
export interface ApplicantNoticeMessage {
  kind: NoticeKind;
  /** The date of the event it tells of. */
  on: CivilDate;
  text: string;
  /** The serial number of the letter it carries, once issued. */
  letterSerial?: string;
}

/**
 * The messages of a case for its applicant (the portal's status page), oldest first: every
 * notice composed and not cancelled, whether or not a mail or SMS could go (none skipped by the
 * backdating, import or demo rule, none superseded).
 */
export async function listApplicantNotices(
  db: Kysely<Database>,
  applicationId: string,
): Promise<ApplicantNoticeMessage[]> {
  const rows = await db
    .selectFrom("applicant_notices")
    .select(["kind", sql<string>`effective_on::text`.as("on"), "text", "letter_serial"])
    .where("application_id", "=", applicationId)
    .where("status", "in", ["pending", "done"])
    .where("text", "is not", null)
    .orderBy("event_seq")
    .execute();
  return rows.map((r) => ({
    kind: r.kind as NoticeKind,
    on: r.on as CivilDate,
    text: r.text as string,
    ...(r.letter_serial ? { letterSerial: r.letter_serial } : {}),
  }));
}

/** A notice as the staff's case page lists it: what went, when, by which channel, what failed. */
export interface CaseNotice {
  id: string;
  eventSeq: number;
  kind: NoticeKind;
  on: CivilDate;
  status: "pending" | "done" | "cancelled" | "skipped";
  /** Why skipped or cancelled: backdated, imported, demo, superseded. */
  reason: string | null;
  text: string | null;
  letterSerial: string | null;
  attachment: string | null;
  mail: NoticeChannelView;
  sms: NoticeChannelView;
  createdAt: string;
}

export interface NoticeChannelView {
  /** pending, sent, failed, none (no address, or no SMS gateway), cancelled. */
  status: NoticeChannelStatus;
  attempts: number;
  sentAt: string | null;
  /** The last failure's code (smtp_550, http_503, timeout…), never the server's words. */
  error: string | null;
}

/** Every notice of a case, skipped and cancelled ones too, oldest first. */
export async function listCaseNotices(db: Kysely<Database>, applicationId: string): Promise<CaseNotice[]> {
  const rows = await db
    .selectFrom("applicant_notices")
    .selectAll()
    .select(sql<string>`effective_on::text`.as("on"))
    .where("application_id", "=", applicationId)
    .orderBy("event_seq")
    .execute();
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return rows.map((r) => ({
    id: String(r.id),
    eventSeq: r.event_seq,
    kind: r.kind as NoticeKind,
    on: r.on as CivilDate,
    status: r.status,
    reason: r.skip_reason,
    text: r.text,
    letterSerial: r.letter_serial,
    attachment: r.attachment,
    mail: {
      status: r.mail_status,
      attempts: r.mail_attempts,
      sentAt: iso(r.mail_sent_at),
      error: r.mail_error,
    },
    sms: { status: r.sms_status, attempts: r.sms_attempts, sentAt: iso(r.sms_sent_at), error: r.sms_error },
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
