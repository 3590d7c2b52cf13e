import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTION_TYPES } from "../../src/domain/application-events.ts";
import { ACTION_ROLES } from "../../src/domain/roles.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { actionBody, type ErrorBody, isChineseError, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

type Reply = ApplicationView & ErrorBody;

describe.each(BACKENDS)("applications over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });
  const register = async (overrides: Record<string, unknown> = {}) => {
    const r = await t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody(overrides),
    });
    expect(r.status).toBe(201);
    return r.body;
  };
  const act = (as: UserKey, id: string, body: Record<string, unknown>) =>
    t.call<Reply>("POST", `/api/v1/applications/${id}/actions`, { as, body });

  it("registers an application (201) with its tracking number, deadline and first event", async () => {
    const app = await register();
    expect(app).toMatchObject({
      agencyCode: "town",
      state: "registered",
      version: 1,
      receivedOn: "2026-03-02",
    });
    expect(app.trackingNo).toMatch(/^town-2026-\d{5}$/);
    expect(app.deadlines.reply.dueOn).toBe("2026-03-30");
    expect(app.events?.map((e) => e.type)).toEqual(["application.registered"]);
    expect(app.allowedActions).toContain("request_supplement");
  });

  it("refuses registration by the wrong role (403), outside the agency (404) and with bad input (422)", async () => {
    const post = (as: UserKey, body: unknown) =>
      t.call<ErrorBody>("POST", "/api/v1/applications", { as, body });
    expect((await post("handler", registerBody())).status).toBe(403);
    expect((await post("supervisor", registerBody())).status).toBe(403);
    expect((await post("outsider", registerBody())).status).toBe(404);
    expect((await post("clerk", registerBody({ agencyCode: "nowhere" }))).status).toBe(404);
    expect((await t.call("POST", "/api/v1/applications", { as: null, body: registerBody() })).status).toBe(
      401,
    );
    const bad = await post("clerk", registerBody({ applicant: { type: "natural_person", name: "  " } }));
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({
      code: "invalid_input",
      message: "字段 applicant.name：不能为空",
      details: [{ field: "applicant.name", message: "不能为空" }],
    });
    const future = await post("clerk", registerBody({ receivedOn: "2026-03-21" }));
    expect(future.status).toBe(422);
    expect(future.body.error.message).toContain("不能晚于今天（2026-03-20）");
    const typo = await post("clerk", { ...registerBody(), receivedDate: "2026-03-02" });
    expect(typo.body.error.message).toContain("字段 receivedDate：不是可接受的字段");
  });

  it("shows one case to its agency and the supervisor, and 404 to others", async () => {
    const app = await register();
    const get = (as: UserKey, id = app.id) => t.call<Reply>("GET", `/api/v1/applications/${id}`, { as });
    expect((await get("handler")).body.events).toHaveLength(1);
    expect((await get("supervisor")).status).toBe(200);
    const hidden = await get("outsider");
    expect(hidden.status).toBe(404);
    expect(isChineseError(hidden.body)).toBe(true);
    expect((await get("handler", "00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await t.call("GET", `/api/v1/applications/${app.id}`, { as: null })).status).toBe(401);
  });

  it("lists with every filter of API.md and its additions", async () => {
    await register({
      channel: "online",
      receivedOn: "2026-03-16",
      applicant: { type: "legal_service_org", name: "某律师事务所" },
    });
    type Page = { items: ApplicationView[]; total: number } & ErrorBody;
    const list = async (query: string, as: UserKey = "handler") => {
      const r = await t.call<Page>("GET", `/api/v1/applications?${query}`, { as });
      expect(r.status).toBe(200);
      return r.body;
    };
    const all = await list("");
    expect(all.total).toBeGreaterThanOrEqual(3);
    expect((await list("applicantType=legal_service_org")).items.map((a) => a.applicant.name)).toEqual([
      "某律师事务所",
    ]);
    expect((await list("channel=online&state=registered")).total).toBe(1);
    expect((await list("q=律师")).total).toBe(1);
    expect((await list("receivedFrom=2026-03-10&receivedTo=2026-03-31")).total).toBe(1);
    expect((await list("dueBefore=2026-03-31")).total).toBe(all.total - 1);
    expect((await list("mine=true")).total).toBe(all.total);
    expect((await list("mine=true", "approver")).total).toBe(0);
    const page2 = await list("pageSize=2&page=2");
    expect(page2.items).toHaveLength(Math.min(2, all.total - 2));
    expect(page2.items[0]?.id).toBe(all.items[2]?.id);
    expect(page2.total).toBe(all.total);
    expect((await list("agency=town", "supervisor")).total).toBe(all.total);
    expect((await list("", "outsider")).total).toBe(0);
    const hidden = await t.call<ErrorBody>("GET", "/api/v1/applications?agency=town", { as: "outsider" });
    expect(hidden.status).toBe(404);
    const bad = await t.call<ErrorBody>("GET", "/api/v1/applications?state=done&pageSize=500&stat=x", {
      as: "handler",
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details?.map((d) => d.field)).toEqual(["state", "pageSize", "stat"]);
  });

  it("takes a case through every action type to the archive", async () => {
    const app = await register();
    const steps: [UserKey, Record<string, unknown>, string][] = [
      ["handler", actionBody("request_supplement", "2026-03-03"), "awaiting_supplement"],
      ["clerk", actionBody("receive_supplement", "2026-03-05"), "in_progress"],
      ["handler", actionBody("start_consultation", "2026-03-06"), "in_progress"],
      ["handler", actionBody("end_consultation", "2026-03-09"), "in_progress"],
      ["approver", actionBody("extend", "2026-03-10"), "in_progress"],
      [
        "handler",
        { ...actionBody("issue_fee_notice", "2026-03-11"), receivedByApplicantOn: "2026-03-12" },
        "in_progress",
      ],
      ["handler", actionBody("receive_fee", "2026-03-13"), "in_progress"],
      ["approver", actionBody("set_custom_deadline", "2026-03-16"), "in_progress"],
      ["approver", { ...actionBody("decide", "2026-03-17"), replyText: "经检索，予以公开。" }, "decided"],
      ["clerk", actionBody("deliver", "2026-03-18"), "delivered"],
      ["handler", actionBody("archive", "2026-03-19"), "archived"],
    ];
    let version = app.version;
    for (const [as, body, state] of steps) {
      const r = await act(as, app.id, { ...body, expectedVersion: version });
      expect(r.status, `${body.type}: ${JSON.stringify(r.body)}`).toBe(200);
      expect(r.body.state).toBe(state);
      expect(r.body.version).toBe(version + 1);
      version = r.body.version;
    }
    const done = (await t.call<Reply>("GET", `/api/v1/applications/${app.id}`, { as: "handler" })).body;
    const consultation = done.events?.find((e) => e.type === "consultation.started");
    expect(consultation?.payload.consultationId).toBe("c1");
    expect(done.outcome).toBe("disclosed");
    expect(done.dispositionOn).toBe("2026-03-17");
    expect(done.events?.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // Archived: every action is refused with 409, the message naming the state.
    const holder: Record<string, UserKey> = { intake: "clerk", handler: "handler", approver: "approver" };
    for (const type of ACTION_TYPES) {
      const r = await act(
        holder[ACTION_ROLES[type][0] as string] as UserKey,
        app.id,
        actionBody(type, "2026-03-20"),
      );
      expect(r.status, type).toBe(409);
      expect(r.body.error.code).toBe("illegal_action");
      expect(r.body.error.message).toContain("已归档");
    }
  });

  it("closes a withdrawn case with outcome other.other", async () => {
    const app = await register();
    const r = await act("clerk", app.id, actionBody("withdraw", "2026-03-04"));
    expect(r.body).toMatchObject({ state: "closed", outcome: "other.other", dispositionOn: "2026-03-04" });
  });

  it("answers 403 to a role the action does not allow, 404 outside the agency, 401 without login", async () => {
    const app = await register();
    const roleless = (type: (typeof ACTION_TYPES)[number]): UserKey => {
      const allowed = ACTION_ROLES[type];
      if (!allowed.includes("intake")) return "clerk";
      return allowed.includes("handler") ? "approver" : "handler";
    };
    for (const type of ACTION_TYPES) {
      const denied = await act(roleless(type), app.id, actionBody(type));
      expect(denied.status, type).toBe(403);
      expect(isChineseError(denied.body)).toBe(true);
      expect((await act("outsider", app.id, actionBody(type))).status, type).toBe(404);
      expect((await act("supervisor", app.id, actionBody(type))).status, type).toBe(403);
      const anonymous = await t.call("POST", `/api/v1/applications/${app.id}/actions`, {
        as: null,
        body: actionBody(type),
      });
      expect(anonymous.status).toBe(401);
    }
    const decide = await act("handler", app.id, actionBody("decide"));
    expect(decide.body.error.message).toContain("审核人");
  });

  it("answers 409 naming the state for an illegal action, and 409 for a stale version", async () => {
    const app = await register();
    const decided = await act("approver", app.id, actionBody("decide", "2026-03-05"));
    expect(decided.body.state).toBe("decided");
    const extend = await act("approver", app.id, actionBody("extend", "2026-03-06"));
    expect(extend.status).toBe(409);
    expect(extend.body.error.code).toBe("illegal_action");
    expect(extend.body.error.message).toContain("已答复");
    expect(extend.body.error.message).toContain("送达");
    const stale = await act("clerk", app.id, { ...actionBody("deliver", "2026-03-06"), expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    const fresh = await register();
    const fee = await act("handler", fresh.id, actionBody("receive_fee"));
    expect(fee.status).toBe(409);
    expect(fee.body.error.message).toContain("已登记");
  });

  it("answers 422 naming the field in Chinese for every action type's bad body", async () => {
    const app = await register();
    const cases: [UserKey, Record<string, unknown>, string][] = [
      ["handler", { ...actionBody("request_supplement"), items: [] }, "items"],
      ["clerk", { type: "receive_supplement" }, "on"],
      ["handler", { ...actionBody("start_consultation"), party: "neighbour" }, "party"],
      ["handler", { ...actionBody("end_consultation"), consultationId: 1 }, "consultationId"],
      ["approver", { ...actionBody("extend"), workdays: 21 }, "workdays"],
      ["handler", { ...actionBody("issue_fee_notice"), amountYuan: -5 }, "amountYuan"],
      [
        "handler",
        { ...actionBody("issue_fee_notice"), receivedByApplicantOn: "2026-04-01" },
        "receivedByApplicantOn",
      ],
      ["handler", { ...actionBody("receive_fee"), on: "2026-02-30" }, "on"],
      ["approver", { ...actionBody("set_custom_deadline"), reason: "" }, "reason"],
      ["approver", { ...actionBody("decide"), outcome: "other.fee_unpaid" }, "outcome"],
      ["clerk", { ...actionBody("withdraw"), on: "2026-03-21" }, "on"],
      ["clerk", { ...actionBody("deliver"), method: "寄".repeat(101) }, "method"],
      ["handler", { ...actionBody("archive"), expectedVersion: "1" }, "expectedVersion"],
      ["handler", { ...actionBody("archive"), extra: true }, "extra"],
    ];
    for (const [as, body, field] of cases) {
      const r = await act(as, app.id, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
      expect(r.body.error.message).toContain(`字段 ${field}：`);
      expect(r.body.error.details?.[0]?.field).toBe(field);
    }
    expect(
      (await t.call<Reply>("GET", `/api/v1/applications/${app.id}`, { as: "handler" })).body.version,
    ).toBe(1);
  });

  it("lets exactly one of 50 concurrent actions with the same expectedVersion win", async () => {
    const app = await register();
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        act("handler", app.id, {
          ...actionBody("start_consultation", "2026-03-06"),
          name: `第三方${i}`,
          expectedVersion: app.version,
        }),
      ),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of replies.filter((x) => x.status === 409)) {
      expect(r.body.error.code).toBe("version_conflict");
      expect(isChineseError(r.body)).toBe(true);
    }
    const events = await t.db
      .selectFrom("application_events")
      .select(["seq", "type"])
      .where("application_id", "=", app.id)
      .orderBy("seq")
      .execute();
    expect(events).toEqual([
      { seq: 1, type: "application.registered" },
      { seq: 2, type: "consultation.started" },
    ]);
    const after = await t.call<Reply>("GET", `/api/v1/applications/${app.id}`, { as: "handler" });
    expect(after.body.version).toBe(2);
    expect(after.body.deadlines.consultations).toHaveLength(1);
  });

  it("answers id, version, state, the new events and allowedActions when asked Prefer: return=minimal", async () => {
    const app = await register();
    const r = await t.call<Record<string, unknown>>("POST", `/api/v1/applications/${app.id}/actions`, {
      as: "handler",
      headers: { prefer: "return=minimal" },
      body: actionBody("start_consultation", "2026-03-06"),
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("preference-applied")).toBe("return=minimal");
    expect(Object.keys(r.body).sort()).toEqual(["allowedActions", "events", "id", "state", "version"]);
    expect(r.body).toMatchObject({ id: app.id, version: 2, state: "in_progress" });
    expect(
      (r.body.events as { seq: number; type: string; superseded: unknown }[]).map((e) => [
        e.seq,
        e.type,
        e.superseded,
      ]),
    ).toEqual([[2, "consultation.started", null]]);
    expect(r.body.allowedActions).toContain("end_consultation");
    const full = await act("handler", app.id, {
      ...actionBody("end_consultation", "2026-03-06"),
      consultationId: "c1",
    });
    expect(full.headers.get("preference-applied")).toBeNull();
    expect(full.body.events?.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(full.body.deadlines.reply.dueOn).toBeDefined();
  });
});
