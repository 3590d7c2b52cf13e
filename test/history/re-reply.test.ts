// 重新答复 (DOMAIN.md §3): a review decision corrects a reply of a closed year and orders a new
// one; it gets its own clock, reminders and escalation on the same application, and the closed
// year's tables do not change. Today is 2026-03-20 (a Friday).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplicationView } from "../../src/services/application-types.ts";
import { ZERO_TABLE2_2021 } from "../reports/support/table2-figures.ts";
import { BACKENDS, type HistorySystem, startHistorySystem } from "./support/history-system.ts";

type Rows = Record<string, Record<string, number>>;

describe.each(BACKENDS)("a re-reply after a corrected review (%s)", (_name, databaseUrl) => {
  let h: HistorySystem;

  beforeAll(async () => {
    h = await startHistorySystem(await databaseUrl());
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  async function ok<T = ApplicationView>(
    r: Promise<{ status: number; body: unknown }>,
    status = 200,
  ): Promise<T> {
    const reply = await r;
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    return reply.body as T;
  }

  async function jobsOf(id: string) {
    const rows = await h.system.core.database.db
      .selectFrom("deadline_jobs")
      .select(["job_id", "status", "run_on"])
      .where("application_id", "=", id)
      .where("job_id", "like", `%reReply%`)
      .orderBy("run_on")
      .execute();
    return rows.map((r) => [r.job_id.replace(`app-${id}.`, ""), r.status, r.run_on]);
  }

  it("opens a clock on the same case, reminds, escalates, and leaves the closed year's tables alone", async () => {
    const app = await h.register("2025-03-03");
    await ok(
      h.act("approver", app.id, {
        type: "decide",
        on: "2025-03-20",
        outcome: "withheld.state_secret",
        reasons: "所申请信息经定密属于国家秘密",
      }),
    );
    await ok(h.call("townadmin", "PUT", "/api/v1/agencies/town/reports/2025/proactive", ZERO_TABLE2_2021));
    const closed = await ok<{ table3: { rows: Rows } }>(
      h.call("townadmin", "POST", "/api/v1/agencies/town/reports/2025/close", { acknowledgeWarnings: true }),
    );
    const appeal = await ok<{ id: string }>(
      h.call("approver", "POST", `/api/v1/applications/${app.id}/appeals`, {
        kind: "administrative_review",
        filedOn: "2025-05-06",
      }),
      201,
    );
    // Only a correction orders a new reply.
    const upheld = await h.call("approver", "POST", `/api/v1/appeals/${appeal.id}/result`, {
      result: "upheld",
      on: "2026-03-10",
      reReplyRequired: true,
    });
    expect(upheld.status).toBe(422);
    await ok(
      h.call("approver", "POST", `/api/v1/appeals/${appeal.id}/result`, {
        result: "corrected",
        on: "2026-03-10",
        decisionReceivedOn: "2026-03-12",
        reReplyRequired: true,
        reReplyDueOn: "2026-03-24",
      }),
    );
    const ordered = await h.get(app.id);
    expect(ordered).toMatchObject({
      state: "decided",
      outcome: "withheld.state_secret",
      dispositionOn: "2025-03-20",
    });
    expect(ordered.events?.at(-1)).toMatchObject({
      type: "rereply.ordered",
      on: "2026-03-12",
      payload: expect.objectContaining({ appealId: appeal.id, dueOn: "2026-03-24" }),
    });
    expect(ordered.deadlines.reReply).toMatchObject({ dueOn: "2026-03-24", state: "running" });
    expect(ordered.allowedActions).toContain("re_reply");
    // The 2-WD reminder is due today (03-24 less 2 WD): sent once; the day itself and the
    // escalation wait.
    await h.settle();
    // (The worker may have escalated the first reply before its decision was typed in: aside.)
    const sent = await h.system.core.database.db
      .selectFrom("sent_notifications")
      .select("notification_key")
      .where("application_id", "=", app.id)
      .where("notification_key", "like", "%reReply%")
      .execute();
    expect(sent.map((s) => s.notification_key.replace(`app-${app.id}.`, ""))).toEqual([
      "reReply-remind-2wd.2026-03-24",
    ]);
    expect(await jobsOf(app.id)).toEqual([
      ["reReply-remind-2wd.2026-03-24", "done", "2026-03-20"],
      ["reReply-remind-0wd.2026-03-24", "pending", "2026-03-24"],
      ["reReply-overdue.2026-03-24", "pending", "2026-03-25"],
    ]);
    // The new reply: its clock is met, its jobs are gone; the state and the tables stay.
    const replied = await ok(
      h.act("approver", app.id, { type: "re_reply", on: "2026-03-20", outcome: "disclosed" }),
    );
    expect(replied).toMatchObject({
      state: "decided",
      outcome: "withheld.state_secret",
      dispositionOn: "2025-03-20",
    });
    expect(replied.deadlines.reReply).toMatchObject({ state: "met", doneOn: "2026-03-20" });
    // Its letter cites the first reply and the review decision that ordered the new one.
    const core = h.system.core;
    const approver = await core.accounts.toActor(
      (
        await core.database.db
          .selectFrom("users")
          .select("id")
          .where("username", "=", "approver")
          .executeTakeFirstOrThrow()
      ).id,
    );
    if (!approver) throw new Error("no approver");
    await core.letters.issueLetter(approver, app.id, "re_reply");
    const letter = await core.letters.composeLetter(approver, app.id, "re_reply");
    expect(letter.title).toBe("政府信息公开申请重新答复书");
    const text = letter.paragraphs.join("\n");
    expect(text).toContain(
      "本机关已于2025年3月20日作出答复。行政复议机关于2026年3月10日作出行政复议决定，责令本机关重新答复，本机关于2026年3月12日收到。现重新答复如下：",
    );
    expect(text).toContain("某县人民政府");
    expect(letter.date).toBe("2026年3月20日");
    expect((await jobsOf(app.id)).filter(([, status]) => status === "pending")).toEqual([]);
    const after = await ok<{ version: number; table3: { rows: Rows } }>(
      h.call("townadmin", "GET", "/api/v1/agencies/town/reports/2025"),
    );
    expect(after.table3.rows).toEqual(closed.table3.rows);
    const versions = await ok<{ items: unknown[] }>(
      h.call("townadmin", "GET", "/api/v1/agencies/town/reports/2025/versions"),
    );
    expect(versions.items).toHaveLength(1);
    // A second re-reply needs a new order.
    const again = await h.act("approver", app.id, {
      type: "re_reply",
      on: "2026-03-20",
      outcome: "disclosed",
    });
    expect(again.status).toBe(409);
  });

  it("escalates a re-reply that is late, to the approvers and the admin", async () => {
    const app = await h.register("2024-06-03");
    await ok(
      h.act("approver", app.id, {
        type: "decide",
        on: "2024-06-11",
        outcome: "unavailable.not_held",
      }),
    );
    const appeal = await ok<{ id: string }>(
      h.call("approver", "POST", `/api/v1/applications/${app.id}/appeals`, {
        kind: "litigation_direct",
        filedOn: "2024-07-01",
      }),
      201,
    );
    // A judgment received 2026-02-09 orders a new reply, no period: 20 WD (policy) → 2026-03-13
    // (春节 02-16..20, 02-23 off; 02-14, 02-28 worked).
    await ok(
      h.call("approver", "POST", `/api/v1/appeals/${appeal.id}/result`, {
        result: "corrected",
        on: "2026-02-06",
        decisionReceivedOn: "2026-02-09",
        reReplyRequired: true,
      }),
    );
    const late = await h.get(app.id);
    expect(late.deadlines.reReply).toMatchObject({ dueOn: "2026-03-13", state: "missed" });
    await h.settle();
    const sent = await h.system.core.database.db
      .selectFrom("sent_notifications")
      .select(["notification_key", "recipients"])
      .where("application_id", "=", app.id)
      .where("notification_key", "like", "%reReply%")
      .execute();
    expect(sent.map((s) => s.notification_key.replace(`app-${app.id}.`, ""))).toEqual([
      "reReply-overdue.2026-03-13",
    ]);
    expect(sent[0]?.recipients).toContain("approver@town.example.gov.cn");
  });
});
