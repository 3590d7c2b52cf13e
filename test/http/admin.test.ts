import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_TYPES } from "../../src/domain/application-events.ts";
import { OUTCOMES } from "../../src/domain/outcomes.ts";
import { type ErrorBody, hasChinese, isChineseError } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

type Items<T> = { items: T[]; total: number } & ErrorBody;
type Agency = { code: string; name: string; kind: string; parentCode: string | null };
type User = Record<string, unknown> & { username: string; agencyCode: string };

const newUser = (username: string, agencyCode: string, extra: Record<string, unknown> = {}) => ({
  username,
  password: "a-long-password",
  displayName: "新用户",
  agencyCode,
  roles: ["handler"],
  ...extra,
});

describe.each(BACKENDS)("agencies, users and meta over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });
  const post = <T = ErrorBody>(path: string, as: UserKey | null, body: unknown) =>
    t.call<T & ErrorBody>("POST", path, { as, body });

  it("lets only the system administrator create agencies", async () => {
    const body = { code: "edu", name: "某县教育局", kind: "department", parentCode: "county" };
    expect((await post("/api/v1/agencies", "townadmin", body)).status).toBe(403);
    expect((await post("/api/v1/agencies", null, body)).status).toBe(401);
    const created = await post<Agency>("/api/v1/agencies", "admin", body);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: "edu",
      name: "某县教育局",
      kind: "department",
      parentCode: "county",
    });
    const again = await post("/api/v1/agencies", "admin", body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("已存在");
    const badKind = await post("/api/v1/agencies", "admin", { ...body, code: "x1", kind: "bureau" });
    expect(badKind.status).toBe(422);
    expect(badKind.body.error.details?.[0]?.field).toBe("kind");
    const noParent = await post("/api/v1/agencies", "admin", { ...body, code: "x2", parentCode: "nowhere" });
    expect(noParent.status).toBe(422);
    expect(noParent.body.error.details?.[0]?.field).toBe("parentCode");
    const badCode = await post("/api/v1/agencies", "admin", { ...body, code: "教育 局" });
    expect(badCode.body.error.message).toContain("字段 code：");
  });

  it("lists the agencies each user may see", async () => {
    const codes = async (as: UserKey) =>
      (await t.call<Items<Agency>>("GET", "/api/v1/agencies", { as })).body.items.map((a) => a.code).sort();
    expect(await codes("admin")).toEqual(["county", "edu", "other", "town"]);
    expect(await codes("supervisor")).toEqual(["county", "edu", "other", "town"]);
    expect(await codes("clerk")).toEqual(["town"]);
  });

  it("lets the system administrator and the agency's own admin create users", async () => {
    const byAdmin = await post<User>(
      "/api/v1/users",
      "admin",
      newUser("li.si", "other", { email: "li@example.cn" }),
    );
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toEqual({
      username: "li.si",
      displayName: "新用户",
      email: "li@example.cn",
      agencyCode: "other",
      agencyName: "另一镇人民政府",
      roles: ["handler"],
      isSystemAdmin: false,
      isDisabled: false,
      mustChangePassword: false,
    });
    expect((await post("/api/v1/users", "townadmin", newUser("wang.wu", "town"))).status).toBe(201);
    expect((await post("/api/v1/users", "townadmin", newUser("zhao.liu", "other"))).status).toBe(403);
    expect((await post("/api/v1/users", "clerk", newUser("zhao.liu", "town"))).status).toBe(403);
    expect((await post("/api/v1/users", "admin", newUser("li.si", "town"))).status).toBe(409);
    expect((await post("/api/v1/users", "admin", newUser("zhao.liu", "nowhere"))).status).toBe(422);
    const bad = await post(
      "/api/v1/users",
      "admin",
      newUser("zhao.liu", "town", { password: "short", roles: ["boss"] }),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.map((d) => d.field)).toEqual(["password", "roles.0"]);
    expect(bad.body.error.message).toContain("密码至少 8 位");
    const login = await post<{ token: string }>("/api/v1/auth/login", null, {
      username: "wang.wu",
      password: "a-long-password",
    });
    expect(login.status).toBe(200);
  });

  it("lists users for administrators only", async () => {
    const list = (as: UserKey, query = "") => t.call<Items<User>>("GET", `/api/v1/users${query}`, { as });
    const all = await list("admin");
    expect(all.body.items.map((u) => u.username)).toContain("li.si");
    expect(all.body.items.every((u) => !("id" in u) && !("passwordHash" in u))).toBe(true);
    expect((await list("admin", "?agency=other")).body.items.map((u) => u.username)).toEqual([
      "li.si",
      "outsider",
    ]);
    const own = await list("townadmin");
    expect(new Set(own.body.items.map((u) => u.agencyCode))).toEqual(new Set(["town"]));
    expect((await list("townadmin", "?agency=other")).status).toBe(403);
    expect((await list("clerk")).status).toBe(403);
  });

  it("serves the vocabularies of the UI with Chinese labels", async () => {
    const meta = await t.call<Record<string, { id?: string; type?: string; label: string }[]>>(
      "GET",
      "/api/v1/meta",
      {
        as: null,
      },
    );
    expect(meta.status).toBe(200);
    expect(meta.body.outcomes).toHaveLength(OUTCOMES.length);
    expect(meta.body.actions?.map((a) => a.type)).toEqual(ACTION_TYPES);
    for (const list of Object.values(meta.body)) {
      for (const entry of list) expect(hasChinese(entry.label), JSON.stringify(entry)).toBe(true);
    }
    const unknown = await t.call("GET", "/api/v1/metas", { as: null });
    expect(unknown.status).toBe(404);
    expect(isChineseError(unknown.body)).toBe(true);
  });
});
