import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** One mail as the sink received it; `subject` and `text` are decoded (RFC 2047, charsets). */
export interface SunkMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string | undefined;
  /** The message exactly as sent, headers included. */
  raw: string;
}

export interface SmtpSink {
  /** `smtp://127.0.0.1:PORT`: plain SMTP, any (or no) login accepted, no STARTTLS. */
  url: string;
  port: number;
  /** Every mail received so far, in order of arrival. */
  messages: SunkMail[];
  /** The first mail, received or still to come, that matches. Default timeout: 5000 ms. */
  waitFor(predicate?: (mail: SunkMail) => boolean, timeoutMs?: number): Promise<SunkMail>;
  stop(): Promise<void>;
}

/** A real SMTP server on a free loopback port that keeps every mail in memory. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SunkMail[] = [];
  const waiters = new Set<(mail: SunkMail) => void>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 1000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "anonymous" }),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            const { mailFrom, rcptTo } = session.envelope;
            const mail: SunkMail = {
              from: mailFrom === false ? "" : mailFrom.address,
              to: rcptTo.map((address) => address.address),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: parsed.html === false ? undefined : parsed.html,
              raw,
            };
            messages.push(mail);
            for (const notify of waiters) notify(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  const waitFor = (predicate: (mail: SunkMail) => boolean = () => true, timeoutMs = 5000) => {
    const found = messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise<SunkMail>((resolve, reject) => {
      const notify = (mail: SunkMail) => {
        if (!predicate(mail)) return;
        clearTimeout(timer);
        waiters.delete(notify);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        waiters.delete(notify);
        const seen = messages.map((mail) => JSON.stringify(mail.subject)).join(", ") || "none";
        reject(new Error(`smtp sink: no matching mail within ${timeoutMs} ms (received: ${seen})`));
      }, timeoutMs);
      waiters.add(notify);
    });
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `smtp://127.0.0.1:${port}`, port, messages, waitFor, stop };
}
