import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ErrorBody, isChineseError, registerBody } from "./helpers/fixtures.ts";
import {
  BACKENDS,
  PASSWORD,
  SETUP_TIMEOUT,
  startTestApp,
  TEST_NOW,
  type TestApp,
} from "./helpers/test-app.ts";

interface LoginReply {
  token?: string;
  csrfToken?: string;
  user: Record<string, unknown>;
}

const minutes = (n: number) => new Date(TEST_NOW.getTime() + n * 60_000);

describe.each(BACKENDS)("auth, health and errors over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });
  const login = (username: string, password = PASSWORD, session?: boolean) =>
    t.call<LoginReply & ErrorBody>("POST", "/api/v1/auth/login", {
      as: null,
      body: { username, password, ...(session === undefined ? {} : { session }) },
    });
  const withToken = (token: string) => ({ as: null, headers: { authorization: `Bearer ${token}` } });

  it("logs in with a 30-day bearer token; /auth/me names the user", async () => {
    const r = await login("clerk");
    expect(r.status).toBe(200);
    expect(r.body.user).toEqual({
      username: "clerk",
      displayName: "clerk（测试）",
      agencyCode: "town",
      agencyName: "某镇人民政府",
      roles: ["intake"],
      isSystemAdmin: false,
      mustChangePassword: false,
      can: {
        register: true,
        viewOnlineSubmissions: true,
        confirmOnlineSubmissions: true,
        approve: false,
        hasTodo: true,
        viewSubtree: false,
        manageUsers: false,
        grantRoles: [],
        viewAgencies: false,
        importLedger: false,
        viewAccessLog: false,
        manageAgencySettings: false,
        closeReports: false,
        editCalendar: false,
      },
    });
    expect(r.body.csrfToken).toBeUndefined();
    expect(r.headers.get("set-cookie")).toBeNull();
    const token = r.body.token as string;
    const me = await t.call<{ user: { username: string } }>("GET", "/api/v1/auth/me", withToken(token));
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe("clerk");
    try {
      t.clock.now = minutes(29 * 24 * 60);
      expect((await t.call("GET", "/api/v1/auth/me", withToken(token))).status).toBe(200);
      t.clock.now = minutes(30 * 24 * 60 + 1);
      expect((await t.call("GET", "/api/v1/auth/me", withToken(token))).status).toBe(401);
    } finally {
      t.clock.now = TEST_NOW;
    }
  });

  it("refuses a wrong password, and an unknown user, with the same 401", async () => {
    for (const r of [await login("handler", "wrong-password"), await login("nobody-here")]) {
      expect(r.status).toBe(401);
      expect(r.body.error).toEqual({ code: "unauthenticated", message: "用户名或密码错误" });
    }
  });

  it("answers 401 请先登录 without credentials or with a bad token", async () => {
    for (const headers of [{}, { authorization: "Bearer nope" }, { authorization: "Basic abc" }] as Record<
      string,
      string
    >[]) {
      const r = await t.call<ErrorBody>("GET", "/api/v1/applications", { as: null, headers });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe("unauthenticated");
      expect(r.body.error.message).toContain("请先登录");
    }
  });

  it("logout revokes the bearer token", async () => {
    const token = (await login("handler")).body.token as string;
    expect((await t.call("POST", "/api/v1/auth/logout", withToken(token))).status).toBe(204);
    expect((await t.call("GET", "/api/v1/auth/me", withToken(token))).status).toBe(401);
  });

  it("keeps a web session in an httpOnly SameSite=Strict cookie guarded by a CSRF token", async () => {
    const r = await login("clerk", PASSWORD, true);
    expect(r.status).toBe(200);
    // A web login gets the cookie and its CSRF token only, no bearer token (issue 10, hole 4).
    expect(r.body.token).toBeUndefined();
    const setCookie = r.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^ogi_session=[\w-]+;/);
    expect(setCookie).toContain("Max-Age=3600");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    const cookie = setCookie.split(";")[0] as string;
    const csrf = r.body.csrfToken as string;
    const me = await t.call<{ csrfToken: string }>("GET", "/api/v1/auth/me", {
      as: null,
      headers: { cookie },
    });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(csrf);
    for (const headers of [{ cookie }, { cookie, "x-csrf-token": "forged" }] as Record<string, string>[]) {
      const denied = await t.call<ErrorBody>("POST", "/api/v1/applications", {
        as: null,
        headers,
        body: registerBody(),
      });
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toContain("X-CSRF-Token");
    }
    const ok = await t.call("POST", "/api/v1/applications", {
      as: null,
      headers: { cookie, "x-csrf-token": csrf },
      body: registerBody(),
    });
    expect(ok.status).toBe(201);
    const out = await t.call("POST", "/api/v1/auth/logout", {
      as: null,
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^ogi_session=;/);
    expect((await t.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie } })).status).toBe(401);
  });

  it("slides the session: inactivity longer than OGI_SESSION_MINUTES ends it", async () => {
    const r = await login("approver", PASSWORD, true);
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] as string;
    const me = () => t.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie } });
    try {
      for (const at of [50, 100, 150]) {
        t.clock.now = minutes(at);
        expect((await me()).status).toBe(200);
      }
      t.clock.now = minutes(211);
      expect((await me()).status).toBe(401);
    } finally {
      t.clock.now = TEST_NOW;
    }
  });

  it("slows failed logins of a username down (429, Retry-After) and lets the right password in after the delay", async () => {
    for (let i = 0; i < 4; i++) expect((await login("supervisor", `wrong-${i}`)).status).toBe(401);
    const blocked = await login("supervisor");
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("1");
    expect(blocked.body.error).toEqual({ code: "rate_limited", message: "登录失败次数较多，请 1 秒后再试" });
    // Another user from the same address is not held up.
    expect((await login("townadmin")).status).toBe(200);
    try {
      t.clock.now = new Date(TEST_NOW.getTime() + 1000);
      expect((await login("supervisor", "wrong-4")).status).toBe(401);
      const again = await login("supervisor");
      expect(again.status).toBe(429);
      expect(again.headers.get("retry-after")).toBe("2");
      t.clock.now = new Date(TEST_NOW.getTime() + 3000);
      expect((await login("supervisor")).status).toBe(200);
    } finally {
      t.clock.now = TEST_NOW;
    }
  });

  it("never writes passwords, tokens or cookies into the request log", async () => {
    const r = await login("clerk", PASSWORD, true);
    const bearer = await login("clerk");
    await t.call("GET", "/api/v1/auth/me", withToken(bearer.body.token as string));
    const log = t.logLines.join("");
    expect(log).toContain('"url":"/api/v1/auth/login"');
    expect(log).not.toContain(PASSWORD);
    expect(log).not.toContain(bearer.body.token as string);
    expect(log).not.toContain(r.body.csrfToken as string);
    expect(log.toLowerCase()).not.toContain("authorization");
    expect(log.toLowerCase()).not.toContain("cookie");
  });

  it("reports health: 200 when ready, 503 when not", async () => {
    expect(await t.call("GET", "/healthz", { as: null })).toMatchObject({
      status: 200,
      body: { status: "ok" },
    });
    t.health.report = { ok: false, details: { redis: "无法连接" } };
    try {
      const r = await t.call("GET", "/healthz", { as: null });
      expect(r).toMatchObject({
        status: 503,
        body: { status: "unavailable", details: { redis: "无法连接" } },
      });
    } finally {
      t.health.report = { ok: true, details: {} };
    }
  });

  it("answers unknown routes, broken JSON, huge and non-JSON bodies with Chinese JSON errors", async () => {
    const cases: [number, Promise<{ status: number; body: unknown }>][] = [
      [404, t.call("GET", "/api/v1/no-such-thing")],
      [404, t.call("DELETE", "/api/v1/applications")],
      [400, t.call("POST", "/api/v1/applications", { as: "clerk", rawBody: '{"agencyCode": "town",' })],
      [400, t.call("POST", "/api/v1/applications", { as: "clerk", rawBody: "null" })],
      [
        413,
        t.call("POST", "/api/v1/applications", { as: "clerk", body: { description: "政".repeat(400_000) } }),
      ],
      [
        400,
        t.call("POST", "/api/v1/applications", {
          as: "clerk",
          rawBody: "agencyCode=town",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      ],
    ];
    for (const [status, pending] of cases) {
      const r = await pending;
      expect(r.status).toBe(status);
      expect(isChineseError(r.body)).toBe(true);
      expect(JSON.stringify(r.body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});
