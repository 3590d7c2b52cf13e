import type { WorkingCalendar } from "../../src/domain/calendar/calendar.ts";
import { type CivilDate, formatWithWeekday } from "../../src/domain/civil-date.ts";
import type { Clock } from "../../src/domain/deadlines/clock.ts";

const EXCERPT_CHARS = 120;
const FOOTER = "（本邮件由政府信息公开申请办理系统自动发送，请勿直接回复。）";

export interface MailText {
  subject: string;
  text: string;
}

/** What a deadline mail says of its case (read with the claim of its row). */
export interface MailCase {
  id: string;
  trackingNo: string;
  agencyName: string;
  applicantName: string;
  receivedOn: CivilDate;
  description: string;
  /** The handler's display name. */
  handler: string | null;
  /** The state as a clerk reads it (describeState). */
  stateLabel: string;
}

interface MailContext {
  view: MailCase;
  clock: Pick<Clock, "label" | "dueOn" | "explanation">;
  today: CivilDate;
  calendar: WorkingCalendar;
  publicUrl?: string | undefined;
}

/** `【办理提醒】申请 town-2026-00001 答复期限 2026-03-30（还有2个工作日）` and its body. */
export function composeReminderMail(c: MailContext): MailText {
  const left = c.calendar.countWorkdays(c.today, c.clock.dueOn);
  const remaining = left > 0 ? `还有${left}个工作日` : "今日到期";
  const subject = `【办理提醒】申请 ${c.view.trackingNo} ${c.clock.label} ${c.clock.dueOn}（${remaining}）`;
  const lead = `申请 ${c.view.trackingNo} 的${c.clock.label}为 ${formatWithWeekday(c.clock.dueOn)}，${remaining}，请及时办理。`;
  return { subject, text: body(c, lead) };
}

/** `【逾期督办】申请 town-2026-00001 答复期限 2026-03-30（已逾期3个工作日）` and its body. */
export function composeOverdueMail(c: MailContext): MailText {
  const late = c.calendar.countWorkdays(c.clock.dueOn, c.today);
  const overdue = late > 0 ? `已逾期${late}个工作日` : "已超过期限";
  const subject = `【逾期督办】申请 ${c.view.trackingNo} ${c.clock.label} ${c.clock.dueOn}（${overdue}）`;
  const lead =
    `申请 ${c.view.trackingNo} 的${c.clock.label}为 ${formatWithWeekday(c.clock.dueOn)}，至今未作出答复，${overdue}。` +
    "请督促承办人尽快办理（《政府信息公开条例》第三十三条）。";
  return { subject, text: body(c, lead) };
}

/**
 * The Message-ID of a deadline row's mail, from its notification key (the job id): the same for
 * every send of that key, so a receiver that deduplicates by it sees once a batch sent again after
 * a crash before its commit. Characters a msg-id may not hold are written `=XXXX` (so two keys
 * never share one). nodemailer then makes no random id (30–120 µs of CPU a mail, measured here).
 */
export function deadlineMessageId(jobId: string): string {
  const local = jobId.replace(
    /[^A-Za-z0-9.-]/g,
    (ch) => `=${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<ogi-deadline-${local}@ogi.invalid>`;
}

/** The case's link in the web UI, when PUBLIC_URL is set. */
export function caseLink(publicUrl: string | undefined, applicationId: string): string | undefined {
  return publicUrl
    ? `${publicUrl.replace(/\/+$/, "")}/cases/${encodeURIComponent(applicationId)}`
    : undefined;
}

export function excerpt(text: string, chars = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > chars ? `${flat.slice(0, chars)}……` : flat;
}

function body(c: MailContext, lead: string): string {
  const v = c.view;
  const link = caseLink(c.publicUrl, v.id);
  const lines = [
    `${v.agencyName}：`,
    "",
    lead,
    "",
    `申请编号：${v.trackingNo}`,
    `申请人：${v.applicantName}`,
    `收到申请日期：${formatWithWeekday(v.receivedOn)}`,
    `申请内容：${excerpt(v.description)}`,
    `承办人：${v.handler ?? "未指定"}`,
    `当前状态：${v.stateLabel}`,
    "",
    `${c.clock.label}计算：`,
    ...c.clock.explanation.map((l) => `  ${l}`),
  ];
  if (link) lines.push("", `查看申请：${link}`);
  lines.push("", FOOTER);
  return lines.join("\n");
}
