// Histories typed in after the fact, action by action, through the HTTP API while the deadline
// workers run (DOMAIN.md §4, §5 "Automatic events are consequences"). Every expected date below
// is counted by hand from calendar-cn.md (2022: 06-03, 09-12, 10-03..07, 04-04..05 off; 04-02,
// 10-08, 10-09 worked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView, EventView } from "../../src/services/application-types.ts";
import { ZERO_TABLE2_2021 } from "../reports/support/table2-figures.ts";
import {
  BACKENDS,
  type ErrorReply,
  type HistorySystem,
  startHistorySystem,
} from "./support/history-system.ts";

type Table3Rows = Record<string, Record<string, number>>;

const live = (events: EventView[] | undefined) => (events ?? []).filter((e) => e.superseded === null);
const ofType = (events: EventView[] | undefined, type: string) =>
  (events ?? []).filter((e) => e.type === type);

describe.each(BACKENDS)("backdated histories with the workers running (%s)", (_name, databaseUrl) => {
  let h: HistorySystem;

  beforeAll(async () => {
    h = await startHistorySystem(await databaseUrl());
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  async function table3(year: number): Promise<Table3Rows> {
    const r = await h.call<{ table3: { rows: Table3Rows } }>(
      "townadmin",
      "GET",
      `/api/v1/agencies/town/reports/${year}`,
    );
    expect(r.status).toBe(200);
    return r.body.table3.rows;
  }

  async function ok(as: Parameters<HistorySystem["act"]>[0], id: string, body: Record<string, unknown>) {
    const r = await h.act(as, id, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  }

  /** Received 2022-06-06; supplement notice 06-08 with 15 WD: last day 06-29, closed on 06-30. */
  async function supplementClosedByWorker(): Promise<ApplicationView> {
    const app = await h.register("2022-06-06");
    await ok("handler", app.id, {
      type: "request_supplement",
      on: "2022-06-08",
      items: ["请写明所需信息的名称"],
      windowWorkdays: 15,
    });
    await h.settle();
    const closed = await h.get(app.id);
    expect(closed).toMatchObject({
      state: "closed",
      outcome: "other.supplement_overdue",
      dispositionOn: "2022-06-30",
    });
    expect(closed.events?.at(-1)).toMatchObject({
      type: "supplement.expired",
      actor: "system",
      on: "2022-06-30",
    });
    return closed;
  }

  it("a supplement receipt entered after the worker closed the case re-opens it; the closure is superseded", async () => {
    const before2022 = await table3(2022);
    const app = await supplementClosedByWorker();
    const received = await ok("clerk", app.id, { type: "receive_supplement", on: "2022-06-15" });
    expect(received).toMatchObject({ state: "in_progress", outcome: null, dispositionOn: null });
    // art. 30: the reply clock restarts on 06-15; 20 WD → 2022-07-13.
    expect(received.deadlines.reply.dueOn).toBe("2022-07-13");
    const receipt = ofType(received.events, "supplement.received")[0];
    expect(ofType(received.events, "supplement.expired")).toEqual([
      expect.objectContaining({ on: "2022-06-30", superseded: { bySeq: receipt?.seq, on: "2026-03-20" } }),
    ]);
    await h.settle();
    const settled = await h.get(app.id);
    expect(settled.state).toBe("in_progress");
    expect(ofType(live(settled.events), "supplement.expired")).toEqual([]);
    const decided = await ok("approver", app.id, { type: "decide", on: "2022-07-05", outcome: "disclosed" });
    expect(decided).toMatchObject({ state: "decided", outcome: "disclosed", dispositionOn: "2022-07-05" });
    expect(decided.deadlines.reply).toMatchObject({ dueOn: "2022-07-13", state: "met" });
    const after2022 = await table3(2022);
    expect(after2022.disclosed?.natural_person).toBe((before2022.disclosed?.natural_person ?? 0) + 1);
    expect(after2022["other.supplement_overdue"]?.total).toBe(before2022["other.supplement_overdue"]?.total);
  });

  it("refuses a receipt dated after the window with the reason and what to enter instead", async () => {
    const app = await supplementClosedByWorker();
    const late = await h.act("clerk", app.id, { type: "receive_supplement", on: "2022-07-05" });
    expect(late.status).toBe(409);
    expect((late.body as ErrorReply).error.message).toBe(
      "本申请已于 2022-06-30 因补正期限（最后一日为 2022-06-29）届满未补正而自动终止（《条例》第三十条）；如补正材料实际于 2022-06-29 或之前收到，请按实际收到日期登记",
    );
    expect((await h.get(app.id)).version).toBe(app.version);
  });

  it("an answer to a consultation entered after the worker ended its window supersedes the end", async () => {
    const app = await h.register("2022-09-01");
    await ok("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-05",
      party: "third_party",
      name: "某建筑公司",
    });
    await h.settle();
    // 15 WD from 09-05 (09-12 中秋 off): last day 09-27, window ended 09-28.
    const ended = await h.get(app.id);
    expect(live(ended.events).at(-1)).toMatchObject({ type: "consultation.expired", on: "2022-09-28" });
    const answered = await ok("handler", app.id, {
      type: "end_consultation",
      on: "2022-09-09",
      consultationId: "c1",
    });
    expect(ofType(answered.events, "consultation.expired")[0]?.superseded).not.toBeNull();
    // 20 WD + 4 excluded (09-06..09-09) after 09-01, 国庆 off, 10-08/10-09 worked → 10-11.
    expect(answered.deadlines.reply.dueOn).toBe("2022-10-11");
    const decided = await ok("approver", app.id, {
      type: "decide",
      on: "2022-10-10",
      outcome: "partially_disclosed",
      reasons: "其余部分涉及第三方商业秘密",
    });
    expect(decided.deadlines.reply).toMatchObject({ dueOn: "2022-10-11", state: "met" });
  });

  it("the same consultation history entered in another order ends in the same case", async () => {
    const app = await h.register("2022-09-01");
    await ok("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-05",
      party: "third_party",
      name: "某建筑公司",
    });
    // Decided first (the window ran out on 09-28 meanwhile), the answer of 09-09 typed in last.
    await ok("approver", app.id, {
      type: "decide",
      on: "2022-10-10",
      outcome: "partially_disclosed",
      reasons: "其余部分涉及第三方商业秘密",
    });
    await h.settle();
    const last = await ok("handler", app.id, {
      type: "end_consultation",
      on: "2022-09-09",
      consultationId: "c1",
    });
    expect(last).toMatchObject({
      state: "decided",
      outcome: "partially_disclosed",
      dispositionOn: "2022-10-10",
    });
    expect(last.deadlines.reply).toMatchObject({ dueOn: "2022-10-11", state: "met" });
    expect(ofType(live(last.events), "consultation.expired")).toEqual([]);
  });

  it("two overlapping consultations answered after both windows ended: merged exclusion, both ends superseded", async () => {
    const app = await h.register("2022-09-01");
    await ok("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-05",
      party: "third_party",
      name: "某建筑公司",
    });
    await ok("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-07",
      party: "other_agency",
      name: "县自然资源局",
    });
    await h.settle();
    const ended = await h.get(app.id);
    expect(
      live(ended.events)
        .filter((e) => e.type === "consultation.expired")
        .map((e) => e.on),
    ).toEqual(["2022-09-28", "2022-09-30"]);
    await ok("handler", app.id, { type: "end_consultation", on: "2022-09-14", consultationId: "c2" });
    const both = await ok("handler", app.id, {
      type: "end_consultation",
      on: "2022-09-16",
      consultationId: "c1",
    });
    expect(ofType(live(both.events), "consultation.expired")).toEqual([]);
    expect(both.flags.consulting).toBe(false);
    // 09-05..09-16 merged: 8 WD excluded; 28 WD after 09-01 → 10-17.
    expect(both.deadlines.reply.dueOn).toBe("2022-10-17");
    await h.settle();
    const decided = await ok("approver", app.id, { type: "decide", on: "2022-10-14", outcome: "disclosed" });
    expect(decided).toMatchObject({ state: "decided", dispositionOn: "2022-10-14" });
  });

  it("a payment entered a week after the fee notice re-opens a case the worker closed as unpaid", async () => {
    const app = await h.register("2022-03-01");
    await ok("handler", app.id, {
      type: "issue_fee_notice",
      on: "2022-03-10",
      basis: "per_volume",
      amountYuan: 700,
    });
    await h.settle();
    // 20 WD from 03-10 (04-02 worked, 04-04..05 off): last day 04-08, closed 04-09.
    expect(await h.get(app.id)).toMatchObject({
      state: "closed",
      outcome: "other.fee_unpaid",
      dispositionOn: "2022-04-09",
    });
    const paid = await ok("handler", app.id, { type: "receive_fee", on: "2022-03-17" });
    expect(paid).toMatchObject({ state: "in_progress", outcome: null });
    expect(ofType(live(paid.events), "fee.expired")).toEqual([]);
    // 20 WD + 5 excluded (03-11..03-17) after 03-01 → 04-06.
    expect(paid.deadlines.reply.dueOn).toBe("2022-04-06");
    const decided = await ok("approver", app.id, { type: "decide", on: "2022-04-06", outcome: "disclosed" });
    expect(decided.deadlines.reply.state).toBe("met");
  });

  it("a decision entered before the supplement receipt is refused, then accepted once the receipt is in", async () => {
    const app = await h.register("2022-06-06");
    await ok("handler", app.id, {
      type: "request_supplement",
      on: "2022-06-08",
      items: ["请写明所需信息的名称"],
    });
    const early = await h.act("approver", app.id, { type: "decide", on: "2022-07-05", outcome: "disclosed" });
    expect(early.status).toBe(409);
    expect((early.body as ErrorReply).error.message).toContain("如补正材料实际于 2022-06-29 或之前收到");
    await ok("clerk", app.id, { type: "receive_supplement", on: "2022-06-15" });
    const decided = await ok("approver", app.id, { type: "decide", on: "2022-07-05", outcome: "disclosed" });
    expect(decided).toMatchObject({ state: "decided", dispositionOn: "2022-07-05" });
    expect(decided.deadlines.reply.dueOn).toBe("2022-07-13");
  });

  it("a calendar correction moves an automatic closure, and a closure that would precede a later fact is no error", async () => {
    const closed = await supplementClosedByWorker();
    const justInTime = await h.register("2022-06-06");
    await ok("handler", justInTime.id, {
      type: "request_supplement",
      on: "2022-06-08",
      items: ["请写明所需信息的名称"],
    });
    await ok("clerk", justInTime.id, { type: "receive_supplement", on: "2022-06-29" });
    const original = await h.call<{ source: string; holidays: string[]; workdays: string[] }>(
      "sysadmin",
      "GET",
      "/api/v1/calendar/2022",
    );
    const put = (holidays: string[], workdays: string[]) =>
      h.call("sysadmin", "PUT", "/api/v1/calendar/2022", {
        source: original.body.source,
        holidays,
        workdays,
      });
    try {
      // A weekday off inside the window: its last day moves to 06-30, the closure to 07-01.
      expect(
        (await put([...original.body.holidays, "2022-06-20"].sort(), original.body.workdays)).status,
      ).toBe(200);
      const moved = await h.get(closed.id);
      expect(moved).toMatchObject({
        state: "closed",
        outcome: "other.supplement_overdue",
        dispositionOn: "2022-07-01",
      });
      const cause = ofType(moved.events, "calendar.changed")[0];
      expect(cause).toMatchObject({
        actor: "sysadmin（测试）",
        payload: expect.objectContaining({ year: 2022 }),
      });
      expect(
        ofType(moved.events, "supplement.expired").map((e) => [e.on, e.superseded?.bySeq ?? null]),
      ).toEqual([
        ["2022-06-30", cause?.seq],
        ["2022-07-01", null],
      ]);
      // A Saturday worked: the window's last day moves to 06-28, before the receipt of 06-29.
      // The receipt is a fact; the case keeps it and the correction still succeeds.
      const saturday = await put(original.body.holidays, [...original.body.workdays, "2022-06-18"].sort());
      expect(saturday.status).toBe(200);
      // Left as it was, and listed for a person to look at.
      expect((saturday.body as unknown as { conflicts: unknown[] }).conflicts).toEqual([
        {
          applicationId: justInTime.id,
          trackingNo: justInTime.trackingNo,
          message: expect.stringContaining("如补正材料实际于 2022-06-28 或之前收到"),
        },
      ]);
      expect(await h.get(justInTime.id)).toMatchObject({ state: "in_progress", outcome: null });
      expect((await h.get(closed.id)).dispositionOn).toBe("2022-06-29");
    } finally {
      expect((await put(original.body.holidays, original.body.workdays)).status).toBe(200);
    }
    expect((await h.get(closed.id)).dispositionOn).toBe("2022-06-30");
  });

  it("a year closed, then a backdated receipt in it: refused without an amendment reason, a new version with one", async () => {
    const app = await h.register("2023-11-01");
    await ok("handler", app.id, {
      type: "request_supplement",
      on: "2023-11-03",
      items: ["请写明所需信息的名称"],
    });
    await h.settle();
    expect((await h.get(app.id)).outcome).toBe("other.supplement_overdue");
    expect(
      (await h.call("townadmin", "PUT", "/api/v1/agencies/town/reports/2023/proactive", ZERO_TABLE2_2021))
        .status,
    ).toBe(200);
    const closed = await h.call<{ status: string; table3: { rows: Table3Rows } }>(
      "townadmin",
      "POST",
      "/api/v1/agencies/town/reports/2023/close",
      // no texts written: W2 (一's parts empty) is acknowledged
      { acknowledgeWarnings: true },
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.table3.rows["other.supplement_overdue"]?.total).toBe(1);
    const refused = await h.act("clerk", app.id, { type: "receive_supplement", on: "2023-11-10" });
    expect(refused.status).toBe(409);
    expect((refused.body as ErrorReply).error.code).toBe("year_closed");
    const amended = await ok("clerk", app.id, {
      type: "receive_supplement",
      on: "2023-11-10",
      amendmentReason: "补录：补正材料于 2023-11-10 收到，登记遗漏",
    });
    expect(amended).toMatchObject({ state: "in_progress", outcome: null });
    const versions = await h.call<{ items: { version: number }[] }>(
      "townadmin",
      "GET",
      "/api/v1/agencies/town/reports/2023/versions",
    );
    expect(versions.body.items.map((v) => v.version)).toEqual([1, 2]);
    const v2 = await table3(2023);
    expect(v2["other.supplement_overdue"]?.total).toBe(0);
    expect(v2.carried_forward?.total).toBe((closed.body.table3.rows.carried_forward?.total ?? 0) + 1);
  });
});
