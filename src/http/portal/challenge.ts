import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * The portal's arithmetic challenge (issue 12): a question (“7 加 5 等于几？”) in a signed,
 * expiring token, answered once. No external service: the token carries the question, an
 * expiry and a nonce, signed with HMAC-SHA256 under a key every node shares through Redis; a
 * redeemed nonce is kept until the token expires, so an answer cannot be replayed.
 */
export interface Challenge {
  token: string;
  question: string;
  expiresAt: string;
}

interface Payload {
  a: number;
  b: number;
  op: "+" | "-";
  /** Expiry, ms since the epoch. */
  exp: number;
  nonce: string;
}

export function makeChallenges(deps: { redis: Redis; prefix: string; now: () => Date; minutes: number }) {
  const { redis, prefix } = deps;
  let key: Promise<Buffer> | undefined;

  /** The signing key, made once by the first node that needs it. */
  function signingKey(): Promise<Buffer> {
    key ??= (async () => {
      await redis.set(`${prefix}challenge-key`, randomBytes(32).toString("hex"), "NX");
      const hex = await redis.get(`${prefix}challenge-key`);
      if (!hex) throw new Error("challenge key missing in Redis");
      return Buffer.from(hex, "hex");
    })();
    key.catch(() => {
      key = undefined;
    });
    return key;
  }

  const sign = async (body: string) =>
    createHmac("sha256", await signingKey())
      .update(body)
      .digest("base64url");

  function question(p: Payload): string {
    return `${p.a} ${p.op === "+" ? "加" : "减"} ${p.b} 等于几？`;
  }

  return {
    async issue(): Promise<Challenge> {
      const a = randomInt(2, 20);
      const b = randomInt(1, a);
      const p: Payload = {
        a,
        b,
        op: randomInt(2) === 0 ? "+" : "-",
        exp: deps.now().getTime() + deps.minutes * 60_000,
        nonce: randomBytes(12).toString("base64url"),
      };
      const body = Buffer.from(JSON.stringify(p)).toString("base64url");
      return {
        token: `${body}.${await sign(body)}`,
        question: question(p),
        expiresAt: new Date(p.exp).toISOString(),
      };
    },

    /** Whether the answer is right for an unexpired, genuine, unused token; it is used up either way. */
    async redeem(token: string, answer: string): Promise<boolean> {
      const [body, mac] = token.split(".");
      if (!body || !mac || token.length > 400) return false;
      const expected = Buffer.from(await sign(body));
      const given = Buffer.from(mac);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
      let p: Payload;
      try {
        p = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Payload;
      } catch {
        return false;
      }
      const left = p.exp - deps.now().getTime();
      if (left <= 0) return false;
      const fresh = await redis.set(`${prefix}challenge-used:${p.nonce}`, "1", "PX", left, "NX");
      if (fresh !== "OK") return false;
      const right = p.op === "+" ? p.a + p.b : p.a - p.b;
      return answer.trim() === String(right);
    },
  };
}
