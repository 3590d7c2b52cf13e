import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { composePlainMessage } from "./compose-plain-message.ts";

export interface OutgoingMail {
  to: readonly string[];
  cc?: readonly string[] | undefined;
  subject: string;
  /** Plain text body. */
  text: string;
  /** Files sent with the mail (an issued letter). */
  attachments?: readonly MailAttachment[] | undefined;
  /**
   * The Message-ID, `<…@…>`: the same for every attempt of one message, so a receiver that
   * deduplicates by it sees a retried send once. Default: nodemailer's random one.
   */
  messageId?: string | undefined;
}

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface Mailer {
  /** Sends one mail, or writes it to the outbox; rejects when it could not. */
  send(mail: OutgoingMail): Promise<void>;
  /** Closes the SMTP connections (a no-op for the outbox). */
  close(): void;
}

export interface MailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`; without it mails go to `outboxDir`. */
  smtpUrl?: string | undefined;
  /** Where `.eml` files are written when there is no SMTP server (`$OGI_DATA_DIR/outbox`). */
  outboxDir: string;
  /** The From header, e.g. `政府信息公开办理系统 <ogi@example.gov.cn>`. */
  from: string;
}

let sequence = 0;

/**
 * The system's mail: through an SMTP server when SMTP_URL is set, otherwise as RFC 822 `.eml`
 * files in the outbox (API.md), named so that `ls` lists them in the order they were written.
 */
export function createMailer(options: MailerOptions): Mailer {
  const transport = options.smtpUrl
    ? // A worker sends inside a database transaction: a stuck server must fail the send (and the
      // job retries), not hold the transaction for nodemailer's default 10 minutes.
      nodemailer.createTransport({
        url: options.smtpUrl,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const isOutbox = !options.smtpUrl;
  return {
    async send(mail) {
      if (mail.to.length === 0) throw new Error(`mail “${mail.subject}” has no recipient`);
      const data = {
        from: options.from,
        to: [...mail.to],
        ...(mail.cc && mail.cc.length > 0 ? { cc: [...mail.cc] } : {}),
        subject: mail.subject,
        text: mail.text,
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        ...(mail.attachments && mail.attachments.length > 0
          ? { attachments: mail.attachments.map((a) => ({ ...a })) }
          : {}),
      };
      // A text mail is composed without nodemailer's streams (the same bytes); one with
      // attachments by nodemailer.
      const plain = composePlainMessage(data);
      if (isOutbox) {
        const message = plain ? plain.raw : (await transport.sendMail(data)).message;
        return writeOutboxFile(options.outboxDir, message);
      }
      await transport.sendMail(plain ? { raw: plain.raw, envelope: plain.envelope } : data);
    },
    close() {
      transport.close();
    },
  };
}

/** Outbox folders made by this process: made once, again only if one went missing. */
const madeOutboxes = new Set<string>();

/**
 * One `.eml` file, written synchronously: open, write, close on this thread. A mail of a few KB
 * takes some 25 µs so; `fs/promises` took about 110 µs of CPU per file, its three thread-pool
 * hops costing more than the write (bench:deadlines --mix reminder: 20 mails per batch). The
 * bytes and their durability are the same (neither fsyncs).
 */
async function writeOutboxFile(outboxDir: string, message: unknown): Promise<void> {
  if (!Buffer.isBuffer(message)) throw new Error("the outbox transport returned no message buffer");
  sequence = (sequence + 1) % 1_000_000;
  // 20260320T020000123Z-000001-<pid>-<random>.eml: sortable by time, unique across processes.
  const stamp = new Date().toISOString().replace(/[-:.]/g, "");
  const name = `${stamp}-${String(sequence).padStart(6, "0")}-${process.pid}-${randomBytes(3).toString("hex")}.eml`;
  // wx: never overwrite a mail already in the outbox.
  const write = () => writeFileSync(join(outboxDir, name), message, { flag: "wx" });
  if (!madeOutboxes.has(outboxDir)) {
    mkdirSync(outboxDir, { recursive: true });
    madeOutboxes.add(outboxDir);
    return write();
  }
  try {
    write();
  } catch (error) {
    // The folder was removed meanwhile (a mkdir per mail was about a fifth of a reminder job's CPU).
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(outboxDir, { recursive: true });
    write();
  }
}
