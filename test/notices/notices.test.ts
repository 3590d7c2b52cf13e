// Notices to the applicant (issue 12, point 3): the relay reads the case events, mails the
// applicant (a real SMTP sink), sends an SMS to a real HTTP sink standing in for the gateway, and
// lists the messages of the status page. PostgreSQL and Redis of the run, no mocks.

import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/create-database.ts";
import { makeSofficeConverter } from "../../src/documents/convert-docx-to-pdf.ts";
import { freezeLetterPdf } from "../../src/documents/freeze-letter-pdfs.ts";
import { makeLetterService } from "../../src/letters/letter-service.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { listApplicantNotices, listCaseNotices } from "../../src/notices/list-applicant-notices.ts";
import { chineseDay } from "../../src/notices/notice-kinds.ts";
import { createSmsWebhook, signSmsRequest } from "../../src/notices/sms-gateway.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { createDeadlineQueue, type DeadlineQueue } from "../../workers/queues.ts";
import { type NoticeRelayArgs, runNoticeRelay } from "../../workers/run-notice-relay.ts";
import { smsTemplatesOf } from "../../workers/start-notice-relay.ts";
import { freshPostgresUrl, freshQueuePrefix, redisUrl } from "../support/services.ts";
import { type SmtpSink, startSmtpSink } from "../support/smtp-sink.ts";
import {
  d,
  makeService,
  openMigratedDatabase,
  type Service,
  seedTown,
  TODAY_INSTANT,
  type TownActors,
} from "../workers/worker-fixtures.ts";
import { type SmsSink, startSmsSink } from "./sms-sink.ts";

const now = () => new Date(TODAY_INSTANT); // Thursday 2026-03-26
const SECRET = "test-webhook-secret";
const NAME = "王小明";
const PHONE = "13912345678";
const EMAIL = "wang.xiaoming@example.com";

/** Every line the relay logs, whatever its level. */
const logLines: string[] = [];
const capture = (level: string) => (obj: object, msg?: string) => {
  logLines.push(`${level} ${msg ?? ""} ${JSON.stringify(obj)}`);
};
const logger = {
  debug: capture("debug"),
  info: capture("info"),
  warn: capture("warn"),
  error: capture("error"),
};

let db: DatabaseHandle;
let smtp: SmtpSink;
let sms: SmsSink;
let service: Service;
let actors: TownActors;
const queues: DeadlineQueue[] = [];

function relayArgs(prefix: string, over: Partial<NoticeRelayArgs> = {}): NoticeRelayArgs {
  const queue = createDeadlineQueue(redisUrl(), { prefix });
  queues.push(queue);
  return {
    db: db.db,
    queue,
    applications: service,
    calendars: makeCalendarStore(db.db),
    mailer: createMailer({
      smtpUrl: smtp.url,
      outboxDir: "/nonexistent",
      from: "某镇政务公开 <ogi@town.example.gov.cn>",
    }),
    sms: createSmsWebhook({ url: sms.url, secret: SECRET, signName: "某镇政务公开" }),
    smsTemplates: smsTemplatesOf({
      OGI_JOB_HOUR: 0,
      OGI_RECONCILE_MINUTES: 5,
      SMS_TEMPLATE_SUPPLEMENT: "SMS_1234",
    }),
    logger,
    maxAttempts: 3,
    retryBaseSeconds: 0,
    letterWaitSeconds: 0,
    now,
    recentWorkdays: 3,
    ...over,
  };
}

const prefix = freshQueuePrefix();
const relay = (over: Partial<NoticeRelayArgs> = {}) => runNoticeRelay(relayArgs(prefix, over));

function registerCase(
  receivedOn: string,
  extra: { ledgerNo?: string; email?: boolean; phone?: boolean } = {},
) {
  return service.register(actors.clerk, {
    agencyCode: "town",
    channel: "in_person",
    receivedOn: d(receivedOn),
    applicant: {
      type: "natural_person",
      name: NAME,
      ...(extra.email === false ? {} : { email: EMAIL }),
      ...(extra.phone === false ? {} : { phone: PHONE }),
    },
    description: "本镇2025年道路修缮工程的招标文件",
    handlerUsername: "handler",
    ...(extra.ledgerNo ? { ledgerNo: extra.ledgerNo } : {}),
  });
}

const mailsFor = (trackingNo: string) => smtp.messages.filter((m) => m.subject.includes(trackingNo));
const smsFor = (trackingNo: string) => sms.received.filter((m) => m.body.params.trackingNo === trackingNo);

beforeAll(async () => {
  [db, smtp, sms] = await Promise.all([
    freshPostgresUrl().then(openMigratedDatabase),
    startSmtpSink(),
    startSmsSink(),
  ]);
  actors = await seedTown(db.db, now);
  service = makeService(db.db, now);
});

afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
  await Promise.all([db?.close(), smtp?.stop(), sms?.stop()]);
});

describe("notices to the applicant", () => {
  it("registration with an e-mail: one mail with the reply deadline the engine computed, one SMS", async () => {
    const app = await registerCase("2026-03-25");
    const due = (await service.get(actors.clerk, app.id)).deadlines.reply.dueOn;
    expect(due).toBe("2026-04-23"); // 20 WD from 03-25, 清明 (04-04..04-06) skipped
    const run = await relay();
    expect(run).toMatchObject({ mode: "ran", inserted: 1, delivered: 1 });
    const mails = mailsFor(app.trackingNo);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual([EMAIL]);
    expect(mails[0]?.text).toContain("某镇人民政府已于2026年3月25日收到您的政府信息公开申请");
    expect(mails[0]?.text).toContain(`答复期限至${chineseDay(due)}`);
    expect(mails[0]?.text).toContain("2026年4月23日");
    const texts = smsFor(app.trackingNo);
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toMatchObject({ phone: PHONE, templateId: "OGI_RECEIPT" });
    expect(texts[0]?.body.params).toMatchObject({ dueOn: "2026-04-23", receivedOn: "2026-03-25" });
    // the status page's message: the mail's words
    expect(await listApplicantNotices(db.db, app.id)).toEqual([
      { kind: "receipt", on: "2026-03-25", text: mails[0]?.text.trim() },
    ]);
  });

  it("a supplement request: a mail and an SMS with the template id, its parameters and a valid signature", async () => {
    const app = await registerCase("2026-03-24", { email: true });
    await service.act(actors.handler, app.id, {
      type: "request_supplement",
      on: d("2026-03-26"),
      items: ["请写明所需招标文件的项目名称"],
      windowWorkdays: 15,
      sentBy: "in_person",
    });
    const end = (await service.get(actors.handler, app.id)).deadlines.supplementWindow?.dueOn;
    expect(end).toBe("2026-04-17"); // 15 WD from 03-26, 清明 (04-04..04-06) skipped
    await relay();
    const mails = mailsFor(app.trackingNo);
    expect(mails.map((m) => m.subject)).toEqual([
      `政府信息公开申请已登记（申请编号：${app.trackingNo}）`,
      `政府信息公开申请补正告知（申请编号：${app.trackingNo}）`,
    ]);
    expect(mails[1]?.text).toContain("15个工作日内（即2026年4月17日前）");
    expect(mails[1]?.text).toContain("1. 请写明所需招标文件的项目名称");
    const supplement = smsFor(app.trackingNo).find((m) => m.body.templateId === "SMS_1234");
    expect(supplement?.body).toMatchObject({
      phone: PHONE,
      signName: "某镇政务公开",
      params: {
        agency: "某镇人民政府",
        trackingNo: app.trackingNo,
        date: "2026-03-26",
        dueOn: "2026-04-17",
        windowWorkdays: "15",
      },
    });
    const timestamp = String(supplement?.headers["x-timestamp"]);
    expect(supplement?.headers["x-signature"]).toBe(signSmsRequest(SECRET, timestamp, supplement?.raw ?? ""));
    expect(supplement?.headers["x-signature"]).not.toBe(
      signSmsRequest("another-secret", timestamp, supplement?.raw ?? ""),
    );
  });

  it("an extension and a reply: mails; the reply waits for its letter and its frozen PDF, then carries the PDF with its serial", async () => {
    const app = await registerCase("2026-03-23", { phone: false });
    await service.act(actors.approver, app.id, {
      type: "extend",
      on: d("2026-03-26"),
      workdays: 10,
      reason: "需要调取档案",
    });
    const extended = (await service.get(actors.approver, app.id)).deadlines.reply.dueOn;
    expect(extended).toBe("2026-05-08"); // 20 WD from 03-23 (04-21), +10 WD over 劳动节 (05-01..05-05)
    await service.act(actors.approver, app.id, {
      type: "decide",
      on: d("2026-03-26"),
      outcome: "disclosed",
      disclosure: "provided",
    });
    await relay();
    const before = mailsFor(app.trackingNo).map((m) => m.subject);
    expect(before).toEqual([
      `政府信息公开申请已登记（申请编号：${app.trackingNo}）`,
      `政府信息公开申请延期答复告知（申请编号：${app.trackingNo}）`,
    ]);
    expect(mailsFor(app.trackingNo)[1]?.text).toContain(
      "答复期限延长10个工作日，延长后的答复期限至2026年5月8日",
    );
    // no SMS without a phone
    expect(smsFor(app.trackingNo)).toHaveLength(0);
    const waiting = (await listCaseNotices(db.db, app.id)).find((n) => n.kind === "reply");
    expect(waiting).toMatchObject({ status: "pending", mail: { status: "pending", attempts: 0 } });

    const letters = makeLetterService({ db: db.db, applications: service, now });
    const issued = await letters.issueLetter(actors.approver, app.id, "reply");
    const serial = issued.letter.serialNo as string;
    expect(serial).toBe("某镇公开〔2026〕第1号");
    await relay(); // issued, not yet frozen as PDF: the notice waits for it
    expect(mailsFor(app.trackingNo)).toHaveLength(2);
    const pdf = await freezeLetterPdf({ db: db.db, convert: makeSofficeConverter(), now }, app.id, "reply");
    expect(pdf?.detectedType).toBe("application/pdf");
    await relay();
    const reply = mailsFor(app.trackingNo).find((m) => m.subject.startsWith("政府信息公开申请答复"));
    expect(reply?.text).toContain(`答复书文号：${serial}，答复日期：2026年3月26日`);
    expect(reply?.text).toContain(`政府信息公开申请答复书（${serial}）见附件`);
    expect(reply?.raw).toMatch(
      /Content-Type: application\/pdf;[^\n]*\r?\n(?:[^\n]*\r?\n)*?Content-Disposition: attachment/,
    );
    const parsed = await simpleParser(reply?.raw ?? "");
    expect(parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([
      ["application/pdf", pdf?.downloadName],
    ]);
    expect(parsed.attachments[0]?.content.subarray(0, 5).toString()).toBe("%PDF-");
    const listed = await listApplicantNotices(db.db, app.id);
    expect(listed.map((n) => [n.kind, n.letterSerial])).toEqual([
      ["receipt", undefined],
      ["extension", undefined],
      ["reply", serial],
    ]);
  });

  it("a reply whose letter is not frozen as PDF in time goes with the DOCX issued", async () => {
    const app = await registerCase("2026-03-26", { phone: false });
    await service.act(actors.approver, app.id, {
      type: "decide",
      on: d("2026-03-26"),
      outcome: "disclosed",
      disclosure: "provided",
    });
    await makeLetterService({ db: db.db, applications: service, now }).issueLetter(
      actors.approver,
      app.id,
      "reply",
    );
    await relay({ pdfWaitMinutes: 0 });
    const reply = mailsFor(app.trackingNo).find((m) => m.subject.startsWith("政府信息公开申请答复"));
    const parsed = await simpleParser(reply?.raw ?? "");
    expect(parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([
      [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "政府信息公开申请答复书（某镇公开〔2026〕第2号）.docx",
      ],
    ]);
  });

  it("a backdated history older than the window, or a ledger import: no mail", async () => {
    // today 2026-03-26 less 3 WD is 2026-03-23: a receipt dated 03-20 is long past
    const old = await registerCase("2026-03-20");
    const imported = await registerCase("2026-03-25", { ledgerNo: "台账-2026-7" });
    await relay();
    expect(mailsFor(old.trackingNo)).toHaveLength(0);
    expect(mailsFor(imported.trackingNo)).toHaveLength(0);
    expect(smsFor(old.trackingNo)).toHaveLength(0);
    expect((await listCaseNotices(db.db, old.id)).map((n) => [n.status, n.reason])).toEqual([
      ["skipped", "backdated"],
    ]);
    expect((await listCaseNotices(db.db, imported.id)).map((n) => [n.status, n.reason])).toEqual([
      ["skipped", "imported"],
    ]);
    expect(await listApplicantNotices(db.db, old.id)).toEqual([]);
  });

  it("a closure the worker recorded and a backdated entry then superseded: cancelled, no mail", async () => {
    // received 03-09, supplement notice handed over 03-10 with 10 WD: the window ended 03-24
    const app = await registerCase("2026-03-09");
    await service.act(actors.handler, app.id, {
      type: "request_supplement",
      on: d("2026-03-10"),
      items: ["请写明所需信息的年份"],
      windowWorkdays: 10,
      sentBy: "in_person",
    });
    expect(await service.applyAutomaticEvents(app.id)).toBe(1); // supplement.expired on 03-25, by the system
    await relay();
    const pending = await listCaseNotices(db.db, app.id);
    expect(pending.map((n) => [n.kind, n.status, n.reason])).toEqual([
      ["receipt", "skipped", "backdated"],
      ["supplement", "skipped", "backdated"],
      ["reply", "pending", null], // waiting for its letter
    ]);
    // the clerk records that the supplement had come in on 03-24: the closure no longer holds
    await service.act(actors.handler, app.id, { type: "receive_supplement", on: d("2026-03-24") });
    await relay();
    const after = await listCaseNotices(db.db, app.id);
    expect(after[2]).toMatchObject({
      kind: "reply",
      status: "cancelled",
      reason: "superseded",
      mail: { status: "cancelled" },
    });
    expect(mailsFor(app.trackingNo)).toHaveLength(0);
    expect(smsFor(app.trackingNo)).toHaveLength(0);
  });

  it("a crash, two relays at once, a relay run again: exactly one mail per notice", async () => {
    const a = await registerCase("2026-03-26");
    const b = await registerCase("2026-03-26");
    // two workers, each with its own lock prefix (so the Redis lock does not part them) and the same one
    const other = freshQueuePrefix();
    await Promise.all([relay(), runNoticeRelay(relayArgs(other)), relay(), runNoticeRelay(relayArgs(other))]);
    await relay();
    expect(mailsFor(a.trackingNo)).toHaveLength(1);
    expect(mailsFor(b.trackingNo)).toHaveLength(1);
    expect(smsFor(a.trackingNo)).toHaveLength(1);

    // a relay that died after claiming a notice and before sending it: taken up once the claim runs out
    const c = await registerCase("2026-03-26");
    const { collectNotices } = await import("../../src/notices/collect-notices.ts");
    const { claimDueNotices } = await import("../../src/notices/notice-store.ts");
    await collectNotices({ db: db.db, calendars: makeCalendarStore(db.db), now, recentWorkdays: 3 });
    const claimed = await claimDueNotices(db.db, 10, 1);
    expect(claimed.map((n) => n.application_id)).toContain(c.id);
    await relay(); // the claim still holds: nothing sent
    expect(mailsFor(c.trackingNo)).toHaveLength(0);
    await db.db
      .updateTable("applicant_notices")
      .set({ claimed_until: new Date(0) })
      .where("application_id", "=", c.id)
      .execute(); // the lease ran out
    await relay();
    await relay();
    expect(mailsFor(c.trackingNo)).toHaveLength(1);
  });

  it("an SMS gateway that answers 503: retried, then marked failed; the mail is sent once", async () => {
    sms.status = 503;
    try {
      const app = await registerCase("2026-03-26");
      await relay();
      await relay();
      await relay();
      await relay();
      const [notice] = await listCaseNotices(db.db, app.id);
      expect(notice).toMatchObject({
        status: "done",
        mail: { status: "sent", attempts: 1, error: null },
        sms: { status: "failed", attempts: 3, error: "http_503", sentAt: null },
      });
      expect(mailsFor(app.trackingNo)).toHaveLength(1);
      expect(smsFor(app.trackingNo)).toHaveLength(3);
    } finally {
      sms.status = 200;
    }
  });

  it("logs no personal data: not the applicant's name, phone or e-mail", () => {
    expect(logLines.length).toBeGreaterThan(10);
    expect(logLines.join("\n")).toContain("applicant notice delivered");
    for (const secret of [NAME, PHONE, EMAIL, "wang.xiaoming"]) {
      expect(logLines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});
