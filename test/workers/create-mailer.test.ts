import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterAll, describe, expect, it } from "vitest";
import { composePlainMessage } from "../../src/mail/compose-plain-message.ts";
import { createMailer } from "../../src/mail/create-mailer.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";

const FROM = "政府信息公开办理系统 <ogi@town.example.gov.cn>";
const outbox = mkdtempSync(join(tmpdir(), "ogi-outbox-test-"));
afterAll(() => rmSync(outbox, { recursive: true, force: true }));

describe("createMailer", () => {
  it("without SMTP_URL writes sortable RFC 822 .eml files into the outbox", async () => {
    const mailer = createMailer({ outboxDir: join(outbox, "outbox"), from: FROM });
    for (const n of [1, 2, 3]) {
      await mailer.send({
        to: ["handler@town.example.gov.cn"],
        cc: n === 1 ? ["approver@town.example.gov.cn"] : [],
        subject: `【办理提醒】第${n}封`,
        text: `答复期限：2026-03-30（星期一）\n第${n}封`,
      });
    }
    mailer.close();
    const files = readdirSync(join(outbox, "outbox"));
    expect(files).toHaveLength(3);
    expect(files.every((f) => /^\d{8}T\d{9}Z-\d{6}-\d+-[0-9a-f]{6}\.eml$/.test(f))).toBe(true);
    const parsed = await Promise.all(
      [...files].sort().map((f) => simpleParser(readFileSync(join(outbox, "outbox", f)))),
    );
    expect(parsed.map((m) => m.subject)).toEqual([
      "【办理提醒】第1封",
      "【办理提醒】第2封",
      "【办理提醒】第3封",
    ]);
    expect(parsed[0]?.from?.text).toBe('"政府信息公开办理系统" <ogi@town.example.gov.cn>');
    expect(parsed[0]?.cc && "text" in parsed[0].cc ? parsed[0].cc.text : "").toBe(
      "approver@town.example.gov.cn",
    );
    expect(parsed[1]?.cc).toBeUndefined();
    expect(parsed[2]?.text?.trim()).toBe("答复期限：2026-03-30（星期一）\n第3封");
  });

  it("makes the outbox folder once, and again when it was removed while running", async () => {
    const dir = join(outbox, "removed");
    const mailer = createMailer({ outboxDir: dir, from: FROM });
    const mail = (n: number) => ({ to: ["handler@town.example.gov.cn"], subject: `第${n}封`, text: "正文" });
    await mailer.send(mail(1));
    rmSync(dir, { recursive: true });
    await mailer.send(mail(2));
    await mailer.send(mail(3));
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("with SMTP_URL sends through the server, copy recipients included; refuses a mail without recipient", async () => {
    const sink = await startSmtpSink();
    try {
      const mailer = createMailer({ smtpUrl: sink.url, outboxDir: join(outbox, "unused"), from: FROM });
      await mailer.send({
        to: ["admin@town.example.gov.cn"],
        cc: ["handler@town.example.gov.cn"],
        subject: "【逾期督办】测试",
        text: "正文",
      });
      await expect(mailer.send({ to: [], subject: "无收件人", text: "" })).rejects.toThrow(/no recipient/);
      mailer.close();
      const mail = await sink.waitFor((m) => m.subject === "【逾期督办】测试");
      expect(mail.to).toEqual(["admin@town.example.gov.cn", "handler@town.example.gov.cn"]);
      expect(mail.from).toBe("ogi@town.example.gov.cn");
      expect(readdirSync(outbox)).not.toContain("unused");
    } finally {
      await sink.stop();
    }
  });

  it("composes a text mail to the very bytes and envelope nodemailer's sendMail gives; not a multipart one", async () => {
    const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
    const date = new Date("2026-03-26T02:00:00Z");
    const mails = [
      {
        to: ["handler@town.example.gov.cn"],
        cc: ["approver@town.example.gov.cn"],
        subject:
          "【办理提醒】申请 town-2026-00001 答复期限 2026-03-30（还有2个工作日），一个足够长、要折成几行的主题",
        text: "某某镇人民政府：\n\n申请 town-2026-00001 的答复期限为 2026-03-30（星期一），请及时办理。\n",
        messageId: "<ogi-deadline-app-1.reply-remind-2wd.2026-03-30@ogi.invalid>",
      },
      { to: ["a@town.example.gov.cn", "b@town.example.gov.cn"], subject: "ascii", text: "line 1\nline 2" },
      { to: ["a@town.example.gov.cn"], subject: "long lines", text: `${"x".repeat(300)}\r\nend` },
      {
        to: ["a@town.example.gov.cn"],
        subject: "mostly ascii",
        text: "Mostly plain text with one é in it\nand a second line\r",
      },
      { to: ["a@town.example.gov.cn"], subject: "empty", text: "" },
    ];
    const many = Array.from({ length: 7 }, (_, i) => `recipient-${i}@town.example.gov.cn`);
    mails.push({
      to: many,
      cc: many.slice(0, 3),
      subject: "many",
      text: "x",
      messageId: "<many@ogi.invalid>",
    });
    // pseudo-random subjects and bodies (a fixed seed): Chinese, ASCII, punctuation, encoded-word markers
    const pool = [..."政府信息公开申请答复期限工作日（）【】，。：ab XYZ 0123=?_:;\"'<>@\t"];
    let seed = 13;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return pool[seed % pool.length];
    };
    const pick = (n: number) => Array.from({ length: n }, next).join("");
    for (let i = 0; i < 40; i++)
      mails.push({ to: ["a@town.example.gov.cn"], subject: pick(5 + (i % 90)), text: pick(i * 7) });
    // twice: the second time the address lines come from the cache
    for (const mail of [...mails, ...mails]) {
      const data = { from: FROM, date, messageId: "<fixed@ogi.invalid>", ...mail };
      const sent = await composer.sendMail(data);
      const plain = composePlainMessage(data);
      expect(plain?.raw.toString()).toBe((sent.message as Buffer).toString());
      expect(plain?.envelope).toEqual(sent.envelope);
      // without a Message-ID the addresses are composed with the message (nodemailer draws the id)
      const { messageId: _drawn, ...unnamed } = data;
      const drawn = (raw: string) => raw.replace(/^Message-ID: <[^>]*>$/m, "Message-ID: <drawn>");
      expect(drawn(composePlainMessage(unnamed)?.raw.toString() ?? "")).toBe(
        drawn(((await composer.sendMail(unnamed)).message as Buffer).toString()),
      );
    }
    const letter = { filename: "a.pdf", content: Buffer.from("%PDF"), contentType: "application/pdf" };
    expect(
      composePlainMessage({
        from: FROM,
        to: ["a@town.example.gov.cn"],
        text: "见附件",
        attachments: [letter],
      }),
    ).toBeNull();
  });
});
