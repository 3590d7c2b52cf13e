/**
 * Issue 10, holes 1, 4 and 8: who may grant which roles, what a web login issues and its logout
 * revokes, and the user administration (disable, reset password, end sessions, edit) with its
 * audit. On both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LOGIN_LIMITS } from "../../src/http/auth/login-limiter.ts";
import type { ErrorBody } from "../http/helpers/fixtures.ts";
import {
  BACKENDS,
  PASSWORD,
  SETUP_TIMEOUT,
  startTestApp,
  type TestApp,
  type UserKey,
} from "../http/helpers/test-app.ts";

type User = {
  username: string;
  displayName: string;
  email: string | null;
  roles: string[];
  isDisabled: boolean;
  mustChangePassword: boolean;
};
type AuditLine = {
  action: string;
  actionLabel: string;
  at: string;
  actor: { username: string } | null;
  target: { username: string; agencyCode: string | null };
  details: Record<string, unknown>;
};
type Reply<T> = T & ErrorBody;

const newUser = (username: string, agencyCode: string, roles: string[]) => ({
  username,
  password: "a-long-password",
  displayName: `${username}（新）`,
  agencyCode,
  roles,
});

describe.each(BACKENDS)("accounts and sessions (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    // Many logins from one address: the delays are login-limiter tests' subject, not this file's.
    t = await startTestApp(await databaseUrl(), {
      http: {
        loginLimits: { ...DEFAULT_LOGIN_LIMITS, freeFailuresPerIp: 1000, freeFailuresPerUsername: 1000 },
      },
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  const call = <T = Record<string, unknown>>(
    method: string,
    path: string,
    as: UserKey | null,
    body?: unknown,
    headers?: Record<string, string>,
  ) =>
    t.call<Reply<T>>(method, path, {
      as,
      ...(body === undefined ? {} : { body }),
      ...(headers ? { headers } : {}),
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const login = (username: string, password = PASSWORD, session?: boolean) =>
    t.call<Reply<{ token?: string; csrfToken?: string; user: User }>>("POST", "/api/v1/auth/login", {
      as: null,
      body: { username, password, ...(session ? { session } : {}) },
    });
  async function webLogin(username: string, password = PASSWORD) {
    const r = await login(username, password, true);
    expect(r.status).toBe(200);
    return {
      cookie: (r.headers.get("set-cookie") ?? "").split(";")[0] as string,
      csrf: r.body.csrfToken as string,
      reply: r,
    };
  }
  const tokenCount = async (username: string, kind: "bearer" | "session") => {
    const r = await t.db
      .selectFrom("auth_tokens as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("u.username", "=", username)
      .where("a.kind", "=", kind)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };
  const audit = async (as: UserKey, query = "") =>
    (await call<{ items: AuditLine[]; total: number }>("GET", `/api/v1/account-audit${query}`, as)).body;

  describe("hole 1: granting roles", () => {
    it("refuses an agency admin a supervisor (or any role outside its agency's), with a Chinese 403", async () => {
      for (const roles of [["supervisor"], ["handler", "supervisor"]]) {
        const r = await call("POST", "/api/v1/users", "townadmin", newUser("sneaky", "town", roles));
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe("forbidden");
        expect(r.body.error.message).toContain("“主管部门”角色只能由系统管理员授予");
      }
      const row = await t.db
        .selectFrom("users")
        .select("id")
        .where("username", "=", "sneaky")
        .executeTakeFirst();
      expect(row).toBeUndefined();
      const own = await call<User>(
        "POST",
        "/api/v1/users",
        "townadmin",
        newUser("town.new", "town", ["approver", "agency_admin"]),
      );
      expect(own.status).toBe(201);
      expect(
        (await call("POST", "/api/v1/users", "townadmin", newUser("x.other", "other", ["handler"]))).status,
      ).toBe(403);
      expect(
        (await call("POST", "/api/v1/users", "supervisor", newUser("x.sup", "town", ["handler"]))).status,
      ).toBe(403);
      const bySystem = await call<User>(
        "POST",
        "/api/v1/users",
        "admin",
        newUser("town.sup", "town", ["supervisor"]),
      );
      expect(bySystem.status).toBe(201);
      expect(bySystem.body.roles).toEqual(["supervisor"]);
    });

    it("applies the same rule when roles are edited, and keeps supervisors and system admins to the system admin", async () => {
      const up = await call("PATCH", "/api/v1/users/town.new", "townadmin", { roles: ["supervisor"] });
      expect(up.status).toBe(403);
      expect(up.body.error.message).toContain("只能由系统管理员授予");
      const sup = await call("PATCH", "/api/v1/users/town.sup", "townadmin", { displayName: "改个名" });
      expect(sup.status).toBe(403);
      expect(sup.body.error.message).toBe("主管部门用户只能由系统管理员管理");
      for (const path of [
        "/api/v1/users/town.sup/disable",
        "/api/v1/users/town.sup/reset-password",
        "/api/v1/users/admin/end-sessions",
      ]) {
        expect((await call("POST", path, "townadmin", {})).status, path).toBe(403);
      }
      expect((await call("PATCH", "/api/v1/users/outsider", "townadmin", { displayName: "x" })).status).toBe(
        403,
      );
      expect((await call("PATCH", "/api/v1/users/handler", "clerk", { displayName: "x" })).status).toBe(403);
      expect((await call("PATCH", "/api/v1/users/nobody-at-all", "admin", { displayName: "x" })).status).toBe(
        404,
      );
      const roles = await t.db
        .selectFrom("users")
        .select("roles")
        .where("username", "=", "town.new")
        .executeTakeFirstOrThrow();
      expect(roles.roles).toEqual(["approver", "agency_admin"]);
    });
  });

  describe("hole 4: what a login issues and its logout revokes", () => {
    it("gives a web login only the cookie and its CSRF token; logout ends it", async () => {
      const before = await tokenCount("approver", "bearer");
      const { cookie, csrf, reply } = await webLogin("approver");
      expect(reply.body.token).toBeUndefined();
      expect(reply.body).not.toHaveProperty("expiresAt");
      expect(csrf).toMatch(/^[\w-]{20,}$/);
      expect(await tokenCount("approver", "bearer")).toBe(before);
      const me = await t.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie } });
      expect(me.status).toBe(200);
      const out = await t.call("POST", "/api/v1/auth/logout", {
        as: null,
        headers: { cookie, "x-csrf-token": csrf },
      });
      expect(out.status).toBe(204);
      expect((await t.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie } })).status).toBe(401);
    });

    it("gives an API login its bearer token ({token, user}); logout revokes that token", async () => {
      const r = await login("approver");
      expect(r.status).toBe(200);
      expect(Object.keys(r.body).sort()).toEqual(["expiresAt", "token", "user"]);
      const token = r.body.token as string;
      expect(r.headers.get("set-cookie")).toBeNull();
      expect((await t.call("POST", "/api/v1/auth/logout", { as: null, headers: bearer(token) })).status).toBe(
        204,
      );
      expect((await t.call("GET", "/api/v1/auth/me", { as: null, headers: bearer(token) })).status).toBe(401);
    });
  });

  describe("hole 8: user administration", () => {
    it("disables a user: every token and session ends at once, login is refused; enabling lets it in again", async () => {
      const session = await webLogin("handler");
      const api = (await login("handler")).body.token as string;
      const disabled = await call<User>("POST", "/api/v1/users/handler/disable", "townadmin", {
        reason: "调离岗位",
      });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ username: "handler", isDisabled: true });
      expect(
        (await t.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie: session.cookie } })).status,
      ).toBe(401);
      expect((await t.call("GET", "/api/v1/auth/me", { as: null, headers: bearer(api) })).status).toBe(401);
      expect((await call("GET", "/api/v1/applications", "handler")).status).toBe(401);
      expect(await tokenCount("handler", "session")).toBe(0);
      expect(await tokenCount("handler", "bearer")).toBe(0);
      const refused = await login("handler");
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toBe("用户名或密码错误");
      const enabled = await call<User>("POST", "/api/v1/users/handler/enable", "townadmin");
      expect(enabled.body.isDisabled).toBe(false);
      expect((await login("handler")).status).toBe(200);
      const lines = (await audit("townadmin", "?username=handler")).items;
      expect(lines.map((l) => l.action).slice(0, 2)).toEqual(["user.enabled", "user.disabled"]);
      expect(lines[1]).toMatchObject({
        actionLabel: "停用账号",
        actor: { username: "townadmin" },
        target: { username: "handler", agencyCode: "town" },
        details: { reason: "调离岗位", sessionsEnded: 3 },
      });
    });

    it("refuses an administrator disabling itself or changing its own roles", async () => {
      const self = await call("POST", "/api/v1/users/townadmin/disable", "townadmin");
      expect(self.status).toBe(409);
      expect(self.body.error.message).toBe("不能停用自己的账号，请由其他管理员操作");
      const roles = await call("PATCH", "/api/v1/users/townadmin", "townadmin", { roles: ["handler"] });
      expect(roles.status).toBe(409);
    });

    it("resets a password to a generated one shown once: sessions end, and the user must change it before anything else", async () => {
      const before = await webLogin("clerk");
      const reset = await call<{ user: User; generatedPassword: string }>(
        "POST",
        "/api/v1/users/clerk/reset-password",
        "townadmin",
      );
      expect(reset.status).toBe(200);
      const temporary = reset.body.generatedPassword;
      expect(temporary).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
      expect(reset.body.user).toMatchObject({ username: "clerk", mustChangePassword: true });
      expect(
        (await t.call("GET", "/api/v1/auth/me", { as: null, headers: { cookie: before.cookie } })).status,
      ).toBe(401);
      expect((await login("clerk")).status).toBe(401);

      const { cookie, csrf, reply } = await webLogin("clerk", temporary);
      expect(reply.body.user.mustChangePassword).toBe(true);
      const refused = await t.call<ErrorBody>("GET", "/api/v1/applications", {
        as: null,
        headers: { cookie },
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("password_change_required");
      expect(refused.body.error.message).toContain("请先修改密码");
      // The API client of the same user is held the same way.
      const token = (await login("clerk", temporary)).body.token as string;
      expect((await t.call("GET", "/api/v1/meta", { as: null, headers: bearer(token) })).status).toBe(200);
      expect((await t.call("GET", "/api/v1/agencies", { as: null, headers: bearer(token) })).status).toBe(
        403,
      );
      const me = await t.call<{ user: User }>("GET", "/api/v1/auth/me", { as: null, headers: { cookie } });
      expect(me.status).toBe(200);
      expect(me.body.user.mustChangePassword).toBe(true);

      const changed = await t.call("POST", "/api/v1/auth/password", {
        as: null,
        headers: { cookie, "x-csrf-token": csrf },
        body: { currentPassword: temporary, newPassword: "clerk-own-password-1" },
      });
      expect(changed.status).toBe(204);
      expect((await t.call("GET", "/api/v1/applications", { as: null, headers: { cookie } })).status).toBe(
        200,
      );
      expect((await t.call("GET", "/api/v1/auth/me", { as: null, headers: bearer(token) })).status).toBe(401);
      const again = await login("clerk", "clerk-own-password-1");
      expect(again.body.user.mustChangePassword).toBe(false);

      const lines = (await audit("townadmin", "?username=clerk")).items;
      expect(lines.slice(0, 2).map((l) => [l.action, l.actor?.username])).toEqual([
        ["password.changed", "clerk"],
        ["password.reset", "townadmin"],
      ]);
      // The helper's bearer token of clerk and the web session above.
      expect(lines[1]?.details).toEqual({ generated: true, sessionsEnded: 2 });
      expect(JSON.stringify(lines)).not.toContain(temporary);
      expect(JSON.stringify(lines)).not.toContain("clerk-own-password-1");
    });

    it("resets to a password the admin chose, and ends all sessions on request", async () => {
      const reset = await call<{ generatedPassword: string | null }>(
        "POST",
        "/api/v1/users/approver/reset-password",
        "admin",
        { password: "temporary-pass-9" },
      );
      expect(reset.body.generatedPassword).toBeNull();
      expect((await login("approver", "temporary-pass-9")).body.user.mustChangePassword).toBe(true);
      await webLogin("approver", "temporary-pass-9");
      const ended = await call<{ sessionsEnded: number }>(
        "POST",
        "/api/v1/users/approver/end-sessions",
        "townadmin",
        {},
      );
      expect(ended.body.sessionsEnded).toBe(2);
      expect(await tokenCount("approver", "session")).toBe(0);
      expect(await tokenCount("approver", "bearer")).toBe(0);
    });

    it("edits name, e-mail and roles, recording what changed", async () => {
      const r = await call<User>("PATCH", "/api/v1/users/town.new", "townadmin", {
        displayName: "孙审核",
        email: "sun@example.cn",
        roles: ["approver"],
      });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ displayName: "孙审核", email: "sun@example.cn", roles: ["approver"] });
      const cleared = await call<User>("PATCH", "/api/v1/users/town.new", "townadmin", { email: "" });
      expect(cleared.body.email).toBeNull();
      const nothing = await call("PATCH", "/api/v1/users/town.new", "townadmin", {});
      expect(nothing.status).toBe(422);
      const [clear, edit] = (await audit("townadmin", "?username=town.new")).items;
      expect(clear?.details).toEqual({ changed: { email: { from: "sun@example.cn", to: null } } });
      expect(edit?.details).toEqual({
        changed: {
          displayName: { from: "town.new（新）", to: "孙审核" },
          email: { from: null, to: "sun@example.cn" },
          roles: { from: ["approver", "agency_admin"], to: ["approver"] },
        },
      });
    });

    it("shows an agency admin the audit of its own agency's users only; others get 403", async () => {
      // (the helper's tokens of clerk, handler and approver ended above)
      expect((await call("GET", "/api/v1/account-audit", "outsider")).status).toBe(403);
      await call("POST", "/api/v1/users/outsider/end-sessions", "admin");
      const town = await audit("townadmin");
      expect(town.total).toBeGreaterThan(5);
      expect(new Set(town.items.map((l) => l.target.agencyCode))).toEqual(new Set(["town"]));
      const all = await audit("admin");
      expect(all.items.some((l) => l.target.username === "outsider")).toBe(true);
      expect(all.items.map((l) => l.action)).toContain("user.created");
      expect((await call("GET", "/api/v1/account-audit?agency=other", "townadmin")).status).toBe(403);
      expect((await call("GET", "/api/v1/account-audit", "supervisor")).status).toBe(403);
      const page = await audit("admin", "?pageSize=2&page=2");
      expect(page.items).toHaveLength(2);
      expect(page.total).toBe(all.total);
    });
  });
});
