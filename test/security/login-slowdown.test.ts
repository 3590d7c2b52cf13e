/**
 * Issue 10, hole 5: failed logins slow down instead of locking the right password out, per
 * username and per client address, the address behind a proxy only when TRUST_PROXY trusts it;
 * password changes are limited per user; the session cookie is Secure whenever the request came
 * over https. On both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../http/helpers/fixtures.ts";
import {
  BACKENDS,
  PASSWORD,
  SETUP_TIMEOUT,
  startTestApp,
  TEST_NOW,
  type TestApp,
} from "../http/helpers/test-app.ts";

const at = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);

describe.each(BACKENDS)("login delays, the proxy and Secure cookies (%s)", (_name, databaseUrl) => {
  /** Behind one proxy on the loopback (the tests' own connections come from 127.0.0.1). */
  let proxied: TestApp;
  /** TRUST_PROXY unset: forwarded headers are ignored. */
  let direct: TestApp;
  beforeAll(async () => {
    proxied = await startTestApp(await databaseUrl(), { http: { settings: { TRUST_PROXY: ["loopback"] } } });
    direct = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT * 2);
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
  });
  const login = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
    t.call<ErrorBody>("POST", "/api/v1/auth/login", { as: null, body: { username, password }, headers });

  it("no longer locks the right password out: after 10 failures it works once the delay has passed", async () => {
    const t = direct;
    const fails: number[] = [];
    let now = 0;
    try {
      for (let i = 0; i < 10; i++) {
        t.clock.now = at(now);
        const r = await login(t, "approver", `wrong-${i}`);
        fails.push(r.status);
        now += 60; // every delay (at most 60 s) has passed before the next guess
      }
      expect(fails).toEqual(Array(10).fill(401));
      // Right after the tenth failure: wait 60 s (3 free failures, then 1, 2, … 64 → 60 s).
      t.clock.now = at(now - 60 + 1);
      const held = await login(t, "approver", PASSWORD);
      expect(held.status).toBe(429);
      expect(held.headers.get("retry-after")).toBe("59");
      expect(held.body.error.message).toBe("登录失败次数较多，请 59 秒后再试");
      t.clock.now = at(now);
      // The old limiter refused it for 15 minutes after the 10th failure.
      expect((await login(t, "approver", PASSWORD)).status).toBe(200);
    } finally {
      t.clock.now = TEST_NOW;
    }
  });

  it("counts failures per client address from X-Forwarded-For only when TRUST_PROXY trusts the proxy", async () => {
    const guess = (t: TestApp, i: number, forwardedFor: string) =>
      login(t, `nobody-${i}`, "wrong", { "x-forwarded-for": forwardedFor });
    try {
      for (const t of [proxied, direct]) {
        t.clock.now = at(3600); // past the other tests' failures
        for (let i = 0; i < 11; i++) expect((await guess(t, i, "203.0.113.7")).status).toBe(401);
      }
      // Behind the trusted proxy, the guessing address waits and a colleague's address does not.
      expect((await guess(proxied, 20, "203.0.113.7")).status).toBe(429);
      expect((await login(proxied, "clerk", PASSWORD, { "x-forwarded-for": "203.0.113.8" })).status).toBe(
        200,
      );
      // Without TRUST_PROXY, everyone behind the proxy is 127.0.0.1: the colleague waits too,
      // whatever address the header claims.
      expect((await guess(direct, 21, "198.51.100.1")).status).toBe(429);
      expect((await login(direct, "clerk", PASSWORD, { "x-forwarded-for": "198.51.100.2" })).status).toBe(
        429,
      );
    } finally {
      proxied.clock.now = TEST_NOW;
      direct.clock.now = TEST_NOW;
    }
  });

  it("limits password changes per user: wrong current passwords slow down, the right one is held too while limited", async () => {
    const t = proxied;
    const change = (currentPassword: string) =>
      t.call<ErrorBody>("POST", "/api/v1/auth/password", {
        as: "handler",
        body: { currentPassword, newPassword: "handler-new-password" },
      });
    try {
      t.clock.now = at(7200);
      for (let i = 0; i < 4; i++) expect((await change(`wrong-${i}`)).status).toBe(422);
      const held = await change(PASSWORD);
      expect(held.status).toBe(429);
      expect(held.headers.get("retry-after")).toBe("1");
      expect(held.body.error.message).toBe("当前密码输错次数较多，请 1 秒后再试");
      // Another user is not held.
      expect(
        (
          await t.call("POST", "/api/v1/auth/password", {
            as: "approver",
            body: { currentPassword: "x", newPassword: "approver-new-pass" },
          })
        ).status,
      ).toBe(422);
      t.clock.now = at(7201);
      expect((await change(PASSWORD)).status).toBe(204);
    } finally {
      t.clock.now = TEST_NOW;
    }
  });

  it("sets Secure on the session cookie when the request came over https through a trusted proxy", async () => {
    const webLogin = (t: TestApp, headers: Record<string, string>) =>
      t.call("POST", "/api/v1/auth/login", {
        as: null,
        body: { username: "supervisor", password: PASSWORD, session: true },
        headers,
      });
    const cookieOf = (r: { headers: Headers }) => r.headers.get("set-cookie") ?? "";
    const https = { "x-forwarded-proto": "https" };
    expect(cookieOf(await webLogin(proxied, https))).toMatch(/; Secure(;|$)/);
    expect(cookieOf(await webLogin(proxied, {}))).not.toContain("Secure");
    // An untrusted X-Forwarded-Proto is not believed.
    expect(cookieOf(await webLogin(direct, https))).not.toContain("Secure");
    // The cookie renewed on each request (sliding session) keeps the flag.
    const r = await webLogin(proxied, https);
    const cookie = cookieOf(r).split(";")[0] as string;
    const me = await proxied.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie, ...https } });
    expect(me.status).toBe(200);
    expect(cookieOf(me)).toMatch(/; Secure(;|$)/);
  });
});
