// Which notices go, and exactly once (issue 12, point 3): backdated, imported, demo and
// superseded events never mail; a crash, two relays or a relay run again send one mail per
// notice; a failing SMS gateway is retried then marked failed; the workers run the relay.
import { describe, expect, it } from "vitest";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { collectNotices, skipNoticeBacklog } from "../../src/notices/collect-notices.ts";
import { listApplicantNotices, listCaseNotices } from "../../src/notices/list-applicant-notices.ts";
import { claimDueNotices, readRelayWatermark } from "../../src/notices/notice-store.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { runNoticeRelay } from "../../workers/run-notice-relay.ts";
import { startWorkers } from "../../workers/start-workers.ts";
import { freshQueuePrefix, redisUrl } from "../support/services.ts";
import { d, waitUntil } from "../workers/worker-fixtures.ts";
import { EMAIL, NAME, now, PHONE, SECRET, setUpNoticeSuite } from "./notice-fixtures.ts";

const s = setUpNoticeSuite();

describe("which notices go, and once", () => {
  it("a backdated history older than the window, or a ledger import: no mail", async () => {
    // today 2026-03-26 less 3 WD is 2026-03-23: a receipt dated 03-20 is long past
    const old = await s.registerCase("2026-03-20");
    const imported = await s.registerCase("2026-03-25", { ledgerNo: "台账-2026-7" });
    await s.relay();
    expect(s.mailsFor(old.trackingNo)).toHaveLength(0);
    expect(s.mailsFor(imported.trackingNo)).toHaveLength(0);
    expect(s.smsFor(old.trackingNo)).toHaveLength(0);
    expect((await listCaseNotices(s.db.db, old.id)).map((n) => [n.status, n.reason])).toEqual([
      ["skipped", "backdated"],
    ]);
    expect((await listCaseNotices(s.db.db, imported.id)).map((n) => [n.status, n.reason])).toEqual([
      ["skipped", "imported"],
    ]);
    expect(await listApplicantNotices(s.db.db, old.id)).toEqual([]);
  });

  it("the demo's load: its events are marked skipped before any relay sees them", async () => {
    const demo = await s.registerCase("2026-03-26");
    await skipNoticeBacklog({ db: s.db.db, calendars: makeCalendarStore(s.db.db), now, recentWorkdays: 0 });
    await s.relay();
    expect(s.mailsFor(demo.trackingNo)).toHaveLength(0);
    expect((await listCaseNotices(s.db.db, demo.id)).map((n) => [n.status, n.reason])).toEqual([
      ["skipped", "demo"],
    ]);
  });

  it("a withdrawal online (the portal acts for the applicant, no user): acknowledged", async () => {
    const app = await s.registerCase("2026-03-25", { phone: false });
    const town = s.actors.clerk;
    const portal = {
      ...town,
      userId: null,
      username: "portal",
      displayName: "申请人（网上）",
      roles: ["intake" as const],
    };
    await s.service.act(portal, app.id, { type: "withdraw", on: d("2026-03-26") });
    await s.relay();
    const ack = s.mailsFor(app.trackingNo).find((m) => m.subject.startsWith("政府信息公开申请已撤回"));
    expect(ack?.text.trim()).toBe(
      `您已于2026年3月26日撤回政府信息公开申请（申请编号：${app.trackingNo}），某镇人民政府终止办理。`,
    );
  });

  it("a closure the worker recorded and a backdated entry then superseded: cancelled, no mail", async () => {
    // received 03-09, supplement notice handed over 03-10 with 10 WD: the window ended 03-24
    const app = await s.registerCase("2026-03-09");
    await s.service.act(s.actors.handler, app.id, {
      type: "request_supplement",
      on: d("2026-03-10"),
      items: ["请写明所需信息的年份"],
      windowWorkdays: 10,
      sentBy: "in_person",
    });
    expect(await s.service.applyAutomaticEvents(app.id)).toBe(1); // supplement.expired on 03-25, by the system
    await s.relay();
    const pending = await listCaseNotices(s.db.db, app.id);
    expect(pending.map((n) => [n.kind, n.status, n.reason])).toEqual([
      ["receipt", "skipped", "backdated"],
      ["supplement", "skipped", "backdated"],
      ["reply", "pending", null], // waiting for its letter
    ]);
    // the clerk records that the supplement had come in on 03-24: the closure no longer holds
    await s.service.act(s.actors.handler, app.id, { type: "receive_supplement", on: d("2026-03-24") });
    await s.relay();
    const after = await listCaseNotices(s.db.db, app.id);
    expect(after[2]).toMatchObject({
      kind: "reply",
      status: "cancelled",
      reason: "superseded",
      mail: { status: "cancelled" },
    });
    expect(s.mailsFor(app.trackingNo)).toHaveLength(0);
    expect(s.smsFor(app.trackingNo)).toHaveLength(0);
  });

  it("a crash, two relays at once, a relay run again: exactly one mail per notice", async () => {
    const a = await s.registerCase("2026-03-26");
    const b = await s.registerCase("2026-03-26");
    // two workers, each with its own lock prefix (so the Redis lock does not part them) and the same one
    const other = freshQueuePrefix();
    await Promise.all([
      s.relay(),
      runNoticeRelay(s.relayArgs(other)),
      s.relay(),
      runNoticeRelay(s.relayArgs(other)),
    ]);
    await s.relay();
    expect(s.mailsFor(a.trackingNo)).toHaveLength(1);
    expect(s.mailsFor(b.trackingNo)).toHaveLength(1);
    expect(s.smsFor(a.trackingNo)).toHaveLength(1);

    // a relay that died after claiming a notice and before sending it: taken up once the claim runs out
    const c = await s.registerCase("2026-03-26");
    const e = await s.registerCase("2026-03-26");
    // a page of two events at a time: the notices of a, b (read again: no new row), c and e
    const collected = await collectNotices({
      db: s.db.db,
      calendars: makeCalendarStore(s.db.db),
      now,
      recentWorkdays: 3,
      pageSize: 2,
    });
    expect(collected.inserted).toBe(2);
    expect(collected.read).toBeGreaterThanOrEqual(4);
    // a relay claims them (a ten-minute lease) and dies before sending
    const claimed = await claimDueNotices(s.db.db, 10, 600);
    expect(claimed.map((n) => n.application_id)).toEqual(expect.arrayContaining([c.id, e.id]));
    await s.relay(); // the claim still holds: nothing sent
    expect(s.mailsFor(c.trackingNo)).toHaveLength(0);
    await s.db.db
      .updateTable("applicant_notices")
      .set({ claimed_until: new Date(0) })
      .where("application_id", "in", [c.id, e.id])
      .execute(); // the lease ran out
    await s.relay();
    await s.relay();
    expect(s.mailsFor(c.trackingNo)).toHaveLength(1);
    expect(s.mailsFor(e.trackingNo)).toHaveLength(1);
  });

  it("a pass asked to stop ends at its next page, leaves the watermark, and the next pass inserts the rest once", async () => {
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push(await s.registerCase("2026-03-26", { phone: false }));
    const before = await readRelayWatermark(s.db.db);
    let pages = 0;
    const deps = { db: s.db.db, calendars: makeCalendarStore(s.db.db), now, recentWorkdays: 3, pageSize: 1 };
    // a worker stopping after the first page of a backlog
    const stopped = await collectNotices({ ...deps, shouldStop: () => pages++ >= 1 });
    expect(stopped.read).toBe(1);
    expect((await readRelayWatermark(s.db.db)).getTime()).toBe(before.getTime());
    const rest = await collectNotices(deps);
    expect(stopped.inserted + rest.inserted).toBeGreaterThanOrEqual(3);
    for (const c of cases) {
      const rows = await listCaseNotices(s.db.db, c.id);
      expect(rows.filter((n) => n.kind === "receipt")).toHaveLength(1);
    }
  });

  it("a case that cannot be read is set aside; the pass goes on with the other notices", async () => {
    const broken = await s.registerCase("2026-03-26", { phone: false });
    const fine = await s.registerCase("2026-03-26", { phone: false });
    await collectNotices({ db: s.db.db, calendars: makeCalendarStore(s.db.db), now, recentWorkdays: 3 });
    // a stored snapshot the machine cannot restore: reading the case's clocks throws
    await s.db.db
      .updateTable("applications")
      .set({ snapshot: JSON.stringify({ v: 1, value: "noSuchState", context: {} }) })
      .where("id", "=", broken.id)
      .execute();
    const run = await s.relay();
    expect(run).toMatchObject({ mode: "ran", retry: 1 });
    expect(s.mailsFor(fine.trackingNo)).toHaveLength(1);
    expect(s.mailsFor(broken.trackingNo)).toHaveLength(0);
    const [aside] = await listCaseNotices(s.db.db, broken.id);
    expect(aside).toMatchObject({ status: "pending", mail: { status: "pending", attempts: 0 } });
    expect(s.logLines.filter((l) => l.includes("set aside") && l.includes(broken.id))).toHaveLength(1);
    await s.relay(); // not due again for five minutes
    expect(s.mailsFor(broken.trackingNo)).toHaveLength(0);
  });

  it("an SMS gateway that answers 503: retried, then marked failed; the mail is sent once", async () => {
    s.sms.status = 503;
    try {
      const app = await s.registerCase("2026-03-26");
      await s.relay();
      await s.relay();
      await s.relay();
      await s.relay();
      const [notice] = await listCaseNotices(s.db.db, app.id);
      expect(notice).toMatchObject({
        status: "done",
        mail: { status: "sent", attempts: 1, error: null },
        sms: { status: "failed", attempts: 3, error: "http_503", sentAt: null },
      });
      expect(s.mailsFor(app.trackingNo)).toHaveLength(1);
      expect(s.smsFor(app.trackingNo)).toHaveLength(3);
    } finally {
      s.sms.status = 200;
    }
  });

  it("the workers run the relay on their own: a registration is mailed and texted without a call", async () => {
    const workers = await startWorkers({
      db: s.db.db,
      redisUrl: redisUrl(),
      prefix: freshQueuePrefix(),
      applications: s.service,
      mailer: createMailer({
        smtpUrl: s.smtp.url,
        outboxDir: "/nonexistent",
        from: "ogi <ogi@town.example.gov.cn>",
      }),
      logger: s.logger,
      now,
      settings: {
        OGI_JOB_HOUR: 0,
        OGI_RECONCILE_MINUTES: 5,
        OGI_NOTICE_INTERVAL_SECONDS: 0.2,
        SMS_WEBHOOK_URL: s.sms.url,
        SMS_WEBHOOK_SECRET: SECRET,
        SMS_TEMPLATE_RECEIPT: "SMS_RECEIPT_9",
      },
    });
    try {
      const app = await s.registerCase("2026-03-26");
      const mail = await s.smtp.waitFor((m) => m.subject.includes(app.trackingNo), 20_000);
      expect(mail.to).toEqual([EMAIL]);
      const text = await waitUntil(async () => s.smsFor(app.trackingNo)[0], "the receipt's SMS", 20_000);
      expect(text.body.templateId).toBe("SMS_RECEIPT_9");
    } finally {
      await workers.close();
    }
  });

  it("logs no personal data: not the applicant's name, phone or e-mail", () => {
    expect(s.logLines.length).toBeGreaterThan(5);
    expect(s.logLines.join("\n")).toContain("applicant notice delivered");
    for (const secret of [NAME, PHONE, EMAIL, "wang.xiaoming"]) {
      expect(s.logLines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});
