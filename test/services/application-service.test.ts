import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { makeAccountService } from "../../src/services/account-service.ts";
import type { Actor } from "../../src/services/actor.ts";
import { makeApplicationService } from "../../src/services/application-service.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";

let handle: DatabaseHandle;
let now = new Date("2026-03-20T02:00:00Z");
const d = (s: string) => s as CivilDate;

async function setup() {
  handle = await createDatabase({ dataDir: "memory://" });
  await migrateToLatest(handle.db);
  const accounts = makeAccountService({ db: handle.db, now: () => now });
  await accounts.createAgency({ code: "county", name: "某县人民政府", kind: "government" });
  await accounts.createAgency({ code: "town", name: "某镇人民政府", kind: "township", parentCode: "county" });
  await accounts.createAgency({
    code: "other",
    name: "另一镇人民政府",
    kind: "township",
    parentCode: "county",
  });
  const mk = async (
    username: string,
    agencyCode: string,
    roles: ("intake" | "handler" | "approver" | "supervisor")[],
  ) => {
    const u = await accounts.createUser({
      username,
      password: "password-123",
      displayName: username,
      agencyCode,
      roles,
    });
    return (await accounts.toActor(u.id)) as Actor;
  };
  const actors = {
    clerk: await mk("clerk", "town", ["intake"]),
    handler: await mk("handler", "town", ["handler"]),
    approver: await mk("approver", "town", ["approver"]),
    outsider: await mk("outsider", "other", ["handler", "approver"]),
    supervisor: await mk("sup", "county", ["supervisor"]),
  };
  const service = makeApplicationService({
    db: handle.db,
    calendars: makeCalendarStore(handle.db),
    now: () => now,
    settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
  });
  return { service, actors };
}

let ctx: Awaited<ReturnType<typeof setup>>;
beforeAll(async () => {
  ctx = await setup();
});
afterAll(async () => {
  await handle.close();
});

const register = (receivedOn = "2026-03-02") =>
  ctx.service.register(ctx.actors.clerk, {
    agencyCode: "town",
    channel: "post",
    receivedOn: d(receivedOn),
    applicant: { type: "natural_person", name: "张三" },
    description: "2025年本镇道路修缮工程的招标文件",
    handlerUsername: "handler",
  });

describe("application service on the embedded database", () => {
  it("registers, computes the deadline, plans jobs and logs the event", async () => {
    const app = await register();
    expect(app.state).toBe("registered");
    expect(app.deadlines.reply.dueOn).toBe("2026-03-30");
    expect(app.version).toBe(1);
    expect(app.events?.map((e) => e.type)).toEqual(["application.registered"]);
    expect(app.trackingNo).toMatch(/^town-2026-\d{5}$/);
    const jobs = await handle.db
      .selectFrom("deadline_jobs")
      .selectAll()
      .where("application_id", "=", app.id)
      .execute();
    expect(jobs.map((j) => j.job_id).sort()).toContain(`app-${app.id}.reply-overdue.2026-03-30`);
    expect(jobs.find((j) => j.job_id === `app-${app.id}.reply-remind-5wd.2026-03-30`)?.run_on).toBe(
      "2026-03-23",
    );
  });

  it("moves the case through consultation and decision with version checks", async () => {
    const app = await register();
    const a1 = await ctx.service.act(ctx.actors.handler, app.id, {
      type: "start_consultation",
      on: d("2026-03-03"),
      party: "third_party",
      name: "某建筑公司",
      expectedVersion: 1,
    });
    expect(a1.flags.consulting).toBe(true);
    expect(a1.deadlines.reply.state).toBe("paused");
    await expect(
      ctx.service.act(ctx.actors.handler, app.id, {
        type: "end_consultation",
        on: d("2026-03-10"),
        consultationId: "c1",
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({ code: "version_conflict", status: 409 });
    const a2 = await ctx.service.act(ctx.actors.handler, app.id, {
      type: "end_consultation",
      on: d("2026-03-10"),
      consultationId: "c1",
    });
    expect(a2.deadlines.reply.dueOn).toBe("2026-04-07");
    await expect(
      ctx.service.act(ctx.actors.handler, app.id, {
        type: "decide",
        on: d("2026-03-11"),
        outcome: "disclosed",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const a3 = await ctx.service.act(ctx.actors.approver, app.id, {
      type: "decide",
      on: d("2026-03-11"),
      outcome: "partially_disclosed",
    });
    expect(a3.state).toBe("decided");
    expect(a3.outcome).toBe("partially_disclosed");
    expect(a3.dispositionOn).toBe("2026-03-11");
    const pending = await handle.db
      .selectFrom("deadline_jobs")
      .select("job_id")
      .where("application_id", "=", app.id)
      .where("status", "=", "pending")
      .execute();
    expect(pending).toEqual([]);
    await expect(
      ctx.service.act(ctx.actors.approver, app.id, {
        type: "extend",
        on: d("2026-03-12"),
        workdays: 5,
        reason: "x",
      }),
    ).rejects.toMatchObject({
      code: "illegal_action",
      status: 409,
    });
  });

  it("hides other agencies' cases (404) and lets a supervisor read its subtree", async () => {
    const app = await register();
    await expect(ctx.service.get(ctx.actors.outsider, app.id)).rejects.toMatchObject({
      code: "not_found",
      status: 404,
    });
    expect((await ctx.service.get(ctx.actors.supervisor, app.id)).id).toBe(app.id);
    await expect(
      ctx.service.act(ctx.actors.supervisor, app.id, { type: "withdraw", on: d("2026-03-05") }),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("closes a backdated case whose supplement window ended long ago, dated the day after", async () => {
    now = new Date("2026-03-20T02:00:00Z");
    const app = await register("2020-01-02");
    await ctx.service.act(ctx.actors.handler, app.id, {
      type: "request_supplement",
      on: d("2020-01-06"),
      items: ["请说明所需信息的名称"],
      // Posted and signed for the same day: the window counts from 01-06 (DOMAIN.md §5).
      receivedByAddresseeOn: d("2020-01-06"),
    });
    const applied = await ctx.service.applyAutomaticEvents(app.id);
    expect(applied).toBe(1);
    const after = await ctx.service.get(ctx.actors.handler, app.id);
    expect(after.state).toBe("closed");
    expect(after.outcome).toBe("other.supplement_overdue");
    expect(after.dispositionOn).toBe("2020-02-04");
    expect(after.events?.at(-1)).toMatchObject({
      type: "supplement.expired",
      actor: "system",
      on: "2020-02-04",
    });
    expect(await ctx.service.applyAutomaticEvents(app.id)).toBe(0);
  });

  it("refuses an action dated in a closed year unless it is an amendment with a reason", async () => {
    const app = await register("2026-03-02");
    const town = await handle.db
      .selectFrom("agencies")
      .select("id")
      .where("code", "=", "town")
      .executeTakeFirstOrThrow();
    await handle.db
      .insertInto("report_versions")
      .values({ agency_id: town.id, year: 2026, version: 1, data: "{}", reason: null, closed_by: null })
      .execute();
    try {
      await expect(
        ctx.service.act(ctx.actors.clerk, app.id, { type: "withdraw", on: d("2026-03-05") }),
      ).rejects.toMatchObject({
        code: "year_closed",
        status: 409,
      });
      const after = await ctx.service.act(ctx.actors.clerk, app.id, {
        type: "withdraw",
        on: d("2026-03-05"),
        amendmentReason: "撤回申请书漏登",
      });
      expect(after.state).toBe("closed");
      expect(after.events?.at(-1)?.reason).toBe("撤回申请书漏登");
    } finally {
      await handle.db.deleteFrom("report_versions").where("agency_id", "=", town.id).execute();
    }
  });

  it("refuses dates in the future", async () => {
    await expect(register("2026-03-21")).rejects.toMatchObject({ code: "invalid_input", status: 422 });
  });

  it("lists a page of the actor's cases with the total", async () => {
    const page = await ctx.service.list(ctx.actors.handler, { q: "招标", page: 1 });
    expect(page.total).toBeGreaterThanOrEqual(4);
    expect(page.items.length).toBe(Math.min(page.total, 20));
    const none = await ctx.service.list(ctx.actors.outsider, {});
    expect(none.total).toBe(0);
  });
});
