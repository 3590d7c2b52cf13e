import { describe, expect, it } from "vitest";
import { isAppError } from "../../src/app-error.ts";
import { DEFAULT_LOGIN_LIMITS, makeLoginLimiter, RateLimited } from "../../src/http/auth/login-limiter.ts";

const start = new Date("2026-03-20T02:00:00Z");

function attempt(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (isAppError(e)) return `${e.status} ${e.message}`;
    throw e;
  }
}

/** A clock the test moves by hand. */
function clock() {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (seconds: number) => (t += seconds * 1000) };
}

describe("the login limiter", () => {
  it("delays a username after 3 failures: 1 s, 2 s, 4 s … at most 60 s, and never locks it out", () => {
    const c = clock();
    const limiter = makeLoginLimiter(c.now);
    for (let i = 0; i < 3; i++) expect(attempt(() => limiter.begin("10.0.0.1", "zhang"))).toBeNull();
    // The 4th attempt runs (3 free failures) and starts a 1 s delay from it.
    expect(attempt(() => limiter.begin("10.0.0.2", "zhang"))).toBeNull();
    expect(attempt(() => limiter.begin("10.0.0.3", "zhang"))).toBe("429 登录失败次数较多，请 1 秒后再试");
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      let err: unknown;
      try {
        limiter.begin("10.0.0.1", "ZHANG");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RateLimited);
      const seconds = (err as RateLimited).retryAfterSeconds;
      waits.push(seconds);
      c.advance(seconds - 0.5);
      expect(attempt(() => limiter.begin("10.0.0.1", "zhang"))).toMatch(/^429 /);
      c.advance(0.5);
      expect(attempt(() => limiter.begin("10.0.0.1", "zhang"))).toBeNull();
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    // The right password after the delay: it counts back, and the username starts over.
    c.advance(60);
    limiter.begin("10.0.0.1", "zhang");
    limiter.succeeded("10.0.0.1", "zhang");
    for (let i = 0; i < 3; i++) expect(attempt(() => limiter.begin("10.0.0.9", "zhang"))).toBeNull();
  });

  it("delays an IP across usernames after 10 failures, and counts an attempt before its password is checked", () => {
    const c = clock();
    const limiter = makeLoginLimiter(c.now);
    // Eleven parallel guesses still running (different usernames): the twelfth must wait.
    for (let i = 0; i < 11; i++) expect(attempt(() => limiter.begin("10.0.0.1", `u${i}`))).toBeNull();
    expect(attempt(() => limiter.begin("10.0.0.1", "other"))).toBe("429 登录失败次数较多，请 1 秒后再试");
    expect(attempt(() => limiter.begin("10.0.0.2", "other"))).toBeNull();
    c.advance(1);
    expect(attempt(() => limiter.begin("10.0.0.1", "other"))).toBeNull();
  });

  it("forgets a key 15 minutes after its last attempt", () => {
    const c = clock();
    const limiter = makeLoginLimiter(c.now);
    for (let i = 0; i < 8; i++) {
      c.advance(60);
      limiter.begin("ip", "li");
    }
    expect(attempt(() => limiter.begin("ip", "li"))).toMatch(/^429 .*请 16 秒后再试/);
    c.advance(DEFAULT_LOGIN_LIMITS.forgetAfterMinutes * 60);
    for (let i = 0; i < 3; i++) expect(attempt(() => limiter.begin("ip", "li"))).toBeNull();
  });

  it("slows wrong current passwords of a password change down per user", () => {
    const c = clock();
    const limiter = makeLoginLimiter(c.now);
    for (let i = 0; i < 4; i++) expect(attempt(() => limiter.beginPasswordChange(7))).toBeNull();
    expect(attempt(() => limiter.beginPasswordChange(7))).toBe("429 当前密码输错次数较多，请 1 秒后再试");
    expect(attempt(() => limiter.beginPasswordChange(8))).toBeNull();
    c.advance(1);
    expect(attempt(() => limiter.beginPasswordChange(7))).toBeNull();
    limiter.passwordChangeSucceeded(7);
    for (let i = 0; i < 4; i++) expect(attempt(() => limiter.beginPasswordChange(7))).toBeNull();
  });
});
