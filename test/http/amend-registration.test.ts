/**
 * Issue 11, point 4: 更正登记信息 (`amend_registration`). A corrected receipt date replays the
 * history (the reply deadline moves; a recorded event the new date invalidates is 409 and nothing
 * is written); an applicant type moves the case's table 三 column; the numbers are checked as at
 * intake; intake and the agency admin only, while the case is worked; the log names the fields.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeReportService } from "../../src/reports/report-service.ts";
import { SYSTEM_ACTOR } from "../../src/services/actor.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { actionBody, type ErrorBody, isChineseError, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

type Reply = ApplicationView & ErrorBody;

describe.each(BACKENDS)("amend_registration over HTTP (%s)", (_name, databaseUrl) => {
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
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const act = (as: UserKey, id: string, body: Record<string, unknown>) =>
    t.call<Reply>("POST", `/api/v1/applications/${id}/actions`, { as, body });
  const amend = (as: UserKey, id: string, changes: Record<string, unknown>, reason = "登记时录错") =>
    act(as, id, { type: "amend_registration", on: "2026-03-20", changes, reason });
  const get = async (id: string) =>
    (await t.call<Reply>("GET", `/api/v1/applications/${id}`, { as: "clerk" })).body;
  const stored = (id: string) =>
    Promise.all([
      t.db.selectFrom("applications").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
      t.db
        .selectFrom("application_events")
        .selectAll()
        .where("application_id", "=", id)
        .orderBy("seq")
        .execute(),
      t.db
        .selectFrom("deadline_jobs")
        .selectAll()
        .where("application_id", "=", id)
        .orderBy("job_id")
        .execute(),
    ]);

  it("a corrected receipt date moves the reply deadline and the row's columns", async () => {
    const app = await register({ receivedOn: "2026-03-09" });
    const before = app.deadlines.reply.dueOn;
    const r = await amend("clerk", app.id, { receivedOn: "2026-03-02" }, "收件日期登记错误");
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.receivedOn).toBe("2026-03-02");
    expect(r.body.deadlines.reply.dueOn < before).toBe(true);
    // 20 working days from 2026-03-02 (the day after receipt counts first): 2026-03-30
    expect(r.body.deadlines.reply.dueOn).toBe("2026-03-30");
    const [row] = await stored(app.id);
    expect(row.received_on).toBe("2026-03-02");
    expect(row.reply_due_on).toBe("2026-03-30");
    expect(row.next_due_on).toBe("2026-03-30");
    const fresh = await get(app.id);
    const last = fresh.events?.at(-1);
    expect(last?.type).toBe("registration.amended");
    expect(last?.reason).toBe("收件日期登记错误");
    expect(last?.payload.changes).toEqual({ receivedOn: { from: "2026-03-09", to: "2026-03-02" } });
    expect(fresh.allowedActions).toContain("amend_registration");
  });

  it("refuses a receipt date a recorded event no longer fits (409) and writes nothing", async () => {
    const app = await register({ receivedOn: "2026-03-02" });
    expect((await act("handler", app.id, actionBody("request_supplement", "2026-03-05"))).status).toBe(200);
    const before = await stored(app.id);
    const r = await amend("clerk", app.id, { receivedOn: "2026-03-10", description: "新的内容" });
    expect(r.status).toBe(409);
    expect(isChineseError(r.body)).toBe(true);
    expect(r.body.error.message).toContain("收到日期更正为 2026-03-10 后");
    expect(r.body.error.message).toContain("告知补正");
    expect(await stored(app.id)).toEqual(before);
  });

  it("an applicant type corrected moves the case's table 三 column", async () => {
    const reports = makeReportService({
      db: t.db,
      calendars: makeCalendarStore(t.db),
      now: () => t.clock.now,
    });
    const column = async (type: string) =>
      (await reports.getReport(SYSTEM_ACTOR, "town", 2026)).table3.rows.new_received?.[type as "total"] ?? 0;
    const app = await register();
    const persons = await column("natural_person");
    const firms = await column("commercial_enterprise");
    const r = await amend("townadmin", app.id, {
      applicant: {
        type: "commercial_enterprise",
        name: "某建筑有限公司",
        idType: "uscc",
        idNumber: "91350100M000100Y43",
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.applicant.type).toBe("commercial_enterprise");
    expect(await column("natural_person")).toBe(persons - 1);
    expect(await column("commercial_enterprise")).toBe(firms + 1);
    const [row] = await stored(app.id);
    expect(row.applicant_type).toBe("commercial_enterprise");
    const changes = (await get(app.id)).events?.at(-1)?.payload.changes as Record<string, unknown>;
    expect(Object.keys(changes).sort()).toEqual(
      [
        "applicant.idNumber",
        "applicant.idType",
        "applicant.name",
        "applicant.phone",
        "applicant.type",
      ].sort(),
    );
    // personal data is kept masked in the log, as outside the case page
    expect(changes["applicant.phone"]).toEqual({ from: "138****0000", to: null });
  });

  it("checks the applicant's numbers as at intake (422)", async () => {
    const app = await register();
    const r = await amend("clerk", app.id, {
      applicant: { type: "natural_person", name: "张三", idType: "resident_id", idNumber: "123" },
    });
    expect(r.status).toBe(422);
    expect(isChineseError(r.body)).toBe(true);
    expect(JSON.stringify(r.body.error.details)).toContain("idNumber");
    const phone = await amend("clerk", app.id, {
      applicant: { type: "natural_person", name: "张三", phone: "abc" },
    });
    expect(phone.status).toBe(422);
  });

  it("needs a reason and a change; no future receipt date; a 挂号单号 only for a posted application", async () => {
    const app = await register({ channel: "in_person" });
    const noReason = await act("clerk", app.id, {
      type: "amend_registration",
      on: "2026-03-20",
      changes: { description: "x" },
    });
    expect(noReason.status).toBe(422);
    expect((await amend("clerk", app.id, { description: app.description })).status).toBe(422);
    expect((await amend("clerk", app.id, { receivedOn: "2026-03-21" })).status).toBe(422);
    expect((await amend("clerk", app.id, { trackingNumber: "XA123456789CN" })).status).toBe(422);
    const posted = await amend("clerk", app.id, { channel: "post", trackingNumber: "XA123456789CN" });
    expect(posted.status, JSON.stringify(posted.body)).toBe(200);
    expect(posted.body.trackingNumber).toBe("XA123456789CN");
  });

  it("intake and the agency admin only, and only while the case is worked", async () => {
    const app = await register();
    for (const as of ["handler", "approver", "supervisor"] as const)
      expect((await amend(as, app.id, { description: "改" })).status, as).toBe(403);
    expect((await amend("outsider", app.id, { description: "改" })).status).toBe(404);
    expect((await act("clerk", app.id, actionBody("withdraw", "2026-03-04"))).status).toBe(200);
    const r = await amend("clerk", app.id, { description: "撤回后更正" });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toContain("不能执行“更正登记信息”");
  });
});
