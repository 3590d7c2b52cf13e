import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_STATES } from "../../machines/api-state.ts";
import type { ApplicationView, ClockView } from "../../src/services/application-types.ts";
import type { WorklistCounters } from "../../src/services/count-worklist-clocks.ts";
import { WORKLIST_SORTS } from "../../src/services/worklist-query.ts";
import { actionBody, type ErrorBody, registerBody } from "./helpers/fixtures.ts";
import {
  BACKENDS,
  SETUP_TIMEOUT,
  startTestApp,
  type TestApp,
  TODAY,
  type UserKey,
} from "./helpers/test-app.ts";

type Reply = ApplicationView & ErrorBody;
type Page = { items: ApplicationView[]; total: number } & ErrorBody;

/**
 * The 工作台 as a to-do list (issue 11): the 待办 order is the order of each case's earliest
 * open clock, whatever its kind, across every page; every column sorts the whole list; the
 * tabs per role; the counters per clock kind. Today is 2026-03-20 (Friday).
 */
describe.each(BACKENDS)("the worklist's tabs, order and counters (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  /** Case label → id. */
  const ids: Record<string, string> = {};
  const label = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;

  const register = async (name: string, overrides: Record<string, unknown>) => {
    const r = await t.call<Reply>("POST", "/api/v1/applications", {
      as: "clerk",
      body: registerBody({ applicant: { type: "natural_person", name: `申请人${name}` }, ...overrides }),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids[name] = r.body.id;
    return r.body.id;
  };
  const act = async (as: UserKey, id: string, body: Record<string, unknown>) => {
    const r = await t.call<Reply>("POST", `/api/v1/applications/${id}/actions`, { as, body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  };
  /** Every page of a query, concatenated. */
  const allPages = async (as: UserKey, query: string, pageSize: number) => {
    const out: ApplicationView[] = [];
    for (let page = 1; ; page++) {
      const r = await t.call<Page>("GET", `/api/v1/applications?${query}&pageSize=${pageSize}&page=${page}`, {
        as,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      out.push(...r.body.items);
      if (r.body.items.length < pageSize) {
        expect(out.length).toBe(r.body.total);
        return out;
      }
    }
  };

  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
    // A: new, its supplement notice (7 WD) runs out 03-27, before C's reply deadline (04-02).
    await register("A", { receivedOn: "2026-03-18", channel: "online" });
    // B: reply due 03-25; its supplement notice (03-09) lapsed without a notice.
    await register("B", { receivedOn: "2026-02-26", channel: "online" });
    // B2: reply due 04-01; its lapsed notice (03-13) must not put it first.
    await register("B2", { receivedOn: "2026-03-04", channel: "online" });
    // C: reply due 04-02.
    await register("C", { receivedOn: "2026-03-05", channel: "online" });
    // D: a supplement notice posted 03-03, its receipt not recorded: the receipt clock (03-10) is overdue.
    const d = await register("D", { receivedOn: "2026-03-02", channel: "post" });
    await act("handler", d, actionBody("request_supplement", "2026-03-03"));
    // E: a consultation letter posted 03-17: receipt due 03-24, before its notice (03-25).
    const e = await register("E", { receivedOn: "2026-03-16", channel: "online" });
    await act("handler", e, actionBody("start_consultation", "2026-03-17"));
    // F: a fee notice handed over 03-10: the payment window (20 WD) is the open clock.
    const f = await register("F", { receivedOn: "2026-03-09", channel: "online" });
    await act("handler", f, { ...actionBody("issue_fee_notice", "2026-03-10"), sentBy: "in_person" });
    // G: replied, to be delivered: open, no clock.
    const g = await register("G", { receivedOn: "2026-03-02", channel: "online" });
    await act("approver", g, actionBody("decide", "2026-03-10"));
    // H: the handler's proposal waits for the approver.
    const h = await register("H", { receivedOn: "2026-03-11", channel: "online" });
    await act("handler", h, {
      ...actionBody("propose_decision", "2026-03-12"),
      outcome: "disclosed",
    });
    // I: registered without a handler (to hand on).
    await register("I", { receivedOn: "2026-03-19", channel: "online", handlerUsername: undefined });
    // J: withdrawn by the handler: closed.
    const j = await register("J", { receivedOn: "2026-03-03", channel: "online" });
    await act("handler", j, actionBody("withdraw", "2026-03-05"));
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  /** The earliest open clock of a case as its own page shows it (the test's oracle). */
  const earliestOpenClock = async (id: string): Promise<string | null> => {
    const r = await t.call<Reply>("GET", `/api/v1/applications/${id}`, { as: "handler" });
    const dl = r.body.deadlines;
    const clocks: ClockView[] = [
      dl.reply,
      ...(dl.supplementNotice ? [dl.supplementNotice] : []),
      ...(dl.supplementWindow?.awaitingReceipt ? [] : dl.supplementWindow ? [dl.supplementWindow] : []),
      ...(dl.feePayment?.awaitingReceipt ? [] : dl.feePayment ? [dl.feePayment] : []),
      ...(dl.consultations ?? []).filter((c) => !c.provisional),
      ...(dl.receipts ?? []),
      ...(dl.reReply ? [dl.reReply] : []),
    ];
    const open = clocks.filter((c) => c.state === "running" || (c.state === "missed" && !c.doneOn));
    return open.map((c) => c.dueOn).sort()[0] ?? null;
  };

  it("待办 of a handler: the earliest open clock of any kind first, across pages of 3", async () => {
    const todo = await allPages("handler", "view=todo", 3);
    expect(todo.map((a) => label(a.id))).toEqual(["D", "E", "B", "A", "I", "B2", "C", "F", "G"]);
    const keys = await Promise.all(todo.map((a) => earliestOpenClock(a.id)));
    expect(keys).toEqual([
      "2026-03-10", // D: the posted supplement notice's receipt, overdue
      "2026-03-24", // E: the consultation letter's receipt
      "2026-03-25", // B: reply (2026-02-28 is a make-up working day)
      "2026-03-27", // A: supplement notice
      "2026-03-30", // I: supplement notice
      "2026-04-01", // B2: reply (its notice lapsed on 03-13)
      "2026-04-02", // C: reply
      "2026-04-08", // F: fee payment (the reply stands still)
      null, // G: replied, to deliver
    ]);
    // each item names the clock that runs out first, as the 工作台's 最近期限 column shows it
    expect(todo.map((a) => a.nextDue?.dueOn ?? null)).toEqual(keys);
    expect(todo.map((a) => a.nextDue?.kind ?? null)).toEqual([
      "receipt",
      "receipt",
      "reply",
      "supplementNotice",
      "supplementNotice",
      "reply",
      "reply",
      "feePayment",
      null,
    ]);
  });

  it("the tabs per role: 待办 of the approver and of intake, 我承办的, 已办, 全部", async () => {
    const labels = async (as: UserKey, query: string) =>
      (await allPages(as, query, 100)).map((a) => label(a.id));
    expect(await labels("approver", "view=todo")).toEqual(["H"]);
    // intake: receipts to record, a reply to deliver, a case to hand on
    expect(await labels("clerk", "view=todo")).toEqual(["D", "E", "I", "G"]);
    expect((await labels("handler", "view=mine")).sort()).toEqual(
      ["A", "B", "B2", "C", "D", "E", "F", "G", "H", "J"].sort(),
    );
    // 已办: what the handler entered that no longer waits for them (a proposal with the approver, a withdrawal)
    expect((await labels("handler", "view=done")).sort()).toEqual(["H", "J"]);
    expect(await labels("handler", "view=all")).toHaveLength(11);
    // a supervisor has no 待办 of their own; another agency's handler sees none of these
    expect(await labels("supervisor", "view=todo")).toEqual([]);
    expect(await labels("outsider", "view=todo")).toEqual([]);
  });

  it("every column sorts the whole list, both ways, pages of 4 joining into the one-page order", async () => {
    const stateRank = (s: string) => API_STATES.indexOf(s as (typeof API_STATES)[number]);
    const valueFns: Record<string, ((a: ApplicationView) => string | number | null) | null> = {
      receivedOn: (a) => a.receivedOn,
      trackingNo: (a) => a.trackingNo,
      applicant: (a) => a.applicant.name,
      applicantType: (a) => a.applicant.type,
      channel: (a) => a.channel,
      state: (a) => stateRank(a.state),
      handler: (a) => a.handler,
      agency: (a) => a.agencyName,
      due: (a) => (a.dispositionOn ? null : a.deadlines.reply.dueOn),
      urgency: null,
    };
    for (const sort of WORKLIST_SORTS) {
      for (const order of ["asc", "desc"] as const) {
        const query = `view=all&sort=${sort}&order=${order}`;
        const paged = await allPages("handler", query, 4);
        const whole = await allPages("handler", query, 100);
        expect(
          paged.map((a) => a.id),
          query,
        ).toEqual(whole.map((a) => a.id));
        expect(new Set(paged.map((a) => a.id)).size).toBe(11);
        const value = valueFns[sort];
        if (!value) continue;
        const values = paged.map(value);
        const present = values.filter((v) => v !== null);
        const sorted = [...present].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        if (order === "desc") sorted.reverse();
        // NULLs (no handler, no running reply) last either way
        expect(values, query).toEqual([...sorted, ...values.filter((v) => v === null)]);
      }
    }
    const byUrgency = await allPages("handler", "view=all&sort=urgency", 4);
    // H's notice runs out today (03-20): the proposal waits, but the clock is the case's
    expect(byUrgency.map((a) => label(a.id))).toEqual([
      "D",
      "H",
      "E",
      "B",
      "A",
      "I",
      "B2",
      "C",
      "F",
      "G",
      "J",
    ]);
  });

  it("a sort or a tab the server does not know is a 422 naming it", async () => {
    const r = await t.call<ErrorBody>("GET", "/api/v1/applications?sort=idNumber", { as: "handler" });
    expect(r.status).toBe(422);
    expect(r.body.error.details?.[0]?.field).toBe("sort");
  });

  it("the counters: every clock kind, overdue, due today, within 5 working days; the approver's queue", async () => {
    const r = await t.call<WorklistCounters & ErrorBody>("GET", "/api/v1/applications/counters?view=todo", {
      as: "handler",
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      today: TODAY,
      soonUntil: "2026-03-27",
      soonWorkdays: 5,
      awaitingApproval: 1,
    });
    const byKind = Object.fromEntries(
      r.body.clocks.map((c) => [c.kind, [c.overdue, c.dueToday, c.dueSoon]] as const),
    );
    expect(byKind).toEqual({
      reply: [0, 0, 1], // B 03-25
      supplementNotice: [0, 0, 2], // A 03-27, E 03-25 (B, B2, C, F lapsed: not overdue)
      supplementWindow: [0, 0, 0], // D's waits for its receipt
      consultation: [0, 0, 0],
      feePayment: [0, 0, 0],
      receipt: [1, 0, 1], // D 03-10, E 03-24
      reReply: [0, 0, 0],
    });
    expect(r.body.clocks.find((c) => c.kind === "receipt")?.label).toBe("送达签收登记");
    const approver = await t.call<WorklistCounters>("GET", "/api/v1/applications/counters?view=todo", {
      as: "approver",
    });
    expect(approver.body.awaitingApproval).toBe(1);
    expect(approver.body.clocks.find((c) => c.kind === "reply")).toMatchObject({ overdue: 0, dueSoon: 0 });
  });
});
