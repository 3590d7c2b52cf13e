/**
 * Issue 11: 分办 / 转办 as events of the case (no state, clock or table row moves; backdated
 * assignments replay), a handler's first action takes an unassigned case, the list of an
 * agency's handlers, the hand-over of a handler's open cases, reminders to the current handler;
 * one pending proposal at a time and its withdrawal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReportService } from "../../src/reports/report-service.ts";
import { SYSTEM_ACTOR } from "../../src/services/actor.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { reminderRecipients } from "../../workers/handlers/find-recipients.ts";
import { actionBody, type ErrorBody, isChineseError, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

type Reply = ApplicationView & ErrorBody;
type Page = { items: ApplicationView[]; total: number } & ErrorBody;
type Handlers = { items: { username: string; displayName: string; openCases: number }[] } & ErrorBody;
type HandOver = {
  fromUsername: string;
  toUsername: string;
  moved: { id: string; trackingNo: string }[];
} & ErrorBody;

describe.each(BACKENDS)("assignment and proposals over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  const newHandler = async (username: string, displayName: string) => {
    const r = await t.call("POST", "/api/v1/users", {
      body: {
        username,
        password: "a-long-password",
        displayName,
        email: `${username}@town.example`,
        agencyCode: "town",
        roles: ["handler"],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
    await newHandler("h.wang", "王承办");
    await newHandler("h.li", "李承办");
    await newHandler("h.zhao", "赵承办");
    expect((await t.call("POST", "/api/v1/users/h.zhao/disable", { as: "townadmin" })).status).toBe(200);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  const register = async (overrides: Record<string, unknown> = {}) => {
    const r = await t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody(overrides),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const act = (as: UserKey, id: string, body: Record<string, unknown>) =>
    t.call<Reply>("POST", `/api/v1/applications/${id}/actions`, { as, body });
  const get = async (id: string) =>
    (await t.call<Reply>("GET", `/api/v1/applications/${id}`, { as: "approver" })).body;
  const assign = (as: UserKey, id: string, handlerUsername: string, on = "2026-03-20", reason?: string) =>
    act(as, id, { type: "assign", on, handlerUsername, ...(reason ? { reason } : {}) });
  const ids = async (query: string, as: UserKey = "approver") => {
    const r = await t.call<Page>("GET", `/api/v1/applications?${query}&pageSize=100`, { as });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.items.map((a) => a.id);
  };
  /** What an assignment must leave alone: state, flags, clocks, outcome, the pending jobs. */
  const unmoved = async (id: string) => {
    const a = await get(id);
    const jobs = await t.db
      .selectFrom("deadline_jobs")
      .select(["job_id", "run_on", "status"])
      .where("application_id", "=", id)
      .orderBy("job_id")
      .execute();
    return {
      state: a.state,
      flags: a.flags,
      deadlines: a.deadlines,
      outcome: a.outcome,
      allowed: a.allowedActions,
      jobs,
    };
  };

  it("lists the agency's enabled handlers for intake and approver, with their open cases; others' agencies 404", async () => {
    const r = await t.call<Handlers>("GET", "/api/v1/agencies/town/handlers", { as: "clerk" });
    expect(r.status).toBe(200);
    expect(r.body.items.map((h) => h.username).sort()).toEqual(["h.li", "h.wang", "handler"]);
    expect(r.body.items.find((h) => h.username === "h.zhao")).toBeUndefined(); // disabled
    expect((await t.call<Handlers>("GET", "/api/v1/agencies/town/handlers", { as: "approver" })).status).toBe(
      200,
    );
    const other = await t.call<Handlers>("GET", "/api/v1/agencies/town/handlers", { as: "outsider" });
    expect(other.status).toBe(404);
    expect(isChineseError(other.body)).toBe(true);
  });

  it("分办 an unassigned case: listed with assigned=false until then; the state, clocks and jobs do not move", async () => {
    const app = await register({ handlerUsername: undefined });
    expect(app.handler).toBeNull();
    expect(app.allowedActions).toContain("assign");
    expect(await ids("assigned=false")).toContain(app.id);
    expect(await ids("assigned=true")).not.toContain(app.id);
    // an ended case is no work to hand out
    const withdrawn = await register({ handlerUsername: undefined });
    expect((await act("clerk", withdrawn.id, actionBody("withdraw", "2026-03-04"))).status).toBe(200);
    expect(await ids("assigned=false")).not.toContain(withdrawn.id);
    const before = await unmoved(app.id);
    const r = await assign("clerk", app.id, "h.wang");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.handler).toBe("王承办");
    expect(r.body.version).toBe(app.version + 1);
    expect(r.body.events?.at(-1)).toMatchObject({
      type: "case.assigned",
      on: "2026-03-20",
      actor: "clerk（测试）",
      payload: { handlerUsername: "h.wang", handlerName: "王承办" },
      reason: null,
    });
    expect(await unmoved(app.id)).toEqual(before);
    expect(await ids("assigned=false")).not.toContain(app.id);
    expect(await ids("mine=true", "handler")).not.toContain(app.id);
    const handlers = await t.call<Handlers>("GET", "/api/v1/agencies/town/handlers", { as: "clerk" });
    expect(handlers.body.items.find((h) => h.username === "h.wang")?.openCases).toBeGreaterThanOrEqual(1);
  });

  it("转办 needs a reason and another enabled handler of the agency (422); only intake, approver, admin (403)", async () => {
    const app = await register(); // registered to "handler"
    const noReason = await assign("approver", app.id, "h.li");
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.details?.[0]?.field).toBe("reason");
    expect(noReason.body.error.message).toContain("转办须写明理由");
    for (const [username, message] of [
      ["handler", "已由“handler（测试）”承办"],
      ["h.zhao", "账号已停用"],
      ["approver", "不是本机关的承办人"],
      ["outsider", "不是本机关的承办人"],
      ["nobody", "不是本机关的承办人"],
    ] as const) {
      const r = await assign("approver", app.id, username, "2026-03-20", "工作调整");
      expect(r.status, username).toBe(422);
      expect(r.body.error.details?.[0]?.field).toBe("handlerUsername");
      expect(r.body.error.message).toContain(message);
    }
    expect((await assign("handler", app.id, "h.li", "2026-03-20", "工作调整")).status).toBe(403);
    expect((await assign("supervisor", app.id, "h.li", "2026-03-20", "工作调整")).status).toBe(403);
    expect((await assign("outsider", app.id, "h.li", "2026-03-20", "工作调整")).status).toBe(404);
    const before = await unmoved(app.id);
    const moved = await assign("approver", app.id, "h.li", "2026-03-20", "原承办人休假");
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.handler).toBe("李承办");
    expect(moved.body.events?.at(-1)).toMatchObject({
      type: "case.assigned",
      payload: { handlerUsername: "h.li", previousUsername: "handler", previousName: "handler（测试）" },
      reason: "原承办人休假",
    });
    expect(await unmoved(app.id)).toEqual(before);
    const admin = await assign("townadmin", app.id, "h.wang", "2026-03-20", "调整分工");
    expect(admin.status).toBe(200);
    expect(admin.body.handler).toBe("王承办");
  });

  it("a handler's first action on an unassigned case makes it theirs (an assignment logged with it); a clerk's does not", async () => {
    const app = await register({ handlerUsername: undefined });
    const byClerk = await act("clerk", app.id, actionBody("request_supplement", "2026-03-04"));
    expect(byClerk.status).toBe(403);
    const first = await act("handler", app.id, actionBody("request_supplement", "2026-03-04"));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.handler).toBe("handler（测试）");
    expect(first.body.events?.slice(-2).map((e) => [e.type, e.on, e.payload.byFirstAction ?? null])).toEqual([
      ["case.assigned", "2026-03-04", true],
      ["supplement.requested", "2026-03-04", null],
    ]);
    expect(await ids("mine=true", "handler")).toContain(app.id);
    // the clerk's receipt of the supplement changes nothing about who handles it
    const received = await act("clerk", app.id, actionBody("receive_supplement", "2026-03-06"));
    expect(received.body.events?.at(-1)?.type).toBe("supplement.received");
    expect(received.body.handler).toBe("handler（测试）");
    // a refused first action records nothing, the assignment neither
    const other = await register({ handlerUsername: undefined });
    const refused = await act("handler", other.id, actionBody("end_consultation", "2026-03-04"));
    expect(refused.status).toBe(409);
    const after = await get(other.id);
    expect(after.handler).toBeNull();
    expect(after.events?.map((e) => e.type)).toEqual(["application.registered"]);
  });

  it("a backdated assignment replays: dated between recorded facts, nothing moves; the latest by date is the handler", async () => {
    const app = await register();
    expect((await act("handler", app.id, actionBody("start_consultation", "2026-03-05"))).status).toBe(200);
    expect((await act("handler", app.id, actionBody("end_consultation", "2026-03-12"))).status).toBe(200);
    const before = await unmoved(app.id);
    const mid = await assign("approver", app.id, "h.li", "2026-03-09", "补录：三月九日起由李承办办理");
    expect(mid.status, JSON.stringify(mid.body)).toBe(200);
    expect(mid.body.handler).toBe("李承办");
    expect(await unmoved(app.id)).toEqual(before);
    expect(mid.body.events?.filter((e) => e.superseded !== null)).toEqual([]);
    // an earlier one still recorded after it: the handler stays the one of the later date
    const earlier = await assign("approver", app.id, "h.wang", "2026-03-06", "补录：三月六日起由王承办办理");
    expect(earlier.status, JSON.stringify(earlier.body)).toBe(200);
    expect(earlier.body.handler).toBe("李承办");
    expect(await unmoved(app.id)).toEqual(before);
    // a backdated fact after the assignments replays them too
    const extended = await act("approver", app.id, actionBody("extend", "2026-03-07"));
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body.flags.extended).toBe(true);
    expect(extended.body.handler).toBe("李承办");
    const reports = makeReportService({
      db: t.db,
      calendars: makeCalendarStore(t.db),
      now: () => t.clock.now,
    });
    const table3 = async () => (await reports.getReport(SYSTEM_ACTOR, "town", 2026)).table3;
    const reportBefore = await table3();
    expect(reportBefore.rows.new_received?.total).toBeGreaterThan(0);
    expect((await assign("approver", app.id, "h.wang", "2026-03-13", "再次调整")).status).toBe(200);
    expect((await assign("approver", app.id, "h.li", "2026-03-02", "补录：收到当日分办")).status).toBe(200);
    expect(await table3()).toEqual(reportBefore);
  });

  it("no assignment once a case is archived or closed (409 naming the state)", async () => {
    const app = await register();
    expect((await act("clerk", app.id, actionBody("withdraw", "2026-03-04"))).status).toBe(200);
    const r = await assign("approver", app.id, "h.li", "2026-03-20", "工作调整");
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain("不能执行“分办或转办”");
  });

  it("reminders go to the current handler", async () => {
    const app = await register({ handlerUsername: "h.wang" });
    expect(await reminderRecipients(t.db, app.id)).toEqual({ to: ["h.wang@town.example"], cc: [] });
    expect((await assign("approver", app.id, "h.li", "2026-03-20", "工作调整")).status).toBe(200);
    expect(await reminderRecipients(t.db, app.id)).toEqual({ to: ["h.li@town.example"], cc: [] });
  });

  it("hands over every open case of a disabled handler, each with its 转办 and reason; closed ones stay", async () => {
    await newHandler("h.qian", "钱承办");
    const open = [
      await register({ handlerUsername: "h.qian" }),
      await register({ handlerUsername: "h.qian", receivedOn: "2026-03-03" }),
    ];
    const closed = await register({ handlerUsername: "h.qian" });
    expect((await act("clerk", closed.id, actionBody("withdraw", "2026-03-04"))).status).toBe(200);
    expect((await t.call("POST", "/api/v1/users/h.qian/disable", { as: "townadmin" })).status).toBe(200);
    const path = "/api/v1/users/h.qian/hand-over";
    const body = { toUsername: "h.li", reason: "钱承办离职，工作交接" };
    expect((await t.call<HandOver>("POST", path, { as: "clerk", body })).status).toBe(403);
    expect((await t.call<HandOver>("POST", path, { as: "approver", body })).status).toBe(403);
    expect((await t.call<HandOver>("POST", path, { as: "outsider", body })).status).toBe(403);
    for (const toUsername of ["h.zhao", "outsider", "h.qian", "approver"]) {
      const bad = await t.call<HandOver>("POST", path, { as: "townadmin", body: { ...body, toUsername } });
      expect(bad.status, toUsername).toBe(422);
      expect(bad.body.error.details?.[0]?.field).toBe("toUsername");
    }
    expect(
      (await t.call<HandOver>("POST", path, { as: "townadmin", body: { toUsername: "h.li" } })).status,
    ).toBe(422);
    const befores = await Promise.all(open.map((a) => unmoved(a.id)));
    const r = await t.call<HandOver>("POST", path, { as: "townadmin", body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.moved.map((m) => m.id).sort()).toEqual(open.map((a) => a.id).sort());
    for (const [i, a] of open.entries()) {
      const now = await get(a.id);
      expect(now.handler).toBe("李承办");
      expect(now.events?.at(-1)).toMatchObject({
        type: "case.assigned",
        on: "2026-03-20",
        actor: "townadmin（测试）",
        payload: { handlerUsername: "h.li", previousUsername: "h.qian" },
        reason: "钱承办离职，工作交接",
      });
      expect(await unmoved(a.id)).toEqual(befores[i]);
    }
    expect((await get(closed.id)).handler).toBe("钱承办");
    // nothing left to hand over: an empty answer, nothing written
    const again = await t.call<HandOver>("POST", path, { as: "admin", body });
    expect(again.status).toBe(200);
    expect(again.body.moved).toEqual([]);
  });

  it("one pending proposal at a time (409); the handler withdraws it and may submit another", async () => {
    const app = await register();
    const first = await act("handler", app.id, actionBody("propose_decision", "2026-03-05"));
    expect(first.status).toBe(200);
    expect(first.body.allowedActions).toContain("withdraw_proposal");
    expect(first.body.allowedActions).not.toContain("propose_decision");
    for (const type of ["propose_decision", "request_extension"]) {
      const body = actionBody(type, "2026-03-06");
      const second = await act(
        "handler",
        app.id,
        type === "propose_decision" ? { ...body, outcome: "disclosed" } : body,
      );
      expect(second.status, type).toBe(409);
      expect(second.body.error.message).toContain(
        "已有一份待审批的答复意见（2026-03-05 提交）：请等待审批或先撤回",
      );
    }
    expect((await get(app.id)).proposal).toMatchObject({ kind: "decision", outcome: "partially_disclosed" });
    expect((await act("approver", app.id, actionBody("withdraw_proposal", "2026-03-06"))).status).toBe(403);
    const withdrawn = await act("handler", app.id, actionBody("withdraw_proposal", "2026-03-06"));
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.proposal).toBeNull();
    expect(withdrawn.body.events?.at(-1)?.type).toBe("proposal.withdrawn");
    expect(await ids("awaiting=approval")).not.toContain(app.id);
    const again = await act("handler", app.id, actionBody("request_extension", "2026-03-09"));
    expect(again.status).toBe(200);
    expect(again.body.proposal).toMatchObject({ kind: "extension", workdays: 10 });
    expect(await ids("awaiting=approval")).toContain(app.id);
    const none = await act("handler", app.id, actionBody("withdraw_proposal", "2026-03-10"));
    expect(none.status).toBe(200);
    const nothing = await act("handler", app.id, actionBody("withdraw_proposal", "2026-03-10"));
    expect(nothing.status).toBe(409);
    expect(nothing.body.error.message).toContain("没有待审批的答复或延期申请");
  });
});
