// The staff's view of the notices to the applicant (GET /api/v1/applications/:id/notices) and the
// relay on both databases: the embedded PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { listApplicantNotices } from "../../src/notices/list-applicant-notices.ts";
import { createSmsWebhook } from "../../src/notices/sms-gateway.ts";
import { makeApplicationService } from "../../src/services/application-service.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { runNoticeRelay } from "../../workers/run-notice-relay.ts";
import { smsTemplatesOf } from "../../workers/start-notice-relay.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp } from "../http/helpers/test-app.ts";
import { freshQueuePrefix, redisUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import { type SmsSink, startSmsSink } from "./sms-sink.ts";

const PHONE = "13700001111";
const EMAIL = "applicant-http@example.com";

interface NoticeList {
  items: {
    kind: string;
    on: string;
    status: string;
    text: string | null;
    mail: { status: string; attempts: number; sentAt: string | null; error: string | null };
    sms: { status: string; attempts: number; sentAt: string | null; error: string | null };
  }[];
}

describe.each(BACKENDS)("notices to the applicant over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  let smtp: SmtpSink;
  let sms: SmsSink;
  let queue: DeadlineQueue;
  let id: string;

  beforeAll(async () => {
    [t, smtp, sms] = await Promise.all([
      databaseUrl().then((url) => startTestApp(url)),
      startSmtpSink(),
      startSmsSink(),
    ]);
    queue = createDeadlineQueue(redisUrl(), { prefix: freshQueuePrefix() });
    const r = await t.call<{ id: string }>("POST", "/api/v1/applications", {
      as: "clerk",
      body: {
        agencyCode: "town",
        channel: "online",
        receivedOn: "2026-03-20",
        applicant: { type: "natural_person", name: "赵六", phone: PHONE, email: EMAIL },
        description: "本镇2025年财政预算执行情况",
      },
    });
    expect(r.status).toBe(201);
    id = r.body.id;
    const now = () => t.clock.now;
    const applications = makeApplicationService({
      db: t.db,
      calendars: makeCalendarStore(t.db),
      now,
      settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
    });
    const run = await runNoticeRelay({
      db: t.db,
      queue,
      applications,
      calendars: makeCalendarStore(t.db),
      mailer: createMailer({
        smtpUrl: smtp.url,
        outboxDir: "/nonexistent",
        from: "ogi <ogi@example.gov.cn>",
      }),
      sms: createSmsWebhook({ url: sms.url, secret: "s", signName: "某镇" }),
      smsTemplates: smsTemplatesOf({ OGI_JOB_HOUR: 0, OGI_RECONCILE_MINUTES: 5 }),
      logger: { info: () => {}, warn: () => {} },
      maxAttempts: 3,
      now,
      recentWorkdays: 3,
    });
    expect(run).toMatchObject({ mode: "ran", inserted: 1, delivered: 1 });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await queue?.close();
    await Promise.all([t?.close(), smtp?.stop(), sms?.stop()]);
  });

  it("lists what was sent, when and by which channel, to whoever may read the case", async () => {
    const r = await t.call<NoticeList>("GET", `/api/v1/applications/${id}/notices`, { as: "handler" });
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    const [notice] = r.body.items;
    expect(notice).toMatchObject({
      kind: "receipt",
      on: "2026-03-20",
      status: "done",
      mail: { status: "sent", attempts: 1, error: null },
      sms: { status: "sent", attempts: 1, error: null },
    });
    expect(Date.parse(notice?.mail.sentAt ?? "")).not.toBeNaN();
    const view = await t.call<{ deadlines: { reply: { dueOn: string } } }>(
      "GET",
      `/api/v1/applications/${id}`,
      {
        as: "handler",
      },
    );
    expect(view.body.deadlines.reply.dueOn).toBe("2026-04-20"); // 20 WD from 03-20, 清明 skipped
    expect(notice?.text).toContain("答复期限至2026年4月20日");
    // the applicant's contact is the case page's, never this list's
    expect(JSON.stringify(r.body)).not.toContain(PHONE);
    expect(JSON.stringify(r.body)).not.toContain(EMAIL);
    expect((await t.call("GET", `/api/v1/applications/${id}/notices`, { as: "supervisor" })).status).toBe(
      200,
    );
    expect(smtp.messages.map((m) => m.to)).toEqual([[EMAIL]]);
    expect(sms.received.map((m) => m.body.phone)).toEqual([PHONE]);
    expect(await listApplicantNotices(t.db, id)).toEqual([
      { kind: "receipt", on: "2026-03-20", text: notice?.text },
    ]);
  });

  it("answers another agency's user 404 and an anonymous caller 401", async () => {
    const outsider = await t.call<{ error: { message: string } }>(
      "GET",
      `/api/v1/applications/${id}/notices`,
      {
        as: "outsider",
      },
    );
    expect(outsider.status).toBe(404);
    expect((await t.call("GET", `/api/v1/applications/${id}/notices`, { as: null })).status).toBe(401);
  });
});
