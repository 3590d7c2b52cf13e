// Abuse of the public portal (issue 12): 1,000 wrong 查询码 guesses from one IP are slowed down
// and challenged, wrong digits on one code too, a burst of 500 submissions from one IP is
// limited, malformed and huge bodies answer 4xx in Chinese. Real PGlite and Redis.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateQueryCode } from "../../src/portal/query-code.ts";
import { isChineseError } from "../http/helpers/fixtures.ts";
import { SETUP_TIMEOUT, TEST_NOW } from "../http/helpers/test-app.ts";
import { ORGANISATION, type PortalTestApp, startPortalApp, submissionBody } from "./helpers/portal-app.ts";

interface ChallengeBody {
  error: { code: string; message: string; challenge: { token: string; question: string } };
}

/** The answer of “7 加 5 等于几？” / “7 减 5 等于几？”. */
function solve(question: string): string {
  const m = /^(\d+) (加|减) (\d+) 等于几？$/.exec(question);
  if (!m) throw new Error(`not a question: ${question}`);
  return String(m[2] === "加" ? Number(m[1]) + Number(m[3]) : Number(m[1]) - Number(m[3]));
}

describe("abuse of the public portal", () => {
  let t: PortalTestApp;

  beforeAll(async () => {
    t = await startPortalApp(undefined);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  const later = (seconds: number) => {
    t.clock.now = new Date(t.clock.now.getTime() + seconds * 1000);
  };
  const submit = async (ip: string) => {
    const r = await t.pub<{ queryCode: string }>("POST", "/api/v1/public/applications", {
      body: submissionBody(),
      ip,
    });
    expect(r.status).toBe(201);
    return r.body.queryCode;
  };
  const look = (code: string, ip: string, verify: string, extra: Record<string, string> = {}) =>
    t.pub<ChallengeBody>("GET", `/api/v1/public/applications/${code}`, {
      ip,
      headers: { "x-verify": verify, ...extra },
    });

  it("slows down and challenges 1,000 wrong 查询码 guesses from one IP; the owner elsewhere is not held up", async () => {
    const owner = await submit("198.51.100.1");
    const counts: Record<string, number> = {};
    let withRetryAfter = 0;
    for (let i = 0; i < 1000; i++) {
      const r = await look(generateQueryCode(), "203.0.113.7", "1234");
      counts[r.status] = (counts[r.status] ?? 0) + 1;
      if (r.status === 429 && Number(r.headers.get("retry-after")) > 0) withRetryAfter++;
      expect(isChineseError(r.body)).toBe(true);
    }
    process.stdout.write(
      `1,000 wrong guesses from one IP: ${JSON.stringify(counts)}, Retry-After on ${withRetryAfter}\n`,
    );
    // 10 free failures and the 11th (the delays start after it), every other guess a 429
    expect(counts).toEqual({ 404: 11, 429: 989 });
    expect(withRetryAfter).toBe(989);

    // Once the delay has passed: a question, not a look-up.
    later(61);
    const asked = await look(generateQueryCode(), "203.0.113.7", "1234");
    expect(asked.status).toBe(429);
    expect(asked.body.error.code).toBe("challenge_required");
    const { token, question } = asked.body.error.challenge;
    expect(question).toMatch(/^\d+ (加|减) \d+ 等于几？$/);
    // A wrong answer: a new question. The right one: the guess is looked up (and fails, counted).
    const wrong = await look(generateQueryCode(), "203.0.113.7", "1234", {
      "x-challenge-token": token,
      "x-challenge-answer": "-1",
    });
    expect(wrong.body.error.code).toBe("challenge_required");
    const next = wrong.body.error.challenge;
    later(61);
    const answered = await look(generateQueryCode(), "203.0.113.7", "1234", {
      "x-challenge-token": next.token,
      "x-challenge-answer": solve(next.question),
    });
    expect(answered.status).toBe(404);
    // The token is used up.
    later(61);
    const replayed = await look(generateQueryCode(), "203.0.113.7", "1234", {
      "x-challenge-token": next.token,
      "x-challenge-answer": solve(next.question),
    });
    expect(replayed.body.error.code).toBe("challenge_required");

    const own = await look(owner, "198.51.100.1", "5678");
    expect(own.status).toBe(200);
    t.clock.now = TEST_NOW;
  });

  it("slows down wrong digits on one code from many IPs; the owner then answers a question", async () => {
    const code = await submit("198.51.100.2");
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await look(code, `192.0.2.${i + 1}`, "0000")).status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(6);
    expect(statuses.filter((s) => s === 429)).toHaveLength(24);
    const held = await look(code, "198.51.100.2", "5678");
    expect(held.status).toBe(429);
    later(61);
    const asked = await look(code, "198.51.100.2", "5678");
    expect(asked.body.error.code).toBe("challenge_required");
    const { token, question } = asked.body.error.challenge;
    const own = await look(code, "198.51.100.2", "5678", {
      "x-challenge-token": token,
      "x-challenge-answer": solve(question),
    });
    expect(own.status).toBe(200);
    // A success starts the code's count over.
    expect((await look(code, "198.51.100.2", "5678")).status).toBe(200);
    t.clock.now = TEST_NOW;
  });

  it("limits a burst of 500 submissions from one IP (429 with Retry-After); another IP still submits", async () => {
    const statuses: Record<string, number> = {};
    let withRetryAfter = 0;
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, () =>
          t.pub("POST", "/api/v1/public/applications", { body: submissionBody(), ip: "203.0.113.99" }),
        ),
      );
      for (const r of answers) {
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status === 429 && Number(r.headers.get("retry-after")) > 0) withRetryAfter++;
      }
    }
    process.stdout.write(`500 submissions from one IP: ${JSON.stringify(statuses)}\n`);
    expect(statuses).toEqual({ 201: 20, 429: 480 });
    expect(withRetryAfter).toBe(480);
    expect(
      (await t.pub("POST", "/api/v1/public/applications", { body: submissionBody(), ip: "203.0.113.100" }))
        .status,
    ).toBe(201);
  });

  it("answers malformed, mistyped, huge and invalid bodies with a Chinese 4xx", async () => {
    const raw = async (body: string, type: string) => {
      const r = await fetch(`${t.baseUrl}/api/v1/public/applications`, {
        method: "POST",
        headers: { "content-type": type, "x-forwarded-for": "203.0.113.50" },
        body,
      });
      return { status: r.status, body: (await r.json()) as unknown };
    };
    const cases: [string, { status: number; body: unknown }, number][] = [
      ["malformed JSON", await raw('{"agencyCode": "town",', "application/json"), 400],
      ["text/plain", await raw("agencyCode=town", "text/plain"), 400],
      ["a form without boundary", await raw("x", "multipart/form-data"), 400],
      [
        "100 KB of JSON",
        await raw(
          JSON.stringify({ ...submissionBody(), description: "字".repeat(40_000) }),
          "application/json",
        ),
        413,
      ],
      [
        "2 MB of JSON",
        await raw(
          JSON.stringify({ ...submissionBody(), description: "a".repeat(2_000_000) }),
          "application/json",
        ),
        413,
      ],
    ];
    const invalid: [string, Record<string, unknown>, string][] = [
      ["a request of 5,001 characters", { description: "字".repeat(5001) }, "description"],
      [
        "a wrong 居民身份证号码",
        { applicant: { ...submissionBody().applicant, idNumber: "110105194912310021" } },
        "applicant.idNumber",
      ],
      [
        "an organisation without its legal representative",
        { applicant: { ...ORGANISATION, legalRepresentative: undefined } },
        "applicant.legalRepresentative",
      ],
      [
        "no way to reach the applicant",
        { applicant: { type: "natural_person", name: "某", idType: "passport", idNumber: "E12345678" } },
        "applicant.phone",
      ],
      ["a purpose (the 2019 Regulation dropped it)", { purpose: "科研" }, "purpose"],
      ["an unknown agency", { agencyCode: "nowhere" }, "agencyCode"],
    ];
    for (const [what, body, field] of invalid) {
      const r = await t.pub<{ error: { details?: { field?: string }[] } }>(
        "POST",
        "/api/v1/public/applications",
        {
          body: submissionBody(body),
          ip: "203.0.113.51",
        },
      );
      cases.push([what, r, 422]);
      expect(
        r.body.error.details?.map((d) => d.field),
        what,
      ).toContain(field);
    }
    for (const [what, r, status] of cases) {
      expect(r.status, what).toBe(status);
      expect(isChineseError(r.body), `${what}: ${JSON.stringify(r.body)}`).toBe(true);
    }
  });
});
