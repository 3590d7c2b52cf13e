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
 * of CPU a mail against some 60 µs so. With a Message-ID given, the From, To and Cc lines and the
 * envelope come from a cache by address set (parsing and encoding the addresses was half of what
 * was left: ~60 -> ~25 µs for the headers). Null for a multipart mail: nodemailer composes that.
 */
export function composePlainMessage(mail: Mail.Options): ComposedMessage | null {
  const { from, to, cc, ...rest } = mail;
  const addresses = mail.messageId ? addressPart(mail) : null;
  const node = new MailComposer(addresses ? rest : mail).compile();
  const content = node.content;
  const isMultipart =
    node.childNodes.length > 0 || /^multipart\//i.test(String(node.getHeader("Content-Type") ?? ""));
  if (isMultipart || (content !== undefined && typeof content !== "string")) return null;
  const headers = addresses ? `${addresses.lines}\r\n${node.buildHeaders()}` : node.buildHeaders();
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
  const envelope = addresses ? addresses.envelope : node.getEnvelope();
  return { raw: Buffer.from(message.replace(/\r?\n/g, "\r\n")), envelope };
}

interface AddressPart {
  /** The From, To and Cc header lines as nodemailer writes them (folded, CRLF between). */
  lines: string;
  envelope: ComposedMessage["envelope"];
}

/** By address set; emptied when it reaches ADDRESS_SETS (a deployment has a few dozen). */
const ADDRESS_PARTS = new Map<string, AddressPart>();
const ADDRESS_SETS = 1000;

/**
 * The address headers of `mail`, built by nodemailer from its from/to/cc alone: MailComposer
 * writes them first (From, To, Cc), so they are the header block's lines up to the first other
 * header. The rest of the message does not depend on them once the Message-ID is given.
 */
function addressPart(mail: Mail.Options): AddressPart {
  const key = JSON.stringify([mail.from ?? null, mail.to ?? null, mail.cc ?? null]);
  const known = ADDRESS_PARTS.get(key);
  if (known) return known;
  const node = new MailComposer({ from: mail.from, to: mail.to, cc: mail.cc }).compile();
  const lines: string[] = [];
  for (const line of node.buildHeaders().split("\r\n")) {
    const continues = line.startsWith(" ") || line.startsWith("\t");
    if (!continues && !/^(From|To|Cc):/.test(line)) break;
    lines.push(line);
  }
  const part = { lines: lines.join("\r\n"), envelope: node.getEnvelope() };
  if (ADDRESS_PARTS.size >= ADDRESS_SETS) ADDRESS_PARTS.clear();
  ADDRESS_PARTS.set(key, part);
  return part;
}
