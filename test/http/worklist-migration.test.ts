/**
 * Migration 0012 (issue 11): the worklist columns of the cases stored before it are backfilled
 * from each snapshot's facts and the stored calendar, to the values the write path keeps. On
 * both databases: cases written through the API, the columns dropped, the migration run again.
 */
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as m0012 from "../../src/db/migrations/0012-worklist-clock.ts";
import { actionBody, registerBody } from "./helpers/fixtures.ts";
import { BACKENDS, SETUP_TIMEOUT, startTestApp, type TestApp } from "./helpers/test-app.ts";

describe.each(BACKENDS)("migration 0012, the worklist columns (%s)", (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(await databaseUrl());
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  const columns = () =>
    t.db
      .selectFrom("applications")
      .select(["id", "next_due_on", "next_due_clock", "notice_due_on", "open_clocks"])
      .orderBy("id")
      .execute();

  it("backfills what the write path writes: open clocks, the next due date and the notice date", async () => {
    const register = async (receivedOn: string, channel = "online") => {
      const r = await t.call<{ id: string }>("POST", "/api/v1/applications", {
        as: "clerk",
        body: registerBody({ receivedOn, channel }),
      });
      expect(r.status).toBe(201);
      return r.body.id;
    };
    const act = async (as: "handler" | "approver", id: string, body: Record<string, unknown>) =>
      expect((await t.call("POST", `/api/v1/applications/${id}/actions`, { as, body })).status).toBe(200);
    await register("2026-03-18");
    await act(
      "handler",
      await register("2026-03-02", "post"),
      actionBody("request_supplement", "2026-03-03"),
    );
    await act("handler", await register("2026-03-04"), actionBody("request_supplement", "2026-03-05"));
    await act("approver", await register("2026-03-02"), actionBody("decide", "2026-03-10"));
    await act("handler", await register("2026-03-02"), actionBody("withdraw", "2026-03-05"));
    const written = await columns();
    expect(written.map((r) => r.open_clocks.length)).not.toEqual([0, 0, 0, 0, 0]);

    await sql`DROP INDEX IF EXISTS applications_todo_idx`.execute(t.db); // 0015 dropped it (HOT actions)
    await sql`DROP INDEX application_events_actor_idx`.execute(t.db);
    await sql`ALTER TABLE applications DROP COLUMN next_due_on, DROP COLUMN next_due_clock,
      DROP COLUMN notice_due_on, DROP COLUMN open_clocks`.execute(t.db);
    await m0012.up(t.db as unknown as Kysely<unknown>);
    expect(await columns()).toEqual(written);
    expect(written.filter((r) => r.next_due_clock === null)).toHaveLength(2);
  });
});
