import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The 查询码 an applicant receives for an online application: 128 random bits written in
 * base32 (RFC 4648 letters A–Z and 2–7, no padding: 26 characters, shown in groups of five with
 * hyphens), so it cannot be guessed or enumerated. Only its sha256 is stored.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const CODE_BYTES = 16;
export const QUERY_CODE_LENGTH = 26;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** A new 查询码, grouped for reading aloud: `ABCDE-FGHIJ-KLMNO-PQRST-UVWXY-Z`. */
export function generateQueryCode(): string {
  const plain = base32(randomBytes(CODE_BYTES));
  return plain.match(/.{1,5}/g)?.join("-") ?? plain;
}

/**
 * The code as typed, in its one spelling: hyphens and spaces dropped, upper case; undefined when
 * it cannot be a 查询码 (its lookup then costs the same as an unknown one's).
 */
export function normalizeQueryCode(typed: string): string | undefined {
  const s = typed.replace(/[\s-]/g, "").toUpperCase();
  return new RegExp(`^[A-Z2-7]{${QUERY_CODE_LENGTH}}$`).test(s) ? s : undefined;
}

/** What the database keeps of a code (hex sha256 of its normalized spelling). */
export function hashQueryCode(normalized: string): string {
  return createHash("sha256").update(`ogi-query-code:${normalized}`).digest("hex");
}

/**
 * Whether `given` (the X-Verify header) is the last four characters of the phone or of the ID
 * number (a trailing X of a 居民身份证 in either case). Every candidate is compared, in constant
 * time, so the answer takes as long whichever matches or none.
 */
export function matchesVerification(
  given: string,
  applicant: { phone?: string | undefined; idNumber?: string | undefined },
): boolean {
  const wanted = Buffer.from(given.trim().toUpperCase().padEnd(4, "\0").slice(0, 4));
  let isMatch = false;
  for (const value of [applicant.phone, applicant.idNumber]) {
    const tail = (value ?? "").replace(/[\s-]/g, "").toUpperCase();
    const candidate = Buffer.from(tail.length >= 4 ? tail.slice(-4) : "\0\0\0\0".slice(tail.length) + tail);
    const same = candidate.length === wanted.length && timingSafeEqual(candidate, wanted);
    isMatch = (tail.length >= 4 && same) || isMatch;
  }
  return isMatch;
}

/**
 * A request path as the request log keeps it: the 查询码 of a public path replaced by
 * `:queryCode`, so a reader of the log cannot look an application up.
 */
export function withoutQueryCode(path: string): string {
  return path.replace(/^(\/api\/v1\/public\/applications\/)[^/?]+/, "$1:queryCode");
}
