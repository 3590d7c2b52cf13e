import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeApplicationService } from "../../src/services/application-service.ts";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import type { Stats } from "../../src/services/stats-service.ts";
import { actionBody, type ErrorBody, isChineseError, registerBody } from "./helpers/fixtures.ts";
import {
  BACKENDS,
  SETUP_TIMEOUT,
  startTestApp,
  TEST_NOW,
  type TestApp,
  type UserKey,
} from "./helpers/test-app.ts";

/** Only the outcomes that occur (the answer lists every outcome id, most with 0). */
function nonZero(outcomes: Record<string, number>) {
  return Object.fromEntries(Object.entries(outcomes).filter(([, n]) => n > 0));
}

const MONTHS_0 = Array.from({ length: 12 }, () => 0);
function months(values: Record<number, number>) {
  return MONTHS_0.map((_, i) => values[i + 1] ?? 0);
}

describe.each(BACKENDS)("GET /api/v1/stats (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  const register = async (as: UserKey, overrides: Record<string, unknown>) => {
    const r = await t.call<ApplicationView & ErrorBody>("POST", "/api/v1/applications", {
      as,
      body: registerBody(overrides),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const act = async (as: UserKey, id: string, body: Record<string, unknown>) => {
    const r = await t.call<ApplicationView & ErrorBody>("POST", `/api/v1/applications/${id}/actions`, {
      as,
      body,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  };
  const stats = (as: UserKey | null, query = "") =>
    t.call<Stats & ErrorBody>("GET", `/api/v1/stats${query}`, { as });

  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
    // town: decided on time (11 working days), late (41), received in 2025 and decided in 2026 (17)
    const onTime = await register("clerk", { receivedOn: "2026-01-05" });
    await act("approver", onTime.id, actionBody("decide", "2026-01-20"));
    const late = await register("clerk", { receivedOn: "2026-01-06" });
    await act("approver", late.id, actionBody("decide", "2026-03-10"));
    const lastYear = await register("clerk", { receivedOn: "2025-12-15" });
    await act("approver", lastYear.id, actionBody("decide", "2026-01-08"));
    // town: closed automatically (supplement window of 1 working day missed)
    const lapsed = await register("clerk", { receivedOn: "2026-02-02" });
    await act("handler", lapsed.id, {
      ...actionBody("request_supplement", "2026-02-03"),
      windowWorkdays: 1,
      // posted and signed for the same day: the window counts from 02-03 (DOMAIN.md §5)
      receivedByAddresseeOn: "2026-02-03",
    });
    const worker = makeApplicationService({
      db: t.db,
      calendars: makeCalendarStore(t.db),
      now: () => TEST_NOW,
      settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
    });
    expect(await worker.applyAutomaticEvents(lapsed.id)).toBe(1);
    // town: withdrawn; open and overdue with and without a handler; open and not yet due
    const withdrawn = await register("clerk", { receivedOn: "2026-03-02" });
    await act("clerk", withdrawn.id, actionBody("withdraw", "2026-03-04"));
    const overdue = await register("clerk", { receivedOn: "2026-01-20" });
    expect(overdue.deadlines.reply.dueOn < "2026-03-20").toBe(true);
    const unassigned = await register("clerk", { receivedOn: "2026-02-02", handlerUsername: undefined });
    expect(unassigned.deadlines.reply.dueOn < "2026-03-20").toBe(true);
    await register("clerk", { receivedOn: "2026-03-16" });
    // other: one decided on time, one open and overdue
    const elsewhere = await register("outsider", {
      agencyCode: "other",
      receivedOn: "2026-03-02",
      handlerUsername: "outsider",
    });
    await act("outsider", elsewhere.id, actionBody("decide", "2026-03-05"));
    await register("outsider", {
      agencyCode: "other",
      receivedOn: "2026-01-12",
      handlerUsername: "outsider",
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  it("counts the agency's year exactly", async () => {
    const r = await stats("handler", "?year=2026");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      agencyCode: "town",
      year: 2026,
      scope: "agency",
      receivedByMonth: months({ 1: 3, 2: 2, 3: 2 }),
      decided: 3,
      onTime: 2,
      // the two open cases past their reply deadline are late already: 2 of 3 + 2
      lateOpen: 2,
      onTimeRate: 0.4,
      averageWorkdaysToReply: 23, // (11 + 41 + 17) / 3
      overdueByHandler: [
        { handler: "handler（测试）", count: 1 },
        { handler: null, count: 1 },
      ],
    });
    expect(nonZero(r.body.outcomes)).toEqual({
      disclosed: 3,
      "other.supplement_overdue": 1,
      "other.other": 1,
    });
    expect(Object.keys(r.body.outcomes).length).toBeGreaterThan(10);
  });

  it("counts a year by receipt and by disposition (a case received in 2025, decided in 2026)", async () => {
    const r = await stats("clerk", "?year=2025");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      receivedByMonth: months({ 12: 1 }),
      decided: 0,
      onTime: 0,
      onTimeRate: null,
      averageWorkdaysToReply: null,
    });
    expect(nonZero(r.body.outcomes)).toEqual({});
  });

  it("answers 401 without login, 404 for another agency, 422 for a bad year", async () => {
    expect((await stats(null, "?year=2026")).status).toBe(401);
    for (const [as, agency] of [
      ["outsider", "town"],
      ["handler", "other"],
      ["handler", "county"],
      ["supervisor", "nowhere"],
    ] as const) {
      const r = await stats(as, `?year=2026&agency=${agency}`);
      expect(r.status, `${as} ${agency}`).toBe(404);
      expect(r.body.error.code).toBe("not_found");
      expect(isChineseError(r.body)).toBe(true);
    }
    expect((await stats("handler", "?year=26")).status).toBe(422);
    expect((await stats("handler", "?year=2026&include=all")).status).toBe(422);
  });

  it("gives a plain user its own agency even when asked for the subtree", async () => {
    const r = await stats("handler", "?year=2026&include=subtree");
    expect(r.body).toMatchObject({ agencyCode: "town", scope: "agency", decided: 3 });
  });

  it("sums a supervisor's subtree, or shows one agency below it", async () => {
    const tree = await stats("supervisor", "?year=2026&include=subtree");
    expect(tree.status).toBe(200);
    expect(tree.body).toMatchObject({
      agencyCode: "county",
      scope: "subtree",
      receivedByMonth: months({ 1: 4, 2: 2, 3: 3 }),
      decided: 4,
      onTime: 3,
      lateOpen: 3,
      onTimeRate: 0.429, // 3 of 4 + 3
      averageWorkdaysToReply: 18, // (11 + 41 + 17 + 3) / 4
    });
    expect(nonZero(tree.body.outcomes)).toEqual({
      disclosed: 4,
      "other.supplement_overdue": 1,
      "other.other": 1,
    });
    expect(tree.body.overdueByHandler).toHaveLength(3);
    expect(new Set(tree.body.overdueByHandler)).toEqual(
      new Set([
        { handler: "handler（测试）", count: 1 },
        { handler: "outsider（测试）", count: 1 },
        { handler: null, count: 1 },
      ]),
    );
    const own = await stats("supervisor", "?year=2026");
    expect(own.body).toMatchObject({ agencyCode: "county", scope: "agency", decided: 0 });
    expect(own.body.receivedByMonth).toEqual(MONTHS_0);
    const below = await stats("supervisor", "?year=2026&agency=other");
    expect(below.body).toMatchObject({
      agencyCode: "other",
      scope: "agency",
      receivedByMonth: months({ 1: 1, 3: 1 }),
      decided: 1,
      onTime: 1,
      // not 100% next to a case overdue since February
      lateOpen: 1,
      onTimeRate: 0.5,
      averageWorkdaysToReply: 3,
      overdueByHandler: [{ handler: "outsider（测试）", count: 1 }],
    });
    const admin = await stats("admin", "?year=2026&agency=town&include=subtree");
    expect(admin.body).toMatchObject({ agencyCode: "town", scope: "subtree", decided: 3 });
  });

  it("gives a supervisor each agency of the subtree: open, overdue, on-time rate", async () => {
    const tree = await stats("supervisor", "?year=2026&include=subtree");
    const byCode = Object.fromEntries(tree.body.agencies.map((a) => [a.agencyCode, a]));
    expect(tree.body.agencies.map((a) => a.agencyCode)).toEqual(
      expect.arrayContaining(["county", "town", "other"]),
    );
    // town: open = the two overdue ones and the one received on 03-16
    expect(byCode.town).toMatchObject({
      open: 3,
      overdue: 2,
      decided: 3,
      onTime: 2,
      lateOpen: 2,
      onTimeRate: 0.4,
    });
    expect(byCode.other).toMatchObject({
      open: 1,
      overdue: 1,
      decided: 1,
      onTime: 1,
      lateOpen: 1,
      onTimeRate: 0.5,
    });
    expect(byCode.county).toMatchObject({ open: 0, overdue: 0, decided: 0, onTimeRate: null });
    // the rows add up to the totals
    const sum = (k: "decided" | "onTime" | "lateOpen") => tree.body.agencies.reduce((n, a) => n + a[k], 0);
    expect([sum("decided"), sum("onTime"), sum("lateOpen")]).toEqual([4, 3, 3]);
    expect(tree.body.agencies.reduce((n, a) => n + a.overdue, 0)).toBe(
      tree.body.overdueByHandler.reduce((n, h) => n + h.count, 0),
    );
    // one agency: no per-agency rows
    expect((await stats("handler", "?year=2026")).body.agencies).toEqual([]);
  });

  it("counts a late open case in the year of its reply deadline, not in another", async () => {
    // 2025: nothing decided; the open cases' deadlines passed in 2026
    const r = await stats("supervisor", "?year=2025&include=subtree");
    expect(r.body).toMatchObject({ decided: 0, lateOpen: 0, onTimeRate: null });
  });

  it("defaults the year to the current one (China time)", async () => {
    const r = await stats("handler");
    expect(r.body.year).toBe(2026);
  });
});
