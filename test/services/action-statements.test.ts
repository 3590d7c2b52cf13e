import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../src/db/create-database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";
import type { CivilDate } from "../../src/domain/civil-date.ts";
import { makeAccountService } from "../../src/services/account-service.ts";
import type { Actor } from "../../src/services/actor.ts";
import { makeApplicationService } from "../../src/services/application-service.ts";
import { makeCalendarStore } from "../../src/services/calendar-store.ts";
import { BACKENDS, SETUP_TIMEOUT } from "../http/helpers/test-app.ts";

const d = (s: string) => s as CivilDate;
const NOW = new Date("2026-03-20T02:00:00Z");

/** What one action sends to the database (issue 13): the statements, in order. */
describe.each(BACKENDS)("the statements of one action (%s)", (_name, databaseUrl) => {
  let handle: DatabaseHandle;
  let statements: string[] = [];
  let service: ReturnType<typeof makeApplicationService>;
  let handler: Actor;
  let approver: Actor;
  let clerk: Actor;

  beforeAll(async () => {
    handle = await createDatabase({
      databaseUrl: await databaseUrl(),
      dataDir: "memory://",
      observeStatements: (sql) => statements.push(sql),
    });
    await migrateToLatest(handle.db);
    const accounts = makeAccountService({ db: handle.db, now: () => NOW });
    await accounts.createAgency({ code: "town", name: "某镇人民政府", kind: "township" });
    const mk = async (username: string, roles: ("intake" | "handler" | "approver")[]) =>
      (await accounts.toActor(
        (
          await accounts.createUser({
            username,
            password: "password-123",
            displayName: username,
            agencyCode: "town",
            roles,
          })
        ).id,
      )) as Actor;
    clerk = await mk("clerk", ["intake"]);
    handler = await mk("handler", ["handler"]);
    approver = await mk("approver", ["approver"]);
    service = makeApplicationService({
      db: handle.db,
      // the calendar's freshness check (every 2 s by default) is no statement of the action
      calendars: makeCalendarStore(handle.db, { maxAgeMs: 3_600_000 }),
      now: () => NOW,
      settings: { supplementWindowWorkdays: 15, reminderOffsets: [5, 2, 0] },
    });
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await handle?.close();
  });

  const register = () =>
    service.register(clerk, {
      agencyCode: "town",
      channel: "online",
      receivedOn: d("2026-03-02"),
      applicant: { type: "natural_person", name: "张三" },
      description: "本镇道路修缮工程的招标文件",
      handlerUsername: "handler",
    });

  async function counted<T>(work: () => Promise<T>): Promise<{ value: T; sql: string[] }> {
    statements = [];
    const value = await work();
    return { value, sql: statements };
  }

  it("a plain action is one read and one write (two statements); the full answer reads the events once more", async () => {
    const app = await register();
    const start = await counted(() =>
      service.actMinimal(handler, app.id, {
        type: "start_consultation",
        on: d("2026-03-04"),
        party: "third_party",
        name: "第三方",
      }),
    );
    expect(start.sql.map((s) => s.slice(0, 22))).toEqual([
      "/* ogi:case-read */ SE",
      "/* ogi:case-write */\nW",
    ]);
    expect(start.value.version).toBe(2);
    expect(start.value.state).toBe("in_progress");
    expect(start.value.events.map((e) => [e.seq, e.type, e.actor])).toEqual([
      [2, "consultation.started", "handler"],
    ]);
    expect(start.value.allowedActions).toContain("end_consultation");

    const end = await counted(() =>
      service.act(handler, app.id, { type: "end_consultation", on: d("2026-03-04"), consultationId: "c1" }),
    );
    expect(end.sql).toHaveLength(3);
    expect(end.sql[2]).toMatch(/from "application_events"/);
    expect(end.value.events?.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(end.value.version).toBe(3);
  });

  it("plans the deadline rows anew, and a writer whose read went stale reads and writes again", async () => {
    const app = await register();
    const jobsOf = async () =>
      (
        await handle.db
          .selectFrom("deadline_jobs")
          .select("job_id")
          .where("application_id", "=", app.id)
          .where("status", "=", "pending")
          .orderBy("job_id")
          .execute()
      ).map((j) => j.job_id);
    const before = await jobsOf();
    await service.actMinimal(handler, app.id, {
      type: "start_consultation",
      on: d("2026-03-04"),
      party: "third_party",
      name: "第三方",
    });
    const during = await jobsOf();
    // the consultation's own window is planned; the reply clock is paused (its rows move)
    expect(during.filter((j) => j.includes("consultation-c1-expired"))).toHaveLength(1);
    expect(during).not.toEqual(before);
    // Two writers read version 2; the second one's write finds version 3 and reads again.
    const [a, b] = await Promise.all([
      service.actMinimal(approver, app.id, {
        type: "extend",
        on: d("2026-03-05"),
        workdays: 5,
        reason: "需要协调",
      }),
      service.actMinimal(handler, app.id, {
        type: "end_consultation",
        on: d("2026-03-05"),
        consultationId: "c1",
      }),
    ]);
    expect([a.version, b.version].sort()).toEqual([3, 4]);
    const events = await handle.db
      .selectFrom("application_events")
      .select(["seq", "type"])
      .where("application_id", "=", app.id)
      .orderBy("seq")
      .execute();
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set([
        "application.registered",
        "consultation.started",
        "extension.granted",
        "consultation.answered",
      ]),
    );
  });

  it("answers a backdated action with its entry and the automatic events it superseded", async () => {
    const app = await service.register(clerk, {
      agencyCode: "town",
      channel: "online",
      receivedOn: d("2026-02-02"),
      applicant: { type: "natural_person", name: "李四" },
      description: "本镇2025年财政预算",
      handlerUsername: "handler",
    });
    await service.actMinimal(handler, app.id, {
      type: "request_supplement",
      on: d("2026-02-03"),
      items: ["请写明所需信息的名称"],
    });
    expect(await service.applyAutomaticEvents(app.id)).toBe(1);
    const closed = await service.get(handler, app.id);
    expect(closed.state).toBe("closed");
    const expired = closed.events?.at(-1);
    const answer = await service.actMinimal(handler, app.id, {
      type: "receive_supplement",
      on: d("2026-02-10"),
    });
    expect(answer.state).toBe("in_progress");
    expect(answer.events.map((e) => [e.seq, e.type, e.superseded?.bySeq ?? null])).toEqual([
      [4, "supplement.received", null],
      [expired?.seq, expired?.type, 4],
    ]);
  });
});
