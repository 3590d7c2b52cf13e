import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { sendReportReminders } from "../../workers/send-report-reminders.ts";
import { freshPostgresUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import { collectingLogger, EMAILS, makeService, openMigratedDatabase, seedTown } from "./worker-fixtures.ts";

let db: DatabaseHandle;
let sink: SmtpSink;
let clock = new Date("2026-03-15T01:00:00Z");
const now = () => clock;

beforeAll(async () => {
  [db, sink] = await Promise.all([freshPostgresUrl().then(openMigratedDatabase), startSmtpSink()]);
  await seedTown(db.db, now);
});
afterAll(async () => {
  await sink.stop();
  await db.close();
});

function deps() {
  return {
    db: db.db,
    applications: makeService(db.db, now),
    calendars: makeCalendarStore(db.db),
    mailer: createMailer({ smtpUrl: sink.url, outboxDir: "/nonexistent", from: "ogi@example.gov.cn" }),
    now,
    logger: collectingLogger(),
  };
}

describe("annual report reminders (art. 49)", () => {
  it("reminds the admin of a township whose report is open on 15 March, once that day", async () => {
    expect(await sendReportReminders(deps())).toBe(1);
    expect(await sendReportReminders(deps())).toBe(0);
    const mail = await sink.waitFor((m) => m.subject.startsWith("【年报提醒】"));
    expect(mail.subject).toBe("【年报提醒】某镇人民政府2025年政府信息公开工作年度报告应于2026-03-31前公布");
    expect(mail.to).toEqual([EMAILS.admin]);
  });

  it("stays silent on other days and once the report is closed", async () => {
    clock = new Date("2026-03-16T01:00:00Z");
    expect(await sendReportReminders(deps())).toBe(0);
    clock = new Date("2026-03-25T01:00:00Z");
    const town = await db.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "town")
      .executeTakeFirstOrThrow();
    await db.db
      .insertInto("report_versions")
      .values({ agency_id: town.id, year: 2025, version: 1, data: "{}", reason: null, closed_by: null })
      .execute();
    expect(await sendReportReminders(deps())).toBe(0);
    // a government's report is due in March too, a department's in January: none here
    clock = new Date("2026-01-15T01:00:00Z");
    expect(await sendReportReminders(deps())).toBe(0);
  });
});
