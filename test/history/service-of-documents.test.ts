// Service of documents (送达, DOMAIN.md §5): a window counts from the day the addressee received
// the document. Dates counted by hand from calendar-cn.md (2022: 09-12, 10-03..07 off; 10-08,
// 10-09 worked).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { BACKENDS, type HistorySystem, startHistorySystem } from "./support/history-system.ts";

describe.each(BACKENDS)("service of documents (%s)", (_name, databaseUrl) => {
  let h: HistorySystem;

  beforeAll(async () => {
    h = await startHistorySystem(await databaseUrl());
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  async function ok(as: Parameters<HistorySystem["act"]>[0], id: string, body: Record<string, unknown>) {
    const r = await h.act(as, id, body);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
  }

  /** The receipt reminders sent (other mails, e.g. an escalation the worker sent before the notice was entered, aside). */
  async function sentReminders(id: string): Promise<string[]> {
    const rows = await h.system.core.database.db
      .selectFrom("sent_notifications")
      .select("notification_key")
      .where("application_id", "=", id)
      .where("notification_key", "like", "%receipt%")
      .execute();
    return rows.map((r) => r.notification_key.replace(`app-${id}.`, ""));
  }

  const seqOf = (app: ApplicationView, type: string) => app.events?.find((e) => e.type === type)?.seq;

  it("a posted supplement notice signed for 4 days after sending closes the case the day after the window counted from receipt", async () => {
    const app = await h.register("2022-06-06", "natural_person", "post");
    const sent = await ok("handler", app.id, {
      type: "request_supplement",
      on: "2022-06-08",
      items: ["请写明所需信息的名称"],
    });
    expect(sent.events?.at(-1)?.payload).toMatchObject({ sentBy: "post" });
    // Signed for on Sunday 06-12: 15 WD from then end on 07-01; the case closes on 07-02
    // (from the sending day it would have been 06-29 / 06-30).
    await ok("clerk", app.id, {
      type: "record_receipt",
      on: "2022-06-12",
      documentEventSeq: seqOf(sent, "supplement.requested"),
      trackingNumber: "EM123456789CN",
    });
    await h.settle();
    const closed = await h.get(app.id);
    expect(closed).toMatchObject({
      state: "closed",
      outcome: "other.supplement_overdue",
      dispositionOn: "2022-07-02",
    });
    expect(closed.deadlines.supplementWindow).toMatchObject({ startsOn: "2022-06-12", dueOn: "2022-07-01" });
    expect(closed.events?.find((e) => e.type === "document.received")?.payload).toMatchObject({
      document: "supplement_notice",
      trackingNumber: "EM123456789CN",
    });
  });

  it("without a recorded receipt a posted notice never closes the case, and the handler is reminded once to record it", async () => {
    const app = await h.register("2026-01-05", "natural_person", "post");
    await ok("handler", app.id, {
      type: "request_supplement",
      on: "2026-01-06",
      items: ["请写明所需信息的名称"],
    });
    await h.settle();
    const open = await h.get(app.id);
    expect(open).toMatchObject({ state: "awaiting_supplement", outcome: null });
    expect(open.deadlines.supplementWindow).toMatchObject({ awaitingReceipt: true, state: "running" });
    // Reminded to record the signature date 5 WD after sending (01-13), sent at once: once.
    expect(open.deadlines.receipts?.[0]).toMatchObject({
      id: "supplement_notice",
      dueOn: "2026-01-13",
      state: "running",
    });
    expect(await sentReminders(app.id)).toEqual(["receipt-supplement_notice-remind-0wd.2026-01-13"]);
    await h.system.core.applications.rederive(app.id);
    await h.settle();
    expect(await sentReminders(app.id)).toEqual(["receipt-supplement_notice-remind-0wd.2026-01-13"]);
    expect((await h.get(app.id)).state).toBe("awaiting_supplement");
    // Refused as a receipt for a document that was handed over: nothing to record.
    const handed = await h.register("2026-01-05");
    const notice = await ok("handler", handed.id, {
      type: "request_supplement",
      on: "2026-01-06",
      items: ["补正"],
    });
    const refused = await h.act("clerk", handed.id, {
      type: "record_receipt",
      on: "2026-01-07",
      documentEventSeq: seqOf(notice, "supplement.requested"),
    });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("不是邮寄送达");
  });

  it("a consultation letter received 3 days after sending moves the window's end and the excluded days", async () => {
    const app = await h.register("2022-09-01");
    const started = await ok("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-05",
      party: "third_party",
      name: "某建筑公司",
    });
    // By post (the default for a consultation letter): counted from sending, provisionally.
    const provisional = started.deadlines.consultations?.[0];
    expect(provisional).toMatchObject({ dueOn: "2022-09-27", provisional: true });
    const received = await ok("handler", app.id, {
      type: "record_receipt",
      on: "2022-09-08",
      documentEventSeq: seqOf(started, "consultation.started"),
    });
    // 15 WD from 09-08 → 09-30; days 09-06..09-30 left out of the reply clock: 18 WD → 10-31.
    expect(received.deadlines.consultations?.[0]).toMatchObject({
      startsOn: "2022-09-08",
      dueOn: "2022-09-30",
      provisional: false,
    });
    await h.settle();
    const ended = await h.get(app.id);
    expect(
      ended.events
        ?.filter((e) => e.type === "consultation.expired" && e.superseded === null)
        .map((e) => e.on),
    ).toEqual(["2022-10-01"]);
    expect(ended.deadlines.reply.dueOn).toBe("2022-10-31");
  });

  it("fixes a third party's window at the law's 15 working days", async () => {
    const app = await h.register("2022-09-01");
    const r = await h.act("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-05",
      party: "third_party",
      name: "某建筑公司",
      windowWorkdays: 10,
    });
    expect(r.status).toBe(409);
    expect(JSON.stringify(r.body)).toContain("第三十二条、第三十四条");
    const agency = await ok("handler", app.id, {
      type: "start_consultation",
      on: "2022-09-05",
      party: "other_agency",
      name: "县自然资源局",
      dueOn: "2022-09-16",
    });
    expect(agency.deadlines.consultations?.[0]).toMatchObject({ dueOn: "2022-09-16" });
  });
});
