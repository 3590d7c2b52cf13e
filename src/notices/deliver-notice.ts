import type { Kysely } from "kysely";
import type { Database, NoticeChannelStatus } from "../db/schema.ts";
import type { CivilDate } from "../domain/civil-date.ts";
import type { Mailer } from "../mail/create-mailer.ts";
import type { ApplicationService } from "../services/application-service.ts";
import { loadCase } from "../services/case-store.ts";
import { type ApplicantNoticeDraft, composeApplicantNotice } from "./compose-applicant-notice.ts";
import { isNoticeKind, NOTICE_KIND_DEFINITIONS, type SmsTemplateSetting } from "./notice-kinds.ts";
import { type ClaimedNotice, loadNoticeEvent, type NoticeUpdate, updateNotice } from "./notice-store.ts";
import { mobileNumberOf, type SmsGateway } from "./sms-gateway.ts";

/** The part of a pino logger the relay writes to. */
export interface NoticeLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface DeliverDeps {
  db: Kysely<Database>;
  applications: Pick<ApplicationService, "get">;
  mailer: Mailer;
  /** null: SMS_WEBHOOK_URL not set, no SMS. */
  sms: SmsGateway | null;
  smsTemplates: Record<SmsTemplateSetting, string>;
  logger: NoticeLogger;
  /** Attempts per channel before it is marked failed (OGI_NOTICE_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** The first retry's delay; each further one doubles it, up to an hour. Default: 60. */
  retryBaseSeconds?: number | undefined;
  /** How often a reply's notice looks again for its issued letter. Default: 60. */
  letterWaitSeconds?: number | undefined;
  /**
   * How long a reply's notice waits, after its letter was issued, for the PDF the letter is
   * frozen as (made after the issue, src/documents); then it goes with the DOCX. Default: 10.
   */
  pdfWaitMinutes?: number | undefined;
  /** The service's clock (letters are dated by it). */
  now: () => Date;
}

export type DeliveryOutcome = "done" | "retry" | "waiting_letter" | "cancelled";

/** A failure's code for the log and the staff's list: never the SMTP answer's words (they name the recipient). */
function failureCode(err: unknown): string {
  const e = err as { responseCode?: unknown; code?: unknown; name?: unknown };
  if (typeof e.responseCode === "number") return `smtp_${e.responseCode}`;
  if (e.name === "SmsError" && typeof e.code === "string") return e.code;
  if (typeof e.code === "string" && /^[A-Z_]+$/.test(e.code)) return e.code.toLowerCase();
  return "error";
}

interface ChannelResult {
  status: NoticeChannelStatus;
  attempts: number;
  error: string | null;
  sent: boolean;
}

async function attempt(
  status: NoticeChannelStatus,
  attempts: number,
  maxAttempts: number,
  send: (() => Promise<void>) | null,
): Promise<ChannelResult> {
  if (status !== "pending") return { status, attempts, error: null, sent: false };
  if (!send) return { status: "none", attempts, error: null, sent: false };
  try {
    await send();
    return { status: "sent", attempts: attempts + 1, error: null, sent: true };
  } catch (err) {
    const failed = attempts + 1 >= maxAttempts;
    return {
      status: failed ? "failed" : "pending",
      attempts: attempts + 1,
      error: failureCode(err),
      sent: false,
    };
  }
}

/**
 * Delivers one claimed notice: cancelled when its event was superseded meanwhile; a reply waits
 * for its letter to be issued; else the mail (when the applicant gave an e-mail address), marked
 * sent at once, then the SMS (a mobile number and SMS_WEBHOOK_URL). A failed channel is retried
 * with backoff, then marked failed. A crash between a send and its mark sends that one message
 * again (the mail with the same Message-ID, the SMS with the same outId).
 */
export async function deliverNotice(deps: DeliverDeps, n: ClaimedNotice): Promise<DeliveryOutcome> {
  const log = { noticeId: n.id, applicationId: n.application_id, kind: n.kind };
  const [event, c] = await Promise.all([
    loadNoticeEvent(deps.db, n.application_id, n.event_seq),
    loadCase(deps.db, n.application_id),
  ]);
  if (!event || !c || event.superseded_by_seq !== null || !isNoticeKind(n.kind)) {
    const cancel = (s: NoticeChannelStatus): NoticeChannelStatus => (s === "pending" ? "cancelled" : s);
    await updateNotice(deps.db, n.id, {
      status: "cancelled",
      skip_reason: "superseded",
      mail_status: cancel(n.mail_status),
      sms_status: cancel(n.sms_status),
    });
    deps.logger.info(log, "applicant notice cancelled: its event was superseded");
    return "cancelled";
  }
  const draft = await composeApplicantNotice(deps, c, {
    kind: n.kind,
    eventSeq: n.event_seq,
    on: event.effective_on as CivilDate,
    payload: (event.payload ?? {}) as Record<string, unknown>,
  });
  const words = { text: draft.text, letter_serial: draft.letterSerial };
  if (NOTICE_KIND_DEFINITIONS[n.kind].waitsForLetter && isWaitingForLetter(deps, draft)) {
    // no words yet: the status page tells of a reply once its letter goes out with it
    await updateNotice(deps.db, n.id, {}, { retryAfterSeconds: deps.letterWaitSeconds ?? 60 });
    return "waiting_letter";
  }
  const mail = await attempt(n.mail_status, n.mail_attempts, deps.maxAttempts, mailSender(deps, n, draft));
  await updateNotice(
    deps.db,
    n.id,
    {
      ...words,
      attachment: draft.attachment?.filename ?? null,
      mail_status: mail.status,
      mail_attempts: mail.attempts,
      mail_error: mail.error,
    },
    { mailSent: mail.sent },
  );
  const sms = await attempt(n.sms_status, n.sms_attempts, deps.maxAttempts, smsSender(deps, n, draft));
  const isDone = mail.status !== "pending" && sms.status !== "pending";
  const change: NoticeUpdate = {
    sms_status: sms.status,
    sms_attempts: sms.attempts,
    sms_error: sms.error,
    ...(isDone ? { status: "done" } : {}),
  };
  const tries = Math.max(
    mail.status === "pending" ? mail.attempts : 0,
    sms.status === "pending" ? sms.attempts : 0,
  );
  const backoff = Math.min(3600, (deps.retryBaseSeconds ?? 60) * 2 ** Math.max(0, tries - 1));
  await updateNotice(deps.db, n.id, change, { smsSent: sms.sent, retryAfterSeconds: isDone ? 0 : backoff });
  const level = mail.error || sms.error ? "warn" : "info";
  deps.logger[level](
    { ...log, mail: mail.status, mailError: mail.error, sms: sms.status, smsError: sms.error },
    isDone ? "applicant notice delivered" : "applicant notice to retry",
  );
  return isDone ? "done" : "retry";
}

/** A reply goes with its letter: issued (numbered), and frozen as PDF unless that takes too long. */
function isWaitingForLetter(deps: DeliverDeps, draft: ApplicantNoticeDraft): boolean {
  if (draft.letterSerial === null) return true;
  if (draft.pdfPendingSince === null) return false;
  const waitedMs = deps.now().getTime() - draft.pdfPendingSince.getTime();
  return waitedMs < (deps.pdfWaitMinutes ?? 10) * 60_000;
}

function mailSender(deps: DeliverDeps, n: ClaimedNotice, draft: ApplicantNoticeDraft) {
  const to = draft.email;
  if (!to) return null;
  return () =>
    deps.mailer.send({
      to: [to],
      subject: draft.subject,
      text: draft.text,
      messageId: `<ogi-notice-${n.id}.${n.application_id}@ogi.invalid>`,
      attachments: draft.attachment ? [draft.attachment] : [],
    });
}

function smsSender(deps: DeliverDeps, n: ClaimedNotice, draft: ApplicantNoticeDraft) {
  const phone = mobileNumberOf(draft.phone);
  const gateway = deps.sms;
  if (!phone || !gateway || !isNoticeKind(n.kind)) return null;
  const templateId = deps.smsTemplates[NOTICE_KIND_DEFINITIONS[n.kind].smsTemplate];
  return () => gateway.send({ phone, templateId, params: draft.smsParams, outId: `ogi-notice-${n.id}` });
}
