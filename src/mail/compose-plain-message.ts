import * as base64 from "nodemailer/lib/base64";
import MailComposer from "nodemailer/lib/mail-composer";
import type Mail from "nodemailer/lib/mailer";
import * as qp from "nodemailer/lib/qp";

/** A message composed: its bytes (CRLF line ends) and the SMTP envelope its headers give. */
export interface ComposedMessage {
  raw: Buffer;
  envelope: { from: string | false; to: string[] };
}

/**
 * A single-part mail (text, no attachment) composed by nodemailer's own MIME tree — the same
 * headers, transfer encoding and body bytes that `sendMail` writes (test/workers/create-mailer.test.ts
 * compares them) — without its stream pipeline: `sendMail` builds the message through four
 * chained streams (an AbortController and an AbortError each) and a plugin pass, about 100–200 µs
 * of CPU a mail against some 60 µs so. Null for a multipart mail: nodemailer composes that.
 */
export function composePlainMessage(mail: Mail.Options): ComposedMessage | null {
  const node = new MailComposer(mail).compile();
  const content = node.content;
  const isMultipart =
    node.childNodes.length > 0 || /^multipart\//i.test(String(node.getHeader("Content-Type") ?? ""));
  if (isMultipart || (content !== undefined && typeof content !== "string")) return null;
  const headers = node.buildHeaders();
  const encoding = node.getTransferEncoding();
  const text = content ?? "";
  const body =
    encoding === "base64"
      ? base64.wrap(base64.encode(text), 76)
      : encoding === "quoted-printable"
        ? qp.wrap(qp.encode(text), 76)
        : text;
  // nodemailer's last two stages: a final line break, then every line break as CRLF.
  let message = `${headers}\r\n\r\n${body}`;
  if (!message.endsWith("\n")) message += message.endsWith("\r") ? "\n" : "\r\n";
  return { raw: Buffer.from(message.replace(/\r?\n/g, "\r\n")), envelope: node.getEnvelope() };
}
