// 给申请人的通知 on the case page (issue 12, point 3): the notices the relay sent, each with its mail
// and SMS state — sent (and when), failed (the code and the attempts) — and the words sent when a
// row is expanded; desktop and phone (390×844), screenshots.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { civilDateInChina } from "../../src/domain/civil-date.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { createSmsWebhook } from "../../src/notices/sms-gateway.ts";
import { runNoticeRelay } from "../../workers/run-notice-relay.ts";
import { smsTemplatesOf } from "../../workers/start-notice-relay.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import { type BrowserSuite, startBrowserSuite } from "./support/browser-suite.ts";
import { waitForText } from "./support/ui-helpers.ts";

const EMAIL = "zhou.jiu@example.com";

describe("给申请人的通知 on the case page (browser)", () => {
  let s: BrowserSuite;
  let smtp: SmtpSink;
  let id = "";
  beforeAll(async () => {
    smtp = await startSmtpSink();
    s = await startBrowserSuite("notices-card");
    const today = civilDateInChina(s.system.core.now());
    const app = await s.api<{ id: string; trackingNo: string }>("clerk", "POST", "/api/v1/applications", {
      agencyCode: "town",
      channel: "in_person",
      receivedOn: today,
      applicant: { type: "natural_person", name: "周九", email: EMAIL, phone: "13811112222" },
      description: "本镇2026年度农村道路建设项目的招标文件",
    });
    expect(app.status).toBe(201);
    id = app.body.id;
    const core = s.system.core;
    const run = await runNoticeRelay({
      db: core.database.db,
      queue: s.system.queue,
      applications: core.applications,
      calendars: core.calendars,
      mailer: createMailer({
        smtpUrl: smtp.url,
        outboxDir: "/nonexistent",
        from: "ogi <ogi@example.gov.cn>",
      }),
      // a gateway nobody listens on: the SMS fails, once, and is marked failed
      sms: createSmsWebhook({ url: "http://127.0.0.1:9/sms", signName: "某镇" }),
      smsTemplates: smsTemplatesOf({ OGI_JOB_HOUR: 0, OGI_RECONCILE_MINUTES: 5 }),
      logger: { info: () => {}, warn: () => {} },
      maxAttempts: 1,
      now: core.now,
      recentWorkdays: 3,
    });
    expect(run).toMatchObject({ mode: "ran", inserted: 1, delivered: 1 });
    expect(smtp.messages.map((m) => m.to)).toEqual([[EMAIL]]);
  });
  afterAll(async () => {
    await s?.close();
    await smtp?.stop();
  });

  for (const [label, viewport] of [
    ["desktop", { width: 1440, height: 900 }],
    ["phone", { width: 390, height: 844 }],
  ] as const) {
    it(`${label}: the receipt's notice, its mail sent, its SMS failed, its words`, async () => {
      const page = await s.openAs("handler", `/applications/${id}`);
      await page.setViewportSize(viewport);
      const card = page.locator(".ant-card").filter({ hasText: "给申请人的通知" });
      await waitForText(card, "登记回执");
      const notice = card.locator(".notice-item").filter({ hasText: "登记回执" });
      await expect.poll(async () => (await notice.textContent()) ?? "").toContain("已发送");
      expect(await notice.textContent()).toContain("发送失败（network，1 次）");
      // the words the applicant got (folded to two lines, 展开 shows them all)
      await waitForText(notice, "收到您的政府信息公开申请");
      await card.scrollIntoViewIfNeeded();
      await s.shot(page, `notices-${label}`);
    });
  }
});
