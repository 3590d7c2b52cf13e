import { type CivilDate, civilDateInChina } from "../src/domain/civil-date.ts";
import { SYSTEM_ACTOR } from "../src/services/actor.ts";
import type { ApplicationView } from "../src/services/application-types.ts";
import { caseLink } from "./handlers/compose-deadline-mail.ts";
import { agencyAdminEmails } from "./handlers/find-recipients.ts";
import type { HandlerDeps } from "./handlers/handler-deps.ts";
import { sendNotificationOnce } from "./handlers/send-notification-once.ts";

export type DigestDeps = Omit<HandlerDeps, "jobHour">;

export interface DigestResult {
  /** Agencies with overdue open cases today. */
  agencies: number;
  /** Digests sent by this call (not counting those sent earlier today or by another worker). */
  sent: number;
}

/**
 * Once a day, each agency's admins get the list of its open cases whose reply deadline has
 * passed: once per agency per day (notification key `digest-<agency code>-<date>`).
 */
export async function sendOverdueDigests(deps: DigestDeps): Promise<DigestResult> {
  const today = civilDateInChina(deps.now());
  const byAgency = await overdueCasesByAgency(deps, today);
  const calendar = await deps.calendars.get();
  let sent = 0;
  for (const { agencyId, views } of byAgency.values()) {
    const first = views[0] as ApplicationView;
    const to = await agencyAdminEmails(deps.db, agencyId);
    if (to.length === 0) {
      deps.logger.warn(
        { agency: first.agencyCode },
        "overdue digest not sent: the agency has no admin with an email",
      );
      continue;
    }
    const lines = views.map((v) => {
      const late = calendar.countWorkdays(v.deadlines.reply.dueOn, today);
      const link = caseLink(deps.publicUrl, v.id);
      return (
        `- ${v.trackingNo}　申请人：${v.applicant.name}　答复期限：${v.deadlines.reply.dueOn}` +
        `（已逾期${late}个工作日）　承办人：${v.handler ?? "未指定"}${link ? `\n  ${link}` : ""}`
      );
    });
    const subject = `【逾期汇总】${first.agencyName} ${today} 共${views.length}件申请逾期未答复`;
    const text = [
      `${first.agencyName}：`,
      "",
      `截至 ${today}，本机关以下 ${views.length} 件政府信息公开申请已超过答复期限，尚未答复：`,
      "",
      ...lines,
      "",
      "（本邮件由政府信息公开申请办理系统每日自动发送，请勿直接回复。）",
    ].join("\n");
    const key = `digest-${first.agencyCode}-${today}`;
    if (
      await sendNotificationOnce(deps.db, deps.mailer, {
        key,
        applicationId: null,
        mail: { to, subject, text },
      })
    )
      sent++;
  }
  return { agencies: byAgency.size, sent };
}

/** Open cases whose reply clock, computed now, is missed; grouped by agency, oldest due first. */
async function overdueCasesByAgency(deps: DigestDeps, today: CivilDate) {
  const candidates = await deps.db
    .selectFrom("applications")
    .select(["id", "agency_id"])
    .where("disposition_on", "is", null)
    .where("reply_due_on", "<", today)
    .orderBy("agency_id")
    .orderBy("reply_due_on")
    .execute();
  const byAgency = new Map<number, { agencyId: number; views: ApplicationView[] }>();
  for (const c of candidates) {
    const view = await deps.applications.get(SYSTEM_ACTOR, c.id);
    if (view.deadlines.reply.state !== "missed" || view.dispositionOn !== null) continue;
    const entry = byAgency.get(c.agency_id) ?? { agencyId: c.agency_id, views: [] };
    entry.views.push(view);
    byAgency.set(c.agency_id, entry);
  }
  return byAgency;
}
