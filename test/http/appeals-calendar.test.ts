import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { actionBody, type ErrorBody, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp, type UserKey } from "./helpers/test-app.ts";

interface Appeal {
  id: string;
  applicationId: string;
  kind: string;
  kindLabel: string;
  filedOn: string;
  result: string | null;
  resultOn: string | null;
}

interface CalendarView {
  year: number;
  provisional: boolean;
  source: string;
  holidays: string[];
  workdays: string[];
  holidayNames: Record<string, string>;
  workdayNames: Record<string, string>;
  replanned?: number;
}

describe.each(BACKENDS)("reviews, lawsuits and the calendar over HTTP (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  let app: ApplicationView;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
    app = (
      await t.call<ApplicationView>("POST", "/api/v1/applications", { as: "clerk", body: registerBody() })
    ).body;
    await t.call("POST", `/api/v1/applications/${app.id}/actions`, {
      as: "approver",
      body: actionBody("decide", "2026-03-05"),
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  describe("reviews and lawsuits (table 四)", () => {
    const file = (as: UserKey, body: unknown, id = app.id) =>
      t.call<Appeal & ErrorBody>("POST", `/api/v1/applications/${id}/appeals`, { as, body });
    const result = (as: UserKey, id: string, body: unknown) =>
      t.call<Appeal & ErrorBody>("POST", `/api/v1/appeals/${id}/result`, { as, body });

    it("files a review (201) and records its result once (409 the second time)", async () => {
      const filed = await file("handler", { kind: "administrative_review", filedOn: "2026-03-10" });
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({
        applicationId: app.id,
        kind: "administrative_review",
        kindLabel: "行政复议",
        filedOn: "2026-03-10",
        result: null,
        resultOn: null,
      });
      expect(filed.body.id).toBeTruthy();
      const done = await result("approver", filed.body.id, { result: "corrected", on: "2026-03-19" });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ result: "corrected", resultOn: "2026-03-19" });
      const again = await result("approver", filed.body.id, { result: "upheld", on: "2026-03-20" });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain("不能重复登记");
      const list = await t.call<{ items: Appeal[] }>("GET", `/api/v1/applications/${app.id}/appeals`, {
        as: "supervisor",
      });
      expect(list.body.items.map((a) => a.result)).toEqual(["corrected"]);
    });

    it("answers 401, 403 and 404 for the wrong caller", async () => {
      const body = { kind: "litigation_direct", filedOn: "2026-03-10" };
      expect(
        (await t.call("POST", `/api/v1/applications/${app.id}/appeals`, { as: null, body })).status,
      ).toBe(401);
      expect((await file("clerk", body)).status).toBe(403);
      expect((await file("supervisor", body)).status).toBe(403);
      expect((await file("outsider", body)).status).toBe(404);
      expect((await file("handler", body, "no-such-application")).status).toBe(404);
      const filed = await file("townadmin", body);
      expect(filed.status).toBe(201);
      expect((await result("outsider", filed.body.id, { result: "upheld", on: "2026-03-12" })).status).toBe(
        404,
      );
      expect((await result("clerk", filed.body.id, { result: "upheld", on: "2026-03-12" })).status).toBe(403);
      expect((await result("handler", "no-such-appeal", { result: "upheld", on: "2026-03-12" })).status).toBe(
        404,
      );
    });

    it("answers 422 naming the field for bad kinds, results and dates", async () => {
      const cases: [unknown, string, string][] = [
        [{ kind: "complaint", filedOn: "2026-03-10" }, "kind", "应为以下之一"],
        [{ kind: "litigation_direct", filedOn: "2026-03-21" }, "filedOn", "不能晚于今天"],
        [{ kind: "litigation_direct", filedOn: "2026-03-01" }, "filedOn", "不能早于收到申请之日"],
        [{ kind: "litigation_direct", filedOn: "2026-02-29" }, "filedOn", "真实日期"],
        [{ kind: "litigation_direct" }, "filedOn", "必填"],
      ];
      for (const [body, field, text] of cases) {
        const r = await file("handler", body);
        expect(r.status).toBe(422);
        expect(r.body.error.message).toContain(`字段 ${field}：`);
        expect(r.body.error.message).toContain(text);
      }
      const filed = await file("handler", { kind: "litigation_after_review", filedOn: "2026-03-12" });
      const results: [unknown, string, string][] = [
        [{ result: "won", on: "2026-03-13" }, "result", "应为以下之一"],
        [{ result: "upheld", on: "2026-03-11" }, "on", "不能早于提起之日"],
        [{ result: "upheld", on: "2026-03-21" }, "on", "不能晚于今天"],
      ];
      for (const [body, field, text] of results) {
        const r = await result("handler", filed.body.id, body);
        expect(r.status).toBe(422);
        expect(r.body.error.message).toContain(`字段 ${field}：`);
        expect(r.body.error.message).toContain(text);
      }
    });
  });

  describe("the working-day calendar", () => {
    const get = (year: string | number, as: UserKey | null = "handler") =>
      t.call<CalendarView & ErrorBody>("GET", `/api/v1/calendar/${year}`, { as });
    const put = (year: number, body: unknown, as: UserKey = "admin") =>
      t.call<CalendarView & ErrorBody>("PUT", `/api/v1/calendar/${year}`, { as, body });
    const bodyOf = ({ replanned: _r, holidayNames: _h, workdayNames: _w, ...view }: CalendarView) => view;

    it("serves an official year and a provisional one", async () => {
      const y2026 = await get(2026);
      expect(y2026.status).toBe(200);
      expect(y2026.body).toMatchObject({ year: 2026, provisional: false });
      expect(y2026.body.holidays).toContain("2026-10-01");
      expect(y2026.body.holidayNames["2026-10-01"]).toContain("国庆");
      expect(y2026.body.workdays.length).toBeGreaterThan(0);
      const y2027 = await get(2027);
      expect(y2027.body).toMatchObject({ year: 2027, provisional: true, workdays: [] });
      expect(y2027.body.holidays).toContain("2027-10-01");
      expect((await get("1800")).status).toBe(422);
      expect((await get("20x6")).body.error.message).toContain("年份");
      expect((await get(2026, null)).status).toBe(401);
    });

    it("refuses changes by anyone but the system administrator, and bad schedules", async () => {
      const current = bodyOf((await get(2026)).body);
      expect((await put(2026, current, "townadmin")).status).toBe(403);
      const cases: [unknown, string][] = [
        [
          { ...current, holidays: [...current.holidays, "2027-01-01"] },
          `holidays.${current.holidays.length}`,
        ],
        [{ ...current, workdays: ["2026-03-25"] }, "workdays.0"],
        [{ ...current, workdays: ["2026-02-30"] }, "workdays.0"],
        [{ ...current, year: 2025 }, "year"],
        [{ ...current, holidayNames: { "2026-03-26": "无此日" } }, "holidayNames.2026-03-26"],
        [{ ...current, source: "" }, "source"],
        [{ ...current, holiday: [] }, "holiday"],
        [{ ...current, workdays: [current.holidays[0]] }, "workdays.0"],
      ];
      for (const [body, field] of cases) {
        const r = await put(2026, body);
        expect(r.status, JSON.stringify(body).slice(0, 80)).toBe(422);
        expect(r.body.error.details?.[0]?.field).toBe(field);
        expect(r.body.error.message).toContain(`字段 ${field}：`);
      }
    });

    it("stores a corrected year and moves every open case's deadline at once", async () => {
      const register = async () =>
        (await t.call<ApplicationView>("POST", "/api/v1/applications", { as: "clerk", body: registerBody() }))
          .body;
      const open = await register();
      const decided = await register();
      await t.call("POST", `/api/v1/applications/${decided.id}/actions`, {
        as: "approver",
        body: actionBody("decide", "2026-03-05"),
      });
      expect(open.deadlines.reply.dueOn).toBe("2026-03-30");
      const original = (await get(2026)).body;
      const corrected = {
        ...bodyOf(original),
        holidays: [...original.holidays, "2026-03-25"],
        holidayNames: { "2026-03-25": "测试假日" },
      };
      const r = await put(2026, corrected);
      expect(r.status).toBe(200);
      const openCount = await t.db
        .selectFrom("applications")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("state", "in", ["registered", "awaiting_supplement", "in_progress"])
        .executeTakeFirstOrThrow();
      expect(r.body.replanned).toBe(Number(openCount.n));
      expect(r.body.holidayNames["2026-03-25"]).toBe("测试假日");
      expect(r.body.holidayNames["2026-10-01"]).toBe(original.holidayNames["2026-10-01"]);
      const after = await t.call<ApplicationView>("GET", `/api/v1/applications/${open.id}`, {
        as: "handler",
      });
      expect(after.body.deadlines.reply.dueOn).toBe("2026-03-31");
      const row = await t.db
        .selectFrom("applications")
        .select(["reply_due_on"])
        .where("id", "=", open.id)
        .executeTakeFirstOrThrow();
      expect(row.reply_due_on).toBe("2026-03-31");
      const jobs = await t.db
        .selectFrom("deadline_jobs")
        .select("job_id")
        .where("application_id", "=", open.id)
        .where("status", "=", "pending")
        .execute();
      expect(jobs.map((j) => j.job_id)).toContain(`app-${open.id}.reply-overdue.2026-03-31`);
      expect(jobs.map((j) => j.job_id)).not.toContain(`app-${open.id}.reply-overdue.2026-03-30`);
      const restored = await put(2026, { ...bodyOf(original), holidayNames: original.holidayNames });
      expect(restored.status).toBe(200);
      const back = await t.call<ApplicationView>("GET", `/api/v1/applications/${open.id}`, { as: "handler" });
      expect(back.body.deadlines.reply.dueOn).toBe("2026-03-30");
    });
  });
});
