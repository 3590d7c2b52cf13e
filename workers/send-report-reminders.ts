import { civilDateInChina } from "../src/domain/civil-date.ts";
import { publicationDueOn } from "../src/reports/publication-due.ts";
import { agencyAdminEmails } from "./handlers/find-recipients.ts";
import type { HandlerDeps } from "./handlers/handler-deps.ts";
import { sendNotificationOnce } from "./handlers/send-notification-once.ts";

/** Days of the due month on which an agency whose report is still open is reminded. */
export const REPORT_REMINDER_DAYS = [5, 15, 25] as const;

/**
 * art. 49: departments publish last year's annual report by 31 January, governments (townships
 * included) by 31 March. On the reminder days of that month, every agency whose report for last
 * year is not closed yet gets a mail to its admins, once per agency and day.
 */
export async function sendReportReminders(deps: Omit<HandlerDeps, "jobHour">): Promise<number> {
  const today = civilDateInChina(deps.now());
  const day = Number(today.slice(8, 10));
  if (!(REPORT_REMINDER_DAYS as readonly number[]).includes(day)) return 0;
  const year = Number(today.slice(0, 4)) - 1;
  const agencies = await deps.db
    .selectFrom("agencies as g")
    .leftJoin("report_versions as v", (j) => j.onRef("v.agency_id", "=", "g.id").on("v.year", "=", year))
    .select(["g.id", "g.code", "g.name", "g.kind"])
    .where("v.version", "is", null)
    .execute();
  let sent = 0;
  for (const a of agencies) {
    const dueOn = publicationDueOn(a.kind, year);
    if (dueOn.slice(0, 7) !== today.slice(0, 7)) continue;
    const to = await agencyAdminEmails(deps.db, a.id);
    if (to.length === 0) continue;
    const subject = `【年报提醒】${a.name}${year}年政府信息公开工作年度报告应于${dueOn}前公布`;
    const text = [
      `${a.name}：`,
      "",
      `根据《中华人民共和国政府信息公开条例》第四十九条，本机关${year}年政府信息公开工作年度报告应于 ${dueOn} 前向社会公布。`,
      "系统中该年度报告尚未关闭。请核对表二（主动公开）数据和文字部分，检查无误后关闭年度、下载发布。",
      "",
      "（本邮件由政府信息公开申请办理系统自动发送，请勿直接回复。）",
    ].join("\n");
    const ok = await sendNotificationOnce(deps.db, deps.mailer, {
      key: `report-reminder-${a.code}-${year}-${today}`,
      applicationId: null,
      mail: { to, subject, text },
    });
    if (ok) sent++;
  }
  return sent;
}
