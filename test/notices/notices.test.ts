// Notices to the applicant (issue 12, point 3): the relay reads the case events, mails the
// applicant (a real SMTP sink), sends an SMS to a real HTTP sink standing in for the gateway, and
// lists the messages of the status page, with the dates the engine computes and the letter issued.
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { makeSofficeConverter } from "../../src/documents/convert-docx-to-pdf.ts";
import { freezeLetterPdf } from "../../src/documents/freeze-letter-pdfs.ts";
import { makeLetterService } from "../../src/letters/letter-service.ts";
import { listApplicantNotices, listCaseNotices } from "../../src/notices/list-applicant-notices.ts";
import { chineseDay } from "../../src/notices/notice-kinds.ts";
import { signSmsRequest } from "../../src/notices/sms-gateway.ts";
import { makeAppealService } from "../../src/services/appeal-service.ts";
import { d } from "../workers/worker-fixtures.ts";
import { EMAIL, NAME, now, PHONE, SECRET, setUpNoticeSuite } from "./notice-fixtures.ts";

const s = setUpNoticeSuite();

describe("notices to the applicant", () => {
  it("registration with an e-mail: one mail with the reply deadline the engine computed, one SMS", async () => {
    const app = await s.registerCase("2026-03-25");
    const due = (await s.service.get(s.actors.clerk, app.id)).deadlines.reply.dueOn;
    expect(due).toBe("2026-04-23"); // 20 WD from 03-25, 清明 (04-04..04-06) skipped
    const run = await s.relay();
    expect(run).toMatchObject({ mode: "ran", inserted: 1, delivered: 1 });
    const mails = s.mailsFor(app.trackingNo);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual([EMAIL]);
    expect(mails[0]?.text).toContain("某镇人民政府已于2026年3月25日收到您的政府信息公开申请");
    expect(mails[0]?.text).toContain(`答复期限至${chineseDay(due)}`);
    expect(mails[0]?.text).toContain("2026年4月23日");
    const texts = s.smsFor(app.trackingNo);
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toMatchObject({ phone: PHONE, templateId: "OGI_RECEIPT" });
    expect(texts[0]?.body.params).toMatchObject({ dueOn: "2026-04-23", receivedOn: "2026-03-25" });
    // the status page's message: the mail's words
    expect(await listApplicantNotices(s.db.db, app.id)).toEqual([
      { kind: "receipt", on: "2026-03-25", text: mails[0]?.text.trim() },
    ]);
  });

  it("a supplement request: a mail and an SMS with the template id, its parameters and a valid signature", async () => {
    const app = await s.registerCase("2026-03-24", { email: true });
    await s.service.act(s.actors.handler, app.id, {
      type: "request_supplement",
      on: d("2026-03-26"),
      items: ["请写明所需招标文件的项目名称"],
      windowWorkdays: 15,
      sentBy: "in_person",
    });
    const end = (await s.service.get(s.actors.handler, app.id)).deadlines.supplementWindow?.dueOn;
    expect(end).toBe("2026-04-17"); // 15 WD from 03-26, 清明 (04-04..04-06) skipped
    await s.relay();
    const mails = s.mailsFor(app.trackingNo);
    expect(mails.map((m) => m.subject)).toEqual([
      `政府信息公开申请已登记（申请编号：${app.trackingNo}）`,
      `政府信息公开申请补正告知（申请编号：${app.trackingNo}）`,
    ]);
    expect(mails[1]?.text).toContain("15个工作日内（即2026年4月17日前）");
    expect(mails[1]?.text).toContain("1. 请写明所需招标文件的项目名称");
    const supplement = s.smsFor(app.trackingNo).find((m) => m.body.templateId === "SMS_1234");
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

  it("a fee notice: a mail with the amount and the payment window's last day the engine computed", async () => {
    const app = await s.registerCase("2026-03-25", { phone: false });
    await s.service.act(s.actors.handler, app.id, {
      type: "issue_fee_notice",
      on: d("2026-03-26"),
      basis: "per_volume",
      quantity: 100,
      amountYuan: 700,
      paymentMethod: "银行转账至某镇财政所账户",
      sentBy: "in_person",
    });
    const end = (await s.service.get(s.actors.handler, app.id)).deadlines.feePayment?.dueOn;
    expect(end).toBe("2026-04-24"); // 20 WD from 03-26, 清明 skipped
    await s.relay();
    const fee = s.mailsFor(app.trackingNo).find((m) => m.subject.includes("收费通知"));
    expect(fee?.text).toContain(
      "应缴纳信息处理费700元。请您自收到收费通知之日起20个工作日内（即2026年4月24日前）缴纳，缴纳方式：银行转账至某镇财政所账户。",
    );
  });

  it("an extension and a reply: mails; the reply waits for its letter and its frozen PDF, then carries the PDF with its serial", async () => {
    const app = await s.registerCase("2026-03-23", { phone: false });
    await s.service.act(s.actors.approver, app.id, {
      type: "extend",
      on: d("2026-03-26"),
      workdays: 10,
      reason: "需要调取档案",
    });
    const extended = (await s.service.get(s.actors.approver, app.id)).deadlines.reply.dueOn;
    expect(extended).toBe("2026-05-08"); // 20 WD from 03-23 (04-21), +10 WD over 劳动节 (05-01..05-05)
    await s.service.act(s.actors.approver, app.id, {
      type: "decide",
      on: d("2026-03-26"),
      outcome: "disclosed",
      disclosure: "provided",
    });
    await s.relay();
    const before = s.mailsFor(app.trackingNo).map((m) => m.subject);
    expect(before).toEqual([
      `政府信息公开申请已登记（申请编号：${app.trackingNo}）`,
      `政府信息公开申请延期答复告知（申请编号：${app.trackingNo}）`,
    ]);
    expect(s.mailsFor(app.trackingNo)[1]?.text).toContain(
      "答复期限延长10个工作日，延长后的答复期限至2026年5月8日",
    );
    // no SMS without a phone
    expect(s.smsFor(app.trackingNo)).toHaveLength(0);
    const waiting = (await listCaseNotices(s.db.db, app.id)).find((n) => n.kind === "reply");
    expect(waiting).toMatchObject({
      status: "pending",
      text: null,
      mail: { status: "pending", attempts: 0 },
    });
    // the status page tells of the reply once its letter goes out with it
    expect((await listApplicantNotices(s.db.db, app.id)).map((n) => n.kind)).toEqual([
      "receipt",
      "extension",
    ]);

    const letters = makeLetterService({ db: s.db.db, applications: s.service, now });
    const issued = await letters.issueLetter(s.actors.approver, app.id, "reply");
    const serial = issued.letter.serialNo as string;
    expect(serial).toBe("某镇公开〔2026〕第1号");
    await s.relay(); // issued, not yet frozen as PDF: the notice waits for it
    expect(s.mailsFor(app.trackingNo)).toHaveLength(2);
    const pdf = await freezeLetterPdf({ db: s.db.db, convert: makeSofficeConverter(), now }, app.id, "reply");
    expect(pdf?.detectedType).toBe("application/pdf");
    await s.relay();
    const reply = s.mailsFor(app.trackingNo).find((m) => m.subject.startsWith("政府信息公开申请答复"));
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
    const listed = await listApplicantNotices(s.db.db, app.id);
    expect(listed.map((n) => [n.kind, n.letterSerial])).toEqual([
      ["receipt", undefined],
      ["extension", undefined],
      ["reply", serial],
    ]);
  });

  it("a reply whose letter is not frozen as PDF in time goes with the DOCX issued", async () => {
    const app = await s.registerCase("2026-03-26", { phone: false });
    await s.service.act(s.actors.approver, app.id, {
      type: "decide",
      on: d("2026-03-26"),
      outcome: "disclosed",
      disclosure: "provided",
    });
    await makeLetterService({ db: s.db.db, applications: s.service, now }).issueLetter(
      s.actors.approver,
      app.id,
      "reply",
    );
    await s.relay({ pdfWaitMinutes: 0 });
    const reply = s.mailsFor(app.trackingNo).find((m) => m.subject.startsWith("政府信息公开申请答复"));
    const parsed = await simpleParser(reply?.raw ?? "");
    expect(parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([
      [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "政府信息公开申请答复书（某镇公开〔2026〕第2号）.docx",
      ],
    ]);
  });

  it("a re-reply after a corrected review: a mail once its own letter is issued, with that letter's serial", async () => {
    const app = await s.registerCase("2026-03-02", { phone: false });
    await s.service.act(s.actors.approver, app.id, {
      type: "decide",
      on: d("2026-03-05"),
      outcome: "withheld.process_information",
      reasons: "所申请信息属于过程性信息",
    });
    const appeals = makeAppealService({ db: s.db.db, applications: s.service, now });
    const appeal = await appeals.file(s.actors.approver, app.id, {
      kind: "administrative_review",
      filedOn: d("2026-03-10"),
    });
    await appeals.recordResult(s.actors.approver, appeal.id, {
      result: "corrected",
      on: d("2026-03-24"),
      reReplyRequired: true,
    });
    await s.service.act(s.actors.approver, app.id, {
      type: "re_reply",
      on: d("2026-03-26"),
      outcome: "disclosed",
      disclosure: "provided",
    });
    await s.relay();
    // the receipt and the first reply are long past; the order is not a notice; the re-reply waits for its letter
    expect((await listCaseNotices(s.db.db, app.id)).map((n) => [n.kind, n.status, n.reason])).toEqual([
      ["receipt", "skipped", "backdated"],
      ["reply", "skipped", "backdated"],
      ["re_reply", "pending", null],
    ]);
    const letters = makeLetterService({ db: s.db.db, applications: s.service, now });
    const issued = await letters.issueLetter(s.actors.approver, app.id, "re_reply");
    const serial = issued.letter.serialNo as string;
    expect(serial).toMatch(/^某镇公开〔2026〕第\d+号$/);
    await s.relay({ pdfWaitMinutes: 0 });
    const mails = s.mailsFor(app.trackingNo);
    expect(mails.map((m) => m.subject)).toEqual([`政府信息公开申请重新答复（申请编号：${app.trackingNo}）`]);
    expect(mails[0]?.text).toContain(`重新答复书文号：${serial}，答复日期：2026年3月26日`);
    const parsed = await simpleParser(mails[0]?.raw ?? "");
    expect(parsed.attachments.map((a) => a.filename)).toEqual([
      `政府信息公开申请重新答复书（${serial}）.docx`,
    ]);
  });

  it("logs no personal data: not the applicant's name, phone or e-mail", () => {
    expect(s.logLines.length).toBeGreaterThan(5);
    expect(s.logLines.join("\n")).toContain("applicant notice delivered");
    for (const secret of [NAME, PHONE, EMAIL, "wang.xiaoming"]) {
      expect(s.logLines.filter((l) => l.includes(secret))).toEqual([]);
    }
  });
});
