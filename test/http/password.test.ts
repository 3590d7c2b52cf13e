import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, SETUP_TIMEOUT, startTestApp, type TestApp } from "./helpers/test-app.ts";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, SETUP_TIMEOUT);
afterAll(async () => {
  await t?.close();
});

const login = (password: string) =>
  t.call<{ token?: string }>("POST", "/api/v1/auth/login", {
    as: null,
    body: { username: "clerk", password },
  });

describe("POST /api/v1/auth/password", () => {
  it("refuses a wrong current password and a short new one, naming the field", async () => {
    const wrong = await t.call("POST", "/api/v1/auth/password", {
      as: "clerk",
      body: { currentPassword: "not-it", newPassword: "another-password-1" },
    });
    expect(wrong.status).toBe(422);
    expect(JSON.stringify(wrong.body)).toContain("当前密码不正确");
    const short = await t.call("POST", "/api/v1/auth/password", {
      as: "clerk",
      body: { currentPassword: PASSWORD, newPassword: "short" },
    });
    expect(short.status).toBe(422);
    expect(JSON.stringify(short.body)).toContain("newPassword");
    expect((await t.call("POST", "/api/v1/auth/password", { as: null, body: {} })).status).toBe(401);
  });

  it("changes it: the old password stops working, other tokens end, the current one goes on", async () => {
    const other = (await login(PASSWORD)).body.token as string;
    const changed = await t.call("POST", "/api/v1/auth/password", {
      as: "clerk",
      body: { currentPassword: PASSWORD, newPassword: "a-new-password-2026" },
    });
    expect(changed.status).toBe(204);
    expect((await login(PASSWORD)).status).toBe(401);
    expect((await login("a-new-password-2026")).status).toBe(200);
    expect((await t.call("GET", "/api/v1/auth/me", { as: "clerk" })).status).toBe(200);
    const stale = await t.call("GET", "/api/v1/auth/me", {
      as: null,
      headers: { authorization: `Bearer ${other}` },
    });
    expect(stale.status).toBe(401);
  });
});
