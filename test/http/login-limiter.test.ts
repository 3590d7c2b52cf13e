import { describe, expect, it } from "vitest";
import { isAppError } from "../../src/app-error.ts";
import { makeLoginLimiter } from "../../src/http/auth/login-limiter.ts";

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

describe("the login limiter", () => {
  it("limits per IP across usernames, and counts an attempt before its password is checked", () => {
    let now = start;
    const limiter = makeLoginLimiter(() => now, { perUsername: 10, perIp: 3, windowMinutes: 15 });
    // Three parallel guesses still running: the fourth is refused before any of them fails.
    for (const u of ["a", "b", "c"]) expect(attempt(() => limiter.begin("10.0.0.1", u))).toBeNull();
    expect(attempt(() => limiter.begin("10.0.0.1", "d"))).toBe("429 登录失败次数过多，请 15 分钟后再试");
    expect(attempt(() => limiter.begin("10.0.0.2", "d"))).toBeNull();
    now = new Date(start.getTime() + 15 * 60_000);
    expect(attempt(() => limiter.begin("10.0.0.1", "d"))).toBeNull();
  });

  it("gives a success its count back and forgets the username's failures", () => {
    const limiter = makeLoginLimiter(() => start, { perUsername: 2, perIp: 100, windowMinutes: 15 });
    limiter.begin("ip", "Zhang");
    limiter.begin("ip", "zhang");
    expect(attempt(() => limiter.begin("ip", "ZHANG"))).toMatch(/^429/);
    const other = makeLoginLimiter(() => start, { perUsername: 2, perIp: 100, windowMinutes: 15 });
    other.begin("ip", "li");
    other.succeeded("ip", "li");
    other.begin("ip", "li");
    expect(attempt(() => other.begin("ip", "li"))).toBeNull();
  });
});
